/**
 * `aws-db-hints [paths…] [--format text|json|sarif] [--rule id…] [--fail-on error|warning|information]
 * [--list-hovers] [--no-workspace] [--time-budget-ms n] [--debug]`
 * Runs the editor's hint rules over files and folders, each file judged with the infrastructure as code
 * around it (workspace mode). Exit codes: 0 clean, 1 a finding at or above --fail-on, 2 bad usage, 3 an
 * internal error.
 */
import * as nodeFs from 'node:fs';
import * as path from 'node:path';
import { analyzeText } from '../hints/engine/analyze';
import { inReaderTerms } from '../hints/engine/readerTerms';
import { Budget, DEFAULT_TIME_BUDGET_MS } from '../hints/engine/budget';
import { DEFAULT_LIMITS } from '../hints/engine/text';
import { HintRule, Severity } from '../hints/engine/types';
import { WorkspaceModel } from '../hints/engine/workspace/workspaceModel';
import { escapeField, escapeLines } from './escape';
import { collectFiles, WalkFs, WalkResult } from './files';
import { CliEntry, jsonOutput, sarifOutput, textOutput } from './output';
import { CliWorkspaces } from './workspace';

export type { CliEntry } from './output';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  /** The file system the walk reads (tests inject one); node:fs by default. */
  fs?: WalkFs & Pick<typeof nodeFs, 'openSync' | 'fstatSync' | 'closeSync'>;
  /** The clock of the per-file time budget (tests inject one); performance.now by default. */
  now?: () => number;
}

export const EXIT = { clean: 0, findings: 1, usage: 2, internal: 3 } as const;

type Format = 'text' | 'json' | 'sarif';
const FORMATS: Format[] = ['text', 'json', 'sarif'];
const FAIL_ON: Severity[] = ['error', 'warning', 'information'];
const RANK: Record<Severity, number> = { error: 3, warning: 2, information: 1, hint: 0 };

export const USAGE = `Usage: aws-db-hints [paths…] [--format text|json|sarif] [--rule id…] [--fail-on error|warning|information]
                    [--list-hovers] [--no-workspace] [--time-budget-ms n] [--debug]

Checks AWS SDK and infrastructure code (JS/TS, Python, Java, Go, C#, CloudFormation, Terraform, CDK)
for RDS, DynamoDB and ElastiCache design issues. Folders are walked respecting .gitignore; every file
that would be checked but is skipped is named on stderr with its reason.

Code is judged with the tables, indexes and functions that the CloudFormation, SAM, Terraform and CDK
files of its workspace define: a folder named here is its own workspace; a file named alone belongs to
its git repository (or its folder outside git).

  --format          text (default), json or sarif
  --rule            only these rule ids (repeat, or separate with commas)
  --fail-on         lowest severity that makes the exit code 1 (default: warning)
  --list-hovers     list every location that gets a hover instead of the findings
  --no-workspace    judge every file alone, without the infrastructure as code around it
  --time-budget-ms  milliseconds one file may take before it is skipped (default: ${DEFAULT_TIME_BUDGET_MS})
  --debug           print the stack of an internal error
  --help            this text

Exit codes: 0 no finding at or above --fail-on, 1 at least one, 2 bad usage, 3 an internal error.
`;

interface Options {
  paths: string[];
  format: Format;
  rules: Set<string> | undefined;
  failOn: Severity;
  listHovers: boolean;
  workspace: boolean;
  timeBudgetMs: number;
  debug: boolean;
}

function parseArgs(argv: readonly string[], known: ReadonlySet<string>): Options | string {
  const options: Options = { paths: [], format: 'text', rules: undefined, failOn: 'warning', listHovers: false, workspace: true, timeBudgetMs: DEFAULT_TIME_BUDGET_MS, debug: false };
  let onlyPaths = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPaths || !arg.startsWith('-') || arg === '-') {
      options.paths.push(arg);
      continue;
    }
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '--': {
        onlyPaths = true;
        break;
      }
      case '--format': {
        const format = value();
        if (!FORMATS.includes(format as Format)) {
          return `--format must be one of ${FORMATS.join(', ')}`;
        }
        options.format = format as Format;
        break;
      }
      case '--fail-on': {
        const level = value();
        if (!FAIL_ON.includes(level as Severity)) {
          return `--fail-on must be one of ${FAIL_ON.join(', ')}`;
        }
        options.failOn = level as Severity;
        break;
      }
      case '--rule': {
        const ids = (value() ?? '').split(',').filter(Boolean);
        if (ids.length === 0) {
          return '--rule needs a rule id';
        }
        for (const id of ids) {
          if (!known.has(id)) {
            return `unknown rule '${id}'`;
          }
        }
        options.rules ??= new Set();
        ids.forEach((id) => options.rules!.add(id));
        break;
      }
      case '--time-budget-ms': {
        const text = value() ?? '';
        if (!/^[1-9][0-9]{0,8}$/.test(text)) {
          return '--time-budget-ms needs a whole number of milliseconds, at least 1';
        }
        options.timeBudgetMs = Number(text);
        break;
      }
      case '--list-hovers':
        options.listHovers = true;
        break;
      case '--no-workspace':
        options.workspace = false;
        break;
      case '--debug':
        options.debug = true;
        break;
      default:
        return `unknown option '${arg}'`;
    }
  }
  if (options.paths.length === 0) {
    options.paths.push('.');
  }
  return options;
}

/** The one line that sums up what the walk left out on purpose, or nothing. */
function ignoredSummary(ignored: WalkResult['ignored']): string {
  const parts: string[] = [];
  if (ignored.excludedFolders > 0) {
    parts.push(`${ignored.excludedFolders} folder(s) never checked (dependencies, version control, build output)`);
  }
  if (ignored.gitignoredFolders + ignored.gitignoredFiles > 0) {
    parts.push(`${ignored.gitignoredFolders} folder(s) and ${ignored.gitignoredFiles} file(s) matched by .gitignore`);
  }
  return parts.length > 0 ? `aws-db-hints: ignored ${parts.join('; ')}\n` : '';
}

/** What a workspace defines, in one line: `2 DynamoDB tables, 1 RDS or ElastiCache resource, 3 Lambda functions in 2 files`. */
function workspaceSummary(model: WorkspaceModel): string {
  const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  return [
    count(model.tables().length, 'DynamoDB table', 'DynamoDB tables'),
    count(model.databases().length, 'RDS or ElastiCache resource', 'RDS or ElastiCache resources'),
    `${count(model.functions().length, 'Lambda function', 'Lambda functions')} in ${count(model.files().length, 'file', 'files')}`,
  ].join(', ');
}

/** The text of a regular file, or why it cannot be read. Opens without blocking, so a FIFO swapped in after the walk cannot hang us. */
function readRegularFile(fs: NonNullable<CliIo['fs']>, file: string): string | { reason: string } {
  let fd: number;
  try {
    fd = fs.openSync(file, nodeFs.constants.O_RDONLY | (nodeFs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { reason: code === 'EACCES' || code === 'EPERM' ? 'cannot be read (permission denied)' : `cannot be read (${code ?? (error as Error).message})` };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) {
      return { reason: 'not a regular file' };
    }
    if (stat.size > DEFAULT_LIMITS.maxSize) {
      return { reason: `too-large (${stat.size} bytes, over the ${DEFAULT_LIMITS.maxSize} limit)` };
    }
    return fs.readFileSync(fd, 'utf8');
  } catch (error) {
    return { reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  } finally {
    fs.closeSync(fd);
  }
}

export function runCli(argv: readonly string[], io: CliIo, allRules: readonly HintRule[]): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(USAGE);
    return EXIT.clean;
  }
  const byId = new Map(allRules.map((rule) => [rule.id, rule]));
  const parsed = parseArgs(argv, new Set(byId.keys()));
  if (typeof parsed === 'string') {
    io.stderr(`aws-db-hints: ${escapeField(parsed)}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const fs = io.fs ?? nodeFs;
  const display = (file: string): string => path.relative(io.cwd, file).split(path.sep).join('/') || path.basename(file);
  const inputs = parsed.paths.map((input) => path.resolve(io.cwd, input));
  const walked = collectFiles(inputs, fs);
  if (walked.missing.length > 0) {
    io.stderr(walked.missing.map((input) => `aws-db-hints: no such file or folder: ${escapeField(display(input))}\n`).join(''));
    return EXIT.usage;
  }
  const skipped = (file: string, reason: string): void => io.stderr(`skipped ${escapeField(display(file))}: ${escapeField(reason)}\n`);
  walked.skipped.forEach((entry) => skipped(entry.path, entry.reason));
  io.stderr(ignoredSummary(walked.ignored));

  const rules = parsed.rules ? allRules.filter((rule) => parsed.rules!.has(rule.id)) : allRules;
  const budget = (): Budget => new Budget(parsed.timeBudgetMs, io.now);
  const readText = (file: string): string | undefined => {
    const text = readRegularFile(fs, file);
    return typeof text === 'string' ? text : undefined;
  };
  const workspaces = parsed.workspace ? new CliWorkspaces(inputs, walked.files, { fs, read: readText, budget }) : undefined;
  const entries: CliEntry[] = [];
  let internalErrors = 0;
  for (const file of walked.files) {
    const text = readRegularFile(fs, file.path);
    if (typeof text !== 'string') {
      skipped(file.path, text.reason);
      continue;
    }
    let failure: unknown;
    const workspace = workspaces?.viewFor(file.path);
    const result = analyzeText(text, rules, {
      kind: file.kind,
      fileName: workspace?.fileName ?? file.path,
      workspace: workspace?.model,
      budget: budget(),
      onError: (error) => (failure = error),
    });
    if (failure !== undefined) {
      internalErrors++;
      skipped(file.path, `internal error in the analyser: ${(failure as Error).message ?? String(failure)}`);
      if (parsed.debug) {
        io.stderr(`  ${escapeLines(String((failure as Error).stack ?? failure))}\n`);
      }
      continue;
    }
    if (result.skipped) {
      skipped(file.path, `${result.skipped.kind} (${result.skipped.detail})`);
      continue;
    }
    const name = display(file.path);
    const entry = (start: number, end: number, rule: HintRule, severity: Severity, message: string): CliEntry => {
      const from = result.lines.position(start);
      const to = result.lines.position(end);
      return { file: name, line: from.line + 1, column: from.character + 1, endLine: to.line + 1, endColumn: to.character + 1, ruleId: rule.id, severity, message, service: rule.service };
    };
    if (parsed.listHovers) {
      for (const site of result.sites) {
        for (const id of site.ruleIds) {
          const rule = byId.get(id)!;
          entries.push(entry(site.start, site.end, rule, 'hint', inReaderTerms(rule.title, rule, site.origin, site.name)));
        }
      }
    } else {
      for (const finding of result.findings) {
        const found = entry(finding.start, finding.end, byId.get(finding.ruleId)!, finding.severity, finding.message);
        if (finding.related) {
          found.related = finding.related.map(({ message, at }) => ({ file: at.file, line: at.line + 1, column: at.character + 1, message }));
        }
        entries.push(found);
      }
    }
  }
  for (const { root, model } of workspaces?.built() ?? []) {
    if (!model.isEmpty()) {
      io.stderr(`aws-db-hints: workspace ${escapeField(display(root))}: ${workspaceSummary(model)}\n`);
    }
  }
  if (parsed.format === 'json') {
    io.stdout(jsonOutput(entries));
  } else if (parsed.format === 'sarif') {
    io.stdout(sarifOutput(entries, allRules, io.cwd));
  } else {
    io.stdout(textOutput(entries));
  }
  if (internalErrors > 0) {
    io.stderr(`aws-db-hints: internal error in ${internalErrors} file(s); their findings are missing${parsed.debug ? '' : ' (run with --debug for the stack)'}\n`);
    return EXIT.internal;
  }
  if (parsed.listHovers) {
    return EXIT.clean;
  }
  return entries.some((e) => RANK[e.severity] >= RANK[parsed.failOn]) ? EXIT.findings : EXIT.clean;
}
