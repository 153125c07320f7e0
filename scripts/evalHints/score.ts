/**
 * How engine output is scored against the labels of the real-code-shaped corpus. Pure: no files, no
 * engine, so that the unit tests can check the yardstick itself.
 *
 * - A hover label is hit when a hover site overlaps its token on its line with one of its rules.
 * - A diagnostic label is hit when a finding with one of its rules starts on a line in [line, to].
 * - A hover output is correct when it overlaps a hover label's token with a shared rule, or sits on
 *   the line of such a label without touching a trap (another token of the same call, e.g. Java's
 *   `ScanRequest` beside `scan`). A finding is correct when it falls in a diagnostic label's lines
 *   with a shared rule. Everything else is a false positive; outputs on a trap's token are trap hits.
 */

export type LabelKind = 'hover' | 'diagnostic' | 'trap';

export interface Label {
  file: string;
  /** 1-based. */
  line: number;
  kind: LabelKind;
  /** The text at the site (required for hovers and traps). */
  token?: string;
  /** Acceptable rule ids (any one is enough); empty for traps. */
  rules: string[];
  /** For diagnostics: the last line (1-based, inclusive) where the finding may start, e.g. a whole resource block. */
  to?: number;
  /** Acceptable but not required: counts for precision, never against recall. */
  optional?: boolean;
  /** Why a trap is a trap, or why a site deserves a hint (for reviewers). */
  why?: string;
}

export interface EngineOutput {
  kind: 'hover' | 'diagnostic';
  rule: string;
  /** 1-based line of the start. */
  line: number;
  /** 0-based columns on that line; `endColumn` is exclusive (Infinity when the span runs past the line). */
  startColumn: number;
  endColumn: number;
}

export interface ColumnRange {
  start: number;
  end: number;
}

export interface FileScore {
  file: string;
  hitLabels: Label[];
  missedLabels: Label[];
  hitTraps: { trap: Label; output: EngineOutput }[];
  correctOutputs: EngineOutput[];
  falsePositives: EngineOutput[];
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[A-Za-z0-9_$]/.test(char);
}

/** Every occurrence of `token` on `lineText`, not glued to a longer identifier (`scan` is not in `scanner`). */
export function tokenColumns(lineText: string, token: string): ColumnRange[] {
  const ranges: ColumnRange[] = [];
  if (token.length === 0) {
    return ranges;
  }
  const guardStart = isWordChar(token[0]);
  const guardEnd = isWordChar(token[token.length - 1]);
  for (let at = lineText.indexOf(token); at >= 0; at = lineText.indexOf(token, at + 1)) {
    const end = at + token.length;
    if ((guardStart && isWordChar(lineText[at - 1])) || (guardEnd && isWordChar(lineText[end]))) {
      continue;
    }
    ranges.push({ start: at, end });
  }
  return ranges;
}

function overlaps(output: EngineOutput, ranges: readonly ColumnRange[]): boolean {
  return ranges.some((range) => output.startColumn < range.end && range.start < output.endColumn);
}

function sharesRule(label: Label, output: EngineOutput): boolean {
  return label.rules.includes(output.rule);
}

/** Scores one file. `lineText(n)` gives the 1-based line `n`; labels are assumed valid (see labels.ts). */
export function scoreFile(file: string, lineText: (line: number) => string, labels: readonly Label[], outputs: readonly EngineOutput[]): FileScore {
  const columnsOf = new Map<Label, ColumnRange[]>();
  const columns = (label: Label): ColumnRange[] => {
    let ranges = columnsOf.get(label);
    if (!ranges) {
      ranges = label.token === undefined ? [{ start: 0, end: Infinity }] : tokenColumns(lineText(label.line), label.token);
      columnsOf.set(label, ranges);
    }
    return ranges;
  };
  const onToken = (label: Label, output: EngineOutput): boolean => output.line === label.line && overlaps(output, columns(label));
  const inLines = (label: Label, output: EngineOutput): boolean => output.line >= label.line && output.line <= (label.to ?? label.line);

  const hovers = labels.filter((label) => label.kind === 'hover');
  const diagnostics = labels.filter((label) => label.kind === 'diagnostic');
  const traps = labels.filter((label) => label.kind === 'trap');
  const hoverOutputs = outputs.filter((output) => output.kind === 'hover');
  const findingOutputs = outputs.filter((output) => output.kind === 'diagnostic');

  const score: FileScore = { file, hitLabels: [], missedLabels: [], hitTraps: [], correctOutputs: [], falsePositives: [] };
  for (const label of hovers) {
    const hit = hoverOutputs.some((output) => sharesRule(label, output) && onToken(label, output));
    if (!label.optional) {
      (hit ? score.hitLabels : score.missedLabels).push(label);
    }
  }
  for (const label of diagnostics) {
    const hit = findingOutputs.some((output) => sharesRule(label, output) && inLines(label, output));
    if (!label.optional) {
      (hit ? score.hitLabels : score.missedLabels).push(label);
    }
  }
  for (const output of outputs) {
    // A trap that names rules forbids only those (a construct that must not be called public may still lack deletion protection).
    const trap = traps.find((candidate) => onToken(candidate, output) && (candidate.rules.length === 0 || sharesRule(candidate, output)));
    if (trap) {
      score.hitTraps.push({ trap, output });
      score.falsePositives.push(output);
      continue;
    }
    const correct =
      output.kind === 'hover'
        ? hovers.some((label) => sharesRule(label, output) && output.line === label.line)
        : diagnostics.some((label) => sharesRule(label, output) && inLines(label, output));
    (correct ? score.correctOutputs : score.falsePositives).push(output);
  }
  return score;
}

export interface Totals {
  files: number;
  hoverLabels: number;
  hoverHits: number;
  diagnosticLabels: number;
  diagnosticHits: number;
  outputs: number;
  correctOutputs: number;
  traps: number;
  trapsHit: number;
}

export function emptyTotals(): Totals {
  return { files: 0, hoverLabels: 0, hoverHits: 0, diagnosticLabels: 0, diagnosticHits: 0, outputs: 0, correctOutputs: 0, traps: 0, trapsHit: 0 };
}

/** Adds one file's score to running totals; `traps` is the number of trap labels in the file. */
export function addToTotals(totals: Totals, score: FileScore, traps: number): void {
  const required = [...score.hitLabels, ...score.missedLabels];
  totals.files += 1;
  totals.hoverLabels += required.filter((label) => label.kind === 'hover').length;
  totals.hoverHits += score.hitLabels.filter((label) => label.kind === 'hover').length;
  totals.diagnosticLabels += required.filter((label) => label.kind === 'diagnostic').length;
  totals.diagnosticHits += score.hitLabels.filter((label) => label.kind === 'diagnostic').length;
  totals.outputs += score.correctOutputs.length + score.falsePositives.length;
  totals.correctOutputs += score.correctOutputs.length;
  totals.traps += traps;
  totals.trapsHit += new Set(score.hitTraps.map((hit) => hit.trap)).size;
}

/** The same score counting only the labels `keep` accepts (outputs and traps unchanged). */
export function restrictLabels(score: FileScore, keep: (label: Label) => boolean): FileScore {
  return { ...score, hitLabels: score.hitLabels.filter(keep), missedLabels: score.missedLabels.filter(keep) };
}

/** A ratio that is 1 when there is nothing to find (no labels, or no outputs for precision). */
export function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}

export interface Thresholds {
  hoverRecall: number;
  diagnosticRecall: number;
}

export const CHECK_THRESHOLDS: Thresholds = { hoverRecall: 0.9, diagnosticRecall: 0.9 };

/** Why `--check` fails, or an empty list when the corpus meets the bar. */
export function checkFailures(totals: Totals, thresholds: Thresholds = CHECK_THRESHOLDS): string[] {
  const failures: string[] = [];
  if (totals.hoverLabels === 0 || totals.diagnosticLabels === 0 || totals.traps === 0) {
    failures.push('the corpus has no hover, diagnostic or trap labels to measure against');
  }
  const hoverRecall = ratio(totals.hoverHits, totals.hoverLabels);
  const diagnosticRecall = ratio(totals.diagnosticHits, totals.diagnosticLabels);
  if (hoverRecall < thresholds.hoverRecall) {
    failures.push(`hover recall ${hoverRecall.toFixed(3)} is under ${thresholds.hoverRecall}`);
  }
  if (diagnosticRecall < thresholds.diagnosticRecall) {
    failures.push(`diagnostic recall ${diagnosticRecall.toFixed(3)} is under ${thresholds.diagnosticRecall}`);
  }
  if (totals.trapsHit > 0) {
    failures.push(`${totals.trapsHit} trap place(s) got a hint`);
  }
  return failures;
}
