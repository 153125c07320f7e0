/**
 * Making text safe to print in a CI log or a terminal. File names and names taken from analysed
 * code can hold newlines, ANSI escape sequences or a GitHub Actions workflow command
 * (`\n::error file=…::…`); printed raw, they would forge log lines or findings.
 */

/**
 * C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the bidirectional
 * formatting characters (which can make a line read differently from what it holds), plus the
 * backslash so that an escape can never be mistaken for the text it stands for.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\\]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\\': '\\\\' };

function hexEscape(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One field of a printed line: every unsafe character as a visible escape. */
export function escapeField(text: string): string {
  return text.replace(UNSAFE, (char) => NAMED[char] ?? hexEscape(char));
}

/**
 * The first field of a printed line: escaped, and with a leading `:` or `#` (and any whitespace
 * before it) escaped too, since CI runners read lines that start with `::` (GitHub Actions) or `##`
 * (GitHub, Azure Pipelines) as commands, after trimming leading whitespace.
 */
export function escapeLineStart(text: string): string {
  const escaped = escapeField(text);
  const lead = /^\s*[:#]/.exec(escaped);
  return lead ? [...lead[0]].map(hexEscape).join('') + escaped.slice(lead[0].length) : escaped;
}

/**
 * JSON text with the characters JSON.stringify leaves raw but terminals act on (DEL, C1 controls)
 * and the invisible separators and bidi controls written as `\u` escapes: the same JSON value.
 */
export function jsonSafe(json: string): string {
  return json.replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A relative `/`-separated path as a URI reference: each segment percent-encoded. */
export function encodeRelativeUri(relative: string): string {
  // encodeURIComponent throws on a lone surrogate; a file name decoded from bytes should hold none, but never throw.
  const wellFormed = relative.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  return wellFormed.split('/').map(encodeURIComponent).join('/');
}

/** A multi-line text (a stack trace) as indented lines, each escaped: no line of it can start a CI command. */
export function escapeLines(text: string, indent = '  '): string {
  return text
    .split(/\r?\n/)
    .map((line, index) => (index === 0 ? escapeField(line) : indent + escapeLineStart(line)))
    .join('\n');
}
