/**
 * Security group ingress in Terraform, reduced to what the open-ingress rules need: inline and
 * `dynamic "ingress"` blocks (once per element of a `for_each` written in the file), the ingress rule
 * resources, the terraform-aws-modules security-group module's named rules and rule objects, and the
 * security group a registry module opens to an input's CIDR blocks.
 */
import { TOKEN_KIND, Tokens } from '../lexer';
import { IngressRule, Literal, OptionOccurrence } from '../model';
import { Span } from '../types';
import { GroupUses } from './groupUse';
import { IngressFields, openIngress } from './ingress';
import { createsSecurityGroup, RegistryModule, RuleInput, SECURITY_GROUP_RULES } from './terraformModules';
import { isList, scalarLiteral } from './terraformOutside';
import { iterationReference } from './terraformIteration';
import { ruleGroup } from './terraformRuleGroup';
import { countedPorts } from './terraformCountPorts';
import { STORE_PORT_INPUT, terraformStorePort } from './storePorts';
import type { TerraformObject, TerraformValue } from '../workspace/types';

/** A token range [first, end). */
export interface Range {
  first: number;
  end: number;
}

/** An argument or nested block of a body, with its value's token range. */
export interface BodyItem {
  option: OptionOccurrence;
  /** Token range of the value (for a block: its braces). */
  first: number;
  end: number;
  block: boolean;
}

/** Named values of an object (`{ from_port = 5432, cidr_blocks = "0.0.0.0/0" }`), by key. */
export type InputObject = Map<string, Range>;

/** What reading ingress needs of the Terraform reader: bodies, and values as this file gives them. */
export interface HclValues {
  readonly tokens: Tokens;
  readonly partner: Int32Array;
  textOf(index: number): string | undefined;
  body(open: number, close: number): BodyItem[];
  literalOf(first: number, end: number): Literal;
  strings(item: Range | undefined): { literal: Literal; span: Span }[];
  lentStrings(item: Range): { literal: Literal; span: Span }[] | undefined;
  elements(item: Range): Range[] | undefined;
  forEachSource(item: Range): Range;
  /** The objects a `for_each` over a variable takes from another file (its default, `.tfvars`, or a module's callers). */
  lentObjects(item: Range): TerraformObject[] | undefined;
  listItems(item: Range): Range[] | undefined;
  spanOf(range: Range): Span;
  isList(item: Range): boolean;
  objects(item: Range | undefined): InputObject[];
  objectEntries(open: number, close: number): InputObject;
}

const { ID, STR } = TOKEN_KIND;

/** The objects of an `aws_security_group`'s `ingress` argument, read as a rule input's objects. */
const INGRESS_ATTRIBUTE: RuleInput = { input: 'ingress', protocol: 'protocol', sources: ['cidr_blocks', 'ipv6_cidr_blocks'], typed: false, toFollowsFrom: false };
/** The attributes a security group, or a security-group module, is called by. */
const GROUP_NAMES = new Set(['name', 'name_prefix', 'description']);

/** One element of a `for_each`: the name it goes by (`each`, or a dynamic block's iterator) and its value. */
interface Iteration {
  iterator: string;
  /** The element written in this file; a placeholder range for one lent from another file (`object`). */
  element: Range;
  /** An element another file gives (a variable's map of objects): its attributes. */
  object?: TerraformObject;
  /** A list or set: `each.key` is the element too. */
  keyIsElement: boolean;
}

export class TerraformIngress {
  readonly rules: IngressRule[] = [];
  readonly groupUses = new GroupUses();

  /** The variables and locals the file's databases and caches take whole as their port, as exposure bits. */
  private readonly inputPorts = new Map<string, number>();

  constructor(private readonly hcl: HclValues) {}

  /** A database or cache resource of the file (`kind`, as exposure bits) with its arguments: notes a port it takes from an input. */
  noteStorePort(kind: number, items: readonly BodyItem[]): void {
    const port = items.find((item) => item.option.name === 'port' && !item.block)?.option.literal;
    const written = port?.kind === 'expr' ? port.text.trim() : undefined;
    if (written !== undefined && STORE_PORT_INPUT.test(written)) {
      this.inputPorts.set(written, (this.inputPorts.get(written) ?? 0) | kind);
    }
  }

  /**
   * A value for one element of a `for_each`: `ingress.value` (or `each.value`) is the element,
   * `ingress.value.key` a key of an element object, and `each.key` the element itself where the
   * collection is a list or set; any other value is as written.
   */
  private iterated(item: Range, iteration: Iteration | undefined): Range {
    const reference = iteration && !iteration.object ? iterationReference(this.hcl.tokens, item.first, item.end) : undefined;
    if (!iteration || reference?.iterator !== iteration.iterator) {
      return item;
    }
    if (reference.key === undefined) {
      return reference.member === 'value' || iteration.keyIsElement ? iteration.element : item;
    }
    const element = iteration.element;
    if (this.hcl.textOf(element.first) !== '{' || this.hcl.partner[element.first] !== element.end - 1) {
      return item;
    }
    return this.hcl.objectEntries(element.first, element.end - 1).get(reference.key) ?? item;
  }

  /** `each.value.key` over an element lent from another file: the value the key gives there; undefined for any other value. */
  private lentValue(item: Range, iteration: Iteration | undefined): TerraformValue | null | undefined {
    const object = iteration?.object;
    const reference = object ? iterationReference(this.hcl.tokens, item.first, item.end) : undefined;
    const key = reference?.iterator === iteration?.iterator && reference?.member === 'value' ? reference.key : undefined;
    return key !== undefined && Object.hasOwn(object!, key) ? object![key] : undefined;
  }

  /** A value for one element of a `for_each` as a literal: one lent from another file, or the range `iterated` gives. */
  private elementLiteral(item: BodyItem, iteration: Iteration | undefined): Literal | undefined {
    const lent = this.lentValue(item, iteration);
    if (lent !== undefined) {
      return lent === null || isList(lent) ? undefined : scalarLiteral(lent);
    }
    const range = this.iterated(item, iteration);
    return range !== item ? this.hcl.literalOf(range.first, range.end) : item.option.literal;
  }

  private ingressFields(items: BodyItem[], names: { protocol: string; sources: string[] }, iteration?: Iteration): IngressFields {
    const literal = (name: string): Literal | undefined => {
      const item = items.find((candidate) => candidate.option.name === name && !candidate.block);
      return item && this.elementLiteral(item, iteration);
    };
    const sources = names.sources.flatMap((name) => {
      const item = items.find((candidate) => candidate.option.name === name && !candidate.block);
      // Each item of a list written here may name the element (`[ingress.value.cidr]`).
      const parts = item && iteration ? this.hcl.listItems(item) : undefined;
      return parts ? parts.flatMap((part) => this.fromElement(part, iteration)) : item ? this.fromElement(item, iteration) : [];
    });
    const [fromPort, toPort] = [literal('from_port'), literal('to_port')];
    return { protocol: literal(names.protocol), fromPort, toPort, sources, storePort: terraformStorePort(fromPort, toPort, this.inputPorts) };
  }

  /** Source addresses of a value for one element of a `for_each`; one taken from the element is reported where the block uses it. */
  private fromElement(value: Range, iteration: Iteration | undefined): { literal: Literal; span: Span }[] {
    const lent = this.lentValue(value, iteration);
    if (lent !== undefined) {
      const span = this.hcl.spanOf(value);
      return (lent === null ? [] : isList(lent) ? lent : [lent]).map((scalar) => ({ literal: scalarLiteral(scalar), span }));
    }
    const range = this.iterated(value, iteration);
    if (range === value) {
      return this.hcl.strings(value);
    }
    const span = this.hcl.spanOf(value);
    return this.hcl.strings(range).map(({ literal }) => ({ literal, span }));
  }

  /**
   * The rules an `ingress` block stands for: its own fields, or for a `dynamic "ingress"` block whose
   * `for_each` is a collection written in this file, its content's fields once per element.
   */
  private ingressBlocks(item: BodyItem, names: { protocol: string; sources: string[] }, each: Iteration | undefined): IngressFields[] {
    if (item.option.name === 'ingress') {
      return [this.ingressFields(this.hcl.body(item.first, item.end - 1), names, each)];
    }
    const label = item.first - 1;
    if (item.option.name !== 'dynamic' || (this.hcl.tokens.kinds[label] !== STR && this.hcl.tokens.kinds[label] !== ID) || this.hcl.tokens.text(label) !== 'ingress') {
      return [];
    }
    const body = this.hcl.body(item.first, item.end - 1);
    const forEach = body.find((entry) => entry.option.name === 'for_each' && !entry.block);
    const content = body.find((entry) => entry.option.name === 'content' && entry.block);
    const iteratorItem = body.find((entry) => entry.option.name === 'iterator' && !entry.block);
    const iterator = iteratorItem && iteratorItem.end - iteratorItem.first === 1 ? this.hcl.tokens.text(iteratorItem.first) : 'ingress';
    const elements = forEach ? this.hcl.elements(this.hcl.forEachSource(forEach)) : undefined;
    if (!content || !elements) {
      return [];
    }
    const fields = this.hcl.body(content.first, content.end - 1);
    // A dynamic block's key over a list is the element's index, not the element.
    return elements.map((element) => this.ingressFields(fields, names, { iterator, element, keyIsElement: false }));
  }

  /**
   * Ingress of the terraform-aws-modules security-group module: named rules (`ingress_rules`, and a
   * submodule's own) for the `ingress_cidr_blocks`, and `ingress_with_cidr_blocks` /
   * `ingress_with_ipv6_cidr_blocks` objects with their ports or rule, and their CIDR blocks (a
   * comma-separated string) or else the module's default blocks. Their `computed_` twins make as many
   * rules as `number_of_computed_*` says, from the first elements of the list (none where it is left out).
   */
  securityGroupModule(items: BodyItem[], autoRules: readonly string[], group: string): void {
    const named = (name: string): BodyItem | undefined => items.find((item) => item.option.name === name && !item.block);
    const create = named('create')?.option.literal;
    if (create && !(create.kind === 'bool' && create.value)) {
      return;
    }
    this.nameGroup(group, items);
    const defaults = { cidr_blocks: this.hcl.strings(named('ingress_cidr_blocks')), ipv6_cidr_blocks: this.hcl.strings(named('ingress_ipv6_cidr_blocks')) };
    const ruleNames = (input: BodyItem | undefined): string[] => this.hcl.strings(input).flatMap(({ literal }) => (literal.kind === 'str' ? [literal.value] : []));
    const computedCount = (input: string): number => {
      const count = named(`number_of_${input}`)?.option.literal;
      return count?.kind === 'num' && Number.isInteger(count.value) && count.value > 0 ? count.value : 0;
    };
    const automatic = named('auto_ingress_rules');
    const computedRules = ruleNames(named('computed_ingress_rules')).slice(0, computedCount('computed_ingress_rules'));
    for (const name of [...(automatic ? ruleNames(automatic) : autoRules), ...ruleNames(named('ingress_rules')), ...computedRules]) {
      const rule = SECURITY_GROUP_RULES[name];
      if (rule) {
        this.addIngress(openIngress('terraform', { protocol: { kind: 'str', value: rule.protocol }, fromPort: { kind: 'num', value: rule.from }, toPort: { kind: 'num', value: rule.to }, sources: [...defaults.cidr_blocks, ...defaults.ipv6_cidr_blocks] }), group);
      }
    }
    for (const key of ['cidr_blocks', 'ipv6_cidr_blocks'] as const) {
      const computed = this.hcl.objects(named(`computed_ingress_with_${key}`)).slice(0, computedCount(`computed_ingress_with_${key}`));
      for (const object of [...this.hcl.objects(named(`ingress_with_${key}`)), ...computed]) {
        const value = (name: string): Literal | undefined => {
          const range = object.get(name);
          return range ? this.hcl.literalOf(range.first, range.end) : undefined;
        };
        const ruleName = value('rule');
        const rule = ruleName?.kind === 'str' ? SECURITY_GROUP_RULES[ruleName.value] : undefined;
        const written = object.get(key);
        const sources = written ? this.hcl.strings(written).flatMap(({ literal, span }) => (literal.kind === 'str' ? literal.value.split(',').map((part) => ({ literal: { kind: 'str' as const, value: part }, span })) : [])) : defaults[key];
        this.addIngress(
          openIngress('terraform', {
            protocol: value('protocol') ?? (rule ? { kind: 'str', value: rule.protocol } : undefined),
            fromPort: value('from_port') ?? (rule ? { kind: 'num', value: rule.from } : undefined),
            toPort: value('to_port') ?? (rule ? { kind: 'num', value: rule.to } : undefined),
            sources,
          }),
          group,
        );
      }
    }
  }

  /**
   * The security group a registry module creates: open on its port to the CIDR blocks of one input
   * (cloudposse's `allowed_cidr_blocks`), and by the rule objects of its rule inputs.
   */
  module(module: RegistryModule, items: BodyItem[]): void {
    const group = module.securityGroup;
    const options = items.map((item) => item.option);
    if (!group || createsSecurityGroup(group, options) !== true) {
      return;
    }
    const defaultPort = group.port(options);
    const port: Literal | undefined = defaultPort === undefined ? undefined : { kind: 'num', value: defaultPort };
    const input = (name: string): BodyItem | undefined => items.find((item) => item.option.name === name && !item.block);
    if (group.cidrInput) {
      this.addIngress(openIngress('terraform', { protocol: { kind: 'str', value: 'tcp' }, fromPort: port, toPort: port, sources: this.hcl.strings(input(group.cidrInput)) }));
    }
    for (const rules of group.ruleInputs ?? []) {
      for (const rule of this.hcl.objects(input(rules.input))) {
        this.addIngress(this.moduleRule(rules, rule, port));
      }
    }
  }

  /**
   * The CIDR blocks a module block gives a module folder's input that the folder passes on to a registry module's
   * own security group (see ModuleInputTarget.admittedOn), admitted on `port` over TCP.
   */
  admitted(item: BodyItem, port: number): void {
    const at: Literal = { kind: 'num', value: port };
    this.addIngress(openIngress('terraform', { protocol: { kind: 'str', value: 'tcp' }, fromPort: at, toPort: at, sources: this.hcl.strings(item) }));
  }

  /**
   * The port a module block gives a module folder's ingress rule whose open sources the folder writes itself
   * (see ModuleInputTarget.opensTo): the rule is open on that port, reported where the block writes the port.
   */
  openedOn(item: BodyItem, port: number, sources: readonly string[]): void {
    const at: Literal = { kind: 'num', value: port };
    const written = sources.map((value) => ({ literal: { kind: 'str' as const, value }, span: item.option.value }));
    this.addIngress(openIngress('terraform', { protocol: { kind: 'str', value: 'tcp' }, fromPort: at, toPort: at, sources: written }));
  }

  /** One rule object of a module's rule input, its ports defaulting to the group's port. */
  private moduleRule(rules: RuleInput, rule: InputObject, port: Literal | undefined): IngressRule | undefined {
    const value = (key: string): Literal | undefined => {
      const range = rule.get(key);
      return range ? this.hcl.literalOf(range.first, range.end) : undefined;
    };
    const type = value('type');
    if (rules.typed && type && !(type.kind === 'str' && type.value === 'ingress')) {
      return undefined;
    }
    const fromPort = value('from_port') ?? port;
    return openIngress('terraform', {
      protocol: value(rules.protocol) ?? { kind: 'str', value: 'tcp' },
      fromPort,
      toPort: value('to_port') ?? (rules.toFollowsFrom ? fromPort : port),
      sources: rules.sources.flatMap((key) => this.hcl.strings(rule.get(key))),
    });
  }

  /**
   * The instances of a resource: one per element of a `for_each` written in this file, where
   * `each.value` is the element (none for an empty collection); one, read as written, otherwise.
   */
  private eachInstance(items: BodyItem[]): (Iteration | undefined)[] {
    const forEach = items.find((item) => item.option.name === 'for_each' && !item.block);
    const elements = forEach ? this.hcl.elements(this.hcl.forEachSource(forEach)) : undefined;
    if (forEach && !elements) {
      // A variable's map of objects from another file (`for_each = var.sg_rules`).
      const objects = this.hcl.lentObjects(forEach);
      return objects ? objects.map((object) => ({ iterator: 'each', element: forEach, object, keyIsElement: false })) : [undefined];
    }
    if (!forEach || !elements) {
      return [undefined];
    }
    // A resource's `for_each` takes a map or a set: over a set, `each.key` is the element.
    const keyIsElement = this.hcl.isList(forEach);
    return elements.map((element) => ({ iterator: 'each', element, keyIsElement }));
  }

  /** A rule resource's rules: one, or under `count` over a list of ports, one per port (see `countedPorts`). */
  private perPort(items: BodyItem[], fields: IngressFields, iteration: Iteration | undefined): (IngressRule | undefined)[] {
    const ports = iteration ? undefined : countedPorts(this.hcl, items);
    return ports ? ports.map((port) => openIngress('terraform', { ...fields, fromPort: port, toPort: port })) : [openIngress('terraform', fields)];
  }

  /** A rule the file opens; with `group`, the key of the group it belongs to (`module.<name>` for a security-group module's). */
  private addIngress(rule: IngressRule | undefined, group?: string): void {
    if (rule) {
      this.rules.push(rule);
      this.groupUses.rule(rule, group);
    }
  }

  /** Tells the group uses what `group` is called: its label, and the `name`, `name_prefix` and `description` its block writes (`items`). */
  private nameGroup(group: string | undefined, items: BodyItem[]): void {
    if (group !== undefined) {
      const written = items.flatMap((item) => (!item.block && GROUP_NAMES.has(item.option.name) && item.option.literal.kind === 'str' ? [item.option.literal.value] : []));
      this.groupUses.name(group, [group.slice(group.indexOf('.') + 1), ...written]);
    }
  }

  /** `aws_security_group.<name>` when a rule resource's `security_group_id` refers to a group of the file's kind (see `ruleGroup`). */
  private groupOf(items: BodyItem[]): string | undefined {
    const id = items.find((item) => item.option.name === 'security_group_id' && !item.block);
    return id && ruleGroup(this.hcl.tokens, id.first, id.end);
  }

  /**
   * Ingress of a resource named `name`: inline and `dynamic` `ingress` blocks (of `aws_security_group` and
   * `aws_default_security_group`), `aws_security_group_rule`,
   * `aws_vpc_security_group_ingress_rule`.
   */
  resource(type: string, items: BodyItem[], name: string): void {
    const found: (IngressRule | undefined)[] = [];
    const classic = { protocol: 'protocol', sources: ['cidr_blocks', 'ipv6_cidr_blocks'] };
    // A VPC's default group, which Terraform adopts, takes the same inline rules.
    const group = type === 'aws_security_group' || type === 'aws_default_security_group' ? `${type}.${name}` : this.groupOf(items);
    // A rule resource's own name and description are the rule's, not the group's.
    this.nameGroup(group, type === 'aws_security_group' ? items : []);
    if (type === 'aws_security_group' || type === 'aws_default_security_group') {
      for (const each of this.eachInstance(items)) {
        for (const item of items) {
          for (const fields of item.block ? this.ingressBlocks(item, classic, each) : []) {
            found.push(openIngress('terraform', fields));
          }
        }
      }
      // `ingress = [{ ... }]`, the attribute form of the blocks, where every field is written.
      const attribute = items.find((item) => item.option.name === 'ingress' && !item.block);
      this.hcl.objects(attribute).forEach((rule) => found.push(this.moduleRule(INGRESS_ATTRIBUTE, rule, undefined)));
    } else if (type === 'aws_security_group_rule') {
      const direction = items.find((item) => item.option.name === 'type' && !item.block);
      for (const iteration of direction ? this.eachInstance(items) : []) {
        // `type = each.value.type`: each element tells its own direction.
        const literal = this.elementLiteral(direction!, iteration);
        if (literal?.kind === 'str' && literal.value === 'ingress') {
          found.push(...this.perPort(items, this.ingressFields(items, classic, iteration), iteration));
        }
      }
    } else if (type === 'aws_vpc_security_group_ingress_rule') {
      const names = { protocol: 'ip_protocol', sources: ['cidr_ipv4', 'cidr_ipv6'] };
      this.eachInstance(items).forEach((iteration) => found.push(...this.perPort(items, this.ingressFields(items, names, iteration), iteration)));
    }
    for (const rule of found) {
      if (rule) {
        this.rules.push(rule);
        this.groupUses.rule(rule, group);
      }
    }
  }
}
