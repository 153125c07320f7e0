/**
 * What the web build packs once for both hosts: the study catalog, the hints part and the study part (LZMA in Base93, each
 * behind a tag). The Node build reads them from there instead of carrying copies of its own
 * (webBuildCatalog.node.ts, hints/hintsPartFromWebBuild.node.ts). Base93's alphabet has no double quote or
 * backslash, so a packed text ends where the string that holds it does, however many times the build
 * has quoted it: JSON and esbuild quote a text with single quotes and no double ones in double quotes,
 * with no escapes (the build checks that the Node side finds each text as it packed it).
 */

/** What the web build's packed catalog starts with; nowhere else in that file. */
export const CATALOG_TAG = 'aws-db-study/catalog:';

/** What the web build's packed hints part starts with; nowhere else in that file. */
export const HINTS_PART_TAG = 'aws-db-study/hints-part:';

/** What the web build's packed study part starts with; nowhere else in that file. */
export const STUDY_PART_TAG = 'aws-db-study/study-part:';

/**
 * What the packed study part requires for the catalog, which stays outside it (behind `CATALOG_TAG`, where the Node
 * build finds it): a function that gives the catalog's JSON, as `aws-db-study:content` does elsewhere.
 */
export const CATALOG_REQUEST = 'aws-db-study:catalog';

/** The packed text behind `tag` in the web build's text, or undefined when the text holds none or more than one. */
export function packedIn(bundle: string, tag: string): string | undefined {
  const start = bundle.indexOf(tag);
  if (start < 0 || bundle.indexOf(tag, start + 1) >= 0) {
    return undefined;
  }
  let end = start + tag.length;
  while (end < bundle.length && bundle[end] !== '"' && bundle[end] !== '\\') {
    end++;
  }
  return bundle.slice(start + tag.length, end);
}
