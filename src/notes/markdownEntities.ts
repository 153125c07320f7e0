/**
 * Stands in for the `entities` package inside the bundle (esbuild alias): markdown-it only needs it to
 * decode named character references, and the full table is 77 KB of the 400 KB bundle budget. Content
 * validation rejects any named reference outside this table, so nothing renders differently.
 */
export const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', copy: '©', reg: '®', trade: '™',
  hellip: '…', mdash: '—', ndash: '–', larr: '←', rarr: '→', harr: '↔', uarr: '↑', darr: '↓', rArr: '⇒',
  times: '×', divide: '÷', plusmn: '±', le: '≤', ge: '≥', ne: '≠', asymp: '≈', deg: '°', micro: 'µ',
  middot: '·', bull: '•', laquo: '«', raquo: '»', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”',
  euro: '€', sect: '§', para: '¶', infin: '∞', check: '✓', cross: '✗',
};

const NAMED_REFERENCE = /&([a-zA-Z][a-zA-Z0-9]{1,31});/g;

function decode(text: string): string {
  return text.replace(NAMED_REFERENCE, (reference, name: string) => NAMED_ENTITIES[name] ?? reference);
}

export const decodeHTML = decode;
export const decodeHTMLStrict = decode;
