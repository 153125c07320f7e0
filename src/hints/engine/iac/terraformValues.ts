/**
 * Terraform values as the reader sees them: literals of an argument (through `var.x` and `local.x` written in
 * this file, another file of the module or the folder's `.tfvars` files, and through conditionals), the
 * strings of a value, and the lists, maps and objects it is written as. The block reader builds on this.
 */
import { matchBrackets, TOKEN_KIND, Tokens } from '../lexer';
import { Literal, OptionOccurrence } from '../model';
import { LineIndex } from '../text';
import { normalizeName, Span } from '../types';
import { SourceRef, TerraformObject, TerraformValue } from '../workspace/types';
import { isList, lentLiteral, OutsideValues, scalarLiteral } from './terraformOutside';
import { BodyItem, InputObject, Range } from './terraformIngress';
import { branchesLiteral, conditionalParts, testValue } from './terraformConditionals';
import { AttributeReference, attributeReference, countedAttribute, eachAttribute } from './terraformAttributes';
import { rekeyedCollection } from './terraformForExpressions';
import { elementOptionalDefaults, optionalDefaults, typeWords } from '../workspace/terraformObjects';
import { dataAttributeKey } from './terraformDataSources';

// Module constants rather than imported bindings: run unbundled (tsx), an import is read through the
// module object on every use.
const { ID, STR, NUM } = TOKEN_KIND;

/** `var.x` and `local.x` are followed through one another this deep. */
export const MAX_REFERENCES = 8;

/**
 * An element of a known `for_each`: written in this file (`range`) or read from another file (`object`, its
 * attributes); `typed`, the words of the `type` of the variable the elements come from (empty for a local or a
 * value written in place, null when unknown), since an attribute the type names is null where an element
 * leaves it out, not an error that `try` or `lookup` would answer with its fallback.
 */
export interface ForEachElement {
  range?: Range;
  object?: TerraformObject;
  typed?: readonly string[] | null;
  /** What the element type's `optional(bool, true)` gives an attribute an element written in this file leaves out. */
  defaults?: TerraformObject;
}

export class TerraformValues {
  readonly partner: Int32Array;
  /** What `var.x` (a `variable` block's default) and `local.x` (a `locals` entry) stand for in this file, by that text. */
  protected readonly named = new Map<string, Range>();
  /** Variables this file declares, with a default or without: theirs is never taken from another file. */
  protected readonly declared = new Set<string>();
  /** The `type` each variable this file declares is given, as written. */
  protected readonly variableTypes = new Map<string, string>();
  /** The defaults each variable's object type gives its attributes, read once per variable. */
  private readonly typeDefaults = new Map<string, TerraformObject | undefined>();
  /**
   * While a resource or module with a known `for_each` is read: its elements, what `each.value` stands for,
   * each written in this file (`range`) or read from another file (`object`, its attributes).
   */
  protected each: ForEachElement[] | undefined;

  constructor(
    protected readonly text: string,
    readonly tokens: Tokens,
    protected readonly lines: LineIndex,
    protected readonly outside?: OutsideValues,
  ) {
    this.partner = matchBrackets(tokens);
  }

  protected lineOf(index: number): number {
    return this.lines.lineOf(this.tokens.starts[index]);
  }

  /** A token's text, string or not; undefined past the end. */
  textOf(index: number): string | undefined {
    return this.tokens.kinds[index] === undefined ? undefined : this.tokens.text(index);
  }

  /**
   * `root.name` as the whole of [first, end), or as a string of that one interpolation (`"${var.x}"`, Terraform 0.11), which HCL unwraps;
   * or a data source's attribute (`data.aws_rds_engine_version.pg.version`, see `dataAttributeKey`), its `name` that key's tail.
   */
  private referenceAt(first: number, end: number): { root: string; name: string } | undefined {
    const { tokens } = this;
    if (end - first === 3 && tokens.kinds[first] === ID && this.textOf(first + 1) === '.' && tokens.kinds[first + 2] === ID) {
      return { root: tokens.text(first), name: tokens.text(first + 2) };
    }
    if (end - first === 7 && tokens.is(first, 'data') && tokens.kinds[first + 2] === ID && [1, 3, 5].every((dot) => this.textOf(first + dot) === '.')) {
      const key = tokens.kinds[first + 4] === ID && tokens.kinds[first + 6] === ID ? dataAttributeKey(tokens.text(first + 2), tokens.text(first + 4), tokens.text(first + 6)) : undefined;
      return key ? { root: 'data', name: key.slice('data.'.length) } : undefined;
    }
    const unwrapped = end - first === 1 && tokens.kinds[first] === STR && tokens.interpolated(first) ? /^\$\{\s*([A-Za-z_]\w*)\.([A-Za-z_][\w-]*)\s*\}$/.exec(tokens.text(first)) : null;
    return unwrapped ? { root: unwrapped[1], name: unwrapped[2] } : undefined;
  }

  /** `var.x` / `local.x` as the whole of [first, end): what it stands for in this file, if it is written here. */
  private referenced(first: number, end: number): Range | undefined {
    const reference = this.referenceAt(first, end);
    // A variable the folder's `.tfvars` files set does not take its default, whatever they set it to.
    if (reference?.root === 'var' && this.outside?.assigned?.(reference.name) !== undefined) {
      return undefined;
    }
    return reference && (reference.root === 'var' || reference.root === 'local' || reference.root === 'data') ? this.named.get(`${reference.root}.${reference.name}`) : undefined;
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
    // The module's other files lend an engine data source's arguments among their locals, under the same key.
    return root === 'local' ? outside.local(name) : root === 'data' ? outside.local(`data.${name}`) : undefined;
  }

  /** `var.name` as the whole of [first, end), a secret's: where the folder's `.tfvars` files write the literal it takes. */
  protected secretAssignedAt(first: number, end: number): { at: SourceRef; name: string } | undefined {
    const reference = this.outside?.assignedSecretAt ? this.referenceAt(first, end) : undefined;
    const at = reference?.root === 'var' ? this.outside?.assignedSecretAt?.(reference.name) : undefined;
    return at && { at, name: reference!.name };
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
    const attribute = depth < MAX_REFERENCES ? (this.attributeLiteral(first, end, depth) ?? this.eachLiteral(first, end, depth)) : undefined;
    if (attribute) {
      return attribute;
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

  /**
   * An attribute of an object variable as the whole of [first, end) (see `attributeReference`): what the
   * object the folder's `.tfvars` files set the variable to gives it, else the variable's `default` object in
   * this file or another of the module; undefined when unknown.
   */
  private attributeLiteral(first: number, end: number, depth: number): Literal | undefined {
    const reference = attributeReference(this.tokens, this.partner, first, end);
    if (!reference) {
      return undefined;
    }
    if (reference.root === 'local') {
      return this.localAttribute(reference.variable, reference, depth);
    }
    const { variable, key } = reference;
    const assigned = this.outside?.assignedObject?.(variable);
    if (assigned !== undefined) {
      return assigned === null ? undefined : this.attributeOf(assigned, reference, depth);
    }
    if (!this.declared.has(variable)) {
      const lent = this.outside?.object?.(variable);
      return lent ? this.attributeOf(lent, reference, depth) : undefined;
    }
    const written = this.named.get(`var.${variable}`);
    const isObject = written !== undefined && this.textOf(written.first) === '{' && this.partner[written.first] === written.end - 1 && this.textOf(written.first + 1) !== 'for';
    const entry = isObject ? this.objectEntries(written.first, written.end - 1).get(key) : undefined;
    // An attribute the default leaves out (or a variable without one) takes its type's `optional(bool, true)` default.
    const typed = !entry && (isObject || written === undefined) ? this.typeDefaultsOf(variable) : undefined;
    if (typed && Object.hasOwn(typed, key)) {
      const value = typed[key];
      return value === null || isList(value) ? undefined : scalarLiteral(value);
    }
    if (!isObject || (!entry && !this.fallbackApplies(variable, reference))) {
      return undefined;
    }
    const literal = entry ? this.literalOf(entry.first, entry.end, depth + 1) : this.literalOf(reference.fallback!.first, reference.fallback!.end, depth + 1);
    return literal.kind === 'expr' ? undefined : literal;
  }

  /**
   * `each.value.key` (or `each.value` whole) as the whole of [first, end) while a resource's `for_each` elements are
   * known, or `var.list[count.index].key` of a list it knows: the value every element gives, when they all give the
   * same literal; undefined when one is not an object, leaves the key out, or they differ.
   */
  private eachLiteral(first: number, end: number, depth: number): Literal | undefined {
    const counted = this.each ? undefined : countedAttribute(this.tokens, first, end);
    const elements = this.each ?? (counted && this.forEachElements(counted.collection));
    const reference: { key: string; fallback?: Range } | undefined = this.each ? eachAttribute(this.tokens, this.partner, first, end) : counted;
    if (!elements || reference === undefined) {
      return undefined;
    }
    const { key, fallback } = reference;
    let common: Literal | undefined;
    for (const { range, object, typed, defaults } of elements) {
      const written = range ? this.elementLiteral(range, key, depth, defaults) : object && key !== '' && Object.hasOwn(object, key) ? lentLiteral(object[key]) : undefined;
      // An element that leaves the key out takes the fallback, unless the elements' type names the key.
      const leftOut = !written && fallback !== undefined && Array.isArray(typed) && !typed.includes(key) && this.leavesOut(range, object, key);
      const literal = leftOut ? this.literalOf(fallback.first, fallback.end, depth + 1) : written;
      if (!literal || literal.kind === 'expr' || (common && !sameLiteral(common, literal))) {
        return undefined;
      }
      common = literal;
    }
    return common;
  }

  /** Whether an element is an object (written in place, or read from another file) that does not write `key`. */
  private leavesOut(range: Range | undefined, object: TerraformObject | undefined, key: string): boolean {
    if (!range) {
      return object !== undefined && !Object.hasOwn(object, key);
    }
    const isObject = this.textOf(range.first) === '{' && this.partner[range.first] === range.end - 1 && this.textOf(range.first + 1) !== 'for';
    return isObject && !this.objectEntries(range.first, range.end - 1).has(key);
  }

  /** An element written in this file: itself (`key` empty), or its attribute `key` when it is an object written in place (else its type's default). */
  private elementLiteral(element: Range, key: string, depth: number, defaults?: TerraformObject): Literal | undefined {
    const isObject = this.textOf(element.first) === '{' && this.partner[element.first] === element.end - 1;
    const entry = key === '' ? element : isObject ? this.objectEntries(element.first, element.end - 1).get(key) : undefined;
    const typed = !entry && isObject && key !== '' && defaults && Object.hasOwn(defaults, key) ? lentLiteral(defaults[key]) : undefined;
    return entry ? this.literalOf(entry.first, entry.end, depth + 1) : typed;
  }

  /**
   * The elements of a `for_each` value, as `each.value` takes them: a map or list written in this file (in
   * place, or what `var.x` / `local.x` names), or, for `var.x`, the map of objects the folder's `.tfvars`
   * files set it to or its default in another file of the module; undefined when unknown (a `for`
   * expression, a value the `.tfvars` files set to something else) or empty; through a `for` expression that
   * only rekeys a collection (see `rekeyedCollection`).
   */
  protected forEachElements(written: Range): ForEachElement[] | undefined {
    const item = this.forEachSource(written);
    const reference = this.referenceAt(item.first, item.end);
    const typed = reference?.root === 'var' ? this.typeWordsOf(reference.name) : reference?.root === 'local' || this.collection(item) ? [] : null;
    if (reference?.root === 'var') {
      const assigned = this.outside?.assignedObjectMap?.(reference.name);
      const lent = assigned === undefined && !this.declared.has(reference.name) ? this.outside?.objectMap?.(reference.name) : undefined;
      const objects = assigned === undefined ? lent : (assigned ?? undefined);
      if (objects) {
        const elements = Object.values(objects).map((object) => ({ object, typed }));
        return elements.length > 0 ? elements : undefined;
      }
    }
    const defaults = reference?.root === 'var' && this.declared.has(reference.name) ? elementOptionalDefaults(this.variableTypes.get(reference.name)) : undefined;
    const elements = this.elements(item)?.map((range) => ({ range, typed, defaults }));
    return elements && elements.length > 0 ? elements : undefined;
  }

  /** An attribute of an object read from another file: its value; `lookup`'s default when the object does not write it. */
  private attributeOf(object: TerraformObject, reference: AttributeReference, depth: number): Literal | undefined {
    if (Object.hasOwn(object, reference.key)) {
      const value = object[reference.key];
      return value === null || isList(value) ? undefined : scalarLiteral(value);
    }
    const applies = reference.root === 'local' ? reference.fallback !== undefined : this.fallbackApplies(reference.variable, reference);
    const fallback = applies ? this.literalOf(reference.fallback!.first, reference.fallback!.end, depth + 1) : undefined;
    return fallback?.kind === 'expr' ? undefined : fallback;
  }

  /**
   * An attribute of `local.name`: of the object its `locals` entry is written as in this file, or in another
   * file of the module; through another local it names (`local.defaults`), and through a conditional whose two
   * branches give the attribute the same value (`var.pg ? local.pg_defaults : local.mysql_defaults`). A local
   * has no declared type, so `lookup`'s default stands for an attribute the object does not write.
   */
  private localAttribute(name: string, reference: AttributeReference, depth: number): Literal | undefined {
    const written = this.named.get(`local.${name}`);
    if (!written) {
      const lent = this.outside?.localObject?.(name);
      return lent ? this.attributeOf(lent, reference, depth) : undefined;
    }
    let { first, end } = written;
    // Parentheses around the whole value (`(cond ? local.a : local.b)`) change nothing.
    while (end - first > 2 && this.textOf(first) === '(' && this.partner[first] === end - 1) {
      first += 1;
      end -= 1;
    }
    if (this.textOf(first) === '{' && this.partner[first] === end - 1 && this.textOf(first + 1) !== 'for') {
      const entry = this.objectEntries(first, end - 1).get(reference.key);
      const literal = entry ? this.literalOf(entry.first, entry.end, depth + 1) : reference.fallback && this.literalOf(reference.fallback.first, reference.fallback.end, depth + 1);
      return literal && literal.kind !== 'expr' ? literal : undefined;
    }
    if (depth >= MAX_REFERENCES) {
      return undefined;
    }
    const other = this.referenceAt(first, end);
    if (other?.root === 'local') {
      return this.localAttribute(other.name, reference, depth + 1);
    }
    const parts = conditionalParts(this.tokens, this.partner, first, end);
    const yes = parts && this.referenceAt(parts.question + 1, parts.colon);
    const no = parts && this.referenceAt(parts.colon + 1, end);
    if (yes?.root !== 'local' || no?.root !== 'local') {
      return undefined;
    }
    const whenYes = this.localAttribute(yes.name, reference, depth + 1);
    const whenNo = this.localAttribute(no.name, reference, depth + 1);
    return whenYes && whenNo && whenYes.kind !== 'none' && whenNo.kind !== 'none' && sameLiteral(whenYes, whenNo) ? whenYes : undefined;
  }

  private typeDefaultsOf(variable: string): TerraformObject | undefined {
    if (!this.typeDefaults.has(variable)) {
      this.typeDefaults.set(variable, optionalDefaults(this.variableTypes.get(variable)));
    }
    return this.typeDefaults.get(variable);
  }

  /**
   * Whether `lookup`'s default stands for an attribute the object does not write: only for a `lookup` with a
   * default (a plain `var.name.key` has none), of a variable of the module whose `type` does not name that attribute, since an object type's `optional(bool, true)` gives
   * the attribute a value of its own (https://developer.hashicorp.com/terraform/language/expressions/type-constraints#optional-object-type-attributes,
   * https://github.com/hashicorp/hcl/pull/549).
   */
  private fallbackApplies(variable: string, { key, fallback }: AttributeReference): boolean {
    if (fallback === undefined) {
      return false;
    }
    const words = this.typeWordsOf(variable);
    return Array.isArray(words) && !words.includes(key);
  }

  /** The words of a variable's `type`, declared in this file or another of the module; null or undefined when unknown. */
  private typeWordsOf(variable: string): readonly string[] | null | undefined {
    return this.declared.has(variable) ? typeWords(this.variableTypes.get(variable)) : this.outside?.variableType?.(variable);
  }

  /** `cond ? a : b` as the whole of [first, end): what its branches give together (see `branchesLiteral`). */
  private conditionalLiteral(first: number, end: number, depth: number): Literal | undefined {
    const parts = conditionalParts(this.tokens, this.partner, first, end);
    if (!parts) {
      return undefined;
    }
    const yes = this.literalOf(parts.question + 1, parts.colon, depth + 1);
    const no = this.literalOf(parts.colon + 1, end, depth + 1);
    const together = branchesLiteral(yes, no, this.text.slice(this.tokens.starts[first], this.tokens.ends[end - 1]));
    if (together || yes.kind === 'expr' || no.kind === 'expr') {
      return together;
    }
    // Branches that differ: the one the test picks, where the module knows the values it compares.
    const holds = depth + 1 < MAX_REFERENCES ? testValue(this.tokens, this.partner, first, parts.question, (from, to) => this.literalOf(from, to, depth + 2)) : undefined;
    return holds === undefined ? undefined : holds ? yes : no;
  }

  protected span(index: number): Span {
    return { start: this.tokens.starts[index], end: this.tokens.ends[index] };
  }

  spanOf(range: Range): Span {
    return { start: this.tokens.starts[range.first], end: this.tokens.ends[range.end - 1] };
  }

  /** `key = literal` pairs anywhere inside a value (objects in a map), for the keys named. */
  protected keysWithin(item: BodyItem, names: ReadonlySet<string>): OptionOccurrence[] {
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

  /**
   * The strings `var.x` / `local.x` as the whole of `item` stands for when the folder's `.tfvars` files or another
   * file of the module give it (a string or a list of strings), placed on the reference; undefined when this
   * file writes it or nothing gives it.
   */
  lentStrings(item: Range): { literal: Literal; span: Span }[] | undefined {
    const assigned = this.assignedValue(item.first, item.end);
    if (assigned !== undefined) {
      return assigned === null ? [] : this.stringsOf(assigned, this.spanOf(item));
    }
    const outside = this.referenced(item.first, item.end) ? undefined : this.outsideValue(item.first, item.end);
    return outside === undefined ? undefined : this.stringsOf(outside, this.spanOf(item));
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

  /** The collection a `for_each` value takes its elements from: the one a rekeying `for` expression reads, else the value. */
  forEachSource(item: Range): Range {
    return rekeyedCollection(this.tokens, this.partner, item) ?? item;
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
    // `concat([...], [...])`: the objects of each list it joins (a `for` list among them gives none).
    if (this.tokens.kinds[item.first] === ID && this.tokens.is(item.first, 'concat') && this.textOf(item.first + 1) === '(' && this.partner[item.first + 1] === item.end - 1) {
      return depth < MAX_REFERENCES ? this.itemsBetween(item.first + 1, item.end).flatMap((list) => this.objects(list, depth + 1)) : [];
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

/** Whether two literals are the same value. */
function sameLiteral(a: Literal, b: Literal): boolean {
  return a.kind === b.kind && (a.kind === 'none' || (b.kind !== 'none' && b.kind !== 'expr' && a.kind !== 'expr' && a.value === b.value));
}
