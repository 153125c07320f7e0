/**
 * Terraform: `resource` blocks and their top-level arguments, registry modules read as the resource they
 * create, values of `var.x` (the default) and `local.x` written in this file or, through the workspace, in
 * another file of the module, and security group ingress (inline and `dynamic` `ingress` blocks,
 * `aws_security_group_rule`, `aws_vpc_security_group_ingress_rule`, the security-group registry module,
 * a module's allowed CIDR blocks).
 */
import { lex, matchBrackets, TOKEN_KIND, Tokens } from '../lexer';
import { DocumentModel, Literal, NO_SCOPES, OptionContext, OptionOccurrence, parseSuppression } from '../model';
import { LineIndex } from '../text';
import { normalizeName, Span } from '../types';
import { TerraformValue } from '../workspace/types';
import { isList, OutsideValues, scalarLiteral } from './terraformOutside';
import { GROUP_REFERENCE, MODULE_WITHOUT_DATA_STORE } from './groupUse';
import { LAMBDA_MODULE, LAMBDA_RESOURCES, terraformEnvironmentPasswords, terraformMapPasswords } from './lambdaEnvironment';
import { BodyItem, HclValues, InputObject, Range, TerraformIngress } from './terraformIngress';
import { branchesLiteral, conditionalParts } from './terraformConditionals';
import { argumentOf, defaultLiterals, normalizedModuleSource, pinnedRelease, registryModule, registrySource, securityGroupModule } from './terraformModules';

// Module constants rather than imported bindings: run unbundled (tsx), an import is read through the
// module object on every use.
const { ID, STR, NUM, PUNCT } = TOKEN_KIND;

/** Arguments of a `module` block that Terraform reads itself; the rest are the module's inputs. */
const MODULE_META_ARGUMENTS = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

/**
 * Nested blocks whose arguments the rules read as the resource's own (`authentication_mode { passwords = [...] }`);
 * `cluster_mode { num_node_groups, replicas_per_node_group }` is how AWS provider v3 and older wrote shards and replicas.
 */
const NESTED_ARGUMENT_BLOCKS: Readonly<Record<string, readonly string[]>> = {
  aws_elasticache_user: ['authentication_mode'],
  aws_elasticache_replication_group: ['cluster_mode'],
};

/** `var.x` and `local.x` are followed through one another this deep. */
const MAX_REFERENCES = 8;

class TerraformReader implements HclValues {
  readonly contexts: OptionContext[] = [];
  readonly ingressReader = new TerraformIngress(this);
  readonly partner: Int32Array;
  /** What `var.x` (a `variable` block's default) and `local.x` (a `locals` entry) stand for in this file, by that text. */
  private readonly named = new Map<string, Range>();
  /** Variables this file declares, with a default or without: theirs is never taken from another file. */
  private readonly declared = new Set<string>();

  constructor(
    private readonly text: string,
    readonly tokens: Tokens,
    private readonly lines: LineIndex,
    private readonly outside?: OutsideValues,
  ) {
    this.partner = matchBrackets(tokens);
  }

  private lineOf(index: number): number {
    return this.lines.lineOf(this.tokens.starts[index]);
  }

  /** A token's text, string or not; undefined past the end. */
  textOf(index: number): string | undefined {
    return this.tokens.kinds[index] === undefined ? undefined : this.tokens.text(index);
  }

  /** `root.name` as the whole of [first, end), or as a string of that one interpolation (`"${var.x}"`, Terraform 0.11), which HCL unwraps. */
  private referenceAt(first: number, end: number): { root: string; name: string } | undefined {
    const { tokens } = this;
    if (end - first === 3 && tokens.kinds[first] === ID && this.textOf(first + 1) === '.' && tokens.kinds[first + 2] === ID) {
      return { root: tokens.text(first), name: tokens.text(first + 2) };
    }
    const unwrapped = end - first === 1 && tokens.kinds[first] === STR && tokens.interpolated(first) ? /^\$\{\s*([A-Za-z_]\w*)\.([A-Za-z_][\w-]*)\s*\}$/.exec(tokens.text(first)) : null;
    return unwrapped ? { root: unwrapped[1], name: unwrapped[2] } : undefined;
  }

  /** `var.x` / `local.x` as the whole of [first, end): what it stands for in this file, if it is written here. */
  private referenced(first: number, end: number): Range | undefined {
    const reference = this.referenceAt(first, end);
    return reference && (reference.root === 'var' || reference.root === 'local') ? this.named.get(`${reference.root}.${reference.name}`) : undefined;
  }

  /** `var.name` / `local.name` as the whole of [first, end), declared in another file of the module: the variable's default or the local's value there. */
  private outsideValue(first: number, end: number): TerraformValue | undefined {
    const { outside } = this;
    const reference = outside ? this.referenceAt(first, end) : undefined;
    if (!outside || !reference) {
      return undefined;
    }
    const { root, name } = reference;
    if (this.named.has(`${root}.${name}`)) {
      return undefined;
    }
    if (root === 'var') {
      return this.declared.has(name) ? undefined : outside.variable(name);
    }
    return root === 'local' ? outside.local(name) : undefined;
  }

  /** `var.name` as the whole of [first, end): what the folder's `.tfvars` files set it to (see OutsideValues.assigned). */
  private assignedValue(first: number, end: number): TerraformValue | null | undefined {
    const reference = this.outside?.assigned ? this.referenceAt(first, end) : undefined;
    return reference?.root === 'var' ? this.outside?.assigned?.(reference.name) : undefined;
  }

  literalOf(first: number, end: number, depth = 0): Literal {
    const { tokens } = this;
    // A value the folder's `.tfvars` files give the variable stands before its default, wherever that is declared.
    const assigned = this.assignedValue(first, end);
    if (assigned !== undefined) {
      return assigned === null || isList(assigned) ? { kind: 'expr', text: this.text.slice(tokens.starts[first], tokens.ends[end - 1]) } : scalarLiteral(assigned);
    }
    // `var.name` takes the variable's default from this file, as a plan without other values would; `local.name` its value.
    const reference = depth < MAX_REFERENCES ? this.referenced(first, end) : undefined;
    if (reference) {
      const literal = this.literalOf(reference.first, reference.end, depth + 1);
      return literal.kind === 'expr' ? { kind: 'expr', text: this.text.slice(tokens.starts[first], tokens.ends[end - 1]) } : literal;
    }
    const outside = this.outsideValue(first, end);
    if (outside !== undefined && !isList(outside)) {
      return scalarLiteral(outside);
    }
    const conditional = depth < MAX_REFERENCES ? this.conditionalLiteral(first, end, depth) : undefined;
    if (conditional) {
      return conditional;
    }
    if (end - first !== 1) {
      return { kind: 'expr', text: this.text.slice(tokens.starts[first], tokens.ends[end - 1]) };
    }
    const kind = tokens.kinds[first];
    const value = tokens.text(first);
    if (kind === NUM) {
      return { kind: 'num', value: Number(value) };
    }
    if (kind === STR && !tokens.interpolated(first)) {
      return { kind: 'str', value };
    }
    if (kind === ID && (value === 'true' || value === 'false')) {
      return { kind: 'bool', value: value === 'true' };
    }
    if (kind === ID && value === 'null') {
      return { kind: 'none' };
    }
    return { kind: 'expr', text: value };
  }

  /** `cond ? a : b` as the whole of [first, end): what its branches give together (see `branchesLiteral`). */
  private conditionalLiteral(first: number, end: number, depth: number): Literal | undefined {
    const parts = conditionalParts(this.tokens, this.partner, first, end);
    if (!parts) {
      return undefined;
    }
    const yes = this.literalOf(parts.question + 1, parts.colon, depth + 1);
    const no = this.literalOf(parts.colon + 1, end, depth + 1);
    return branchesLiteral(yes, no, this.text.slice(this.tokens.starts[first], this.tokens.ends[end - 1]));
  }

  /**
   * Arguments and nested blocks of the body between `open` and `close`: the first token of a line,
   * followed by `=` or `{`. Values and nested blocks are skipped whole, so only this level is read.
   */
  body(open: number, close: number): BodyItem[] {
    const { tokens, partner } = this;
    const items: BodyItem[] = [];
    for (let k = open + 1; k < close; k++) {
      if (tokens.kinds[k] !== ID || this.lineOf(k) === this.lineOf(k - 1)) {
        const p = partner[k];
        if (p > k) {
          k = p;
        }
        continue;
      }
      const isAttribute = this.textOf(k + 1) === '=' && this.textOf(k + 2) !== '=';
      const isBlock = this.textOf(k + 1) === '{' || (tokens.kinds[k + 1] === STR && this.textOf(k + 2) === '{');
      if (!isAttribute && !isBlock) {
        continue;
      }
      const line = this.lineOf(k);
      let valueStart = k + 2;
      let valueEnd = valueStart;
      if (isBlock) {
        const blockOpen = this.textOf(k + 1) === '{' ? k + 1 : k + 2;
        valueStart = blockOpen;
        valueEnd = partner[blockOpen] > 0 ? partner[blockOpen] + 1 : blockOpen + 1;
      } else {
        while (valueEnd < close && (this.lineOf(valueEnd) === line || (partner[valueEnd] < 0 && tokens.kinds[valueEnd] === PUNCT && /[,)\]}]/.test(tokens.text(valueEnd))))) {
          const p = partner[valueEnd];
          valueEnd = p > valueEnd ? p + 1 : valueEnd + 1;
        }
      }
      if (valueEnd <= valueStart) {
        continue;
      }
      const lastLine = this.lines.lineOf(tokens.ends[valueEnd - 1]);
      const name = tokens.text(k);
      const literal = isBlock ? { kind: 'expr' as const, text: this.text.slice(tokens.starts[valueStart], tokens.ends[valueEnd - 1]) } : this.literalOf(valueStart, valueEnd);
      const option: OptionOccurrence = {
        name,
        norm: normalizeName(name),
        key: { start: tokens.starts[k], end: tokens.ends[k] },
        value: { start: tokens.starts[valueStart], end: tokens.ends[valueEnd - 1] },
        literal,
        removal: {
          start: this.lines.lineStart(line),
          end: lastLine + 1 < this.lines.lineCount ? this.lines.lineStart(lastLine + 1) : this.lines.lineEnd(lastLine),
        },
      };
      if (valueEnd - valueStart === 1 && literal.kind !== 'expr' && literal.kind !== 'none') {
        option.literalSpan = { start: tokens.starts[valueStart], end: tokens.ends[valueStart] };
      }
      items.push({ option, first: valueStart, end: valueEnd, block: isBlock });
      k = valueEnd - 1;
    }
    return items;
  }

  private insertion(open: number, options: OptionOccurrence[]): OptionContext['insertion'] {
    const first = options[0];
    const openLine = this.lineOf(open);
    return {
      offset: openLine + 1 < this.lines.lineCount ? this.lines.lineStart(openLine + 1) : this.text.length,
      indent: first ? this.lines.indentation(this.lines.lineOf(first.key.start)) : `${this.lines.indentation(openLine)}  `,
      style: 'hcl',
    };
  }

  private span(index: number): Span {
    return { start: this.tokens.starts[index], end: this.tokens.ends[index] };
  }

  spanOf(range: Range): Span {
    return { start: this.tokens.starts[range.first], end: this.tokens.ends[range.end - 1] };
  }

  /** The top-level `locals {` blocks. */
  private *localsBlocks(): Generator<{ open: number; close: number }> {
    const { tokens, partner } = this;
    for (let i = 0; i + 1 < tokens.length; i++) {
      if (tokens.kinds[i] === ID && tokens.is(i, 'locals') && this.textOf(i + 1) === '{' && partner[i + 1] > 0 && (i === 0 || this.lineOf(i - 1) !== this.lineOf(i))) {
        yield { open: i + 1, close: partner[i + 1] };
      }
      if (partner[i] > i) {
        i = partner[i];
      }
    }
  }

  /** The top-level blocks `keyword "label" {` (one label) or `keyword "a" "b" {` (two), in order. */
  private *blocks(): Generator<{ keyword: string; at: number; labels: number; open: number; close: number }> {
    const { tokens, partner } = this;
    for (let i = 0; i + 2 < tokens.length; i++) {
      if (tokens.kinds[i] !== ID || (i > 0 && this.lineOf(i - 1) === this.lineOf(i)) || tokens.kinds[i + 1] !== STR) {
        continue;
      }
      const labels = tokens.kinds[i + 2] === STR ? 2 : 1;
      const open = i + 1 + labels;
      if (this.textOf(open) === '{' && partner[open] > 0) {
        yield { keyword: tokens.text(i), at: i, labels, open, close: partner[open] };
        i = partner[open];
      }
    }
  }

  read(): void {
    for (const block of this.blocks()) {
      if (block.keyword === 'variable' && block.labels === 1) {
        this.declared.add(this.tokens.text(block.at + 1));
        const fallback = this.body(block.open, block.close).find((item) => item.option.name === 'default' && !item.block);
        if (fallback) {
          this.named.set(`var.${this.tokens.text(block.at + 1)}`, fallback);
        }
      }
    }
    for (const block of this.localsBlocks()) {
      for (const item of this.body(block.open, block.close)) {
        if (!item.block) {
          this.named.set(`local.${item.option.name}`, item);
        }
      }
    }
    for (const block of this.blocks()) {
      if (block.keyword === 'resource' && block.labels === 2) {
        this.resource(block.at, block.open, block.close);
        this.noteGroupUses(block.open, block.close, this.tokens.text(block.at + 1));
      } else if (block.keyword === 'module' && block.labels === 1) {
        // A module might put a database or cache in a group, unless the workspace shows its folder holds none;
        // a registry module the engine knows holds what it makes (a cache module, a cache).
        const { source, makes } = this.module(block.at, block.open, block.close);
        const held = this.outside?.moduleHoldsDataStore?.(source);
        this.noteGroupUses(block.open, block.close, held === false ? MODULE_WITHOUT_DATA_STORE : makes);
      }
    }
    this.ingressReader.groupUses.settle((group) => this.outside?.groupUse?.(group));
  }

  /** Every `aws_security_group.<name>` a block refers to (in an interpolation too) is a group its resource (of type `consumer`) uses. */
  private noteGroupUses(open: number, close: number, consumer: string | undefined): void {
    for (let i = open + 1; i < close; i++) {
      if (i + 2 < close && this.tokens.kinds[i] === ID && this.tokens.is(i, 'aws_security_group') && this.textOf(i + 1) === '.' && this.tokens.kinds[i + 2] === ID) {
        this.ingressReader.groupUses.use(`aws_security_group.${this.tokens.text(i + 2)}`, consumer);
      } else if (this.tokens.kinds[i] === STR && this.tokens.interpolated(i)) {
        for (const [, name] of this.tokens.text(i).matchAll(GROUP_REFERENCE)) {
          this.ingressReader.groupUses.use(`aws_security_group.${name}`, consumer);
        }
      }
    }
  }

  private resource(at: number, open: number, close: number): void {
    const items = this.body(open, close);
    const options = items.map((item) => item.option);
    const type = this.tokens.text(at + 1);
    const nestedBlocks = NESTED_ARGUMENT_BLOCKS[type] ?? [];
    const nested = items
      .filter((item) => item.block && nestedBlocks.includes(item.option.name))
      .flatMap((item) => this.body(item.first, item.end - 1).filter((inner) => !inner.block))
      .map((inner) => inner.option);
    if (LAMBDA_RESOURCES.has(type)) {
      nested.push(...terraformEnvironmentPasswords(this, items));
    }
    this.contexts.push({
      kind: 'terraform',
      type,
      options: [...options, ...nested],
      complete: !options.some((option) => option.name === 'dynamic'),
      anchor: this.span(at + 2),
      typeSpan: this.span(at + 1),
      insertion: this.insertion(open, options),
    });
    this.ingressReader.resource(type, items, this.tokens.text(at + 2));
  }

  /** A `module` block: its inputs as the arguments they reach; returns its source as written and, for a registry module the engine knows, the resource it makes. */
  private module(at: number, open: number, close: number): { source: string; makes?: string } {
    const items = this.body(open, close);
    const sourceItem = items.find((item) => item.option.name === 'source');
    const sourceText = sourceItem?.option.literal.kind === 'str' ? sourceItem.option.literal.value : '';
    const securityGroup = securityGroupModule(sourceText);
    if (securityGroup) {
      this.ingressReader.securityGroupModule(items, securityGroup.autoRules);
      return { source: sourceText };
    }
    const source = registrySource(sourceText);
    const module = source ? registryModule(source) : undefined;
    if (!module || !sourceItem) {
      if (sourceItem) {
        this.folderModule(at, sourceItem, sourceText, items);
      }
      // terraform-aws-modules/lambda: a function whose `environment_variables` are its environment.
      const passwords = normalizedModuleSource(sourceText) === LAMBDA_MODULE ? terraformMapPasswords(this, items.find((item) => item.option.name === 'environment_variables')) : [];
      if (passwords.length > 0) {
        this.contexts.push({ kind: 'terraform', type: 'aws_lambda_function', options: passwords, complete: false, anchor: this.span(at + 1) });
      }
      return { source: sourceText };
    }
    const written = items.filter((item) => !MODULE_META_ARGUMENTS.has(item.option.name)).map((item) => item.option);
    // An older release the block pins may have had other defaults.
    const newest = pinnedRelease(items.find((item) => item.option.name === 'version')?.option.literal, sourceText);
    const inputs = (module.effective?.(written, newest) ?? written).map((option) => ({ ...option, norm: normalizeName(argumentOf(module, option.name)) }));
    this.ingressReader.module(module, items);
    const secondInputs = new Set(module.second?.inputs ?? []);
    const own = inputs.filter((option) => !secondInputs.has(option.name));
    const defaults = defaultLiterals(module, written, newest);
    // A module's inputs are all visible in its block, and its defaults say what an absent one means.
    const base = { kind: 'terraform' as const, complete: true, anchor: this.span(at + 1), typeSpan: sourceItem.option.value, defaults };
    this.contexts.push({ ...base, type: module.resourceFor?.(inputs) ?? module.resource, options: own });
    const second = inputs.filter((option) => secondInputs.has(option.name));
    const perInstance = items.find((item) => item.option.name === module.second?.perInstance);
    if (perInstance) {
      second.push(...this.keysWithin(perInstance, secondInputs));
    }
    if (module.second && second.length > 0) {
      this.contexts.push({ ...base, type: module.second.resource, options: second });
    }
    return { source: sourceText, makes: module.resource };
  }

  /**
   * A module folder of the workspace: each input that one of its database resources takes whole
   * (`auth_token = var.auth_token`) read as that argument of that resource. The module's own files say
   * what an absent input means, so absence counts against no rule here.
   */
  private folderModule(at: number, sourceItem: BodyItem, sourceText: string, items: readonly BodyItem[]): void {
    const targets = this.outside?.moduleInputs?.(sourceText);
    if (!targets) {
      return;
    }
    const byResource = new Map<string, OptionOccurrence[]>();
    for (const item of items) {
      const { option } = item;
      const target = MODULE_META_ARGUMENTS.has(option.name) ? undefined : targets.get(option.name);
      if (target) {
        const options = byResource.get(target.resource) ?? [];
        byResource.set(target.resource, options);
        // A per-instance map passed on whole (`instances = var.instances` in the module): the keys its objects set here.
        options.push(...(target.environment ? terraformMapPasswords(this, item) : target.keys ? this.keysWithin(item, new Set(target.keys)) : [{ ...option, name: target.argument, norm: normalizeName(target.argument) }]));
      }
    }
    for (const [type, options] of byResource) {
      this.contexts.push({ kind: 'terraform', type, options, complete: false, anchor: this.span(at + 1), typeSpan: sourceItem.option.value });
    }
  }

  /** `key = literal` pairs anywhere inside a value (objects in a map), for the keys named. */
  private keysWithin(item: BodyItem, names: ReadonlySet<string>): OptionOccurrence[] {
    const { tokens } = this;
    const found: OptionOccurrence[] = [];
    for (let k = item.first; k + 2 < item.end; k++) {
      if (tokens.kinds[k] !== ID || !names.has(tokens.text(k)) || this.textOf(k + 1) !== '=') {
        continue;
      }
      const next = this.textOf(k + 3);
      // Only a single-token value: the next token closes the object, separates, or starts a new line.
      if (next !== undefined && next !== ',' && next !== '}' && this.lineOf(k + 3) === this.lineOf(k + 2)) {
        continue;
      }
      const name = tokens.text(k);
      const literal = this.literalOf(k + 2, k + 3);
      const value = this.span(k + 2);
      const option: OptionOccurrence = { name, norm: normalizeName(name), key: this.span(k), value, literal, removal: { start: tokens.starts[k], end: value.end } };
      if (literal.kind !== 'expr' && literal.kind !== 'none') {
        option.literalSpan = value;
      }
      found.push(option);
      k += 2;
    }
    return found;
  }

  /**
   * String literals of a value (a string or a list of strings), with their spans; through `var.x` or
   * `local.x`, in this file or another of the module, those of what it stands for, placed on the
   * reference; in a list written here, those of each item (`[var.admin_cidr]`).
   */
  strings(item: Range | undefined, depth = 0): { literal: Literal; span: Span }[] {
    if (!item) {
      return [];
    }
    // What the folder's `.tfvars` files set the variable to stands before its default; an unknown value gives none.
    const assigned = this.assignedValue(item.first, item.end);
    if (assigned !== undefined) {
      return assigned === null ? [] : this.stringsOf(assigned, this.spanOf(item));
    }
    const reference = depth < MAX_REFERENCES ? this.referenced(item.first, item.end) : undefined;
    if (reference) {
      const span = this.spanOf(item);
      return this.strings(reference, depth + 1).map(({ literal }) => ({ literal, span }));
    }
    const outside = this.outsideValue(item.first, item.end);
    if (outside !== undefined) {
      return this.stringsOf(outside, this.spanOf(item));
    }
    const items = depth < MAX_REFERENCES ? this.listItems(item) : undefined;
    if (items) {
      return items.flatMap((element) => this.strings(element, depth + 1));
    }
    const result: { literal: Literal; span: Span }[] = [];
    for (let k = item.first; k < item.end; k++) {
      if (this.tokens.kinds[k] === STR && !this.tokens.interpolated(k)) {
        result.push({ literal: { kind: 'str', value: this.tokens.text(k) }, span: this.span(k) });
      }
    }
    return result;
  }

  /** The strings of a value read from another file, all placed on the reference to it. */
  private stringsOf(value: TerraformValue, span: Span): { literal: Literal; span: Span }[] {
    const values = isList(value) ? value : [value];
    return values.flatMap((element) => (typeof element === 'string' ? [{ literal: { kind: 'str' as const, value: element }, span }] : []));
  }

  /**
   * The list or map literal a collection value is written as in this file: itself, or what `var.x` /
   * `local.x` and `toset(...)` / `tolist(...)` / `tomap(...)` around it name; undefined for anything
   * else (a `for` expression, a call, an input without a default here).
   */
  collection(item: Range, depth = 0): (Range & { list: boolean }) | undefined {
    const { tokens, partner } = this;
    const reference = depth < MAX_REFERENCES ? this.referenced(item.first, item.end) : undefined;
    if (reference) {
      return this.collection(reference, depth + 1);
    }
    let { first, end } = item;
    if (tokens.kinds[first] === ID && /^to(?:set|list|map)$/.test(tokens.text(first)) && this.textOf(first + 1) === '(' && partner[first + 1] === end - 1) {
      first += 2;
      end -= 1;
      // `toset(var.cidrs)`: the collection the reference names.
      const inner = depth < MAX_REFERENCES ? this.referenced(first, end) : undefined;
      if (inner) {
        return this.collection(inner, depth + 1);
      }
    }
    const opener = this.textOf(first);
    if (partner[first] !== end - 1 || (opener !== '[' && opener !== '{') || this.textOf(first + 1) === 'for') {
      return undefined;
    }
    return { first, end, list: opener === '[' };
  }

  /** Whether a collection value is a list or set written in this file (not a map). */
  isList(item: Range): boolean {
    return this.collection(item)?.list === true;
  }

  /**
   * The elements of a collection written in this file (a list's items, a map's values), through
   * `var.x` / `local.x` and `toset(...)`; undefined when the value is anything else (a `for`
   * expression, whose elements depend on what it filters).
   */
  elements(item: Range): Range[] | undefined {
    const found = this.collection(item);
    if (!found) {
      return undefined;
    }
    return found.list ? this.itemsBetween(found.first, found.end) : [...this.objectEntries(found.first, found.end - 1).values()];
  }

  /** The items of a list written in place (`[a, b]`, not a `for` expression); undefined for any other value. */
  listItems(item: Range): Range[] | undefined {
    const { first, end } = item;
    return this.textOf(first) === '[' && this.partner[first] === end - 1 && this.textOf(first + 1) !== 'for' ? this.itemsBetween(first, end) : undefined;
  }

  /** The maps `merge(a, b, ...)` combines, written as the value or as what `var.x` / `local.x` names; undefined for any other value. */
  mergedMaps(item: Range, depth = 0): Range[] | undefined {
    const reference = depth < MAX_REFERENCES ? this.referenced(item.first, item.end) : undefined;
    const { first, end } = item;
    if (reference || this.tokens.kinds[first] !== ID || !this.tokens.is(first, 'merge') || this.textOf(first + 1) !== '(' || this.partner[first + 1] !== end - 1) {
      return reference && this.mergedMaps(reference, depth + 1);
    }
    return this.itemsBetween(first + 1, end);
  }

  /** The comma-separated items between the brackets at `first` and `end - 1`. */
  private itemsBetween(first: number, end: number): Range[] {
    const { partner } = this;
    const items: Range[] = [];
    for (let k = first + 1; k < end - 1; k++) {
      const start = k;
      while (k < end - 1 && this.textOf(k) !== ',') {
        k = partner[k] > k ? partner[k] + 1 : k + 1;
      }
      if (k > start) {
        items.push({ first: start, end: k });
      }
    }
    return items;
  }

  /**
   * The objects of a list or map value (`[{ from_port = 5432 }, ...]`), through `var.x` / `local.x`, as
   * their keys' value ranges; none for a `for` expression, whose elements depend on what it filters.
   */
  objects(item: Range | undefined, depth = 0): InputObject[] {
    const reference = item && depth < MAX_REFERENCES ? this.referenced(item.first, item.end) : undefined;
    if (reference || !item || this.textOf(item.first + 1) === 'for') {
      return reference ? this.objects(reference, depth + 1) : [];
    }
    const { partner } = this;
    const objects: InputObject[] = [];
    for (let k = item.first + 1; k < item.end - 1; k = partner[k] > k ? partner[k] + 1 : k + 1) {
      if (this.textOf(k) === '{' && partner[k] > k) {
        objects.push(this.objectEntries(k, partner[k]));
      }
    }
    return objects;
  }

  /** `key = value` (or `key: value`) pairs of the object between `open` and `close`, each value up to a comma or the next line. */
  objectEntries(open: number, close: number): InputObject {
    const { tokens, partner } = this;
    const entries: InputObject = new Map();
    for (let k = open + 1; k < close; ) {
      const separator = this.textOf(k + 1);
      if ((tokens.kinds[k] !== ID && tokens.kinds[k] !== STR) || (separator !== '=' && separator !== ':')) {
        k = partner[k] > k ? partner[k] + 1 : k + 1;
        continue;
      }
      let end = k + 2;
      do {
        end = partner[end] > end ? partner[end] + 1 : end + 1;
      } while (end < close && this.textOf(end) !== ',' && this.lineOf(end) === this.lineOf(end - 1));
      entries.set(tokens.text(k), { first: k + 2, end });
      k = end;
    }
    return entries;
  }
}

export function readTerraform(text: string, lines: LineIndex, outside?: OutsideValues): DocumentModel {
  const { tokens, comments } = lex(text, 'hcl');
  const reader = new TerraformReader(text, tokens, lines, outside);
  reader.read();
  const suppressions = comments.flatMap((comment) => {
    const ids = parseSuppression(comment.text);
    return ids ? [{ line: lines.lineOf(comment.end) + 1, ruleIds: ids }] : [];
  });
  return { operations: [], redisCalls: [], scopes: NO_SCOPES, contexts: reader.contexts, commentPrefix: '#', suppressions, ingress: reader.ingressReader.rules };
}

