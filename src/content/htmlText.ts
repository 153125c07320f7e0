/**
 * The text of the HTML the build rendered from content markdown, for places that show or search plain
 * text (Quick Pick prompts and labels, topic search). markdown-it decodes every character reference of
 * the markdown and escapes only `& < > "` in what it writes, so tags and these four are all there is.
 */
const MARKUP = /<[^>]*>|&(?:amp|lt|gt|quot);/g;
const ESCAPED: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' };

export function textOf(html: string): string {
  return html.replace(MARKUP, (match) => ESCAPED[match] ?? '');
}
