/** The hint rule catalog as compiled into the bundle, and what the engine reports. No `vscode` here. */
import type { SourceRef, TableDefinition, TableIndex } from './workspace/types';

export type HintService = 'dynamodb' | 'rds' | 'elasticache';
export const HINT_SERVICES: readonly HintService[] = ['dynamodb', 'rds', 'elasticache'];

export type HintLanguage = 'javascript' | 'typescript' | 'python' | 'java' | 'kotlin' | 'go' | 'csharp' | 'cloudformation' | 'terraform';
export const HINT_LANGUAGES: readonly HintLanguage[] = [
  'javascript',
  'typescript',
  'python',
  'java',
  'kotlin',
  'go',
  'csharp',
  'cloudformation',
  'terraform',
];

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/** Names are compared normalised (lower case, no `_`), so `PubliclyAccessible`, `publiclyAccessible` and `publicly_accessible` agree. */
export interface RuleMatch {
  /** SDK operations as `service:Operation`: calls, commands, request builders and input structs. */
  operations: string[];
  /** Request parameters of the operations listed in `in`. */
  options: string[];
  in: string[];
  /** CloudFormation resource types (and the CDK L1 `Cfn*` constructs made from them) and their properties. */
  cloudformation?: { resources: string[]; properties: string[] };
  terraform?: { resources: string[]; arguments: string[] };
  /** CDK L2 constructs as `aws_rds.DatabaseInstance` and their props. */
  cdk?: { constructs: string[]; props: string[] };
  /** Redis client commands (ioredis, node-redis, redis-py) and client constructor options. */
  redis?: { commands: string[]; options: string[] };
  /**
   * The hover appears only where the diagnostic fires (a `GET` inside a loop, a password without TLS):
   * what the match names is too common to explain everywhere.
   */
  reportedOnly?: boolean;
  /** Security group ingress open to the internet on one of these TCP ports (CloudFormation, Terraform). */
  ingress?: { ports: number[] };
  /** Imports of these AWS SDK major versions' DynamoDB, RDS or ElastiCache clients. */
  sdkImports?: SdkMajor[];
  /** Clients that Lambda handlers make (`code/handlerClients.ts`). */
  lambdaHandlers?: boolean;
  /** Redis clients a function opens and closes around its own work (`code/scopedConnections.ts`). */
  scopedConnections?: boolean;
  /** Clients that web request handlers make (`code/webHandlers.ts`). */
  requestHandlers?: boolean;
  /**
   * SQL driver connections to RDS or Aurora (`code/sqlConnections.ts`): `connections` puts a hover on each call
   * that opens one, `options` on those of its options.
   */
  sql?: { connections: boolean; options: string[] };
  /** Literal AWS access keys the code hands to the SDK, or the Terraform AWS provider holds (`code/staticCredentials.ts`). */
  staticCredentials?: boolean;
}

/** The languages whose SQL driver connections (`pg`, `mysql2`, `psycopg2`, `pymysql`, ...) the engine reads. */
export const SQL_CONNECTION_LANGUAGES: readonly HintLanguage[] = ['javascript', 'typescript', 'python', 'go', 'java', 'kotlin', 'csharp'];

/** The languages whose Lambda handlers the engine reads for the clients they make. */
export const LAMBDA_HANDLER_LANGUAGES: readonly HintLanguage[] = ['javascript', 'typescript', 'python', 'java', 'go', 'csharp'];

/** The languages whose web request handlers the engine reads for the clients they make. */
export const REQUEST_HANDLER_LANGUAGES: readonly HintLanguage[] = ['javascript', 'typescript', 'python', 'java', 'go', 'csharp'];

/** The languages whose literal AWS access keys the engine reads: the SDKs' credentials, and Terraform's AWS provider. */
export const STATIC_CREDENTIAL_LANGUAGES: readonly HintLanguage[] = ['javascript', 'typescript', 'python', 'java', 'kotlin', 'go', 'csharp', 'terraform'];

/** The languages whose Redis clients opened and closed within one function (`using`, `with`, try-with-resources, `close()`) the engine reads. */
export const SCOPED_CONNECTION_LANGUAGES: readonly HintLanguage[] = ['javascript', 'typescript', 'python', 'java', 'go', 'csharp'];

/** AWS SDK major versions whose DynamoDB, RDS and ElastiCache client imports the engine recognises, and the language of each. */
export const SDK_MAJORS = { 'aws-sdk-js-v2': ['javascript', 'typescript'], 'aws-sdk-java-v1': ['java', 'kotlin'], 'aws-sdk-go-v1': ['go'] } as const satisfies Record<
  string,
  readonly HintLanguage[]
>;
export type SdkMajor = keyof typeof SDK_MAJORS;

export const CHECKS = [
  'no-pagination',
  'unprocessed-ignored',
  'batch-size',
  'consistent-read-on-index',
  'filter-on-scan',
  'limit-with-filter',
  'partiql-full-scan',
  'value-equals',
  'false-or-absent',
  'requires-one-of',
  'failover-off-with-replicas',
  'redis-command',
  'tls-verification-off',
  'hardcoded-secret',
  'true-or-absent',
  'engine-version-past-standard-support',
  'sdk-past-end-of-support',
  'client-per-invocation',
  'client-per-request',
  'connection-per-call',
  'sql-connection-per-invocation',
  'user-without-password',
  'redis-auth-without-tls',
  'redis-command-in-loop',
  'item-request-in-loop',
  'read-modify-write',
  'set-then-expire',
  'open-ingress',
  'option-named',
  'sql-built-from-values',
  'workspace-index-undefined',
  'workspace-consistent-read-gsi',
  'workspace-key-condition',
  'workspace-key-attributes',
  'workspace-projection-not-projected',
  'workspace-scan-by-key',
  'workspace-partiql-scan',
  'statement-errors-ignored',
  'password-parameter-echoed',
  'password-in-output',
  'ttl-not-in-seconds',
  'callback-and-promise',
  'expression-reserved-word',
  'batch-write-condition',
  'redis-command-not-awaited',
  'attribute-definitions-unused',
  'literal-access-key',
  'pool-transaction',
  'legacy-conditional-parameter',
  'password-in-string-parameter',
  'misspelt-page-key',
  'untyped-attribute-value',
  'redis-check-then-set',
  'unknown-request-member',
] as const;
export type CheckName = (typeof CHECKS)[number];

export interface RuleDiagnostic {
  check: CheckName;
  severity: Severity;
  message: string;
  /** Related checkov / Security Hub controls, e.g. `checkov CKV_AWS_17`, `Security Hub RDS.2`. */
  controls: string[];
  /** The literal a `value-equals` check looks for (strings compare case-insensitively). */
  value?: boolean | number | string;
  /** The property `false-or-absent` and `requires-one-of` look at, by name. */
  properties?: string[];
  /**
   * Contexts (`service:Operation`, CloudFormation or Terraform resource types) where absence counts; for
   * `value-equals`, construct types that always have the value (`aws_rds.ServerlessCluster`).
   */
  contexts?: string[];
  /**
   * Properties whose presence makes the finding moot (read replicas, restores, cluster members): for
   * `value-equals` the value, for the absence checks a missing setting.
   */
  unlessPresent?: string[];
  /**
   * `Name=Value` settings that make a left-out setting moot when written with that value: `DeletionPolicy=Delete`
   * (a table the stack deletes with its items, declared disposable), `hash_key=LockID` (Terraform's state lock table).
   */
  absentMootWhen?: string[];
  /** Engines on which the setting is on unless it is turned off, so that absence is fine (`valkey` for encryption at rest). */
  onByDefaultForEngines?: string[];
  /**
   * Contexts among `contexts` where absence counts only with an engine written as one of `offByDefaultForEngines`
   * (DB clusters: Aurora encrypts new ones by default, a Multi-AZ DB cluster of `mysql` or `postgres` does not).
   */
  engineRequiredIn?: string[];
  offByDefaultForEngines?: string[];
  /**
   * For `false-or-absent`: engines that encrypt a new resource whatever the written `false` says (Aurora, for
   * clusters created from 2026-02-18), where `alwaysEncryptedMessage` says what the `false` still means.
   */
  alwaysEncryptedForEngines?: string[];
  /** For `false-or-absent`: resource types whose engine is always one of those (the CDK's Aurora-only DatabaseCluster). */
  alwaysEncryptedIn?: string[];
  alwaysEncryptedMessage?: string;
  /**
   * For `false-or-absent`: `Name=value` settings that leave the protection half on where the checked property is
   * `true` (`TransitEncryptionMode=preferred` also accepts plain-text clients), reported on the setting with `weakMessage`.
   */
  weakWhen?: string[];
  weakMessage?: string;
  /**
   * For `false-or-absent`: the message and severity for a setting left out, where the rule's own are for one written
   * off (deletion protection: `false` written out is a choice against it, a setting left out is the default).
   */
  absentMessage?: string;
  absentSeverity?: Severity;
  /** For `false-or-absent`: the message for a part of the resource that leaves the setting out (a global table's replica, see `OptionContext.parts`). */
  partMessage?: string;
  /** For `partiql-full-scan`: the message for a SELECT with no WHERE clause that reads only its first page. */
  firstPageMessage?: string;
  /** For `no-pagination`: the message for a Scan with no filter whose result the code reads only for its first item, or for whether it has one. */
  firstItemMessage?: string;
  /** For `unprocessed-ignored`: the message for a batch whose unprocessed items or keys the code reads only to log them. */
  loggedMessage?: string;
  /** For `unprocessed-ignored`: the message for a batch whose unprocessed items or keys the code only waits on (an `if` that sleeps), sending nothing again. */
  waitedMessage?: string;
  /** For `unprocessed-ignored`: the message for a `DynamoDBMapper` batch write whose returned failed batches the code drops. */
  failedBatchesMessage?: string;
  /** For `item-request-in-loop`: the message at a boto3 `batch_writer()` opened once per element of a loop, which sends a batch per element. */
  batchWriterMessage?: string;
  /** Properties that make a DB instance a member of a DB cluster, moot outside `engineRequiredIn` (where they name the cluster itself). */
  clusterMemberWith?: string[];
  /**
   * For `value-equals`: resource types whose own default is the value, so that a conditional that sets the
   * value or leaves the argument out (`cond ? null : false`) has it either way.
   */
  valueByDefaultIn?: string[];
  /**
   * For `engine-version-past-standard-support`: the engine a resource of the rule runs when it names none, so that its
   * version alone is judged (ElastiCache: Terraform's replication group defaults to `redis`, and the versions 4 and 5
   * are Redis OSS versions only: Valkey starts at 7.2 and Memcached's are 1.x).
   */
  engineWhenOmitted?: string;
  /**
   * For `engine-version-past-standard-support`: the message for a major version past its end of life, which no
   * Extended Support follows (the rule's `message` speaks of Extended Support charges, which such a version has not).
   */
  endOfLifeMessage?: string;
  /**
   * For `client-per-invocation`: the message at a handler's call of another module's function that makes the
   * client in its own body (`deleteAd(pk, sk)`), where the rule's `message` ("This client ...") would name no client.
   */
  calledMessage?: string;
  /** For `connection-per-call`: the message at a client the function connects and never closes. */
  unclosedMessage?: string;
  /** For `client-per-invocation`: the message in a function Pulumi serializes into a Lambda handler, whose fix is a `callbackFactory`. */
  callbackMessage?: string;
  /** For `client-per-request`: the message at an ASP.NET Core Scoped or Transient registration that makes the client. */
  registeredMessage?: string;
  /** For `client-per-request`: the messages at a SQL pool or engine a web handler makes, and at its call of a function that makes one. */
  poolMessage?: string;
  poolCalledMessage?: string;
  /** For `client-per-request`: the messages at a single SQL connection a web handler opens, and at its call of a function that opens one. */
  connectionMessage?: string;
  connectionCalledMessage?: string;
  /**
   * For `false-or-absent`: contexts where the setting exists for Memcached only (a cache cluster's
   * `TransitEncryptionEnabled`), so that a context of one whose engine is written as another is not judged.
   */
  memcachedOnlyIn?: string[];
  /** For `redis-command` and `redis-command-in-loop`: the commands that raise it (the rest only get a hover). */
  commands?: string[];
  /** For `engine-version-past-standard-support`: the dated lifecycle table, filled in by the build. */
  lifecycle?: EngineLifecycle;
  /** For `sdk-past-end-of-support`: the dated SDK lifecycle table, filled in by the build. */
  sdkLifecycle?: SdkLifecycle;
}

/** When an SDK major version entered maintenance mode and end-of-support (`YYYY-MM-DD`, the first day of each phase). */
export interface SdkPhases {
  name: string;
  maintenance: string;
  endOfSupport: string;
  /** What to migrate to, in a few words (the next major version and its packages). */
  migrateTo: string;
  /** The next version's packages that take the place of each client class of this one (`DynamoDB.DocumentClient`). */
  packages?: Readonly<Record<string, readonly string[]>>;
  /** `migrateTo` for a file whose client classes are known: `{packages}` stands for their packages. */
  migrateToPackages?: string;
}

/** The SDK lifecycle table and the date the rules were built. */
export interface SdkLifecycle {
  builtOn: string;
  sdks: Partial<Record<SdkMajor, SdkPhases>>;
}

/** End of standard support per engine and major version, and the date the rules were built (both `YYYY-MM-DD`). */
export interface EngineLifecycle {
  builtOn: string;
  engines: Record<string, Record<string, string>>;
  /**
   * Per engine, the majors whose date in `engines` is their end of life: they had no Extended Support after it
   * (ElastiCache Redis OSS 2 and 3). Left out when no major of the table is one.
   */
  endOfLife?: Record<string, string[]>;
}

/** Keys of a rule's per-language `examples`: a language, an IaC format or a Redis client. */
export const EXAMPLE_KEYS = [
  'javascript',
  'python',
  'java',
  'go',
  'csharp',
  'cloudformation',
  'terraform',
  'cdk-typescript',
  'cdk-python',
  'cdk-java',
  'cdk-csharp',
  'cdk-go',
  'ioredis',
  'node-redis',
  'redis-py',
  'go-redis',
  'redigo',
  'rueidis',
  'glide-node',
  'glide-python',
  'stackexchange-redis',
  'jedis',
  'lettuce',
  'spring-data-redis',
  'redisson',
  'spring-config',
  'spring-properties',
  'appsettings',
  'redisson-config',
  'pulumi-typescript',
  'pulumi-python',
  'pulumi-go',
  'pulumi-csharp',
  'cdktf-typescript',
  'cdktf-python',
] as const;
export type ExampleKey = (typeof EXAMPLE_KEYS)[number];

export const FIXES = ['add-pagination-loop', 'remove-option', 'set-value', 'keys-to-scan'] as const;
export type FixName = (typeof FIXES)[number];

export interface HintRule {
  id: string;
  service: HintService;
  title: string;
  languages: HintLanguage[];
  match: RuleMatch;
  /** Markdown: the key fact. */
  hover: string;
  /** Code per place the rule applies; the hover shows the one for the file. */
  examples: Partial<Record<ExampleKey, string>>;
  doc: string;
  note: string;
  /** Filled in by the build from the study catalog. */
  noteTitle: string;
  diagnostic?: RuleDiagnostic;
  /** `set-value` writes `value`; a word (such as a DeletionPolicy) keeps the quoting it replaces. */
  fix?: { kind: FixName; value?: boolean | number | string };
}

/** A half-open range of UTF-16 offsets into the analysed text. */
export interface Span {
  start: number;
  end: number;
}

export interface TextEdit extends Span {
  newText: string;
}

export interface QuickFix {
  title: string;
  edits: TextEdit[];
}

/** What produced a site or finding: an SDK call or request, a template resource, a CDK construct, or a Redis client. */
/** Application configuration files (`config/`): Spring Boot's `application.yml` and `application.properties`, ASP.NET Core's `appsettings.json`, Redisson's YAML. */
export type ConfigFormat = 'spring-config' | 'spring-properties' | 'appsettings' | 'redisson-config';

export type SiteOrigin =
  | ConfigFormat
  | 'sdk'
  | 'cloudformation'
  | 'terraform'
  | 'cdk'
  | 'pulumi'
  | 'pulumi-python'
  | 'pulumi-go'
  | 'pulumi-csharp'
  | 'cdktf'
  | 'cdktf-python'
  | 'ioredis'
  | 'node-redis'
  | 'redis-py'
  | 'redis-py-async'
  | 'go-redis'
  | 'redigo'
  | 'rueidis'
  | 'glide'
  | 'glide-sync'
  | 'stackexchange-redis'
  | 'jedis'
  | 'lettuce'
  | 'spring-data-redis'
  | 'redisson';

/** A place that gets a hover, with the rules that explain it. */
export interface HintSite extends Span {
  ruleIds: string[];
  origin: SiteOrigin;
  /** The option's name as written in the file, when the site is an option. */
  name?: string;
  /** The table (and index) the workspace model resolves this site's request to: a `TableName`, `IndexName` or `ConsistentRead`. */
  workspace?: WorkspaceSite;
  /** The service the finding here names, where it is not its rule's own (an SDK import of the RDS client). */
  service?: HintService;
  /** The language of code the file carries inline (a template's Lambda code), whose examples the hover shows. */
  language?: HintLanguage;
}

export interface WorkspaceSite {
  table: TableDefinition;
  /** The index the request reads, when it names one the table defines. */
  index?: TableIndex;
}

/** A place in another file that explains a finding (the table or index definition it was checked against). */
export interface RelatedPlace {
  message: string;
  at: SourceRef;
}

export interface Finding extends Span {
  ruleId: string;
  severity: Severity;
  message: string;
  /** The service the finding is about, where it is not the rule's own (a rule about several services). */
  service?: HintService;
  fix?: QuickFix;
  /** Definitions in other files that the finding was checked against (workspace checks). */
  related?: RelatedPlace[];
}

export interface SkipReason {
  /** `time-budget`: the analysis ran past its per-document time budget and was abandoned. */
  kind: 'too-large' | 'long-line' | 'minified' | 'binary' | 'time-budget';
  detail: string;
}

export interface Analysis {
  sites: HintSite[];
  findings: Finding[];
  /** Set when the text was not analysed at all. */
  skipped?: SkipReason;
}

/** Names already normalized: the same few hundred option and method names recur in every file. */
const normalizedNames = new Map<string, string>();
const MAX_NORMALIZED_NAMES = 4096;

export function normalizeName(name: string): string {
  // Most names have no separator: lower-casing them costs less than hashing them for the cache.
  let upper = false;
  for (let k = 0; k < name.length; k++) {
    const code = name.charCodeAt(k);
    if (code === 95 || code === 45 || code <= 32 || code > 127) {
      return normalizeSeparated(name);
    }
    upper ||= code >= 65 && code <= 90;
  }
  return upper ? name.toLowerCase() : name;
}

function normalizeSeparated(name: string): string {
  let normalized = normalizedNames.get(name);
  if (normalized === undefined) {
    normalized = name.replace(/[_\-\s]/g, '').toLowerCase();
    if (normalizedNames.size >= MAX_NORMALIZED_NAMES) {
      normalizedNames.clear();
    }
    normalizedNames.set(name, normalized);
  }
  return normalized;
}
