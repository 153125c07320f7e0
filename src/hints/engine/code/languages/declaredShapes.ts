/**
 * What TypeScript says of a name passed to a library method that takes one item or a batch (ElectroDB's
 * `put(items)`): a parameter or `const` declared with an array type (`items: SlackUser[]`, `Array<Row>`,
 * `readonly Row[]`) holds a batch; a `const` whose whole initializer is an object literal, with or without a
 * type annotation (`const args: ThrottleArgs = { teamId, kind }`), or a name declared with the library's own type of
 * one item (`input: EntityItem<typeof Event>`, also through the file's alias of it) or with an object type
 * (`data: { id: string }`), holds one item.
 */
import type { CodeAnalyzer } from '../analyzer';
import { expressionEnd } from '../braces';
import { typeAliasOf } from './jsTypeAliases';

/** Tokens of a type annotation read at most: a declared array type is short. */
const MAX_TYPE_TOKENS = 24;

/** Token index of the name's declaration when it is a parameter or a variable (the token the binding names), or -1. */
function declarationOf(a: CodeAnalyzer, name: number): number {
  if (!a.isId(name)) {
    return -1;
  }
  const binding = a.scopes.lookup(a.tokens.text(name), name, true);
  // A binding the scope model makes without a token of its own names no declaration here.
  return binding && binding.token >= 0 && a.tokens.text(binding.token) === a.tokens.text(name) ? binding.token : -1;
}

/** Whether the annotation after `colon` (up to `,`, `)`, `=` or `;` at its own depth) is an array type. */
function arrayAnnotation(a: CodeAnalyzer, colon: number): boolean {
  let k = colon + 1;
  if (a.idIs(k, 'readonly')) {
    k++;
  }
  if ((a.idIs(k, 'Array') || a.idIs(k, 'ReadonlyArray')) && a.is(k + 1, '<')) {
    return true;
  }
  let last = -1;
  for (let steps = 0; steps < MAX_TYPE_TOKENS && k < a.tokens.length; steps++) {
    if (a.is(k, ',') || a.is(k, ')') || a.is(k, '=') || a.is(k, ';') || a.is(k, '|') || a.is(k, '&')) {
      break;
    }
    last = k;
    // A generic's arguments, a tuple or an object type are one group: `Map<string, Row[]>` is no array.
    k = a.is(k, '<') || a.is(k, '{') || a.is(k, '(') || (a.is(k, '[') && !a.is(k + 1, ']')) ? a.skipGroup(k) : k + 1;
  }
  return last > colon + 1 && a.is(last, ']') && a.is(last - 1, '[') && (a.is(k, ',') || a.is(k, ')') || a.is(k, '=') || a.is(k, ';'));
}

/** Whether the name at `name` is declared with an array type (`items: Row[]`, `rows: Array<Row>`). */
export function declaredArray(a: CodeAnalyzer, name: number): boolean {
  const declared = declarationOf(a, name);
  if (declared < 0) {
    return false;
  }
  const colon = a.is(declared + 1, ':') ? declared + 1 : a.is(declared + 1, '?') && a.is(declared + 2, ':') ? declared + 2 : -1;
  return colon > 0 && arrayAnnotation(a, colon);
}

/**
 * Whether the name at `name` is declared with one of `itemTypes`, a library's type of one item, and no array of it
 * (ElectroDB's `input: EntityItem<typeof Event>`, `CreateEntityItem<...>`), also through a type alias of the file
 * (`type EventItem = EntityItem<typeof Event>`, then `input: EventItem`), or with an object type written out
 * (`data: { workspaceId: string; temperature: number }`): an object, never an array.
 */
export function declaredItemType(a: CodeAnalyzer, name: number, itemTypes: ReadonlySet<string>): boolean {
  const declared = declarationOf(a, name);
  const colon = declared < 0 ? -1 : a.is(declared + 1, ':') ? declared + 1 : a.is(declared + 1, '?') && a.is(declared + 2, ':') ? declared + 2 : -1;
  if (colon < 0) {
    return false;
  }
  const type = colon + 1;
  if (a.is(type, '{')) {
    return endsDeclaration(a, a.skipGroup(type));
  }
  const aliased = a.isId(type) && endsDeclaration(a, type + 1) ? typeAliasOf(a, a.tokens.text(type)) : undefined;
  return itemTypeAt(a, aliased ?? type, itemTypes, aliased !== undefined);
}

/** Whether the token at `k` ends a parameter's or variable's annotation: `,`, `)` or `=`. */
function endsDeclaration(a: CodeAnalyzer, k: number): boolean {
  return a.is(k, ',') || a.is(k, ')') || a.is(k, '=');
}

/** Whether the type starting at `type` is one of `itemTypes` with its arguments and nothing after them (an alias's body ends at `;` or its line). */
function itemTypeAt(a: CodeAnalyzer, type: number, itemTypes: ReadonlySet<string>, aliasBody: boolean): boolean {
  if (!itemTypes.has(a.id(type) ?? '') || !a.is(type + 1, '<')) {
    return false;
  }
  // Past the type's arguments (`<typeof Event>`, `<typeof Event, 'x'>`): one item only when nothing follows.
  let depth = 0;
  for (let k = type + 1, steps = 0; steps < MAX_TYPE_TOKENS && k < a.tokens.length; steps++) {
    depth += a.is(k, '<') ? 1 : a.is(k, '>') ? -1 : 0;
    k = a.is(k, '(') || a.is(k, '{') || a.is(k, '[') ? a.skipGroup(k) : k + 1;
    if (depth === 0) {
      return endsDeclaration(a, k) || (aliasBody && (a.is(k, ';') || k >= a.tokens.length || a.startsLine(k)));
    }
  }
  return false;
}

/** Whether the name at `name` is a `const` whose whole initializer is an object literal (`const args: Args = { … }`). */
export function constObjectLiteral(a: CodeAnalyzer, name: number): boolean {
  const declared = declarationOf(a, name);
  if (declared < 1 || !a.idIs(declared - 1, 'const')) {
    return false;
  }
  let equals = declared + 1;
  if (a.is(equals, ':')) {
    let k = equals + 1;
    for (let steps = 0; steps < MAX_TYPE_TOKENS && k < a.tokens.length && !a.is(k, '=') && !a.is(k, ';'); steps++) {
      k = a.is(k, '<') || a.is(k, '{') || a.is(k, '(') || a.is(k, '[') ? a.skipGroup(k) : k + 1;
    }
    equals = k;
  }
  const open = equals + 1;
  return a.is(equals, '=') && a.is(open, '{') && a.partner[open] > open && expressionEnd(a, open) === a.partner[open] + 1;
}
