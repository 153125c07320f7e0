/**
 * What a check sees: the document model, the options each rule matched, and a way to report. Checks
 * are small functions over this context (one module per family), registered in `registry.ts`.
 */
import { DocumentModel, Literal, OptionContext, OptionOccurrence } from '../model';
import { cdkL1Construct } from '../services';
import { CheckName, HintLanguage, HintRule, HintService, normalizeName, RuleDiagnostic, QuickFix, RelatedPlace, SiteOrigin, Span } from '../types';
import { ResolvedRequest } from '../workspace/resolve';

/** An option of a context that a rule's match names (a hover site the value checks look at). */
export interface RuleOption {
  context: OptionContext;
  option: OptionOccurrence;
}

/** What the workspace model tells about the document's DynamoDB requests. */
export interface WorkspaceFacts {
  /** The requests whose table the model resolves. */
  readonly requests: readonly ResolvedRequest[];
  /** The resolved request an option context belongs to. */
  of(request: OptionContext): ResolvedRequest | undefined;
}

export interface CheckContext {
  readonly model: DocumentModel;
  readonly language: HintLanguage;
  /** Set only when the analysis has a workspace model that resolves at least one request of the document. */
  readonly workspace?: WorkspaceFacts;
  /** The options this rule matched in the document. */
  optionsOf(rule: HintRule): readonly RuleOption[];
  /**
   * `service`: the service the finding is about, for a rule about several. `origin`: what the place is (a Redis
   * client's flavor), for the example a reported-only hover shows where no matched call says so.
   */
  report(rule: HintRule, span: Span, fix?: QuickFix, message?: string, related?: RelatedPlace[], service?: HintService, origin?: SiteOrigin): void;
  /** A setting left out of a context: reported with the rule's `absentMessage` and `absentSeverity` where it has them. */
  reportAbsent(rule: HintRule, context: OptionContext, fix?: QuickFix): void;
  /** The rule's own quick fix (set a value, remove an option) applied to an option, if it has one. */
  fixFor(rule: HintRule, option?: OptionOccurrence): QuickFix | undefined;
  /** Whether a rule that runs this check is on in this analysis. */
  checkRuns(check: CheckName): boolean;
  /**
   * The contexts where a missing setting can count against the rule: the complete contexts of the
   * types its diagnostic names (a CDK L1 construct as its CloudFormation resource), in document order.
   */
  contextsOf(rule: HintRule): readonly OptionContext[];
}

export type Check = (rule: HintRule, context: CheckContext) => void;

export function literalEquals(literal: Literal, value: boolean | number | string): boolean {
  if (literal.kind === 'bool' || literal.kind === 'num') {
    return literal.value === value;
  }
  if (literal.kind === 'str') {
    return literal.value.trim().toLowerCase() === String(value).toLowerCase();
  }
  return false;
}

/** Normalized forms of the name lists that rules and checks pass (module constants), made once per list. */
const normalizedLists = new WeakMap<readonly string[], readonly string[]>();

function normalized(names: readonly string[]): readonly string[] {
  let norms = normalizedLists.get(names);
  if (!norms) {
    norms = names.map(normalizeName);
    normalizedLists.set(names, norms);
  }
  return norms;
}

export function optionNamed(context: OptionContext, names: readonly string[]): OptionOccurrence | undefined {
  if (names.length === 0) {
    return undefined;
  }
  const norms = normalized(names);
  for (const option of context.options) {
    if (!option.absent && norms.includes(option.norm)) {
      return option;
    }
  }
  return undefined;
}

/**
 * Whether a setting that makes a rule moot is set (`unlessPresent`): written with a value other than null
 * (`replicate_source_db = var.source` whose default is `null` makes no read replica). In Terraform an empty
 * string is unset too: the AWS provider reads an optional string argument only when it is not empty, so
 * `replicate_source_db = var.source` whose default is `""` makes no read replica either.
 */
export function mootSettingSet(context: OptionContext, names: readonly string[]): boolean {
  const literal = optionNamed(context, names)?.literal;
  return literal !== undefined && literal.kind !== 'none' && !(context.kind === 'terraform' && literal.kind === 'str' && literal.value === '');
}

/** Whether one of the `Name=Value` settings is written with that value (`absentMootWhen`). */
function mootValueSet(context: OptionContext, settings: readonly string[]): boolean {
  return settings.some((setting) => {
    const [name, value] = setting.split('=');
    const literal = optionNamed(context, [name])?.literal;
    // `MultiAZEnabled=true` is met by the boolean as by the string a template writes.
    return literal?.kind === 'str' ? literal.value === value : literal?.kind === 'bool' && String(literal.value) === value;
  });
}

/** Whether a request sets one of the options, here or through a builder of another file (`lent`). */
export function setsOption(context: OptionContext, names: readonly string[]): boolean {
  return optionNamed(context, names) !== undefined || (context.lent?.some((norm) => normalized(names).includes(norm)) ?? false);
}

/**
 * What an absent property means where the context says (a registry module's input default): the
 * default of the first listed property that has one, or undefined when the resource's own applies.
 */
export function defaultOf(context: OptionContext, names: readonly string[]): Literal | undefined {
  for (const name of names) {
    const value = context.defaults?.get(normalizeName(name));
    if (value) {
      return value;
    }
  }
  return undefined;
}

/** The complete contexts of a model by type, and each context's place in the document's list. */
export class ContextsByType {
  private readonly byType = new Map<string, OptionContext[]>();
  private readonly order = new Map<OptionContext, number>();

  constructor(contexts: readonly OptionContext[]) {
    contexts.forEach((context, k) => {
      if (context.complete) {
        this.order.set(context, k);
        const list = this.byType.get(context.type);
        if (list) {
          list.push(context);
        } else {
          this.byType.set(context.type, [context]);
        }
      }
    });
  }

  /** The complete contexts of the types, a CDK L1 construct counting as its CloudFormation resource, in document order. */
  of(types: readonly string[]): OptionContext[] {
    const lists: OptionContext[][] = [];
    for (const type of types) {
      const l1 = cdkL1Construct(type);
      const named = this.byType.get(type);
      const constructs = l1 ? this.byType.get(l1)?.filter((context) => context.kind === 'cdk') : undefined;
      for (const list of [named, constructs]) {
        if (list && list.length > 0) {
          lists.push(list);
        }
      }
    }
    if (lists.length <= 1) {
      return lists[0] ?? [];
    }
    return [...new Set(lists.flat())].sort((x, y) => this.order.get(x)! - this.order.get(y)!);
  }
}

const ENGINE = ['Engine'];

/**
 * Whether absence means something in one of `contextsOf(rule)` (the create contexts of the rule's types
 * whose options are all visible): not when a setting that makes the rule moot is there, nor on Memcached,
 * nor on an engine where the setting is on by default; in the rule's `engineRequiredIn` contexts, only on
 * an engine written as one where it is off by default.
 */
export function absenceCounts(rule: HintRule, context: OptionContext): boolean {
  const diagnostic = rule.diagnostic;
  if (!diagnostic || mootSettingSet(context, diagnostic.unlessPresent ?? []) || mootValueSet(context, diagnostic.absentMootWhen ?? [])) {
    return false;
  }
  const engine = optionNamed(context, ENGINE)?.literal;
  const named = engine?.kind === 'str' ? engine.value.trim().toLowerCase() : undefined;
  if (clusterTyped(diagnostic, context)) {
    return named !== undefined && (diagnostic.offByDefaultForEngines?.includes(named) ?? false);
  }
  if (clusterMember(rule, context)) {
    return false;
  }
  return named !== 'memcached' && !(named !== undefined && diagnostic.onByDefaultForEngines?.includes(named));
}

/** Whether the context is of one of the rule's `engineRequiredIn` types (DB clusters). */
function clusterTyped(diagnostic: RuleDiagnostic, context: OptionContext): boolean {
  return diagnostic.engineRequiredIn?.some((type) => type === context.type || cdkL1Construct(type) === context.type) ?? false;
}

/** DB clusters, which name themselves with `DBClusterIdentifier` and are never another cluster's member. */
const DB_CLUSTERS = new Set(['rds:CreateDBCluster', 'rds:RestoreDBClusterFromSnapshot', 'rds:RestoreDBClusterToPointInTime', 'AWS::RDS::DBCluster', 'aws_rds.CfnDBCluster', 'aws_rds_cluster']);

/** A DB instance that names its cluster (`clusterMemberWith`): the cluster's settings apply to it, not its own. */
export function clusterMember(rule: HintRule, context: OptionContext): boolean {
  const diagnostic = rule.diagnostic;
  return !!diagnostic?.clusterMemberWith && !clusterTyped(diagnostic, context) && !DB_CLUSTERS.has(context.type) && optionNamed(context, diagnostic.clusterMemberWith) !== undefined;
}
