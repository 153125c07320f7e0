import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { compileContent, formatErrors } from '../../../src/content/compiler/compileContent';
import { analyzeText, siteAt } from '../../../src/hints/engine/analyze';
import { analyzeCode } from '../../../src/hints/engine/code';
import { DocumentKind, documentKind } from '../../../src/hints/engine/documentKinds';
import { hoverMarkdown } from '../../../src/hints/hoverMarkdown';
import { LineIndex } from '../../../src/hints/engine/text';
import { HintRule } from '../../../src/hints/engine/types';

let cached: HintRule[] | undefined;

/** The repository's hint rules, compiled the way the build does; fails loudly if they are invalid. */
export function realHintRules(): HintRule[] {
  if (!cached) {
    const { hintRules, errors } = compileContent(path.resolve(__dirname, '../../../content'));
    if (errors.length > 0) {
      throw new Error(`content/ is invalid:\n${formatErrors(errors)}`);
    }
    cached = hintRules;
  }
  return cached;
}

/** The English hover labels the editor passes to hoverMarkdown, and our two allow-listed commands. */
export const HOVER_LABELS = {
  service: { dynamodb: 'Amazon DynamoDB', rds: 'Amazon RDS', elasticache: 'Amazon ElastiCache' },
  openNote: (title: string) => `Open note: ${title}`,
  documentation: 'AWS documentation',
  disable: 'Disable this hint',
  controls: 'Same check as',
  javaExample: 'Example in Java: Kotlin calls the same operations and client methods',
};
export const HOVER_COMMANDS = { openNote: 'awsDbStudy.openNote', disableRule: 'awsDbStudy.disableHintRule' };

/** `line:text rule` for every hover site, and `line:text rule!` for every finding, of a file analysed with the real rules. */
export function hintsIn(fileName: string, code: string): string[] {
  const result = analyzeText(code, realHintRules(), { kind: documentKind(undefined, fileName)!, fileName });
  const at = (offset: number): number => result.lines.lineOf(offset) + 1;
  return [
    ...result.sites.flatMap((site) => site.ruleIds.map((id) => `${at(site.start)}:${code.slice(site.start, site.end)} ${id}`)),
    ...result.findings.map((finding) => `${at(finding.start)}:${code.slice(finding.start, finding.end)} ${finding.ruleId}!`),
  ];
}

/** The hover markdown at the first occurrence of `word` in a file analysed with the real rules (of the kind its name says, unless given). */
export function hoverAt(fileName: string, text: string, word: string, kind: DocumentKind = documentKind(undefined, fileName)!): string {
  const rules = realHintRules();
  const analysis = analyzeText(text, rules, { kind, fileName });
  const site = siteAt(analysis.sites, text.indexOf(word));
  assert.ok(site && analysis.language, `a hover on ${word} in ${fileName}`);
  const shown = site.ruleIds.map((id) => rules.find((rule) => rule.id === id)).filter((rule): rule is HintRule => rule !== undefined);
  return hoverMarkdown(shown, { language: analysis.language, origin: site.origin, name: site.name }, HOVER_LABELS, HOVER_COMMANDS);
}

/** The hovers and findings (`!`) of `hintsIn` that belong to the given rules, sorted. */
export function hintsOfRules(fileName: string, code: string, rules: readonly string[]): string[] {
  const wanted = new Set(rules);
  return hintsIn(fileName, code)
    .filter((hint) => wanted.has(hint.slice(hint.lastIndexOf(' ') + 1).replace(/!$/, '')))
    .sort();
}

/** Source lines joined into a file that ends with a newline. */
export function sourceLines(...source: string[]): string {
  return source.join('\n') + '\n';
}

/**
 * `line operation table index keys options` for each DynamoDB request a Python file sends, as the workspace
 * checks read them; `markPartial` adds ` partial` to a request whose options are not all known.
 */
export function pythonRequestsIn(text: string, markPartial = false): string[] {
  const lines = new LineIndex(text);
  const model = analyzeCode(text, 'python', lines, { dynamodbRequests: { tableKnown: () => true } });
  return (model.dynamodbRequests ?? []).map((request) => {
    const table = request.table?.ref;
    const index = request.index && request.index !== 'unknown' ? ` index=${request.index.name}` : '';
    const keys = request.keyCondition ? ` keys[${request.keyCondition.terms.map((term) => `${term.name} ${term.operator}`).join(', ')}]` : '';
    const options = request.context?.options.map((option) => option.name).join(', ');
    const partial = markPartial && !request.context?.complete ? ' partial' : '';
    return `${lines.lineOf(request.anchor.start) + 1} ${request.operation.split(':')[1]} ${table?.kind === 'env' ? `env:${table.variable}` : (table?.name ?? '?')}${index}${keys} options[${options}]${partial}`;
  });
}
