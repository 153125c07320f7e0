/**
 * Spring Boot's `application.properties` (and `application-<profile>.properties`), read into the same properties as
 * `application.yml` (`spring.ts`): `key=value`, `key: value` or `key value` lines, `#` and `!` comments, and `#---`
 * (or `!---`) lines that start a new document, as Spring Boot 2.4+ reads them
 * (https://docs.spring.io/spring-boot/reference/features/external-config.html). A value continued on the next line
 * (a trailing `\`) or holding an escape is left out: its text is not what the file shows.
 */
import { budgetTick } from '../budget';
import { DocumentModel, parseSuppression } from '../model';
import { IacEntry } from '../iac/tree';
import { LineIndex } from '../text';
import { canonical, Properties, springConnections } from './spring';

/** `key`, then `=`, `:` or spaces, then the value, on one logical line. */
const PROPERTY = /^([^=:\s\\]+)(\s*[=:]\s*|\s+)(.*)$/;

export function readSpringProperties(lines: LineIndex): DocumentModel {
  const documents: Properties[] = [new Map()];
  const suppressions: DocumentModel['suppressions'] = [];
  let continued = false;
  for (let line = 0; line < lines.lineCount; line++) {
    budgetTick();
    const raw = lines.lineText(line);
    const content = raw.trimStart();
    const wasContinued = continued;
    continued = /(?:^|[^\\])(?:\\\\)*\\$/.test(raw);
    if (wasContinued) {
      continue;
    }
    if (content.startsWith('#') || content.startsWith('!')) {
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
    if (!match || continued || match[3].includes('\\')) {
      continue;
    }
    const start = lines.lineStart(line) + (raw.length - content.length);
    const value = match[3].trimEnd();
    const valueStart = start + match[1].length + match[2].length;
    const entry: IacEntry = {
      key: match[1],
      keySpan: { start, end: start + match[1].length },
      value: { kind: 'scalar', span: { start: valueStart, end: valueStart + value.length }, literal: { kind: 'str', value }, replaceable: true },
      removal: { start, end: valueStart + value.length },
    };
    documents[documents.length - 1].set(match[1].split('.').map(canonical).join('.'), entry);
  }
  return springConnections(documents, suppressions);
}
