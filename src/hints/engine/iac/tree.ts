/**
 * The document tree that the YAML and JSON readers share: maps, lists and scalars with their spans,
 * and, per map entry, what a quick fix needs (what to delete, where a sibling goes). CloudFormation
 * is read from this tree whatever the file format.
 */
import { Literal } from '../model';
import { Span } from '../types';

export type IacNode = IacMap | IacList | IacScalar;

export interface IacMap {
  kind: 'map';
  span: Span;
  entries: IacEntry[];
}

export interface IacList {
  kind: 'list';
  span: Span;
  items: IacNode[];
}

export interface IacScalar {
  kind: 'scalar';
  span: Span;
  literal: Literal;
  /** A YAML short-form function such as `!Ref` (`Ref`), with the literal holding its argument. */
  tag?: string;
  /** A short-form function's argument when it is a list or a map (`!If [IsProd, 7, 0]`, `!Equals` over a block list). */
  argument?: IacMap | IacList;
  /** The scalar is written in place and can be replaced by a quick fix. */
  replaceable: boolean;
}

export interface Insertion {
  offset: number;
  indent: string;
  style: 'yaml' | 'json';
}

export interface IacEntry {
  key: string;
  keySpan: Span;
  value: IacNode;
  /** What to delete to remove the entry cleanly. */
  removal: Span;
  /** Where a new child of this entry's map can be inserted, when the format allows one. */
  insertion?: Insertion;
}

/** An entry of a map by key, or undefined. */
export function entryOf(node: IacNode | undefined, key: string): IacEntry | undefined {
  return node?.kind === 'map' ? node.entries.find((entry) => entry.key === key) : undefined;
}

/** The value of the last entry of a map by key: in JSON a key written twice keeps its last value. */
export function lastValueOf(node: IacNode | undefined, key: string): IacNode | undefined {
  const entries = node?.kind === 'map' ? node.entries : [];
  for (let k = entries.length - 1; k >= 0; k--) {
    if (entries[k].key === key) {
      return entries[k].value;
    }
  }
  return undefined;
}

/** A scalar's string, number or boolean as text; undefined for anything else. */
export function scalarText(node: IacNode | undefined): string | undefined {
  if (node?.kind !== 'scalar' || node.tag) {
    return undefined;
  }
  const literal = node.literal;
  return literal.kind === 'str' ? literal.value : literal.kind === 'num' || literal.kind === 'bool' ? String(literal.value) : undefined;
}

export const EMPTY_EXPR: Literal = { kind: 'expr', text: '' };

/** The name a `!Ref X` or `{ "Ref": "X" }` refers to. */
export function refTarget(node: IacNode | undefined): string | undefined {
  if (node?.kind === 'scalar' && node.tag === 'Ref') {
    return node.literal.kind === 'str' ? node.literal.value : undefined;
  }
  const only = node?.kind === 'map' && node.entries.length === 1 ? node.entries[0] : undefined;
  return only?.key === 'Ref' ? scalarText(only.value) : undefined;
}
