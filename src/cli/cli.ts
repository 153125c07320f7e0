/**
 * `aws-db-hints [paths…] [--format text|json|sarif] [--rule id…] [--fail-on error|warning|information]
 * [--list-hovers] [--no-workspace] [--time-budget-ms n] [--jobs n] [--debug]`
 * Runs the editor's hint rules over files and folders, each file judged with the infrastructure as code
 * around it (workspace mode). Exit codes: 0 clean, 1 a finding at or above --fail-on, 2 bad usage, 3 an
 * internal error.
 */
import * as nodeFs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { Budget, DEFAULT_TIME_BUDGET_MS } from '../hints/engine/budget';
import { isAnalysedKind } from '../hints/engine/documentKinds';
import { HintRule, Severity } from '../hints/engine/types';
import { analyzeFile, AnalysisSettings, displayPath, FileReport, ruleSet, SEVERITY_RANK } from './analyzeFile';
import { escapeField, escapeLines } from './escape';
import { collectFiles, FileEntry, WalkResult } from './files';
import { KeptTexts } from './keptTexts';
import { Format, OutputWriter } from './output';
import { AnalysisThreads, threadsFor, WorkFile } from './parallel';
import { CliWorkspaces } from './workspace';

export type { CliEntry } from './output';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  /** The clock of the per-file time budget on this thread (tests inject one); performance.now by default. */
  now?: () => number;
  /**
   * Starts a worker thread that runs `serveAnalysis` with these settings (the bin starts its own
   * bundle). Without it every file is analysed on this thread, whatever --jobs says.
   */
  startWorker?: (settings: AnalysisSettings) => Worker;
}

export const EXIT = { clean: 0, findings: 1, usage: 2, internal: 3 } as const;

const FORMATS: Format[] = ['text', 'json', 'sarif'];
const FAIL_ON: Severity[] = ['error', 'warning', 'information'];

export const USAGE = `Usage: aws-db-hints [paths…] [--format text|json|sarif] [--rule id…] [--fail-on error|warning|information]
                    [--list-hovers] [--no-workspace] [--time-budget-ms n] [--jobs n] [--debug]

Checks AWS SDK and infrastructure code (JS/TS, Python, Java, Kotlin, Go, C#, CloudFormation, Terraform, CDK)
for RDS, DynamoDB and ElastiCache design issues. Folders are walked respecting .gitignore as git does (a
file git tracks is read even if .gitignore lists it); every file that would be checked but is skipped is
named on stderr with its reason.

Code is judged with the tables, indexes and functions that the CloudFormation, SAM, Terraform, CDK and SST
files of its workspace define: a folder named here is its own workspace; a file named alone belongs to
its git repository (or its folder outside git).

  --format          text (default), json or sarif
  --rule            only these rule ids (repeat, or separate with commas)
  --fail-on         lowest severity that makes the exit code 1 (default: warning)
  --list-hovers     list every location that gets a hover instead of the findings
  --no-workspace    judge every file alone, without the infrastructure as code around it
  --time-budget-ms  milliseconds one file may take before it is skipped (default: ${DEFAULT_TIME_BUDGET_MS})
  --jobs            threads that analyse files at once (default: ${availableThreads()}, the available parallelism);
                    a small tree is analysed on one thread whatever the number
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
  jobs: number;
  debug: boolean;
}

/** Threads this machine can run at once (os.availableParallelism is Node 18.14 and later). */
function availableThreads(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : Math.max(1, os.cpus().length);
}

function parseArgs(argv: readonly string[], known: ReadonlySet<string>): Options | string {
  const options: Options = { paths: [], format: 'text', rules: undefined, failOn: 'warning', listHovers: false, workspace: true, timeBudgetMs: DEFAULT_TIME_BUDGET_MS, jobs: availableThreads(), debug: false };
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
      case '--jobs': {
        const text = value() ?? '';
        if (!/^[1-9][0-9]{0,3}$/.test(text)) {
          return '--jobs needs a whole number of threads, from 1 to 9999';
        }
        options.jobs = Number(text);
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
    parts.push(`${ignored.excludedFolders} folder(s) never checked (dependencies, version control, build output, editor history)`);
  }
  if (ignored.vendoredPackages > 0) {
    parts.push(`${ignored.vendoredPackages} Python package(s) that pip installed beside the code (a .dist-info or .egg-info record lists them)`);
  }
  if (ignored.buildOutputs > 0) {
    parts.push(`${ignored.buildOutputs} build output folder(s) beside a pom.xml or build.gradle (copies of the sources and resources)`);
  }
  if (ignored.gitignoredFolders + ignored.gitignoredFiles > 0) {
    parts.push(`${ignored.gitignoredFolders} folder(s) and ${ignored.gitignoredFiles} file(s) matched by .gitignore`);
  }
  return parts.length > 0 ? `aws-db-hints: ignored ${parts.join('; ')}\n` : '';
}

/**
 * Builds the workspace models that `files` are judged in on the threads, their sources indexed there;
 * each file gets the index of its workspace's model. Also resolves to the summary line of each workspace
 * that defines something, which comes once the threads have built the models.
 */
async function withWorkspaces(
  threads: AnalysisThreads,
  workspaces: CliWorkspaces,
  files: readonly FileEntry[],
): Promise<{ files: WorkFile[]; summaries: Promise<{ root: string; summary: string }[]> }> {
  const roots = [...new Set(files.flatMap((file) => workspaces.rootOf(file.path) ?? []))];
  await threads.index(roots.flatMap((root, workspace) => workspaces.sourcesOf(root).map((source) => ({ ...source, workspace }))));
  const summaries = (await threads.shareWorkspaces(roots.length)).summaries.then((lines) => roots.flatMap((root, k) => (lines[k] === undefined ? [] : [{ root, summary: lines[k] }])));
  const indexOfRoot = new Map(roots.map((root, i) => [root, i]));
  return {
    files: files.map((file) => {
      const located = workspaces.locate(file.path);
      return located ? { ...file, workspace: { index: indexOfRoot.get(located.root)!, fileName: located.fileName } } : file;
    }),
    summaries,
  };
}

export async function runCli(argv: readonly string[], io: CliIo, allRules: readonly HintRule[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(USAGE);
    return EXIT.clean;
  }
  const parsed = parseArgs(argv, new Set(allRules.map((rule) => rule.id)));
  if (typeof parsed === 'string') {
    io.stderr(`aws-db-hints: ${escapeField(parsed)}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const display = (file: string): string => displayPath(io.cwd, file);
  const inputs = parsed.paths.map((input) => path.resolve(io.cwd, input));
  const walked = collectFiles(inputs);
  if (walked.missing.length > 0) {
    io.stderr(walked.missing.map((input) => `aws-db-hints: no such file or folder: ${escapeField(display(input))}\n`).join(''));
    return EXIT.usage;
  }
  const skipped = (file: string, reason: string): void => io.stderr(`skipped ${escapeField(display(file))}: ${escapeField(reason)}\n`);
  walked.skipped.forEach((entry) => skipped(entry.path, entry.reason));
  io.stderr(ignoredSummary(walked.ignored));

  const budget = (): Budget => new Budget(parsed.timeBudgetMs, io.now);
  // Texts the workspace index reads on this thread; files analysed on other threads are read there.
  const kept = new KeptTexts();
  const workspaces = parsed.workspace ? new CliWorkspaces(inputs, walked.files, { fs: nodeFs, read: kept.read, budget }) : undefined;
  // A `go.mod` informs the workspace model and is checked for nothing itself.
  const checked = walked.files.filter((file) => isAnalysedKind(file.kind));
  const settings: AnalysisSettings = { cwd: io.cwd, format: parsed.format, listHovers: parsed.listHovers, timeBudgetMs: parsed.timeBudgetMs, debug: parsed.debug };
  if (parsed.rules) {
    settings.ruleIds = [...parsed.rules];
  }
  const output = new OutputWriter(parsed.format, io.stdout);
  const usedRuleIds = new Set<string>();
  let worstRank = -1;
  let internalErrors = 0;
  let reported = 0;
  /** Called once per file, in the walk's order, on one thread or many. */
  const report = (outcome: FileReport): void => {
    const file = checked[reported++].path;
    if ('output' in outcome) {
      output.add(outcome.output);
      outcome.ruleIds.forEach((id) => usedRuleIds.add(id));
      worstRank = Math.max(worstRank, outcome.worstRank);
    } else if ('skipped' in outcome) {
      skipped(file, outcome.skipped);
    } else {
      internalErrors++;
      skipped(file, `internal error in the analyser: ${outcome.failed}`);
      if (outcome.stack !== undefined) {
        io.stderr(`  ${escapeLines(outcome.stack)}\n`);
      }
    }
  };
  const threads = io.startWorker ? threadsFor(checked, parsed.jobs) : 1;
  let summaries: { root: string; summary: string }[] = [];
  if (io.startWorker && threads > 1) {
    const pool = new AnalysisThreads(threads, io.startWorker, settings);
    try {
      if (workspaces) {
        const built = await withWorkspaces(pool, workspaces, checked);
        await pool.analyze(built.files, report);
        summaries = await built.summaries;
      } else {
        await pool.analyze(checked, report);
      }
    } finally {
      pool.close();
    }
  } else {
    const rules = ruleSet(allRules, settings.ruleIds);
    for (const file of checked) {
      // The view first: the first one indexes the workspace, reading the files kept for the analysis.
      const workspace = workspaces?.viewFor(file.path);
      report(analyzeFile(file, settings, rules, { workspace, text: kept.take(file.path), now: io.now }));
    }
    summaries = workspaces?.summaries() ?? [];
  }
  for (const { root, summary } of summaries) {
    io.stderr(`aws-db-hints: workspace ${escapeField(display(root))}: ${summary}\n`);
  }
  output.finish(usedRuleIds, allRules, io.cwd);
  if (internalErrors > 0) {
    io.stderr(`aws-db-hints: internal error in ${internalErrors} file(s); their findings are missing${parsed.debug ? '' : ' (run with --debug for the stack)'}\n`);
    return EXIT.internal;
  }
  if (parsed.listHovers) {
    return EXIT.clean;
  }
  return worstRank >= SEVERITY_RANK[parsed.failOn] ? EXIT.findings : EXIT.clean;
}
