/**
 * The hint engine's entry point: text in, hover sites and findings out. Pure, bounded and total:
 * it never throws (a failure yields an empty analysis) and skips oversized, minified or binary text.
 */
import { analyzeCode, CodeLanguage } from './codeModel';
import { keysToScanFix, insertPropertyFix, paginationFix, removeOptionFix, setValueFix } from './fixes';
import { analyzeCloudFormationJson, analyzeCloudFormationYaml, analyzeTerraform, looksLikeCloudFormation } from './iacModel';
import { DocumentModel, Literal, OptionContext, OptionOccurrence, RedisFlavor } from './model';
import { inReaderTerms } from './readerTerms';
import { cdkL1Construct } from './services';
import { assessText, DEFAULT_LIMITS, LineIndex, Limits } from './text';
import { Analysis, Finding, HintLanguage, HintRule, HintSite, normalizeName, QuickFix, Severity, SiteOrigin, Span } from './types';

/** How a document is read: a code language, a template format, or nothing we analyse. */
export type DocumentKind = CodeLanguage | 'terraform' | 'yaml' | 'json';

const LANGUAGE_IDS: Record<string, DocumentKind> = {
  javascript: 'javascript',
  javascriptreact: 'javascript',
  typescript: 'typescript',
  typescriptreact: 'typescript',
  python: 'python',
  java: 'java',
  go: 'go',
  csharp: 'csharp',
  terraform: 'terraform',
  hcl: 'terraform',
  yaml: 'yaml',
  'cloudformation': 'yaml',
  json: 'json',
  jsonc: 'json',
};

const EXTENSIONS: [RegExp, DocumentKind][] = [
  [/\.(?:ts|tsx|mts|cts)$/i, 'typescript'],
  [/\.(?:js|jsx|mjs|cjs)$/i, 'javascript'],
  [/\.py$/i, 'python'],
  [/\.java$/i, 'java'],
  [/\.go$/i, 'go'],
  [/\.cs$/i, 'csharp'],
  [/\.tf$/i, 'terraform'],
  [/\.(?:ya?ml|template)$/i, 'yaml'],
  [/\.json$/i, 'json'],
];

/** The file name decides first (a `.tf` file is Terraform whatever the editor calls it), then the language id. */
export function documentKind(languageId: string | undefined, fileName: string): DocumentKind | undefined {
  for (const [pattern, kind] of EXTENSIONS) {
    if (pattern.test(fileName)) {
      return kind;
    }
  }
  return languageId ? LANGUAGE_IDS[languageId] : undefined;
}

export interface AnalyzeOptions {
  kind: DocumentKind;
  fileName?: string;
  /** Per-rule severity, or 'off' to disable the rule entirely (hover and diagnostic). */
  severityOf?: (rule: HintRule) => Severity | 'off';
  limits?: Limits;
  /** Told about an internal failure that the analysis swallowed (tests and the CLI's debugging). */
  onError?: (error: unknown) => void;
}

export interface AnalysisResult extends Analysis {
  language?: HintLanguage;
  commentPrefix?: string;
  lines: LineIndex;
}

interface RuleIndex {
  operations: Map<string, HintRule[]>;
  options: Map<string, { rule: HintRule; in: Set<string> }[]>;
  resources: Map<string, { rule: HintRule; props: Set<string> }[]>;
  redisCommands: Map<string, HintRule[]>;
  redisOptions: Map<string, HintRule[]>;
}

const indexes = new WeakMap<readonly HintRule[], RuleIndex>();

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    list.push(value);
  } else {
    map.set(key, [value]);
  }
}

function indexRules(rules: readonly HintRule[]): RuleIndex {
  const cached = indexes.get(rules);
  if (cached) {
    return cached;
  }
  const index: RuleIndex = { operations: new Map(), options: new Map(), resources: new Map(), redisCommands: new Map(), redisOptions: new Map() };
  for (const rule of rules) {
    const match = rule.match;
    match.operations.forEach((operation) => push(index.operations, operation, rule));
    const inOperations = new Set(match.in);
    match.options.forEach((option) => push(index.options, normalizeName(option), { rule, in: inOperations }));
    if (match.cloudformation) {
      const props = new Set(match.cloudformation.properties.map(normalizeName));
      for (const type of match.cloudformation.resources) {
        push(index.resources, `cloudformation ${type}`, { rule, props });
        const l1 = cdkL1Construct(type);
        if (l1) {
          push(index.resources, `cdk ${l1}`, { rule, props });
        }
      }
    }
    if (match.terraform) {
      const props = new Set(match.terraform.arguments.map(normalizeName));
      match.terraform.resources.forEach((type) => push(index.resources, `terraform ${type}`, { rule, props }));
    }
    if (match.cdk) {
      const props = new Set(match.cdk.props.map(normalizeName));
      match.cdk.constructs.forEach((construct) => push(index.resources, `cdk ${construct}`, { rule, props }));
    }
    if (match.redis) {
      match.redis.commands.forEach((command) => push(index.redisCommands, normalizeName(command), rule));
      match.redis.options.forEach((option) => push(index.redisOptions, normalizeName(option), rule));
    }
  }
  indexes.set(rules, index);
  return index;
}

function buildModel(text: string, kind: DocumentKind, lines: LineIndex): { model: DocumentModel; language: HintLanguage } | undefined {
  switch (kind) {
    case 'terraform':
      return { model: analyzeTerraform(text, lines), language: 'terraform' };
    case 'yaml':
      return looksLikeCloudFormation(text) ? { model: analyzeCloudFormationYaml(text, lines), language: 'cloudformation' } : undefined;
    case 'json':
      return looksLikeCloudFormation(text) ? { model: analyzeCloudFormationJson(text, lines), language: 'cloudformation' } : undefined;
    default:
      return { model: analyzeCode(text, kind, lines), language: kind };
  }
}

/** An option of a context that a rule's match names. */
interface RuleOption {
  context: OptionContext;
  option: OptionOccurrence;
}

function literalEquals(literal: Literal, value: boolean | number): boolean {
  if (literal.kind === 'bool' || literal.kind === 'num') {
    return literal.value === value;
  }
  if (literal.kind === 'str') {
    return literal.value.trim().toLowerCase() === String(value);
  }
  return false;
}

function isLiteralSecret(literal: Literal): boolean {
  if (literal.kind !== 'str') {
    return false;
  }
  const value = literal.value.trim();
  return value.length > 0 && !value.startsWith('{{resolve:') && !/^\$\{|^<.*>$/.test(value);
}

function originOf(context: OptionContext): SiteOrigin {
  return context.kind === 'redis-client' ? (context.type as RedisFlavor) : context.kind;
}

function optionNamed(context: OptionContext, names: readonly string[]): OptionOccurrence | undefined {
  const norms = names.map(normalizeName);
  return context.options.find((option) => norms.includes(option.norm));
}

class Analyzer {
  readonly sites = new Map<string, HintSite>();
  readonly findings: Finding[] = [];
  /** Per rule: the options it matched (hover sites), for the value checks. */
  readonly ruleOptions = new Map<HintRule, RuleOption[]>();
  readonly rules: HintRule[];

  constructor(
    readonly model: DocumentModel,
    readonly language: HintLanguage,
    allRules: readonly HintRule[],
    readonly severityOf: (rule: HintRule) => Severity | 'off',
    readonly lines: LineIndex,
  ) {
    this.rules = allRules.filter((rule) => rule.languages.includes(language) && severityOf(rule) !== 'off');
    this.enabled = new Set(this.rules);
    this.index = indexRules(allRules);
  }

  private readonly enabled: Set<HintRule>;
  private readonly index: RuleIndex;

  private site(span: Span, rule: HintRule, origin: SiteOrigin, name?: string): void {
    if (!this.enabled.has(rule)) {
      return;
    }
    const key = `${span.start}:${span.end}`;
    const existing = this.sites.get(key);
    if (existing) {
      if (!existing.ruleIds.includes(rule.id)) {
        existing.ruleIds.push(rule.id);
      }
    } else {
      const site: HintSite = { start: span.start, end: span.end, ruleIds: [rule.id], origin };
      if (name !== undefined) {
        site.name = name;
      }
      this.sites.set(key, site);
    }
  }

  private ruleOption(rule: HintRule, context: OptionContext, option: OptionOccurrence): void {
    if (!this.enabled.has(rule)) {
      return;
    }
    this.site(option.key, rule, originOf(context), option.name);
    push(this.ruleOptions, rule, { context, option });
  }

  collectSites(): void {
    const { model, index } = this;
    for (const occurrence of model.operations) {
      for (const rule of index.operations.get(occurrence.operation) ?? []) {
        this.site(occurrence.name, rule, 'sdk');
      }
    }
    for (const context of model.contexts) {
      if (context.kind === 'sdk') {
        for (const option of context.options) {
          for (const entry of index.options.get(option.norm) ?? []) {
            if (entry.in.has(context.type)) {
              this.ruleOption(entry.rule, context, option);
            }
          }
        }
      } else if (context.kind === 'redis-client') {
        for (const option of context.options) {
          for (const rule of index.redisOptions.get(option.norm) ?? []) {
            this.ruleOption(rule, context, option);
          }
        }
      } else {
        for (const entry of index.resources.get(`${context.kind} ${context.type}`) ?? []) {
          if (entry.props.size === 0) {
            if (context.typeSpan) {
              this.site(context.typeSpan, entry.rule, originOf(context));
            }
            continue;
          }
          for (const option of context.options) {
            if (entry.props.has(option.norm)) {
              this.ruleOption(entry.rule, context, option);
            }
          }
        }
      }
    }
    for (const call of model.redisCalls) {
      for (const rule of index.redisCommands.get(call.command) ?? []) {
        this.site(call.name, rule, call.flavor);
      }
    }
  }

  /** `at`: the context (and option) the finding is about, so the message uses the file's names. */
  private report(rule: HintRule, span: Span, fix?: QuickFix, at?: { context: OptionContext; option?: OptionOccurrence }): void {
    const severity = this.severityOf(rule);
    if (severity === 'off' || !rule.diagnostic) {
      return;
    }
    const message = at ? inReaderTerms(rule.diagnostic.message, rule, originOf(at.context), at.option?.name) : rule.diagnostic.message;
    const finding: Finding = { start: span.start, end: span.end, ruleId: rule.id, severity, message };
    if (fix) {
      finding.fix = fix;
    }
    this.findings.push(finding);
  }

  private fixFor(rule: HintRule, option?: OptionOccurrence): QuickFix | undefined {
    if (!rule.fix || !option) {
      return undefined;
    }
    if (rule.fix.kind === 'set-value' && rule.fix.value !== undefined) {
      return setValueFix(option, rule.fix.value, this.language);
    }
    if (rule.fix.kind === 'remove-option') {
      return removeOptionFix(option);
    }
    return undefined;
  }

  runChecks(): void {
    for (const rule of this.rules) {
      const diagnostic = rule.diagnostic;
      if (!diagnostic) {
        continue;
      }
      const options = this.ruleOptions.get(rule) ?? [];
      switch (diagnostic.check) {
        case 'no-pagination':
        case 'unprocessed-ignored':
          this.callChecks(rule, diagnostic.check);
          break;
        case 'batch-size':
          for (const { context, option } of options) {
            const limit = context.type === 'dynamodb:BatchWriteItem' ? 25 : context.type === 'dynamodb:BatchGetItem' ? 100 : Infinity;
            if (option.literalCounts !== undefined && option.literalCounts > limit) {
              this.report(rule, option.key, undefined, { context, option });
            }
          }
          break;
        case 'consistent-read-on-index':
          for (const { context, option } of options) {
            if (literalEquals(option.literal, true) && optionNamed(context, ['IndexName'])) {
              this.report(rule, option.key, this.fixFor(rule, option), { context, option });
            }
          }
          break;
        case 'filter-on-scan':
          for (const { context, option } of options) {
            if (context.type === 'dynamodb:Scan') {
              this.report(rule, option.key, undefined, { context, option });
            }
          }
          break;
        case 'limit-with-filter':
          for (const { context, option } of options) {
            if (optionNamed(context, ['FilterExpression'])) {
              this.report(rule, option.key, undefined, { context, option });
            }
          }
          break;
        case 'value-equals':
          for (const { context, option } of options) {
            if (diagnostic.value !== undefined && literalEquals(option.literal, diagnostic.value)) {
              this.report(rule, option.key, this.fixFor(rule, option), { context, option });
            }
          }
          break;
        case 'false-or-absent':
          this.falseOrAbsent(rule, options);
          break;
        case 'requires-one-of':
          for (const context of this.model.contexts) {
            if (this.absenceCounts(rule, context) && !optionNamed(context, diagnostic.properties ?? [])) {
              this.report(rule, context.anchor, undefined, { context });
            }
          }
          break;
        case 'failover-off-with-replicas':
          for (const { context, option } of options) {
            const clusters = optionNamed(context, ['NumCacheClusters'])?.literal;
            const replicas = optionNamed(context, ['ReplicasPerNodeGroup'])?.literal;
            const hasReplicas = (clusters?.kind === 'num' && clusters.value >= 2) || (replicas?.kind === 'num' && replicas.value >= 1);
            if (literalEquals(option.literal, false) && hasReplicas) {
              this.report(rule, option.key, this.fixFor(rule, option), { context, option });
            }
          }
          break;
        case 'redis-command':
          for (const call of this.model.redisCalls) {
            if ((diagnostic.commands ?? []).map(normalizeName).includes(call.command) && rule.match.redis?.commands.map(normalizeName).includes(call.command)) {
              this.report(rule, call.name, rule.fix?.kind === 'keys-to-scan' ? keysToScanFix(call, this.language) : undefined);
            }
          }
          break;
        case 'tls-verification-off':
          for (const { context, option } of options) {
            const literal = option.literal;
            const off =
              (option.norm === 'rejectunauthorized' && literalEquals(literal, false)) ||
              (option.norm === 'sslcertreqs' && (literal.kind === 'none' || (literal.kind === 'str' && literal.value.toLowerCase() === 'none') || (literal.kind === 'expr' && /CERT_NONE$/.test(literal.text))));
            if (off) {
              this.report(rule, option.key, undefined, { context, option });
            }
          }
          break;
        case 'hardcoded-secret':
          for (const { context, option } of options) {
            if (isLiteralSecret(option.literal)) {
              this.report(rule, option.value, undefined, { context, option });
            }
          }
          break;
      }
    }
  }

  private callChecks(rule: HintRule, check: 'no-pagination' | 'unprocessed-ignored'): void {
    const operations = new Set(rule.match.operations);
    const scopes = this.model.scopes;
    const seen = new Set<number>();
    for (const occurrence of this.model.operations) {
      if (!occurrence.call || occurrence.paginated || !operations.has(occurrence.operation) || seen.has(occurrence.name.start)) {
        continue;
      }
      seen.add(occurrence.name.start);
      if (check === 'no-pagination') {
        // A Limit asks for one page on purpose (top-N, existence checks).
        if (occurrence.request && optionNamed(occurrence.request, ['Limit'])) {
          continue;
        }
        if (scopes.hasPaginationMarker(occurrence.tokenIndex)) {
          continue;
        }
        const shape = occurrence.fix?.pagination;
        this.report(rule, occurrence.name, rule.fix?.kind === 'add-pagination-loop' && shape ? paginationFix(shape) : undefined);
      } else if (!scopes.hasUnprocessedMarker(occurrence.tokenIndex)) {
        this.report(rule, occurrence.name);
      }
    }
  }

  /** Absence means something only in a create context whose options are all visible. */
  private absenceCounts(rule: HintRule, context: OptionContext): boolean {
    const diagnostic = rule.diagnostic!;
    if (!context.complete || !(diagnostic.contexts ?? []).includes(context.type)) {
      return false;
    }
    if (optionNamed(context, diagnostic.unlessPresent ?? [])) {
      return false;
    }
    const engine = optionNamed(context, ['Engine'])?.literal;
    return !(engine?.kind === 'str' && engine.value.toLowerCase() === 'memcached');
  }

  private falseOrAbsent(rule: HintRule, options: RuleOption[]): void {
    const diagnostic = rule.diagnostic!;
    for (const { context, option } of options) {
      if (literalEquals(option.literal, false)) {
        this.report(rule, option.key, this.fixFor(rule, option), { context, option });
      }
    }
    const property = (diagnostic.properties ?? [])[0];
    for (const context of this.model.contexts) {
      if (property && this.absenceCounts(rule, context) && !optionNamed(context, diagnostic.properties ?? [])) {
        const fix = rule.fix?.kind === 'set-value' && rule.fix.value !== undefined ? insertPropertyFix(rule, context, property, rule.fix.value) : undefined;
        this.report(rule, context.anchor, fix, { context });
      }
    }
  }

  applySuppressions(): Finding[] {
    if (this.model.suppressions.length === 0) {
      return this.findings;
    }
    const byLine = new Map<number, string[]>();
    for (const suppression of this.model.suppressions) {
      byLine.set(suppression.line, [...(byLine.get(suppression.line) ?? []), ...suppression.ruleIds, ...(suppression.ruleIds.length === 0 ? ['*'] : [])]);
    }
    return this.findings.filter((finding) => {
      const ids = byLine.get(this.lines.lineOf(finding.start));
      return !ids || (!ids.includes('*') && !ids.includes(finding.ruleId));
    });
  }
}

const defaultSeverity = (rule: HintRule): Severity | 'off' => rule.diagnostic?.severity ?? 'information';

/** Analyses one document. Never throws. */
export function analyzeText(text: string, rules: readonly HintRule[], options: AnalyzeOptions): AnalysisResult {
  const lines = new LineIndex('');
  try {
    const skipped = assessText(text, options.limits ?? DEFAULT_LIMITS, options.fileName ?? '');
    if (skipped) {
      return { sites: [], findings: [], skipped, lines };
    }
    const index = new LineIndex(text);
    const built = buildModel(text, options.kind, index);
    if (!built) {
      return { sites: [], findings: [], lines: index };
    }
    const analyzer = new Analyzer(built.model, built.language, rules, options.severityOf ?? defaultSeverity, index);
    analyzer.collectSites();
    analyzer.runChecks();
    const findings = analyzer.applySuppressions().sort((a, b) => a.start - b.start || a.ruleId.localeCompare(b.ruleId));
    const sites = [...analyzer.sites.values()].sort((a, b) => a.start - b.start);
    const result: AnalysisResult = { sites, findings, language: built.language, lines: index };
    if (built.model.commentPrefix) {
      result.commentPrefix = built.model.commentPrefix;
    }
    return result;
  } catch (error) {
    options.onError?.(error);
    return { sites: [], findings: [], lines };
  }
}

/** The site under an offset (binary search over sorted, non-overlapping-by-start sites). */
export function siteAt(sites: readonly HintSite[], offset: number): HintSite | undefined {
  let low = 0;
  let high = sites.length - 1;
  let found: HintSite | undefined;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const site = sites[mid];
    if (site.start <= offset) {
      if (offset <= site.end) {
        found = site;
      }
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  if (found) {
    return found;
  }
  // Nested spans are rare; fall back to a short linear look-behind.
  for (let k = Math.min(low, sites.length - 1); k >= 0 && k >= low - 8; k--) {
    if (sites[k].start <= offset && offset <= sites[k].end) {
      return sites[k];
    }
  }
  return undefined;
}
