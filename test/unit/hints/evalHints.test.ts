/**
 * The yardstick behind `npm run eval:hints`: label validation, matching and the --check bar, on
 * synthetic input and on the real corpus (which must load cleanly and score perfectly against a
 * perfect engine), so that the evaluation cannot pass by accident.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { engineOutputs, loadCorpus } from '../../../scripts/evalHints/corpus';
import { addToTotals, checkFailures, emptyTotals, EngineOutput, Label, restrictLabels, scoreFile, tokenColumns } from '../../../scripts/evalHints/score';
import { validateLabel } from '../../../scripts/evalHints/corpus';
import { realHintRules } from './support';

const CORPUS = path.resolve(__dirname, '../../fixtures/hints/realworld');

const LINES = [
  'const scanner = makeScanner();', // 1
  'const page = await db.send(new ScanCommand({ TableName: t, Limit: 10 }));', // 2
  '// a scan in a comment', // 3
  'await redis.keys("*"); await redis.keys("a*");', // 4
  'resource "aws_db_instance" "x" {', // 5
  '  publicly_accessible = true', // 6
  '}', // 7
];
const lineText = (line: number): string => LINES[line - 1];

function at(line: number, token: string, kind: EngineOutput['kind'], rule: string, occurrence = 0): EngineOutput {
  const column = tokenColumns(lineText(line), token)[occurrence];
  assert.ok(column, `test setup: ${token} is not on line ${line}`);
  return { kind, rule, line, startColumn: column.start, endColumn: column.end };
}

const hover = (line: number, token: string, rules: string[], extra: Partial<Label> = {}): Label => ({ file: 'f', line, kind: 'hover', token, rules, ...extra });
const diagnostic = (line: number, rules: string[], extra: Partial<Label> = {}): Label => ({ file: 'f', line, kind: 'diagnostic', rules, ...extra });
const trap = (line: number, token: string): Label => ({ file: 'f', line, kind: 'trap', token, rules: [] });

describe('eval:hints matching', () => {
  it('finds a token only where it is not part of a longer identifier', () => {
    assert.deepEqual(tokenColumns('scanner.scan(x); scan_iter(); rescan(); scan', 'scan'), [
      { start: 8, end: 12 },
      { start: 40, end: 44 },
    ]);
    assert.deepEqual(tokenColumns('p = c.get_paginator("scan")', 'get_paginator("scan")'), [{ start: 6, end: 27 }]);
    assert.deepEqual(tokenColumns('"dynamodb:Scan",', 'dynamodb:Scan'), [{ start: 1, end: 14 }]);
    assert.deepEqual(tokenColumns('nothing here', ''), []);
  });

  it('counts a hover label as hit only with a shared rule on its token', () => {
    const labels = [hover(2, 'ScanCommand', ['dynamodb-scan']), hover(2, 'Limit', ['dynamodb-limit'])];
    const score = scoreFile('f', lineText, labels, [at(2, 'ScanCommand', 'hover', 'dynamodb-scan'), at(2, 'TableName', 'hover', 'dynamodb-limit')]);
    assert.deepEqual(score.hitLabels, [labels[0]]);
    assert.deepEqual(score.missedLabels, [labels[1]]);
    // The Limit rule on another token of the same line is not a hit, but it is not a false positive either.
    assert.equal(score.falsePositives.length, 0);
  });

  it('treats an output whose rule no label on its line names as a false positive', () => {
    const labels = [hover(2, 'ScanCommand', ['dynamodb-scan'])];
    const score = scoreFile('f', lineText, labels, [at(2, 'ScanCommand', 'hover', 'dynamodb-query'), at(1, 'scanner', 'hover', 'dynamodb-scan')]);
    assert.deepEqual(score.missedLabels, labels);
    assert.equal(score.falsePositives.length, 2);
    assert.equal(score.correctOutputs.length, 0);
  });

  it('accepts any rule of a label list and any occurrence of a repeated token', () => {
    const labels = [hover(4, 'keys', ['redis-keys', 'redis-scan'])];
    const score = scoreFile('f', lineText, labels, [at(4, 'keys', 'hover', 'redis-scan', 1)]);
    assert.deepEqual(score.hitLabels, labels);
  });

  it('matches diagnostics by rule and line range, never a hover for a diagnostic', () => {
    const ranged = diagnostic(5, ['rds-storage-encrypted'], { to: 7 });
    const exact = diagnostic(6, ['rds-publicly-accessible']);
    const score = scoreFile('f', lineText, [ranged, exact, hover(6, 'publicly_accessible', ['rds-publicly-accessible'])], [
      at(7, '}', 'diagnostic', 'rds-storage-encrypted'),
      at(6, 'publicly_accessible', 'hover', 'rds-publicly-accessible'),
    ]);
    assert.deepEqual(score.hitLabels.map((label) => label.kind), ['hover', 'diagnostic']);
    assert.deepEqual(score.missedLabels, [exact]);
    assert.equal(score.falsePositives.length, 0);
    const outside = scoreFile('f', lineText, [exact], [at(5, 'aws_db_instance', 'diagnostic', 'rds-publicly-accessible')]);
    assert.deepEqual(outside.missedLabels, [exact]);
    assert.equal(outside.falsePositives.length, 1);
  });

  it('keeps optional labels out of recall but counts their outputs as correct', () => {
    const optional = diagnostic(2, ['dynamodb-limit'], { optional: true });
    const withOutput = scoreFile('f', lineText, [optional], [at(2, 'Limit', 'diagnostic', 'dynamodb-limit')]);
    assert.deepEqual([withOutput.hitLabels, withOutput.missedLabels, withOutput.falsePositives], [[], [], []]);
    assert.equal(withOutput.correctOutputs.length, 1);
    const without = scoreFile('f', lineText, [optional], []);
    assert.deepEqual([without.hitLabels, without.missedLabels], [[], []]);
  });

  it('reports an output on a trap token as a trap hit and a false positive, even beside a real label', () => {
    const labels = [trap(3, 'scan'), hover(2, 'ScanCommand', ['dynamodb-scan'])];
    const score = scoreFile('f', lineText, labels, [at(3, 'scan', 'hover', 'dynamodb-scan'), at(2, 'ScanCommand', 'hover', 'dynamodb-scan')]);
    assert.equal(score.hitTraps.length, 1);
    assert.equal(score.hitTraps[0].trap, labels[0]);
    assert.equal(score.falsePositives.length, 1);
    const totals = emptyTotals();
    addToTotals(totals, score, 1);
    assert.deepEqual([totals.traps, totals.trapsHit, totals.outputs, totals.correctOutputs, totals.hoverHits], [1, 1, 2, 1, 1]);
  });

  it('lets a trap that names rules forbid only those rules on its token', () => {
    const named: Label = { ...trap(3, 'scan'), rules: ['dynamodb-scan'] };
    const score = scoreFile('f', lineText, [named], [at(3, 'scan', 'hover', 'dynamodb-scan'), at(3, 'scan', 'hover', 'dynamodb-limit')]);
    assert.deepEqual(
      score.hitTraps.map((hit) => hit.output.rule),
      ['dynamodb-scan'],
    );
    assert.deepEqual(
      score.falsePositives.map((output) => output.rule),
      ['dynamodb-scan', 'dynamodb-limit'],
    );
  });

  it('restricts a score to some labels without touching outputs or traps', () => {
    const labels = [hover(2, 'ScanCommand', ['dynamodb-scan']), hover(2, 'Limit', ['dynamodb-planned']), trap(3, 'scan')];
    const score = scoreFile('f', lineText, labels, [at(2, 'ScanCommand', 'hover', 'dynamodb-scan'), at(3, 'scan', 'hover', 'dynamodb-scan')]);
    const existingOnly = restrictLabels(score, (label) => !label.rules.includes('dynamodb-planned'));
    assert.deepEqual([existingOnly.hitLabels, existingOnly.missedLabels], [[labels[0]], []]);
    assert.deepEqual([existingOnly.correctOutputs, existingOnly.falsePositives, existingOnly.hitTraps], [score.correctOutputs, score.falsePositives, score.hitTraps]);
    assert.deepEqual(score.missedLabels, [labels[1]]);
  });

  it('fails --check under either recall bar, on any trap hit, and on a corpus with nothing to measure', () => {
    const good = { files: 1, hoverLabels: 10, hoverHits: 9, diagnosticLabels: 10, diagnosticHits: 9, outputs: 18, correctOutputs: 18, traps: 3, trapsHit: 0 };
    assert.deepEqual(checkFailures(good), []);
    assert.equal(checkFailures({ ...good, hoverHits: 8 }).length, 1);
    assert.equal(checkFailures({ ...good, diagnosticHits: 8 }).length, 1);
    assert.equal(checkFailures({ ...good, trapsHit: 1 }).length, 1);
    assert.notDeepEqual(checkFailures(emptyTotals()), []);
  });
});

describe('eval:hints label validation', () => {
  const lines = ['table.scan(Limit=10)', 'x = 1'];
  const known = new Set(['dynamodb-scan', 'dynamodb-limit']);
  const errorsOf = (raw: unknown): string[] => {
    const result = validateLabel(raw, 'f.py', lines, known);
    return Array.isArray(result) ? result : [];
  };

  it('accepts a well-formed label and returns it with its file', () => {
    assert.deepEqual(validateLabel({ line: 1, kind: 'hover', token: 'scan', rules: ['dynamodb-scan'] }, 'f.py', lines, known), {
      file: 'f.py',
      line: 1,
      kind: 'hover',
      token: 'scan',
      rules: ['dynamodb-scan'],
    });
  });

  it('rejects typos and stale labels', () => {
    assert.match(errorsOf({ line: 1, kind: 'hover', token: 'scan', rules: ['dynamodb-scna'] }).join(), /unknown rule id "dynamodb-scna"/);
    assert.match(errorsOf({ line: 2, kind: 'hover', token: 'scan', rules: ['dynamodb-scan'] }).join(), /token "scan" is not on line 2/);
    assert.match(errorsOf({ line: 3, kind: 'diagnostic', rules: ['dynamodb-scan'] }).join(), /not a line of the file/);
    assert.match(errorsOf({ line: 1, kind: 'hover', token: 'scan', rules: ['dynamodb-scan'], optinal: true }).join(), /unknown field "optinal"/);
    assert.match(errorsOf({ line: 1, kind: 'hover', rules: ['dynamodb-scan'] }).join(), /needs the token/);
    assert.match(errorsOf({ line: 1, kind: 'trap', token: 'scan', rules: ['dynamodb-scna'] }).join(), /unknown rule id "dynamodb-scna"/);
    assert.match(errorsOf({ line: 1, kind: 'diagnostic', rules: [] }).join(), /at least one rule id/);
    assert.match(errorsOf({ line: 2, kind: 'diagnostic', rules: ['dynamodb-scan'], to: 1 }).join(), /to is only for diagnostics/);
    assert.match(errorsOf({ line: 1, kind: 'warning', rules: ['dynamodb-scan'] }).join(), /kind must be one of/);
  });
});

describe('eval:hints corpus', () => {
  const rules = realHintRules();
  const corpus = loadCorpus(CORPUS, rules.map((rule) => rule.id));

  it('loads without label errors, every file labelled', () => {
    assert.deepEqual(corpus.errors, []);
    assert.ok(corpus.files.length >= 80, `only ${corpus.files.length} files`);
  });

  it('scores perfectly against outputs made from its own labels, and zero against silence', () => {
    const perfect = emptyTotals();
    const silent = emptyTotals();
    for (const file of corpus.files) {
      const lines = file.text.split('\n');
      const lineOf = (line: number) => lines[line - 1];
      const outputs = file.labels
        .filter((label) => label.kind !== 'trap' && !label.optional)
        .map((label): EngineOutput => {
          const column = label.token === undefined ? { start: 0, end: 1 } : tokenColumns(lineOf(label.line), label.token)[0];
          return { kind: label.kind === 'hover' ? 'hover' : 'diagnostic', rule: label.rules[0], line: label.line, startColumn: column.start, endColumn: column.end };
        });
      const traps = file.labels.filter((label) => label.kind === 'trap').length;
      addToTotals(perfect, scoreFile(file.file, lineOf, file.labels, outputs), traps);
      addToTotals(silent, scoreFile(file.file, lineOf, file.labels, []), traps);
    }
    assert.deepEqual(checkFailures(perfect), []);
    assert.equal(perfect.correctOutputs, perfect.outputs);
    assert.equal(silent.hoverHits + silent.diagnosticHits, 0);
    assert.equal(checkFailures(silent).length, 2);
  });

  // The whole corpus through the engine grows with the corpus (over 2,000 files): the suite's default limit is for one case.
  it('runs the real engine on every file without an internal error', () => {
    const failures = corpus.files.map((file) => ({ file: file.file, error: engineOutputs(file, rules).error })).filter((entry) => entry.error);
    assert.deepEqual(failures, []);
  }).timeout(120_000);
});
