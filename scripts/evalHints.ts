/**
 * `npm run eval:hints`: the hint engine on the real-code-shaped corpus (test/fixtures/hints/realworld),
 * recall and precision per language or format and overall.
 *   --verbose  list every miss, false positive and trap hit as file:line
 *   --check    exit 1 under hover recall 0.9, under diagnostic recall 0.9, or on any trap hit
 * Invalid labels always exit 2: the yardstick must not pass by accident.
 */
import * as path from 'node:path';
import { compileContent, formatErrors } from '../src/content/compiler/compileContent';
import { corpusWorkspaces, engineOutputs, loadCorpus } from './evalHints/corpus';
import { addToTotals, checkFailures, emptyTotals, EngineOutput, FileScore, Label, ratio, restrictLabels, scoreFile, Totals } from './evalHints/score';

const root = path.resolve(__dirname, '..');
const corpusRoot = path.join(root, 'test/fixtures/hints/realworld');
const args = new Set(process.argv.slice(2));
const verbose = args.has('--verbose');
const check = args.has('--check');

function describeLabel(label: Label): string {
  const token = label.token === undefined ? '' : ` \`${label.token}\``;
  const range = label.to === undefined ? '' : `-${label.to}`;
  return `${label.file}:${label.line}${range} ${label.kind}${token} ${label.rules.join('|')}${label.why ? ` (${label.why})` : ''}`;
}

function describeOutput(file: string, output: EngineOutput): string {
  return `${file}:${output.line}:${output.startColumn + 1} ${output.kind} ${output.rule}`;
}

function row(name: string, totals: Totals): string {
  const percent = (part: number, whole: number) => (whole === 0 ? '   -  ' : `${(100 * ratio(part, whole)).toFixed(1).padStart(5)}%`);
  return [
    name.padEnd(20),
    String(totals.files).padStart(5),
    `${percent(totals.hoverHits, totals.hoverLabels)} ${`${totals.hoverHits}/${totals.hoverLabels}`.padStart(8)}`,
    `${percent(totals.diagnosticHits, totals.diagnosticLabels)} ${`${totals.diagnosticHits}/${totals.diagnosticLabels}`.padStart(8)}`,
    `${percent(totals.correctOutputs, totals.outputs)} ${`${totals.correctOutputs}/${totals.outputs}`.padStart(8)}`,
    `${totals.trapsHit}/${totals.traps}`.padStart(8),
  ].join('  ');
}

function main(): number {
  const { hintRules, errors: contentErrors } = compileContent(path.join(root, 'content'));
  if (contentErrors.length > 0) {
    console.error(`content/ is invalid:\n${formatErrors(contentErrors)}`);
    return 2;
  }
  const existing = new Set(hintRules.map((rule) => rule.id));
  const corpus = loadCorpus(corpusRoot, [...existing]);
  const errors = [...corpus.errors];
  const byGroup = new Map<string, Totals>();
  const overall = emptyTotals();
  // The same measure over labels that name at least one rule of today's catalog: what the engine can reach now.
  const reachableByGroup = new Map<string, Totals>();
  const reachable = emptyTotals();
  const scores: { score: FileScore; outputs: EngineOutput[] }[] = [];
  const usedPlanned = new Set<string>();
  const workspaces = corpusWorkspaces(corpus);
  for (const file of corpus.files) {
    const { outputs, error } = engineOutputs(file, hintRules, workspaces.get(file.file));
    if (error) {
      errors.push(`${file.file}: engine: ${error}`);
    }
    const lines = file.text.split('\n');
    const score = scoreFile(file.file, (line) => (lines[line - 1] ?? '').replace(/\r$/, ''), file.labels, outputs);
    const traps = file.labels.filter((label) => label.kind === 'trap').length;
    const totals = byGroup.get(file.group) ?? emptyTotals();
    byGroup.set(file.group, totals);
    addToTotals(totals, score, traps);
    addToTotals(overall, score, traps);
    const reachableScore = restrictLabels(score, (label) => label.rules.some((rule) => existing.has(rule)));
    const reachableTotals = reachableByGroup.get(file.group) ?? emptyTotals();
    reachableByGroup.set(file.group, reachableTotals);
    addToTotals(reachableTotals, reachableScore, traps);
    addToTotals(reachable, reachableScore, traps);
    scores.push({ score, outputs });
    file.labels.flatMap((label) => label.rules).filter((rule) => !existing.has(rule)).forEach((rule) => usedPlanned.add(rule));
  }
  if (errors.length > 0) {
    console.error(`The corpus is invalid:\n  ${errors.join('\n  ')}`);
    return 2;
  }

  console.log(`Hint engine on ${corpus.files.length} real-code-shaped files (${path.relative(root, corpusRoot)})\n`);
  const table = (title: string, groups: Map<string, Totals>, total: Totals) => {
    console.log(`${title}\n${'group'.padEnd(20)}  files  hover recall      diag. recall      precision         traps hit`);
    for (const [group, totals] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
      console.log(row(group, totals));
    }
    console.log(row('overall', total));
  };
  table('All labels (existing and planned rules):', byGroup, overall);
  table('\nLabels with a rule that exists today (what the current catalog can reach):', reachableByGroup, reachable);
  console.log(`\nPlanned rule ids the labels use (not in the catalog yet, so misses today): ${[...usedPlanned].sort().join(', ') || 'none'}`);

  if (verbose) {
    console.log('\nMissed labels ([planned]: no rule of the label exists yet; "near" names an engine hover of the same rule elsewhere on the line):');
    for (const { score, outputs } of scores) {
      for (const label of score.missedLabels) {
        const planned = label.rules.some((rule) => existing.has(rule)) ? '' : ' [planned]';
        const near = outputs.filter((output) => label.kind === 'hover' && output.kind === 'hover' && output.line === label.line && label.rules.includes(output.rule));
        console.log(`  ${describeLabel(label)}${planned}${near.length > 0 ? ` [near: column ${near.map((output) => output.startColumn + 1).join(', ')}]` : ''}`);
      }
    }
    console.log('\nFalse positives (engine output that matches no label):');
    scores.forEach(({ score }) => score.falsePositives.forEach((output) => console.log(`  ${describeOutput(score.file, output)}`)));
    console.log('\nTrap hits:');
    scores.forEach(({ score }) => score.hitTraps.forEach(({ trap, output }) => console.log(`  ${describeOutput(score.file, output)} on ${describeLabel(trap)}`)));
  }

  if (check) {
    const failures = checkFailures(overall);
    if (failures.length > 0) {
      console.error(`\neval:hints --check failed: ${failures.join('; ')}`);
      return 1;
    }
    console.log('\neval:hints --check passed');
  }
  return 0;
}

process.exitCode = main();
