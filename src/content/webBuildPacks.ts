/**
 * The packed catalog, shipped once in the .vsix: the web build embeds it (LZMA in Z85, behind a tag),
 * and the Node build's study part reads it from there instead of carrying a copy of its own. Z85's
 * alphabet has no quote or backslash, so the packed text ends where the string that holds it does,
 * however many times the build has quoted it.
 */

/** What the web build's packed catalog starts with; nowhere else in that file. */
export const CATALOG_TAG = 'aws-db-study/catalog:';

/** The packed catalog held in the web build's text, or undefined when the text holds none or more than one. */
export function packedCatalogIn(bundle: string): string | undefined {
  const start = bundle.indexOf(CATALOG_TAG);
  if (start < 0 || bundle.indexOf(CATALOG_TAG, start + 1) >= 0) {
    return undefined;
  }
  let end = start + CATALOG_TAG.length;
  while (end < bundle.length && bundle[end] !== '"' && bundle[end] !== '\\') {
    end++;
  }
  return bundle.slice(start + CATALOG_TAG.length, end);
}
