/**
 * `aws-db-hints [paths…] [--format text|json|sarif] [--rule id…] [--fail-on error|warning|information] [--list-hovers]`
 * Runs the editor's hint rules over files and folders. Exit codes: 0 clean, 1 a finding at or above
 * --fail-on, 2 bad usage.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeText } from '../hints/engine/analyze';
import { inReaderTerms } from '../hints/engine/readerTerms';
import { assessText, DEFAULT_LIMITS } from '../hints/engine/text';
import { HintRule, Severity } from '../hints/engine/types';
import { collectFiles } from './files';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
}

export interface CliEntry {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  ruleId: string;
  severity: Severity;
  message: string;
  service: string;
}

type Format = 'text' | 'json' | 'sarif';
const FORMATS: Format[] = ['text', 'json', 'sarif'];
const FAIL_ON: Severity[] = ['error', 'warning', 'information'];
const RANK: Record<Severity, number> = { error: 3, warning: 2, information: 1, hint: 0 };

export const USAGE = `Usage: aws-db-hints [paths…] [--format text|json|sarif] [--rule id…] [--fail-on error|warning|information] [--list-hovers]

Checks AWS SDK and infrastructure code (JS/TS, Python, Java, Go, C#, CloudFormation, Terraform, CDK)
for RDS, DynamoDB and ElastiCache design issues. Folders are walked respecting .gitignore.

  --format       text (default), json or sarif
  --rule         only these rule ids (repeat, or separate with commas)
  --fail-on      lowest severity that makes the exit code 1 (default: warning)
  --list-hovers  list every location that gets a hover instead of the findings
  --help         this text

Exit codes: 0 no finding at or above --fail-on, 1 at least one, 2 bad usage.
`;

interface Options {
  paths: string[];
  format: Format;
  rules: Set<string> | undefined;
  failOn: Severity;
  listHovers: boolean;
}

function parseArgs(argv: readonly string[], known: ReadonlySet<string>): Options | string {
  const options: Options = { paths: [], format: 'text', rules: undefined, failOn: 'warning', listHovers: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
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
      case '--list-hovers':
        options.listHovers = true;
        break;
      default:
        if (arg.startsWith('-')) {
          return `unknown option '${arg}'`;
        }
        options.paths.push(arg);
    }
  }
  if (options.paths.length === 0) {
    options.paths.push('.');
  }
  return options;
}

function sarif(entries: CliEntry[], rules: readonly HintRule[]): unknown {
  const level = (severity: Severity): string => (severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note');
  const used = new Set(entries.map((entry) => entry.ruleId));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'aws-db-hints',
            rules: rules
              .filter((rule) => used.has(rule.id))
              .map((rule) => ({
                id: rule.id,
                shortDescription: { text: rule.title },
                fullDescription: { text: rule.diagnostic?.message ?? rule.hover },
                helpUri: rule.doc,
                defaultConfiguration: { level: level(rule.diagnostic?.severity ?? 'information') },
                properties: { service: rule.service, ...(rule.diagnostic?.controls.length ? { controls: rule.diagnostic.controls } : {}) },
              })),
          },
        },
        results: entries.map((entry) => ({
          ruleId: entry.ruleId,
          level: level(entry.severity),
          message: { text: entry.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: entry.file },
                region: { startLine: entry.line, startColumn: entry.column, endLine: entry.endLine, endColumn: entry.endColumn },
              },
            },
          ],
        })),
      },
    ],
  };
}

export function runCli(argv: readonly string[], io: CliIo, allRules: readonly HintRule[]): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(USAGE);
    return 0;
  }
  const byId = new Map(allRules.map((rule) => [rule.id, rule]));
  const parsed = parseArgs(argv, new Set(byId.keys()));
  if (typeof parsed === 'string') {
    io.stderr(`aws-db-hints: ${parsed}\n\n${USAGE}`);
    return 2;
  }
  const missing: string[] = [];
  const files = collectFiles(
    parsed.paths.map((input) => path.resolve(io.cwd, input)),
    (input) => missing.push(input),
  );
  if (missing.length > 0) {
    io.stderr(missing.map((input) => `aws-db-hints: no such file or folder: ${path.relative(io.cwd, input) || input}\n`).join(''));
    return 2;
  }
  const rules = parsed.rules ? allRules.filter((rule) => parsed.rules!.has(rule.id)) : allRules;
  const entries: CliEntry[] = [];
  for (const file of files) {
    const display = path.relative(io.cwd, file.path).split(path.sep).join('/') || path.basename(file.path);
    if (file.size > DEFAULT_LIMITS.maxSize) {
      io.stderr(`skipped ${display}: ${file.size} bytes, over the ${DEFAULT_LIMITS.maxSize} limit\n`);
      continue;
    }
    let text: string;
    try {
      text = fs.readFileSync(file.path, 'utf8');
    } catch (error) {
      io.stderr(`skipped ${display}: ${(error as Error).message}\n`);
      continue;
    }
    const skipped = assessText(text, DEFAULT_LIMITS, file.path);
    if (skipped) {
      io.stderr(`skipped ${display}: ${skipped.kind} (${skipped.detail})\n`);
      continue;
    }
    const result = analyzeText(text, rules, { kind: file.kind, fileName: file.path });
    const entry = (start: number, end: number, rule: HintRule, severity: Severity, message: string): CliEntry => {
      const from = result.lines.position(start);
      const to = result.lines.position(end);
      return {
        file: display,
        line: from.line + 1,
        column: from.character + 1,
        endLine: to.line + 1,
        endColumn: to.character + 1,
        ruleId: rule.id,
        severity,
        message,
        service: rule.service,
      };
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
        entries.push(entry(finding.start, finding.end, byId.get(finding.ruleId)!, finding.severity, finding.message));
      }
    }
  }
  if (parsed.format === 'json') {
    io.stdout(`${JSON.stringify(entries, null, 2)}\n`);
  } else if (parsed.format === 'sarif') {
    io.stdout(`${JSON.stringify(sarif(entries, allRules), null, 2)}\n`);
  } else {
    io.stdout(entries.map((e) => `${e.file}:${e.line}:${e.column} ${e.severity} ${e.ruleId} ${e.message}\n`).join(''));
  }
  if (parsed.listHovers) {
    return 0;
  }
  return entries.some((e) => RANK[e.severity] >= RANK[parsed.failOn]) ? 1 : 0;
}
