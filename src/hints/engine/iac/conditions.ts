/**
 * CloudFormation conditions under the parameters' defaults, as a stack created without parameter values
 * would have them: `Fn::Equals`, `Fn::Not`, `Fn::And`, `Fn::Or` and `Condition` references are evaluated
 * where every input is a literal or a parameter with a literal default, `Fn::If` resolves to the branch
 * they choose (`AWS::NoValue` removes the property), `Fn::FindInMap` to the `Mappings` entry its
 * keys name, and `Fn::Select` to the item its index picks from a written list or from `Fn::Split` of a known
 * text (`!Select [1, !Split ['-', !Ref EngineVersion]]` over a default `postgres-9.6.6`). Any other input (a parameter without a default, a pseudo parameter, another function)
 * leaves the condition, and so the value, unknown.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-conditions.html
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-findinmap.html
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-select.html
 */
import { Literal } from '../model';
import { entryOf, IacNode, scalarText } from './tree';

/** Conditions that refer to conditions, and `Fn::If` inside `Fn::If`, are followed this deep. */
const MAX_DEPTH = 16;

/** A function call in either syntax: `{ "Fn::If": [...] }`, `Fn::If:` over a block, `!If [...]`, `!Ref X`, `{ "Condition": "X" }`. */
export function intrinsic(node: IacNode | undefined): { name: string; argument: IacNode } | undefined {
  if (node?.kind === 'map' && node.entries.length === 1) {
    const { key, value } = node.entries[0];
    if (key === 'Ref' || key === 'Condition' || key.startsWith('Fn::')) {
      return { name: key.startsWith('Fn::') ? key.slice(4) : key, argument: value };
    }
    return undefined;
  }
  if (node?.kind === 'scalar' && node.tag) {
    return { name: node.tag, argument: node.argument ?? { kind: 'scalar', span: node.span, literal: node.literal, replaceable: false } };
  }
  return undefined;
}

function listItems(node: IacNode): readonly IacNode[] {
  return node.kind === 'list' ? node.items : [];
}

function literalText(literal: Literal): string | undefined {
  return literal.kind === 'str' ? literal.value : literal.kind === 'num' || literal.kind === 'bool' ? String(literal.value) : undefined;
}

export class Conditions {
  private readonly values = new Map<string, boolean | undefined>();
  private readonly evaluating = new Set<string>();

  constructor(
    private readonly definitions: IacNode | undefined,
    private readonly defaults: ReadonlyMap<string, Literal>,
    private readonly mappings?: IacNode,
  ) {}

  /** A condition of the `Conditions` section under the defaults; undefined when it depends on something unknown. */
  named(name: string): boolean | undefined {
    if (this.values.has(name)) {
      return this.values.get(name);
    }
    if (this.evaluating.has(name) || this.evaluating.size >= MAX_DEPTH) {
      return undefined;
    }
    this.evaluating.add(name);
    const definition = entryOf(this.definitions, name)?.value;
    const value = definition ? this.evaluate(definition, 0) : undefined;
    this.evaluating.delete(name);
    this.values.set(name, value);
    return value;
  }

  private evaluate(node: IacNode, depth: number): boolean | undefined {
    const fn = intrinsic(node);
    if (!fn || depth > MAX_DEPTH) {
      return undefined;
    }
    const items = listItems(fn.argument);
    switch (fn.name) {
      case 'Equals': {
        const left = items.length === 2 ? this.text(items[0]) : undefined;
        const right = items.length === 2 ? this.text(items[1]) : undefined;
        return left === undefined || right === undefined ? undefined : left === right;
      }
      case 'Not': {
        const inner = items.length === 1 ? this.evaluate(items[0], depth + 1) : undefined;
        return inner === undefined ? undefined : !inner;
      }
      case 'And':
      case 'Or': {
        // One operand decides (false for And, true for Or) even when another is unknown.
        const decisive = fn.name === 'Or';
        let unknown = items.length === 0;
        for (const item of items) {
          const value = this.evaluate(item, depth + 1);
          if (value === decisive) {
            return decisive;
          }
          unknown ||= value === undefined;
        }
        return unknown ? undefined : !decisive;
      }
      case 'Condition': {
        const name = scalarText(fn.argument);
        return name === undefined ? undefined : this.named(name);
      }
      default:
        return undefined;
    }
  }

  /** What a value compares as in `Fn::Equals`: a literal's text, a parameter's default through `Ref`, a mapping's entry. */
  private text(node: IacNode, depth = 0): string | undefined {
    const fn = intrinsic(node);
    if (!fn) {
      return scalarText(node);
    }
    if (fn.name === 'FindInMap') {
      const entry = depth < MAX_DEPTH ? this.mapEntry(fn.argument, depth) : undefined;
      return entry ? this.text(entry, depth + 1) : undefined;
    }
    if (fn.name === 'Select') {
      const item = depth < MAX_DEPTH ? this.selected(fn.argument, depth) : undefined;
      return typeof item === 'string' || item === undefined ? item : this.text(item, depth + 1);
    }
    const name = fn.name === 'Ref' ? scalarText(fn.argument) : undefined;
    const fallback = name === undefined ? undefined : this.defaults.get(name);
    return fallback ? literalText(fallback) : undefined;
  }

  /** The `Mappings` entry that `Fn::FindInMap [map, top-level key, second-level key]` names, when every key is known. */
  private mapEntry(argument: IacNode, depth: number): IacNode | undefined {
    const keys = listItems(argument).map((item) => this.text(item, depth + 1));
    if (keys.length !== 3 || keys.some((key) => key === undefined)) {
      return undefined;
    }
    return entryOf(entryOf(entryOf(this.mappings, keys[0]!)?.value, keys[1]!)?.value, keys[2]!)?.value;
  }

  /**
   * The item `Fn::Select [index, list]` picks when the index is known: a node of a written list, or a part of
   * `Fn::Split [delimiter, text]` whose delimiter and text are known; undefined otherwise (or out of range).
   */
  private selected(argument: IacNode, depth: number): IacNode | string | undefined {
    const [index, list] = listItems(argument).length === 2 ? listItems(argument) : [];
    const position = index ? Number(this.text(index, depth + 1)) : NaN;
    if (!Number.isInteger(position) || position < 0) {
      return undefined;
    }
    if (list.kind === 'list') {
      return list.items[position];
    }
    const split = intrinsic(list);
    const [delimiter, text] = split?.name === 'Split' && listItems(split.argument).length === 2 ? listItems(split.argument).map((item) => this.text(item, depth + 1)) : [];
    return delimiter && text !== undefined ? text.split(delimiter)[position] : undefined;
  }

  /**
   * The node a value stands for once each `Fn::If` takes its branch: the node itself when it is no
   * `Fn::If`, null for `AWS::NoValue` (the property is left out), undefined when a condition is unknown.
   */
  resolve(node: IacNode, depth = 0): IacNode | null | undefined {
    const fn = intrinsic(node);
    if (fn?.name === 'Ref' && scalarText(fn.argument) === 'AWS::NoValue') {
      return null;
    }
    if (fn?.name === 'FindInMap') {
      const entry = depth < MAX_DEPTH ? this.mapEntry(fn.argument, depth) : undefined;
      return entry ? this.resolve(entry, depth + 1) : undefined;
    }
    if (fn?.name === 'Select' && depth < MAX_DEPTH) {
      const item = this.selected(fn.argument, depth);
      if (typeof item === 'string') {
        return { kind: 'scalar', span: node.span, literal: { kind: 'str', value: item }, replaceable: false };
      }
      return item ? this.resolve(item, depth + 1) : node;
    }
    if (fn?.name !== 'If') {
      return node;
    }
    const items = listItems(fn.argument);
    const condition = items.length === 3 && depth < MAX_DEPTH ? scalarText(items[0]) : undefined;
    const chosen = condition === undefined ? undefined : this.named(condition);
    return chosen === undefined ? undefined : this.resolve(items[chosen ? 1 : 2], depth + 1);
  }
}
