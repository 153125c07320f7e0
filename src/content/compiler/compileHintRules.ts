/**
 * Build-time compiler for the design-hint rules in `content/hints/*.yaml`: validates every rule
 * (unique ids, an existing note, hover text, an https doc link, known operations, checks and fixes)
 * and returns them typed for the hint engine. Runs in Node during the build and in unit tests.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { OPERATIONS } from '../../hints/engine/services';
import { requiredExampleKeys } from '../../hints/examples';
import { buildDate, compileEngineLifecycle, LIFECYCLE_FILE } from './compileEngineLifecycle';
import { compileSdkLifecycle, SDK_LIFECYCLE_FILE } from './compileSdkLifecycle';
import { readDiagnostic } from './compileRuleDiagnostic';
import { Fields, RuleReader } from './ruleReader';
import {
  CheckName,
  EXAMPLE_KEYS,
  ExampleKey,
  FIXES,
  FixName,
  HINT_LANGUAGES,
  HINT_SERVICES,
  HintLanguage,
  HintRule,
  HintService,
  RuleMatch,
  LAMBDA_HANDLER_LANGUAGES,
  SCOPED_CONNECTION_LANGUAGES,
  REQUEST_HANDLER_LANGUAGES,
  SQL_CONNECTION_LANGUAGES,
  STATIC_CREDENTIAL_LANGUAGES,
  SDK_MAJORS,
  SdkMajor,
} from '../../hints/engine/types';

export interface HintRuleError {
  file: string;
  message: string;
}

export interface HintRulesResult {
  rules: HintRule[];
  errors: HintRuleError[];
}

/** What the compiler needs to know about the study catalog. */
export interface NoteRef {
  id: string;
  title: string;
}

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const RULE_FIELDS = ['id', 'service', 'title', 'languages', 'match', 'hover', 'examples', 'doc', 'note', 'diagnostic', 'fix'];
const MATCH_FIELDS = ['operations', 'options', 'in', 'cloudformation', 'terraform', 'cdk', 'redis', 'reportedOnly', 'ingress', 'sdkImports', 'lambdaHandlers', 'scopedConnections', 'requestHandlers', 'sql', 'staticCredentials'];
const CODE_LANGUAGES: HintLanguage[] = ['javascript', 'typescript', 'python', 'java', 'kotlin', 'go', 'csharp'];
/** Languages whose CDK apps the code analyzers read (Java, C# and Go: `code/languages/javaCdk.ts`, `csharpCdk.ts`, `goCdk.ts`). */
const CDK_LANGUAGES: HintLanguage[] = ['javascript', 'typescript', 'python', 'java', 'csharp', 'go'];
/** The languages Pulumi programs are read in (`code/pulumi.ts`, `languages/goPulumi.ts`, `languages/csharpPulumi.ts`). */
const PULUMI_LANGUAGES: HintLanguage[] = ['javascript', 'typescript', 'python', 'go', 'csharp'];
/** Languages with Redis clients the engine reads: ioredis, node-redis, redis-py, go-redis, redigo, rueidis, valkey-go, StackExchange.Redis, and Jedis, Lettuce and Spring Data Redis (from Java and Kotlin). */
const REDIS_LANGUAGES: HintLanguage[] = ['javascript', 'typescript', 'python', 'java', 'kotlin', 'go', 'csharp'];

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.includes('.');
  } catch {
    return false;
  }
}

const KNOWN_OPERATIONS = new Set(
  (Object.keys(OPERATIONS) as HintService[]).flatMap((service) => OPERATIONS[service].map((operation) => `${service}:${operation}`)),
);

function readOperations(reader: RuleReader, fields: Fields, key: string): string[] {
  const operations = reader.list(fields, key, false);
  for (const operation of operations) {
    if (!KNOWN_OPERATIONS.has(operation)) {
      reader.error(`${key}: unknown operation '${operation}' (write service:Operation, e.g. dynamodb:Scan)`);
    }
  }
  return operations;
}

function readMatch(reader: RuleReader, value: unknown): RuleMatch {
  const fields = reader.fields(value, 'match', MATCH_FIELDS);
  const match: RuleMatch = {
    operations: readOperations(reader, fields, 'operations'),
    options: reader.list(fields, 'options', false),
    in: readOperations(reader, fields, 'in'),
  };
  if (match.options.length > 0 && match.in.length === 0) {
    reader.error("match: 'options' needs 'in' (the operations whose requests they belong to)");
  }
  const pair = <K extends string, L extends string>(key: string, left: K, right: L): Record<K | L, string[]> | undefined => {
    if (fields[key] === undefined) {
      return undefined;
    }
    const inner = reader.fields(fields[key], `match.${key}`, [left, right]);
    const result = { [left]: reader.list(inner, left, true), [right]: reader.list(inner, right, true) } as Record<K | L, string[]>;
    if (result[left].length === 0) {
      reader.error(`match.${key}: '${left}' must list at least one entry`);
    }
    return result;
  };
  const cloudformation = pair('cloudformation', 'resources', 'properties');
  if (cloudformation) {
    match.cloudformation = cloudformation;
    for (const type of cloudformation.resources) {
      if (!/^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$/.test(type)) {
        reader.error(`match.cloudformation: '${type}' is not a resource type like AWS::RDS::DBInstance`);
      }
    }
  }
  const terraform = pair('terraform', 'resources', 'arguments');
  if (terraform) {
    match.terraform = terraform;
    for (const type of terraform.resources) {
      if (!/^aws_[a-z0-9_]+$/.test(type)) {
        reader.error(`match.terraform: '${type}' is not a resource type like aws_db_instance`);
      }
    }
  }
  const cdk = pair('cdk', 'constructs', 'props');
  if (cdk) {
    match.cdk = cdk;
    for (const construct of cdk.constructs) {
      // SST's constructs are CDK constructs of its own module (v2 `sst.Table`), its v3 components of `sst.aws`.
      if (!/^(?:aws_[a-z0-9]+|sst|sst\.aws)\.[A-Za-z0-9]+$/.test(construct)) {
        reader.error(`match.cdk: '${construct}' is not a construct like aws_rds.DatabaseInstance, sst.Table or sst.aws.Dynamo`);
      }
    }
  }
  if (fields.redis !== undefined) {
    const inner = reader.fields(fields.redis, 'match.redis', ['commands', 'options']);
    match.redis = { commands: reader.list(inner, 'commands', true), options: reader.list(inner, 'options', true) };
    if (match.redis.commands.length + match.redis.options.length === 0) {
      reader.error('match.redis: list at least one command or option');
    }
  }
  if (fields.reportedOnly !== undefined) {
    if (fields.reportedOnly !== true) {
      reader.error('match.reportedOnly: write `true`, or leave it out');
    }
    match.reportedOnly = true;
  }
  if (fields.ingress !== undefined) {
    const inner = reader.fields(fields.ingress, 'match.ingress', ['ports']);
    const ports: unknown[] = Array.isArray(inner.ports) ? inner.ports : [];
    const valid = ports.filter((port): port is number => Number.isInteger(port) && (port as number) >= 1 && (port as number) <= 65535);
    if (ports.length === 0 || valid.length !== ports.length) {
      reader.error('match.ingress: \'ports\' must list TCP port numbers (1 to 65535)');
    }
    // Kept even when partly wrong, so that one mistake is reported once.
    match.ingress = { ports: valid };
  }
  if (fields.sdkImports !== undefined) {
    const sdks = reader.list(fields, 'sdkImports', true);
    match.sdkImports = sdks.filter((sdk): sdk is SdkMajor => sdk in SDK_MAJORS);
    if (sdks.length === 0 || match.sdkImports.length !== sdks.length) {
      reader.error(`match.sdkImports: list SDK major versions among ${Object.keys(SDK_MAJORS).join(', ')}`);
    }
  }
  if (fields.lambdaHandlers !== undefined) {
    if (fields.lambdaHandlers !== true) {
      reader.error("match.lambdaHandlers: must be 'true'");
    }
    match.lambdaHandlers = true;
  }
  if (fields.requestHandlers !== undefined) {
    if (fields.requestHandlers !== true) {
      reader.error("match.requestHandlers: must be 'true'");
    }
    match.requestHandlers = true;
  }
  if (fields.scopedConnections !== undefined) {
    if (fields.scopedConnections !== true) {
      reader.error("match.scopedConnections: must be 'true'");
    }
    match.scopedConnections = true;
  }
  if (fields.staticCredentials !== undefined) {
    if (fields.staticCredentials !== true) {
      reader.error("match.staticCredentials: must be 'true'");
    }
    match.staticCredentials = true;
  }
  if (fields.sql !== undefined) {
    const inner = reader.fields(fields.sql, 'match.sql', ['connections', 'options']);
    if (inner.connections !== undefined && inner.connections !== true) {
      reader.error("match.sql.connections: write `true`, or leave it out");
    }
    match.sql = { connections: inner.connections === true, options: inner.options === undefined ? [] : reader.list(inner, 'options', true) };
    if (!match.sql.connections && match.sql.options.length === 0) {
      reader.error('match.sql: give connections: true or list at least one option');
    }
  }
  const targets = (match.staticCredentials ? 1 : 0) + (match.sql ? 1 : 0) + (match.lambdaHandlers ? 1 : 0) + (match.scopedConnections ? 1 : 0) + (match.requestHandlers ? 1 : 0) + (match.sdkImports?.length ?? 0) + match.operations.length + match.options.length + (match.cloudformation ? 1 : 0) + (match.terraform ? 1 : 0) + (match.ingress ? 1 : 0);
  if (targets + (match.cdk ? 1 : 0) + (match.redis ? 1 : 0) === 0) {
    reader.error('match: matches nothing (give operations, options, cloudformation, terraform, cdk, redis, ingress, sdkImports, lambdaHandlers, requestHandlers, scopedConnections, sql or staticCredentials)');
  }
  return match;
}

/** The languages a match can reach; a rule listing another language is a mistake. */
function reachableLanguages(match: RuleMatch): Set<HintLanguage> {
  const languages = new Set<HintLanguage>();
  if (match.operations.length > 0 || match.options.length > 0) {
    CODE_LANGUAGES.forEach((language) => languages.add(language));
  }
  if (match.cloudformation) {
    languages.add('cloudformation');
    CDK_LANGUAGES.forEach((language) => languages.add(language));
  }
  if (match.terraform) {
    // Pulumi programs declare the same resources and arguments, in their languages' spelling.
    languages.add('terraform');
    PULUMI_LANGUAGES.forEach((language) => languages.add(language));
  }
  if (match.cdk) {
    CDK_LANGUAGES.forEach((language) => languages.add(language));
  }
  if (match.redis) {
    REDIS_LANGUAGES.forEach((language) => languages.add(language));
  }
  if (match.ingress) {
    languages.add('cloudformation');
    languages.add('terraform');
    PULUMI_LANGUAGES.forEach((language) => languages.add(language));
  }
  for (const sdk of match.sdkImports ?? []) {
    SDK_MAJORS[sdk].forEach((language) => languages.add(language));
  }
  if (match.lambdaHandlers) {
    LAMBDA_HANDLER_LANGUAGES.forEach((language) => languages.add(language));
  }
  if (match.scopedConnections) {
    SCOPED_CONNECTION_LANGUAGES.forEach((language) => languages.add(language));
  }
  if (match.requestHandlers) {
    REQUEST_HANDLER_LANGUAGES.forEach((language) => languages.add(language));
  }
  if (match.sql) {
    SQL_CONNECTION_LANGUAGES.forEach((language) => languages.add(language));
  }
  if (match.staticCredentials) {
    STATIC_CREDENTIAL_LANGUAGES.forEach((language) => languages.add(language));
  }
  return languages;
}

/** The `examples` map, and an error naming each place the rule applies that has no example. */
function readExamples(reader: RuleReader, value: unknown, required: readonly ExampleKey[]): Partial<Record<ExampleKey, string>> {
  const examples: Partial<Record<ExampleKey, string>> = {};
  if (value !== undefined) {
    const fields = reader.fields(value, 'examples', EXAMPLE_KEYS);
    for (const key of EXAMPLE_KEYS) {
      if (fields[key] !== undefined) {
        const code = reader.text(fields, key);
        if (code) {
          examples[key] = code;
        }
      }
    }
  }
  const missing = required.filter((key) => examples[key] === undefined);
  if (missing.length > 0) {
    reader.error(`has no example for ${missing.join(', ')} (its languages and match apply there): add examples.${missing[0]}`);
  }
  return examples;
}

function readRule(reader: RuleReader, entry: unknown, notes: Map<string, string>): HintRule | undefined {
  const fields = reader.fields(entry, 'rule', RULE_FIELDS);
  const id = reader.text(fields, 'id');
  if (id && !ID_PATTERN.test(id)) {
    reader.error(`'id' '${id}' must be kebab-case (a-z, 0-9, '-')`);
  }
  if (id) {
    reader.at(id);
  }
  const service = fields.service as HintService;
  if (!HINT_SERVICES.includes(service)) {
    reader.error(`'service' must be one of ${HINT_SERVICES.join(', ')}`);
  }
  const languages = reader.list(fields, 'languages', true) as HintLanguage[];
  if (languages.length === 0) {
    reader.error("'languages' must list at least one language");
  }
  const match = readMatch(reader, fields.match);
  const reachable = reachableLanguages(match);
  for (const language of languages) {
    if (!HINT_LANGUAGES.includes(language)) {
      reader.error(`unknown language '${language}' (known: ${HINT_LANGUAGES.join(', ')})`);
    } else if (!reachable.has(language)) {
      reader.error(`lists '${language}' but its match has nothing for that language`);
    }
  }
  const doc = reader.text(fields, 'doc');
  if (doc && !isHttpsUrl(doc)) {
    reader.error(`'doc' '${doc}' is not an https URL`);
  }
  const note = reader.text(fields, 'note');
  if (note && !notes.has(note)) {
    reader.error(`links to note '${note}', which does not exist`);
  }
  const rule: HintRule = {
    id,
    service,
    title: reader.text(fields, 'title'),
    languages,
    match,
    hover: reader.text(fields, 'hover'),
    examples: readExamples(reader, fields.examples, requiredExampleKeys({ languages: languages.filter((language) => HINT_LANGUAGES.includes(language)), match })),
    doc,
    note,
    noteTitle: notes.get(note) ?? '',
  };
  if (fields.diagnostic !== undefined) {
    rule.diagnostic = readDiagnostic(reader, fields.diagnostic);
    if (rule.diagnostic?.check === 'open-ingress' && !match.ingress) {
      reader.error("diagnostic: check 'open-ingress' needs 'match.ingress'");
    }
    if (rule.diagnostic?.check === 'client-per-invocation' && !match.lambdaHandlers) {
      reader.error("diagnostic: check 'client-per-invocation' needs 'match.lambdaHandlers'");
    }
    if (rule.diagnostic?.check === 'client-per-request' && !match.requestHandlers) {
      reader.error("diagnostic: check 'client-per-request' needs 'match.requestHandlers'");
    }
    if (rule.diagnostic?.check === 'connection-per-call' && !match.scopedConnections) {
      reader.error("diagnostic: check 'connection-per-call' needs 'match.scopedConnections'");
    }
    if (rule.diagnostic?.check === 'sql-connection-per-invocation' && !match.sql?.connections) {
      reader.error("diagnostic: check 'sql-connection-per-invocation' needs 'match.sql.connections'");
    }
    if (rule.diagnostic?.check === 'sdk-past-end-of-support' && !match.sdkImports) {
      reader.error("diagnostic: check 'sdk-past-end-of-support' needs 'match.sdkImports'");
    }
    if (rule.diagnostic?.check === 'literal-access-key' && !match.staticCredentials) {
      reader.error("diagnostic: check 'literal-access-key' needs 'match.staticCredentials'");
    }
  }
  if (fields.fix !== undefined) {
    const fix = reader.fields(fields.fix, 'fix', ['kind', 'value']);
    const kind = fix.kind as FixName;
    if (!FIXES.includes(kind)) {
      reader.error(`fix: unknown kind '${String(fix.kind)}' (known: ${FIXES.join(', ')})`);
    }
    if (!rule.diagnostic) {
      reader.error('fix: a quick fix needs a diagnostic to attach to');
    }
    const fixValue = typeof fix.value === 'string' && fix.value.trim() !== '' ? fix.value.trim() : reader.scalar(fix, 'value');
    if (kind === 'set-value' && fixValue === undefined) {
      reader.error("fix: 'set-value' needs 'value'");
    }
    rule.fix = fixValue === undefined ? { kind } : { kind, value: fixValue };
  }
  return id ? rule : undefined;
}

/**
 * Reads and validates every `*.yaml` under `<root>/hints` (the engine lifecycle table apart); a
 * missing folder means no rules. `builtOn` is the date the lifecycle checks compare with.
 */
export function compileHintRules(root: string, notes: readonly NoteRef[], builtOn: string = buildDate()): HintRulesResult {
  const errors: HintRuleError[] = [];
  const rules: HintRule[] = [];
  const dir = path.join(root, 'hints');
  if (!fs.existsSync(dir)) {
    return { rules, errors };
  }
  const noteTitles = new Map(notes.map((note) => [note.id, note.title]));
  const seen = new Map<string, string>();
  const files = fs
    .readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name) && name !== LIFECYCLE_FILE && name !== SDK_LIFECYCLE_FILE)
    .sort();
  for (const name of files) {
    const file = path.relative(path.dirname(root), path.join(dir, name)).split(path.sep).join('/');
    let parsed: unknown;
    try {
      parsed = parseYaml(fs.readFileSync(path.join(dir, name), 'utf8'));
    } catch (error) {
      errors.push({ file, message: `invalid YAML: ${(error as Error).message.split('\n')[0]}` });
      continue;
    }
    if (parsed === null || parsed === undefined) {
      continue;
    }
    if (!Array.isArray(parsed)) {
      errors.push({ file, message: 'must be a YAML list of rules' });
      continue;
    }
    parsed.forEach((entry, index) => {
      const rule = readRule(new RuleReader(file, errors, `rule ${index + 1}`), entry, noteTitles);
      if (!rule) {
        return;
      }
      const previous = seen.get(rule.id);
      if (previous) {
        errors.push({ file, message: `${rule.id}: duplicate rule id (also in ${previous})` });
        return;
      }
      seen.set(rule.id, file);
      rules.push(rule);
    });
  }
  const tableFile = (name: string): string => path.relative(path.dirname(root), path.join(dir, name)).split(path.sep).join('/');
  attachTable(rules, errors, tableFile(LIFECYCLE_FILE), 'engine-version-past-standard-support', compileEngineLifecycle(root, builtOn), (diagnostic, lifecycle) => {
    diagnostic.lifecycle = lifecycle;
  });
  attachTable(rules, errors, tableFile(SDK_LIFECYCLE_FILE), 'sdk-past-end-of-support', compileSdkLifecycle(root, builtOn), (diagnostic, lifecycle) => {
    diagnostic.sdkLifecycle = lifecycle;
  });
  return { rules, errors };
}

/**
 * Gives every rule of `check` the dated table in `file` that it cannot work without, through `attach`;
 * a rule without its table, or a table with errors, fails the build.
 */
function attachTable<T>(
  rules: HintRule[],
  errors: HintRuleError[],
  file: string,
  check: CheckName,
  table: { lifecycle?: T; errors: string[] },
  attach: (diagnostic: NonNullable<HintRule['diagnostic']>, lifecycle: T) => void,
): void {
  errors.push(...table.errors.map((message) => ({ file, message })));
  for (const rule of rules.filter((candidate) => candidate.diagnostic?.check === check)) {
    if (table.lifecycle && rule.diagnostic) {
      attach(rule.diagnostic, table.lifecycle);
    } else if (table.errors.length === 0) {
      errors.push({ file, message: `${rule.id}: check '${check}' needs ${path.posix.basename(file)}` });
    }
  }
}
