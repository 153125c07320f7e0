/**
 * CloudFormation and SAM templates, YAML or JSON: resources and their properties, values that come
 * from a parameter's `Default` through `Ref` or from the `Fn::If` branch the conditions take under the
 * defaults, the `DeletionPolicy` attribute, resources an `Fn::ForEach` loop repeats, and security group
 * ingress. Only properties of a resource count: an IAM action string like `dynamodb:Scan` or an
 * unrelated key elsewhere in the template is never a match. A Serverless Framework service file is read
 * the same way from its `resources` section, and a resource fragment it includes as its resources (`./fragments`).
 */
import { DocumentModel, IngressRule, ListedItem, Literal, NO_SCOPES, OptionContext, OptionOccurrence, TemplateParameter } from '../model';
import { LineIndex } from '../text';
import { normalizeName, Span } from '../types';
import { PassedParameter } from '../workspace/types';
import { Conditions, intrinsic } from './conditions';
import { GroupUses } from './groupUse';
import { cloudFormationStorePort } from './storePorts';
import { IngressFields, openIngress } from './ingress';
import { inlineLambdaCode } from './inlineCode';
import { fullAccessItems, fullAccessPolicies } from './managedPolicies';
import { environmentPasswords, isPasswordVariable, LAMBDA_RESOURCES } from './lambdaEnvironment';
import { TASK_DEFINITIONS } from './containerEnvironment';
import { allowedOnlyValues } from './allowedValues';
import { outputsOf, parametersIn, templateParameters } from './templateParameters';
import { refersToTemplateSecret, templateSecretLiteral } from './templateSecrets';
import { templateRoot } from './fragments';
import { readJson } from './json';
import { readServerless, ServerlessService } from './serverless';
import { EMPTY_EXPR, entryOf, IacEntry, IacList, IacMap, IacNode, refTarget, scalarText } from './tree';
import { readsParameterStore } from './parameterDefault';
import { readYaml } from './yaml';

/** What parent stacks pass to this template as a nested stack, by parameter (null: a value not known). */
export type PassedParameters = Readonly<Record<string, PassedParameter>>;

/** Resource attributes read as options, next to the properties. */
const ATTRIBUTES = ['DeletionPolicy', 'UpdateReplacePolicy'];

/**
 * `Fn::ForEach::Name: [Identifier, Collection, { OutputKey: OutputValue }]`, loops nested this deep
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-foreach.html).
 */
const FOR_EACH = 'Fn::ForEach::';
const MAX_LOOPS = 8;
/** `Fn::If` branches followed this deep for a list item whose condition is not known. */
const MAX_BRANCH_DEPTH = 8;

/** Nested properties whose keys the rules read as the resource's own (`AuthenticationMode: { Passwords: [...] }`, `PointInTimeRecoveryEnabled`). */
const NESTED_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  'AWS::ElastiCache::User': ['AuthenticationMode'],
  'AWS::DynamoDB::Table': ['PointInTimeRecoverySpecification'],
};

/**
 * Keys of each item of a list property that the rules read as the resource's own: a global table sets point-in-time
 * recovery, deletion protection and its customer managed KMS key per replica, in `Replicas` (its ReplicaSpecification), not at the top level
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-dynamodb-globaltable-replicaspecification.html).
 */
const ITEM_PROPERTIES: Readonly<Record<string, { list: string; keys: ReadonlySet<string> }>> = {
  'AWS::DynamoDB::GlobalTable': { list: 'Replicas', keys: new Set(['PointInTimeRecoverySpecification', 'DeletionProtectionEnabled', 'SSESpecification']) },
};

/** Password properties whose parameters the rules on `NoEcho` and outputs follow (a function's password variables too). */
const PASSWORD_PROPERTIES = new Set(['masteruserpassword', 'authtoken', 'passwords']);

/** A list of plain scalars as code would write it (`["a", "b"]`), so that a literal list reads as one; undefined for any other list. */
function listText(list: IacList): string | undefined {
  const values: (string | number | boolean)[] = [];
  for (const item of list.items) {
    if (item.kind !== 'scalar' || item.tag || (item.literal.kind !== 'str' && item.literal.kind !== 'num' && item.literal.kind !== 'bool')) {
      return undefined;
    }
    values.push(item.literal.value);
  }
  return JSON.stringify(values);
}

function isLineSpace(code: number): boolean {
  return code === 32 || code === 9;
}

function isWordCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** `Service::` at `from`, as in `AWS::Service::Resource`. */
function serviceFollows(text: string, from: number): boolean {
  let end = from;
  while (end < text.length && end - from < 64 && isWordCode(text.charCodeAt(end))) {
    end++;
  }
  return end > from && text[end] === ':' && text[end + 1] === ':';
}

/**
 * Does this YAML or JSON look like a CloudFormation template? A top-level-looking
 * `AWSTemplateFormatVersion:` or a `Type: AWS::Service::Resource`. Scans forward with `indexOf` and
 * checks a few characters around each hit on its own line, so it is linear on any input.
 */
export function looksLikeCloudFormation(text: string): boolean {
  for (let at = text.indexOf('AWSTemplateFormatVersion'); at >= 0; at = text.indexOf('AWSTemplateFormatVersion', at + 1)) {
    let after = at + 'AWSTemplateFormatVersion'.length;
    if (text[after] === '"' || text[after] === "'") {
      after++;
    }
    while (isLineSpace(text.charCodeAt(after))) {
      after++;
    }
    if (text[after] === ':') {
      return true;
    }
  }
  for (let at = text.indexOf('AWS::'); at >= 0; at = text.indexOf('AWS::', at + 1)) {
    // Backwards from the hit: an optional quote, spaces, `:`, spaces, an optional quote, then `Type`.
    let before = at - 1;
    if (text[before] === '"' || text[before] === "'") {
      before--;
    }
    while (before >= 0 && isLineSpace(text.charCodeAt(before))) {
      before--;
    }
    if (text[before] !== ':') {
      continue;
    }
    before--;
    while (before >= 0 && isLineSpace(text.charCodeAt(before))) {
      before--;
    }
    // A quoted key is quoted on both sides; then the key starts a line or follows `{` or `,`.
    const quote = text[before] === '"' || text[before] === "'" ? text[before] : '';
    if (quote) {
      before--;
    }
    let keyStart = before - 3;
    if (text.slice(keyStart, before + 1) !== 'Type') {
      continue;
    }
    if (quote) {
      if (text[keyStart - 1] !== quote) {
        continue;
      }
      keyStart--;
    }
    const previous = text[keyStart - 1];
    const keyPosition = previous === undefined || previous === '\n' || previous === ' ' || previous === '\t' || previous === '{' || previous === ',';
    if (keyPosition && serviceFollows(text, at + 'AWS::'.length)) {
      return true;
    }
  }
  return false;
}

/** JSON or YAML by content, not by name: a `.template` file may be either. */
export function isJson(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 32 || code === 9 || code === 10 || code === 13 || code === 0xfeff) {
      continue;
    }
    return text[i] === '{';
  }
  return false;
}

/** A value passed for a parameter, as the parameter's type reads it: a `Number` parameter's digits are a number. */
function passedLiteral(value: string, type: string | undefined): Literal {
  return type === 'Number' && /^-?\d{1,15}$/.test(value.trim()) ? { kind: 'num', value: Number(value) } : { kind: 'str', value };
}

/**
 * A parameter's value as a literal, by parameter name: what a parent stack passes to this template as a
 * nested stack (none where it passes a value the model does not know, the default where parents disagree
 * and one of them deploys it), else the parameter's default.
 */
function parameterValues(root: IacNode | undefined, passed: PassedParameters | undefined): Map<string, Literal> {
  const values = new Map<string, Literal>();
  const parameters = entryOf(root, 'Parameters')?.value;
  if (parameters?.kind !== 'map') {
    return values;
  }
  for (const parameter of parameters.entries) {
    // Neither a default nor a passed value is the value of a parameter read from Parameter Store: both are its name.
    if (readsParameterStore(parameter.value)) {
      continue;
    }
    const value = entryOf(parameter.value, 'Default')?.value ?? onlyAllowedValue(parameter.value);
    const given = passed && Object.hasOwn(passed, parameter.key) ? passed[parameter.key] : undefined;
    if (typeof given === 'string') {
      values.set(parameter.key, passedLiteral(given, scalarText(entryOf(parameter.value, 'Type')?.value)));
    }
    // Parents that disagree: the default holds where some parent deploys it, else the value is not known.
    if (given === null || typeof given === 'string' || (given && !given.atDefault && !given.anyOf.includes(scalarText(value) ?? '\0'))) {
      continue;
    }
    if (value?.kind === 'scalar' && !value.tag && value.literal.kind !== 'expr') {
      values.set(parameter.key, value.literal);
    }
  }
  return values;
}

/**
 * The value of a parameter without a `Default` whose `AllowedValues` lists one value: every stack must
 * pass a value, and CloudFormation rejects any other
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html).
 */
function onlyAllowedValue(parameter: IacNode): IacNode | undefined {
  const allowed = entryOf(parameter, 'AllowedValues')?.value;
  return allowed?.kind === 'list' && allowed.items.length === 1 ? allowed.items[0] : undefined;
}

/** The resources a node refers to with `Ref` or `Fn::GetAtt`, in any of their forms. */
function referencedIds(node: IacNode | undefined): Set<string> {
  const found = new Set<string>();
  const pending: IacNode[] = node ? [node] : [];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const target = refTarget(next) ?? getAttTarget(next);
    if (target !== undefined) {
      found.add(target);
    }
    if (next.kind === 'map') {
      pending.push(...next.entries.map((entry) => entry.value));
    } else if (next.kind === 'list') {
      pending.push(...next.items);
    } else if (next.argument) {
      pending.push(next.argument);
    }
  }
  return found;
}

/** `!GetAtt Sg.GroupId`, `!GetAtt [Sg, GroupId]` and `{"Fn::GetAtt": ["Sg", "GroupId"]}` name `Sg`. */
function getAttTarget(node: IacNode): string | undefined {
  return getAttParts(node)?.[0];
}

/** The resource and attribute of a `Fn::GetAtt` in any of its forms (`Db.Endpoint.Port` gives `Db`, `Endpoint.Port`). */
function getAttParts(node: IacNode): [string, string | undefined] | undefined {
  const only = node.kind === 'map' && node.entries.length === 1 && node.entries[0].key === 'Fn::GetAtt' ? node.entries[0].value : undefined;
  const argument = node.kind === 'scalar' && node.tag === 'GetAtt' ? (node.argument ?? node) : only;
  const first = argument?.kind === 'list' ? argument.items[0] : argument;
  const text = first?.kind === 'scalar' && first.literal.kind === 'str' ? first.literal.value : undefined;
  if (text === undefined) {
    return undefined;
  }
  const second = argument?.kind === 'list' ? argument.items[1] : undefined;
  const dot = text.indexOf('.');
  return second ? [text, scalarText(second)] : dot < 0 ? [text, undefined] : [text.slice(0, dot), text.slice(dot + 1)];
}

class Template {
  readonly contexts: OptionContext[] = [];
  readonly ingress: IngressRule[] = [];
  private readonly groupUses = new GroupUses();
  private readonly defaults: Map<string, Literal>;
  /** The choices of the parameters with `AllowedValues` and no default, which a `Ref` to one carries (`oneOf`). */
  private readonly allowed: Map<string, readonly Literal[]>;
  private readonly conditions: Conditions;
  /** The template's `String` parameters, which password properties may take in. */
  private readonly parameters: Map<string, TemplateParameter>;
  /** Whether the resource being read exists under the defaults, so that its `Fn::If`s take a branch. */
  private resolving = true;

  constructor(
    private readonly root: IacNode | undefined,
    passed: PassedParameters | undefined,
    private readonly importedGroupUse?: (group: string) => number | undefined,
  ) {
    this.defaults = parameterValues(root, passed);
    this.allowed = allowedOnlyValues(root, passed);
    this.conditions = new Conditions(entryOf(root, 'Conditions')?.value, this.defaults, entryOf(root, 'Mappings')?.value);
    this.parameters = templateParameters(root);
  }

  /** The outputs whose value takes in a parameter, for the rule on passwords in outputs. */
  stackOutputs(): { value: Span; parameters: TemplateParameter[] }[] {
    return this.parameters.size > 0 ? outputsOf(this.root, this.parameters).map((output) => ({ value: output.value.span, parameters: output.parameters })) : [];
  }

  /** What a value stands for: the chosen `Fn::If` branch, null for a property left out, undefined when unknown. */
  private resolve(node: IacNode | undefined): IacNode | null | undefined {
    if (!node) {
      return undefined;
    }
    return this.resolving ? this.conditions.resolve(node) : node;
  }

  /** The maps a list item may stand for: the chosen `Fn::If` branch, or each branch when the condition is not known. */
  private possibleMaps(node: IacNode, depth = 0): IacMap[] {
    const resolved = this.resolve(node);
    if (resolved?.kind === 'map' && !intrinsic(resolved)) {
      return [resolved];
    }
    const branches = resolved === undefined ? intrinsic(node) : undefined;
    if (branches?.name !== 'If' || branches.argument.kind !== 'list' || depth >= MAX_BRANCH_DEPTH) {
      return [];
    }
    return branches.argument.items.slice(1).flatMap((branch) => this.possibleMaps(branch, depth + 1));
  }

  /** A value as the rules see it: a literal, a parameter's default through `Ref`, or an expression. */
  private literal(written: IacNode): Literal {
    const resolved = this.resolve(written);
    if (resolved === null) {
      return { kind: 'none' };
    }
    const node = resolved ?? written;
    const target = refTarget(node);
    if (target !== undefined) {
      const oneOf = this.allowed.get(target);
      return this.defaults.get(target) ?? { kind: 'expr', text: `Ref ${target}`, ...(oneOf ? { oneOf } : {}) };
    }
    if (node.kind === 'scalar' && !node.tag) {
      return node.literal;
    }
    const text = node.kind === 'list' ? listText(node) : undefined;
    if (text !== undefined) {
      return { kind: 'expr', text };
    }
    return node.kind === 'scalar' ? { kind: 'expr', text: node.literal.kind === 'str' ? `!${node.tag} ${node.literal.value}` : '' } : EMPTY_EXPR;
  }

  private option(entry: IacEntry): OptionOccurrence {
    const occurrence: OptionOccurrence = {
      ...(this.resolve(entry.value) === null ? { absent: true } : {}),
      name: entry.key,
      norm: normalizeName(entry.key),
      key: entry.keySpan,
      value: entry.value.span,
      literal: this.literal(entry.value),
      removal: entry.removal,
    };
    if (entry.value.kind === 'scalar' && entry.value.replaceable) {
      occurrence.literalSpan = entry.value.span;
    }
    if (this.parameters.size > 0 && (PASSWORD_PROPERTIES.has(occurrence.norm) || isPasswordVariable(entry.key))) {
      const taken = parametersIn(entry.value, this.parameters);
      if (taken.length > 0) {
        occurrence.parameters = taken;
      }
    }
    const resources = entryOf(this.root, 'Resources')?.value;
    const secret = PASSWORD_PROPERTIES.has(occurrence.norm) ? templateSecretLiteral(entry.value, resources) : undefined;
    if (secret) {
      occurrence.templateSecret = secret;
    } else if (refersToTemplateSecret(entry.value, resources)) {
      occurrence.namesTemplateSecret = true;
    }
    return occurrence;
  }

  /** The password variables of a function's `Environment: Variables:` (see lambdaEnvironment). */
  private environmentPasswords(properties: IacNode | undefined): OptionOccurrence[] {
    return this.passwordVariables(entryOf(this.resolve(entryOf(properties, 'Environment')?.value) ?? undefined, 'Variables')?.value);
  }

  /** The password variables of each container's `Environment`, a list of `Name` and `Value` pairs (`containerEnvironment.ts`). */
  private containerPasswords(properties: IacNode | undefined): OptionOccurrence[] {
    const listMaps = (node: IacNode | undefined): IacMap[] => {
      const list = this.resolve(node);
      return list?.kind === 'list' ? list.items.flatMap((item) => this.possibleMaps(item)) : [];
    };
    const variables: OptionOccurrence[] = [];
    for (const container of listMaps(entryOf(properties, 'ContainerDefinitions')?.value)) {
      for (const variable of listMaps(entryOf(container, 'Environment')?.value)) {
        const name = this.resolve(entryOf(variable, 'Name')?.value);
        const value = entryOf(variable, 'Value');
        if (name?.kind === 'scalar' && name.literal.kind === 'str' && value) {
          variables.push(this.option({ ...value, key: name.literal.value, keySpan: name.span }));
        }
      }
    }
    return environmentPasswords(variables);
  }

  private passwordVariables(node: IacNode | undefined): OptionOccurrence[] {
    const variables = this.resolve(node);
    return variables?.kind === 'map' ? environmentPasswords(variables.entries.map((entry) => this.option(entry))) : [];
  }

  /** Password variables every function gets, or a function outside `Resources` has, read as a function's (incomplete) context. */
  private functionContext(type: string, options: OptionOccurrence[], anchor: Span): void {
    if (options.length > 0) {
      this.contexts.push({ kind: 'cloudformation', type, options, complete: false, anchor });
    }
  }

  /** SAM's `Globals: Function: Environment:`, which every function of the template gets. */
  private globalEnvironment(): void {
    const globals = entryOf(entryOf(this.root, 'Globals')?.value, 'Function');
    if (globals) {
      this.functionContext('AWS::Serverless::Function', this.environmentPasswords(globals.value), globals.keySpan);
    }
  }

  /**
   * A Serverless service's `provider.environment` and each function's `environment`: Lambda functions once deployed;
   * and the managed policies its provider's role attaches, read as that IAM role's.
   */
  serverlessSettings(service: ServerlessService): void {
    const provider = this.passwordVariables(service.providerEnvironment);
    if (provider.length > 0) {
      this.functionContext('AWS::Lambda::Function', provider, provider[0].key);
    }
    const policies = service.providerManagedPolicies ? fullAccessItems(service.providerManagedPolicies, false, (node) => this.resolve(node)) : [];
    if (policies.length > 0) {
      this.functionContext('AWS::IAM::Role', policies, policies[0].key);
    }
    for (const fn of service.functions?.kind === 'map' ? service.functions.entries : []) {
      this.functionContext('AWS::Lambda::Function', this.passwordVariables(entryOf(fn.value, 'environment')?.value), fn.keySpan);
    }
  }

  read(): void {
    this.globalEnvironment();
    const resources = entryOf(this.root, 'Resources')?.value;
    if (resources?.kind === 'map') {
      this.resources(resources.entries, 0);
      for (const resource of resources.entries) {
        const type = scalarText(entryOf(resource.value, 'Type')?.value);
        referencedIds(resource.value).forEach((id) => this.groupUses.use(id, type));
        this.groupUses.declare(type);
      }
      this.groupUses.settle(this.importedGroupUse);
    }
  }

  /**
   * Resources, and those an `Fn::ForEach` loop (AWS::LanguageExtensions) repeats: its fragment's
   * resources are read once, as every copy has their literal settings, unless the collection is an empty list.
   */
  private resources(entries: readonly IacEntry[], loops: number): void {
    for (const entry of entries) {
      if (!entry.key.startsWith(FOR_EACH)) {
        this.resource(entry);
        continue;
      }
      const [, collection, fragment] = entry.value.kind === 'list' ? entry.value.items : [];
      const empty = collection?.kind === 'list' && collection.items.length === 0;
      if (fragment?.kind === 'map' && !empty && loops < MAX_LOOPS) {
        this.resources(fragment.entries, loops + 1);
      }
    }
  }

  private resource(resource: IacEntry): void {
    // Inside a resource created only under a condition, its branches are taken only when that condition holds.
    const condition = scalarText(entryOf(resource.value, 'Condition')?.value);
    this.resolving = condition === undefined || this.conditions.named(condition) === true;
    const typeEntry = entryOf(resource.value, 'Type');
    const type = typeEntry ? scalarText(typeEntry.value) : undefined;
    if (!typeEntry || !type?.startsWith('AWS::')) {
      return;
    }
    const propertiesEntry = entryOf(resource.value, 'Properties');
    const properties = propertiesEntry?.value;
    const options = this.ownOptions(properties, NESTED_PROPERTIES[type]);
    const itemProperties = ITEM_PROPERTIES[type];
    const items = itemProperties ? this.resolve(entryOf(properties, itemProperties.list)?.value) : undefined;
    const listed: ListedItem[] = [];
    for (const item of (items?.kind === 'list' ? items.items : []).flatMap((node) => this.possibleMaps(node))) {
      const own = this.ownOptions(item, NESTED_PROPERTIES['AWS::DynamoDB::Table'], itemProperties?.keys);
      options.push(...own);
      listed.push({ anchor: (entryOf(item, 'Region') ?? item.entries[0])?.keySpan ?? item.span, options: own });
    }
    if (LAMBDA_RESOURCES.has(type)) {
      options.push(...this.environmentPasswords(properties));
    } else if (TASK_DEFINITIONS.has(type)) {
      options.push(...this.containerPasswords(properties));
    }
    options.push(...fullAccessPolicies(type, properties, (node) => this.resolve(node)));
    for (const attribute of ATTRIBUTES) {
      const entry = entryOf(resource.value, attribute);
      if (entry) {
        options.push(this.option(entry));
      }
    }
    const emptyProperties = properties?.kind === 'scalar' && !properties.tag && properties.literal === EMPTY_EXPR;
    const context: OptionContext = {
      kind: 'cloudformation',
      type,
      options,
      complete: properties === undefined || properties.kind === 'map' || emptyProperties,
      anchor: resource.keySpan,
      typeSpan: typeEntry.value.span,
      ...(itemProperties ? { parts: { items: listed, only: true } } : {}),
    };
    if (propertiesEntry?.insertion && (properties?.kind === 'map' || emptyProperties)) {
      context.insertion = propertiesEntry.insertion;
    }
    this.contexts.push(context);
    this.readIngress(resource.key, type, properties);
  }

  /** The options of a map's entries (those of `keys` only, where given), with the entries of its nested maps named in `nested`. */
  private ownOptions(map: IacNode | undefined, nested: readonly string[] = [], keys?: ReadonlySet<string>): OptionOccurrence[] {
    const entries = map?.kind === 'map' ? map.entries.filter((entry) => !keys || keys.has(entry.key)) : [];
    const inner = nested.map((name) => this.resolve(entryOf(map, name)?.value)).flatMap((node) => (node?.kind === 'map' ? node.entries : []));
    return [...entries, ...inner].map((entry) => this.option(entry));
  }

  private ingressFields(rule: IacNode): IngressFields {
    const field = (name: string): Literal | undefined => {
      const value = entryOf(rule, name)?.value;
      return value ? this.literal(value) : undefined;
    };
    const sources = ['CidrIp', 'CidrIpv6'].flatMap((name) => {
      const value = entryOf(rule, name)?.value;
      return value ? [{ literal: this.literal(value), span: (this.resolve(value) ?? value).span }] : [];
    });
    return { protocol: field('IpProtocol'), fromPort: field('FromPort'), toPort: field('ToPort'), sources, storePort: this.storePort(rule) };
  }

  /** A rule whose `FromPort` (and `ToPort`, when written) is a database's or cache's `Fn::GetAtt` port (see `iac/storePorts.ts`). */
  private storePort(rule: IacNode): number | undefined {
    const from = entryOf(rule, 'FromPort')?.value;
    const parts = from && getAttParts(from);
    const to = entryOf(rule, 'ToPort')?.value;
    const toParts = to && getAttParts(to);
    if (!parts || (to && (toParts?.[0] !== parts[0] || toParts[1] !== parts[1]))) {
      return undefined;
    }
    const type = scalarText(entryOf(entryOf(entryOf(this.root, 'Resources')?.value, parts[0])?.value, 'Type')?.value);
    return cloudFormationStorePort(type, parts[1]);
  }

  private readIngress(logicalId: string, type: string, properties: IacNode | undefined): void {
    const rules: IacNode[] = [];
    let group: string | undefined = logicalId;
    if (type === 'AWS::EC2::SecurityGroupIngress' && properties) {
      rules.push(properties);
      group = [...referencedIds(entryOf(properties, 'GroupId')?.value)][0];
    } else if (type === 'AWS::EC2::SecurityGroup') {
      this.groupUses.name(logicalId, ['GroupName', 'GroupDescription'].map((key) => scalarText(entryOf(properties, key)?.value) ?? ''));
      const list = this.resolve(entryOf(properties, 'SecurityGroupIngress')?.value);
      if (list?.kind === 'list') {
        rules.push(...list.items);
      }
    }
    this.groupUses.name(group, [group ?? '']);
    for (const written of rules) {
      const rule = this.resolve(written);
      const open = rule?.kind === 'map' ? openIngress('cloudformation', this.ingressFields(rule)) : undefined;
      if (open) {
        this.ingress.push(open);
        this.groupUses.rule(open, group);
      }
    }
  }
}

/** The resources and ingress rules of a template already read into a tree (a Serverless service written in TypeScript). */
export function readTemplateTree(root: IacNode | undefined): { contexts: OptionContext[]; ingress: IngressRule[] } {
  const template = new Template(root, undefined);
  template.read();
  return { contexts: template.contexts, ingress: template.ingress };
}

/**
 * Reads a CloudFormation or SAM template, JSON or YAML whatever its file name says, with the parameter
 * values parent stacks of the workspace pass to it; in a Serverless Framework service file, only its
 * `resources` section is a template.
 */
export function readCloudFormation(text: string, lines: LineIndex, passed?: PassedParameters, importedGroupUse?: (group: string) => number | undefined): DocumentModel {
  const json = isJson(text);
  const document = json ? readJson(text, lines) : readYaml(text, lines);
  const service = readServerless(document.root);
  const template = new Template(service ? service.template : templateRoot(document.root), service ? undefined : passed, importedGroupUse);
  template.read();
  if (service) {
    template.serverlessSettings(service);
  }
  const model: DocumentModel = {
    operations: [],
    redisCalls: [],
    scopes: NO_SCOPES,
    contexts: template.contexts,
    suppressions: document.suppressions,
    ingress: template.ingress,
  };
  const outputs = template.stackOutputs();
  if (outputs.length > 0) {
    model.stackOutputs = outputs;
  }
  if (!json) {
    model.commentPrefix = '#';
    const inlineCode = service ? [] : inlineLambdaCode(templateRoot(document.root), text);
    if (inlineCode.length > 0) {
      model.inlineCode = inlineCode;
    }
  }
  return model;
}
