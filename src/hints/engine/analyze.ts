/**
 * The hint engine's entry point: text in, hover sites and findings out. Pure, bounded and total:
 * it never throws (a failure yields an empty analysis) and skips oversized, minified or binary text.
 */
import { Budget, budgetCheck, BudgetExceeded, withBudget } from './budget';
import { analyzeCode } from './code';
import { CHECK_REGISTRY } from './checks/registry';
import { CheckContext, ContextsByType, RuleOption } from './checks/context';
import { DocumentKind } from './documentKinds';
import { readConfigFile } from './config';
import { isConfigFile } from './config/values';
import { looksLikeCloudFormation } from './iac/cloudformation';
import { removeOptionFix, setValueFix } from './fixes';
import { readTemplate } from './iac';
import { isServerlessScript } from './code/serverlessScript';
import { sqlConfigModule } from './code/sqlConfigFiles';
import { isTestDoubleFile } from './code/testDoubles';
import { opensPort } from './iac/ingress';
import { DocumentModel, OptionContext, OptionOccurrence, RedisCall, RedisFlavor } from './model';
import { withInlineCode } from './inlineCodeAnalysis';
import { inReaderTerms } from './readerTerms';
import { push } from './multimap';
import { indexRules, RuleIndex } from './ruleIndex';
import { assessText, DEFAULT_LIMITS, LineIndex, Limits } from './text';
import { Analysis, CheckName, normalizeName, Finding, HintLanguage, HintRule, HintService, HintSite, QuickFix, RelatedPlace, Severity, SiteOrigin, Span, WorkspaceSite } from './types';
import { ResolvedRequest, resolveRequests } from './workspace/resolve';
import { projectContext, terraformOutside } from './workspace/fileView';
import { WorkspaceView } from './workspace/types';

export interface AnalyzeOptions {
  kind: DocumentKind;
  /** The file's path; with a `workspace`, the workspace-relative path (`/` separators) the model knows it by. */
  fileName?: string;
  /**
   * The workspace model: DynamoDB requests whose table it resolves get the cross-file checks and hovers,
   * Terraform reads `var.name` declared in another file of its folder through it, and code reads the
   * clients it imports from other modules of the workspace.
   * Without it, the analysis is the file's alone.
   */
  workspace?: WorkspaceView;
  /** Per-rule severity, or 'off' to disable the rule entirely (hover and diagnostic). */
  severityOf?: (rule: HintRule) => Severity | 'off';
  limits?: Limits;
  /** Past this budget the analysis stops and the result says `skipped: time-budget`; none: unbounded. */
  budget?: Budget;
  /** Told about an internal failure that the analysis swallowed (tests and the CLI's debugging). */
  onError?: (error: unknown) => void;
  /** Only the findings are wanted (the CLI, unless it lists hovers): no hover sites are kept and no quick fixes built. */
  findingsOnly?: boolean;
}

export interface AnalysisResult extends Analysis {
  language?: HintLanguage;
  commentPrefix?: string;
  lines: LineIndex;
}

function buildModel(
  text: string,
  kind: DocumentKind,
  lines: LineIndex,
  workspace: { view: WorkspaceView; file: string } | undefined,
  fileName: string | undefined,
): { model: DocumentModel; language: HintLanguage } | undefined {
  switch (kind) {
    case 'terraform':
      return readTemplate(kind, text, lines, { outside: workspace && terraformOutside(workspace.view, workspace.file) });
    case 'properties':
    case 'ini':
      return readConfigFile(kind, text, lines, fileName);
    case 'yaml':
    case 'json':
      // A configuration file by its name (`application.yml`, `appsettings.json`) or a Redisson YAML configuration; a
      // test's is read as nothing. A template that happens to bear such a name is still read as one.
      if (isConfigFile(fileName, kind === 'yaml' ? text : undefined) && !looksLikeCloudFormation(text)) {
        return readConfigFile(kind, text, lines, fileName);
      }
      return readTemplate(kind, text, lines, workspace && {
        passed: workspace.view.passedParameters?.(workspace.file),
        importedGroupUse: (group) => workspace.view.stackGroupUse?.(workspace.file, group),
      });
    case 'gomod':
    case 'tfvars':
    case 'tsconfig':
    case 'packagejson':
      return undefined;
    default: {
      const configModule = sqlConfigModule(fileName, kind);
      return {
        model: analyzeCode(text, kind, lines, {
          ...(isServerlessScript(fileName) ? { serverlessScript: true } : {}),
          ...(kind === 'go' && fileName?.endsWith('_test.go') ? { testOnlyFile: true } : {}),
          ...(fileName !== undefined && isTestDoubleFile(fileName) ? { testFile: true } : {}),
          ...(configModule ? { sqlConfigModule: configModule } : {}),
          ...(fileName !== undefined ? { fileName } : {}),
          ...(workspace && {
            dynamodbRequests: { tableKnown: (ref) => workspace.view.resolveTable(workspace.file, ref) !== undefined },
            project: projectContext(workspace.view, workspace.file),
          }),
        }),
        language: kind,
      };
    }
  }
}

function originOf(context: OptionContext): SiteOrigin {
  // A SQL driver's place shows the example of the file's language.
  return context.readerOrigin ?? (context.kind === 'redis-client' ? (context.type as RedisFlavor) : context.kind === 'sql-client' ? 'sdk' : context.kind);
}

/** What a rule-index lookup that finds nothing iterates: one shared empty list rather than a new one per miss. */
const NONE: readonly never[] = [];
/** A span as one number (start, then length), for maps that a large file fills with thousands of entries. */
const spanKey = (span: Span): number => span.start * 0x1000000 + (span.end - span.start);

/**
 * Hover sites by span. Keyed by start, a small integer, with the rare second site at the same start
 * (a longer or shorter span) kept apart: a map of thousands of `spanKey` numbers hashed and boxed
 * each one, and filling it was a measurable share of a large file's analysis.
 */
class SiteTable {
  private readonly byStart = new Map<number, HintSite>();
  private readonly others = new Map<number, HintSite>();

  get(span: Span): HintSite | undefined {
    const site = this.byStart.get(span.start);
    return site === undefined || site.end === span.end ? site : this.others.get(spanKey(span));
  }

  add(site: HintSite): void {
    if (this.byStart.has(site.start)) {
      this.others.set(spanKey(site), site);
    } else {
      this.byStart.set(site.start, site);
    }
  }

  /** All sites in order of their start. */
  sorted(): HintSite[] {
    return [...this.byStart.values(), ...this.others.values()].sort((a, b) => a.start - b.start);
  }
}

/** The rules a document's analysis runs: those for its language that are not off, and the checks they use. */
interface RuleSelection {
  rules: readonly HintRule[];
  enabled: ReadonlySet<HintRule>;
  running: ReadonlySet<CheckName>;
}

/**
 * Selections by severity function, rule list and language. The same three come with every file of a
 * CLI run, and choosing again for each of 10,000 small files was a measurable share of their time.
 */
const selections = new WeakMap<(rule: HintRule) => Severity | 'off', WeakMap<readonly HintRule[], Map<HintLanguage, RuleSelection>>>();

function selectRules(allRules: readonly HintRule[], language: HintLanguage, severityOf: (rule: HintRule) => Severity | 'off'): RuleSelection {
  let byRules = selections.get(severityOf);
  if (!byRules) {
    byRules = new WeakMap();
    selections.set(severityOf, byRules);
  }
  let byLanguage = byRules.get(allRules);
  if (!byLanguage) {
    byLanguage = new Map();
    byRules.set(allRules, byLanguage);
  }
  let selection = byLanguage.get(language);
  if (!selection) {
    const rules = allRules.filter((rule) => rule.languages.includes(language) && severityOf(rule) !== 'off');
    selection = { rules, enabled: new Set(rules), running: new Set(rules.flatMap((rule) => (rule.diagnostic ? [rule.diagnostic.check] : []))) };
    byLanguage.set(language, selection);
  }
  return selection;
}

class Analyzer {
  readonly sites = new SiteTable();
  readonly findings: Finding[] = [];
  /** Per rule: the options it matched (hover sites), for the value checks. */
  readonly ruleOptions = new Map<HintRule, RuleOption[]>();
  readonly rules: readonly HintRule[];

  /** The file's DynamoDB requests whose table the workspace model resolves (none without a model). */
  readonly resolved: ResolvedRequest[];

  constructor(
    readonly model: DocumentModel,
    readonly language: HintLanguage,
    allRules: readonly HintRule[],
    readonly severityOf: (rule: HintRule) => Severity | 'off',
    readonly lines: LineIndex,
    workspace?: { view: WorkspaceView; file: string },
    private readonly findingsOnly = false,
  ) {
    const selection = selectRules(allRules, language, severityOf);
    this.rules = selection.rules;
    this.enabled = selection.enabled;
    this.running = selection.running;
    this.index = indexRules(allRules);
    this.resolved = workspace && model.dynamodbRequests ? resolveRequests(model.dynamodbRequests, workspace.view, workspace.file) : [];
  }

  private readonly enabled: ReadonlySet<HintRule>;
  /** The checks that the enabled rules run. */
  private readonly running: ReadonlySet<CheckName>;
  private readonly index: RuleIndex;

  private site(span: Span, rule: HintRule, origin: SiteOrigin, name?: string, reported = false, service?: HintService): void {
    if (this.findingsOnly || !this.enabled.has(rule) || (rule.match.reportedOnly && !reported)) {
      return;
    }
    let site = this.sites.get(span);
    if (site) {
      if (!site.ruleIds.includes(rule.id)) {
        site.ruleIds.push(rule.id);
      }
      // Options of several names on one place (a module input that sets several arguments): no one name is the file's.
      if (name !== undefined && site.name !== undefined && name !== site.name) {
        delete site.name;
      }
    } else {
      site = { start: span.start, end: span.end, ruleIds: [rule.id], origin };
      if (name !== undefined) {
        site.name = name;
      }
      this.sites.add(site);
    }
    if (service) {
      site.service = service;
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
      for (const rule of occurrence.loopOnly ? NONE : (index.operations.get(occurrence.operation) ?? NONE)) {
        this.site(occurrence.name, rule, 'sdk');
      }
    }
    for (const context of model.contexts) {
      if (context.kind === 'sdk') {
        for (const option of context.options) {
          for (const entry of index.options.get(option.norm) ?? NONE) {
            if (entry.in.has(context.type)) {
              this.ruleOption(entry.rule, context, option);
            }
          }
        }
      } else if (context.kind === 'redis-client' || context.kind === 'sql-client') {
        const byName = context.kind === 'redis-client' ? index.redisOptions : index.sqlOptions;
        for (const option of context.options) {
          for (const rule of byName.get(option.norm) ?? NONE) {
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
    for (const connection of model.sqlConnections ?? NONE) {
      // A helper's call is no connection of its own: only the finding's hover shows there.
      if (!connection.helper) {
        index.sqlConnections.forEach((rule) => this.site(connection.name, rule, connection.readerOrigin ?? 'sdk'));
      }
    }
    for (const call of model.redisCalls) {
      for (const rule of index.redisCommands.get(call.command) ?? NONE) {
        this.site(call.name, rule, call.flavor);
      }
    }
    // An ingress rule gets a hover only where it opens a port a rule cares about.
    for (const ingress of model.ingress ?? []) {
      for (const rule of index.ingress) {
        if (opensPort(ingress, rule.match.ingress?.ports ?? [])) {
          ingress.openSources.forEach((source) => this.site(source, rule, ingress.readerOrigin ?? (ingress.kind as SiteOrigin)));
        }
      }
    }
  }

  /**
   * Hovers on what names a resolved request's table and index (`TableName`, `IndexName`, `Table("...")`)
   * and on its `ConsistentRead`: the table's keys, indexes and where it is defined.
   */
  collectWorkspaceSites(): void {
    if (this.findingsOnly) {
      return;
    }
    for (const { request, table, index } of this.resolved) {
      // What names the table may be shared by requests on different indexes (a boto3 `Table(name)`): it shows the table only.
      for (const span of [request.table?.key, request.table?.span]) {
        if (span) {
          this.workspaceSite(span, { table });
        }
      }
      const named = request.index && request.index !== 'unknown' ? [request.index.key, request.index.span] : [];
      for (const span of [...named, request.consistentRead]) {
        if (span) {
          this.workspaceSite(span, index ? { table, index } : { table });
        }
      }
    }
  }

  private workspaceSite(span: Span, info: WorkspaceSite): void {
    const existing = this.sites.get(span);
    if (existing) {
      existing.workspace = info;
    } else {
      this.sites.add({ start: span.start, end: span.end, ruleIds: [], origin: 'sdk', workspace: info });
    }
  }

  /** Spans each rule has reported, so that one place shared by two contexts (a dict spread into two constructs) reports once. */
  private readonly reported = new Map<HintRule, Set<number>>();

  /** `lesser`: the severity of a lesser finding of the rule (a setting left out), used unless the user chose the rule's. */
  private report(rule: HintRule, span: Span, fix?: QuickFix, message?: string, related?: RelatedPlace[], service?: HintService, origin?: SiteOrigin, lesser?: Severity): void {
    const chosen = this.severityOf(rule);
    if (chosen === 'off' || !rule.diagnostic) {
      return;
    }
    const severity = lesser && chosen === rule.diagnostic.severity ? lesser : chosen;
    const spans = this.reported.get(rule) ?? new Set<number>();
    if (spans.has(spanKey(span))) {
      return;
    }
    this.reported.set(rule, spans.add(spanKey(span)));
    // A value that another file writes (a CDK construction's prop, a Python module's password) says where.
    const passed = this.model.variants || this.placesOf(rule).get(spanKey(span))?.option.passedFrom ? this.passedNote(rule, span) : undefined;
    const finding: Finding = { start: span.start, end: span.end, ruleId: rule.id, severity, message: `${message ?? this.readerMessage(rule, span)}${passed ? ` ${passed.message}.` : ''}` };
    const places = passed ? [...(related ?? []), passed] : related;
    if (places && places.length > 0) {
      finding.related = places;
    }
    const ownService = service && service !== rule.service ? service : undefined;
    if (ownService) {
      finding.service = ownService;
    }
    if (rule.match.reportedOnly) {
      this.site(span, rule, origin ?? this.originAt(rule, span), undefined, true, ownService);
    }
    if (fix) {
      finding.fix = fix;
    }
    this.findings.push(finding);
  }

  /** Where findings can point: a rule's matched options (key or value) and contexts' anchors, by span. Built on demand. */
  private readonly optionPlaces = new Map<HintRule, Map<number, RuleOption>>();
  private anchors?: Map<number, OptionContext>;

  /** The rule's message with the property names the file uses (`backup_retention_period` in Terraform). */
  private readerMessage(rule: HintRule, span: Span): string {
    const message = rule.diagnostic!.message;
    const matched = this.placesOf(rule).get(spanKey(span));
    if (matched) {
      return inReaderTerms(message, rule, originOf(matched.context), matched.option.name);
    }
    this.anchors ??= new Map(this.model.contexts.map((context) => [spanKey(context.anchor), context]));
    const context = this.anchors.get(spanKey(span));
    return context ? inReaderTerms(message, rule, originOf(context)) : message;
  }

  /**
   * Where the value a finding judged comes from when another file passes it (a stack's props): the option's
   * value as that construction passes it, or, for a finding on a construct, the construction whose props it read.
   */
  private passedNote(rule: HintRule, span: Span): RelatedPlace | undefined {
    const option = this.placesOf(rule).get(spanKey(span))?.option;
    const from = option?.passedFrom;
    if (from) {
      // A value the file passes itself, where the analysis has no file name, is placed by its line.
      const place = from.at.file === '' ? `line ${from.at.line + 1}` : `${from.at.file}:${from.at.line + 1}`;
      return { message: from.leftOut ? `${place} leaves ${from.text} out, so the fallback applies` : `Value from ${place} (${from.text})`, at: from.at };
    }
    this.anchors ??= new Map(this.model.contexts.map((context) => [spanKey(context.anchor), context]));
    const context = option ? undefined : this.anchors.get(spanKey(span));
    const created = context?.createdAt;
    if (!created) {
      return undefined;
    }
    // Only where the construction leaves out a prop the rule reads, which the construct reads from the stack's props.
    const names = new Set([...(rule.match.cdk?.props ?? []), ...(rule.diagnostic?.properties ?? [])].map(normalizeName));
    const leftOut = context.options.find((candidate) => candidate.absent && names.has(candidate.norm));
    const owner = context.readerOrigin === 'pulumi' || context.readerOrigin === 'pulumi-python' ? 'resource' : 'construct';
    return leftOut ? { message: `${created.file}:${created.line + 1} leaves out the prop ${leftOut.name} reads, so the ${owner}'s default applies`, at: created } : undefined;
  }

  /** The origin (language, format or Redis client) of the code at a finding, for a hover made by the finding. */
  private originAt(rule: HintRule, span: Span): SiteOrigin {
    this.redisCallsByName ??= new Map(this.model.redisCalls.map((call) => [call.name.start, call]));
    const call = this.redisCallsByName.get(span.start);
    if (call) {
      return call.flavor;
    }
    const matched = this.placesOf(rule).get(spanKey(span));
    return matched ? originOf(matched.context) : this.language === 'cloudformation' || this.language === 'terraform' ? this.language : 'sdk';
  }

  private redisCallsByName?: Map<number, RedisCall>;

  /** The options a rule matched, by the span of their key and of their value; built once per rule, when it reports. */
  private placesOf(rule: HintRule): Map<number, RuleOption> {
    let places = this.optionPlaces.get(rule);
    if (!places) {
      places = new Map();
      for (const entry of this.ruleOptions.get(rule) ?? []) {
        places.set(spanKey(entry.option.key), entry);
        places.set(spanKey(entry.option.value), entry);
      }
      this.optionPlaces.set(rule, places);
    }
    return places;
  }

  private fixFor(rule: HintRule, option?: OptionOccurrence): QuickFix | undefined {
    // A value another file passes is changed there, not here.
    if (!rule.fix || !option || option.passedFrom) {
      return undefined;
    }
    if (rule.fix.kind === 'set-value' && rule.fix.value !== undefined) {
      return setValueFix(option, rule.fix.value, this.language);
    }
    if (rule.fix.kind === 'remove-option') {
      return removeOptionFix(option, this.lines);
    }
    return undefined;
  }

  runChecks(): void {
    const running = this.running;
    let contextsByType: ContextsByType | undefined;
    const byContext = new Map(this.resolved.flatMap((resolved) => (resolved.request.context ? [[resolved.request.context, resolved] as const] : [])));
    const context: CheckContext = {
      model: this.model,
      language: this.language,
      optionsOf: (rule) => this.ruleOptions.get(rule) ?? [],
      report: (rule, span, fix, message, related, service, origin) => this.report(rule, span, fix, message, related, service, origin),
      reportAbsent: (rule, resource, fix) => {
        const absent = rule.diagnostic?.absentMessage;
        this.report(rule, resource.anchor, fix, absent ? inReaderTerms(absent, rule, originOf(resource)) : undefined, undefined, undefined, undefined, rule.diagnostic?.absentSeverity);
      },
      fixFor: (rule, option) => (this.findingsOnly ? undefined : this.fixFor(rule, option)),
      checkRuns: (check) => running.has(check),
      contextsOf: (rule) => {
        contextsByType ??= new ContextsByType(this.model.contexts);
        return contextsByType.of(rule.diagnostic?.contexts ?? []);
      },
      ...(this.resolved.length > 0 ? { workspace: { requests: this.resolved, of: (request) => byContext.get(request) } } : {}),
    };
    // A stack file whose constructs read props other files pass: the checks run once per construction, each
    // reading that construction's values; a place reported for one is not reported again (see `report`).
    const variants = this.model.variants;
    for (let current = 0; current < (variants?.count ?? 1); current++) {
      if (variants) {
        variants.current = current;
      }
      for (const rule of this.rules) {
        if (rule.diagnostic) {
          CHECK_REGISTRY[rule.diagnostic.check](rule, context);
        }
      }
    }
  }

  /** The findings to report: none inside infrastructure a test builds (`testResources`), none a suppression comment silences. */
  reportedFindings(): Finding[] {
    const tested = this.model.testResources;
    const deployed = tested ? this.findings.filter((finding) => !tested.some((extent) => finding.start >= extent.start && finding.start < extent.end)) : this.findings;
    if (this.model.suppressions.length === 0) {
      return deployed;
    }
    const byLine = new Map<number, string[]>();
    for (const suppression of this.model.suppressions) {
      byLine.set(suppression.line, [...(byLine.get(suppression.line) ?? []), ...suppression.ruleIds, ...(suppression.ruleIds.length === 0 ? ['*'] : [])]);
    }
    return deployed.filter((finding) => {
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
    const analyzer = withBudget(options.budget, () => {
      const workspace = options.workspace ? { view: options.workspace, file: options.fileName ?? '' } : undefined;
      const built = buildModel(text, options.kind, index, workspace, options.fileName);
      if (!built) {
        return undefined;
      }
      budgetCheck();
      const pass = new Analyzer(built.model, built.language, rules, options.severityOf ?? defaultSeverity, index, workspace, options.findingsOnly);
      pass.collectSites();
      pass.collectWorkspaceSites();
      budgetCheck();
      pass.runChecks();
      budgetCheck();
      return pass;
    });
    if (!analyzer) {
      return { sites: [], findings: [], lines: index };
    }
    let findings = analyzer.reportedFindings().sort((a, b) => a.start - b.start || a.ruleId.localeCompare(b.ruleId));
    let sites = analyzer.sites.sorted();
    const inlineCode = analyzer.model.inlineCode;
    if (inlineCode) {
      ({ sites, findings } = withInlineCode(text, inlineCode, { sites, findings }, (code, kind) => analyzeText(code, rules, { ...options, kind })));
    }
    const result: AnalysisResult = { sites, findings, language: analyzer.language, lines: index };
    if (analyzer.model.commentPrefix) {
      result.commentPrefix = analyzer.model.commentPrefix;
    }
    return result;
  } catch (error) {
    if (error instanceof BudgetExceeded) {
      return { sites: [], findings: [], skipped: { kind: 'time-budget', detail: error.message }, lines };
    }
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
