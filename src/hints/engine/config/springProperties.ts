/**
 * Spring Boot's `application.properties` (and `application-<profile>.properties`), read into the same properties as
 * `application.yml` (`spring.ts`): `key=value`, `key: value` or `key value` lines, `#` and `!` comments, and `#---`
 * (or `!---`) lines that start a new document, as Spring Boot 2.4+ reads them
 * (https://docs.spring.io/spring-boot/reference/features/external-config.html). A value continued on the next lines
 * (a trailing `\`) is read as `java.util.Properties` joins it, each next line without its leading spaces (a JDBC URL
 * broken before its `&` parameters), and kept from quick fixes; a value holding any other backslash (an escape) is
 * left out: its text is not what the file shows.
 */
import { budgetTick } from '../budget';
import { DocumentModel, parseSuppression } from '../model';
import { IacEntry } from '../iac/tree';
import { LineIndex } from '../text';
import { canonicalKey, Properties, springConnections } from './spring';

/** Lines of one continued value read before giving up on it. */
const MAX_CONTINUATION_LINES = 16;

/** `key`, then `=`, `:` or spaces, then the value, on one logical line. */
const PROPERTY = /^([^=:\s\\]+)(\s*[=:]\s*|\s+)(.*)$/;

export function readSpringProperties(lines: LineIndex): DocumentModel {
  const { documents, suppressions } = springPropertiesDocuments(lines);
  return springConnections(documents, suppressions);
}

/** The properties of each document of an `application.properties`, in the file's order. */
export function springPropertiesDocuments(lines: LineIndex): { documents: Properties[]; suppressions: DocumentModel['suppressions'] } {
  const documents: Properties[] = [new Map()];
  const suppressions: DocumentModel['suppressions'] = [];
  let continued = false;
  for (let line = 0; line < lines.lineCount; line++) {
    budgetTick();
    const raw = lines.lineText(line);
    const content = raw.trimStart();
    const wasContinued = continued;
    continued = endsContinued(raw);
    if (wasContinued) {
      continue;
    }
    if (content.startsWith('#') || content.startsWith('!')) {
      // A comment line is never continued (java.util.Properties.load).
      continued = false;
      if (/^[#!]---\s*$/.test(content)) {
        documents.push(new Map());
      }
      const ids = parseSuppression(content);
      if (ids) {
        suppressions.push({ line: line + 1, ruleIds: ids });
      }
      continue;
    }
    const match = PROPERTY.exec(content);
    const joined = match && continued ? continuedValue(lines, line, match[3]) : undefined;
    if (!match || (continued && !joined) || (!continued && match[3].includes('\\'))) {
      continue;
    }
    const start = lines.lineStart(line) + (raw.length - content.length);
    const value = joined?.value ?? match[3].trimEnd();
    const valueStart = start + match[1].length + match[2].length;
    const valueEnd = joined?.end ?? valueStart + value.length;
    const entry: IacEntry = {
      key: match[1],
      keySpan: { start, end: start + match[1].length },
      value: { kind: 'scalar', span: { start: valueStart, end: valueEnd }, literal: { kind: 'str', value }, replaceable: !joined },
      removal: { start, end: valueEnd },
    };
    documents[documents.length - 1].set(canonicalKey(match[1]), entry);
  }
  return { documents, suppressions };
}

/** Whether a line ends with a backslash that is not itself escaped: the value goes on with the next line. */
function endsContinued(raw: string): boolean {
  return /(?:^|[^\\])(?:\\\\)*\\$/.test(raw);
}

/**
 * The value that starts on `line` with `first` (ending with its `\`) and goes on over the next lines, joined as
 * `java.util.Properties` reads it, and where its last piece ends; undefined when a piece holds another backslash or
 * the value runs past the lines read.
 */
function continuedValue(lines: LineIndex, line: number, first: string): { value: string; end: number } | undefined {
  let value = first.slice(0, -1);
  for (let next = line + 1; next < lines.lineCount && next - line <= MAX_CONTINUATION_LINES; next++) {
    const raw = lines.lineText(next);
    const piece = raw.trimStart();
    const goesOn = endsContinued(raw);
    const text = goesOn ? piece.slice(0, -1) : piece.trimEnd();
    if (value.includes('\\') || text.includes('\\')) {
      return undefined;
    }
    value += text;
    if (!goesOn) {
      return { value, end: lines.lineStart(next) + (raw.length - piece.length) + text.length };
    }
  }
  return undefined;
}
