/**
 * An attribute of a Terraform object variable, as an argument's whole value: `var.db.publicly_accessible`,
 * `var.settings["storage_encrypted"]`, `lookup(var.cfg, "multi_az", false)`, `try(var.cfg.multi_az, false)` and
 * the Terraform 0.11 string `"${var.db.multi_az}"`. The reader takes its value from what the folder's `.tfvars`
 * files set the variable to, else from the variable's `default` object; `lookup`'s third argument, and `try`'s
 * second, stand for an attribute that a known object does not write
 * (https://developer.hashicorp.com/terraform/language/functions/lookup, https://developer.hashicorp.com/terraform/language/functions/try:
 * reading an attribute an object lacks is an error, so `try` goes on to its next argument).
 * The same shapes on a local (`local.db.multi_az`, `lookup(local.defaults, "multi_az", false)`) read the object
 * the `locals` entry is written as.
 */
import { TOKEN_KIND, Tokens } from '../lexer';
import { Range } from './terraformIngress';
import { iterationReference } from './terraformIteration';

const { ID, STR } = TOKEN_KIND;

export interface AttributeReference {
  /** `var` or `local`. */
  root: 'var' | 'local';
  /** The variable's or local's name (`db` of `var.db`). */
  variable: string;
  /** The attribute's name. */
  key: string;
  /** `lookup`'s default (or `try`'s second argument): what an attribute the object does not write gives. */
  fallback?: Range;
}

/** An attribute of `each.value` read whole, with what an element that leaves it out gives (see `eachAttribute`). */
export interface EachAttribute {
  /** The attribute's name; empty for `each.value` itself. */
  key: string;
  fallback?: Range;
}

const INTERPOLATED = /^\$\{\s*var\.([A-Za-z_][\w-]*)\.([A-Za-z_][\w-]*)\s*\}$/;

/** `var.name` or `local.name` at `at`: its root; undefined for anything else. */
function rootAt(tokens: Tokens, at: number): 'var' | 'local' | undefined {
  if (tokens.kinds[at] !== ID || !tokens.is(at + 1, '.') || tokens.kinds[at + 2] !== ID) {
    return undefined;
  }
  return tokens.is(at, 'var') ? 'var' : tokens.is(at, 'local') ? 'local' : undefined;
}

/** `var.name.key` or `var.name["key"]` (or the same on `local.name`) as the whole of [first, end). */
function accessAt(tokens: Tokens, first: number, end: number): AttributeReference | undefined {
  const root = rootAt(tokens, first);
  if (!root) {
    return undefined;
  }
  const variable = tokens.text(first + 2);
  if (end - first === 5 && tokens.is(first + 3, '.') && tokens.kinds[first + 4] === ID) {
    return { root, variable, key: tokens.text(first + 4) };
  }
  const quoted = end - first === 6 && tokens.is(first + 3, '[') && tokens.kinds[first + 4] === STR && !tokens.interpolated(first + 4) && tokens.is(first + 5, ']');
  return quoted ? { root, variable, key: tokens.text(first + 4) } : undefined;
}

/** The attribute of an object variable that [first, end) reads whole, if it is one of the shapes above. */
export function attributeReference(tokens: Tokens, partner: Int32Array, first: number, end: number): AttributeReference | undefined {
  const access = accessAt(tokens, first, end);
  if (access) {
    return access;
  }
  if (end - first === 1 && tokens.kinds[first] === STR && tokens.interpolated(first)) {
    const match = INTERPOLATED.exec(tokens.text(first));
    return match ? { root: 'var', variable: match[1], key: match[2] } : undefined;
  }
  const tried = triedAttribute(tokens, partner, first, end, (from, to) => accessAt(tokens, from, to));
  if (tried) {
    return tried.fallback ? { ...tried.reference, fallback: tried.fallback } : tried.reference;
  }
  // lookup(var.name, "key") or lookup(var.name, "key", fallback), the call being the whole value.
  const open = first + 1;
  if (tokens.kinds[first] !== ID || !tokens.is(first, 'lookup') || !tokens.is(open, '(') || partner[open] !== end - 1) {
    return undefined;
  }
  const comma = open + 4;
  const key = comma + 1;
  const root = rootAt(tokens, open + 1);
  if (!root || !tokens.is(comma, ',') || tokens.kinds[key] !== STR || tokens.interpolated(key)) {
    return undefined;
  }
  const reference = { root, variable: tokens.text(open + 3), key: tokens.text(key) };
  if (key + 1 === end - 1) {
    return reference;
  }
  return tokens.is(key + 1, ',') && key + 2 < end - 1 ? { ...reference, fallback: { first: key + 2, end: end - 1 } } : undefined;
}

/**
 * `try(reference)` or `try(reference, fallback)` as the whole of [first, end), where `read` takes the reference
 * between the parentheses (up to the first comma outside brackets): that reference, and the fallback when there
 * is exactly one; undefined for anything else, or a `try` of three or more arguments.
 */
function triedAttribute<T>(tokens: Tokens, partner: Int32Array, first: number, end: number, read: (from: number, to: number) => T | undefined): { reference: T; fallback?: Range } | undefined {
  const open = first + 1;
  if (tokens.kinds[first] !== ID || !tokens.is(first, 'try') || !tokens.is(open, '(') || partner[open] !== end - 1) {
    return undefined;
  }
  const commas: number[] = [];
  for (let k = open + 1; k < end - 1; k++) {
    if (partner[k] > k) {
      k = partner[k];
    } else if (tokens.is(k, ',')) {
      commas.push(k);
    }
  }
  // A trailing comma after the last argument is allowed.
  if (commas.length > 0 && commas[commas.length - 1] === end - 2) {
    commas.pop();
  }
  const referenceEnd = commas[0] ?? end - 1;
  const reference = commas.length <= 1 ? read(open + 1, referenceEnd) : undefined;
  if (reference === undefined) {
    return undefined;
  }
  const fallbackEnd = tokens.is(end - 2, ',') ? end - 2 : end - 1;
  return commas.length === 1 && commas[0] + 1 < fallbackEnd ? { reference, fallback: { first: commas[0] + 1, end: fallbackEnd } } : commas.length === 0 ? { reference } : undefined;
}

/** `each.value.key`, `each.value["key"]` or `each.value` whole, written without a function around it. */
function eachKeyAt(tokens: Tokens, first: number, end: number): string | undefined {
  const reference = iterationReference(tokens, first, end);
  return reference?.iterator === 'each' && reference.member === 'value' ? (reference.key ?? '') : undefined;
}

/**
 * `each.value.key` or `each.value["key"]` as the whole of [first, end), or as a string of that one interpolation
 * (`"${each.value.key}"`): the key; `each.value` alone: the empty string; also `lookup(each.value, "key", fallback)`
 * and `try(each.value.key, fallback)`, with the fallback an element that leaves the key out takes; undefined for
 * anything else.
 */
export function eachAttribute(tokens: Tokens, partner: Int32Array, first: number, end: number): EachAttribute | undefined {
  const key = eachKeyAt(tokens, first, end);
  if (key !== undefined) {
    return { key };
  }
  const tried = triedAttribute(tokens, partner, first, end, (from, to) => eachKeyAt(tokens, from, to) || undefined);
  if (tried) {
    return { key: tried.reference, ...(tried.fallback ? { fallback: tried.fallback } : {}) };
  }
  // lookup(each.value, "key", fallback), the call being the whole value.
  const open = first + 1;
  if (tokens.kinds[first] !== ID || !tokens.is(first, 'lookup') || !tokens.is(open, '(') || partner[open] !== end - 1 || eachKeyAt(tokens, open + 1, open + 4) !== '') {
    return undefined;
  }
  const keyAt = open + 5;
  if (!tokens.is(open + 4, ',') || tokens.kinds[keyAt] !== STR || tokens.interpolated(keyAt) || !tokens.is(keyAt + 1, ',') || keyAt + 2 >= end - 1) {
    return undefined;
  }
  return { key: tokens.text(keyAt), fallback: { first: keyAt + 2, end: end - 1 } };
}

/**
 * `var.list[count.index].key` or `local.list[count.index]["key"]` as the whole of [first, end) (a resource made once
 * per element by `count`): the range of the collection's reference and the key.
 */
export function countedAttribute(tokens: Tokens, first: number, end: number): { collection: Range; key: string } | undefined {
  const indexed = rootAt(tokens, first) && tokens.is(first + 3, '[') && tokens.is(first + 4, 'count') && tokens.is(first + 5, '.') && tokens.is(first + 6, 'index') && tokens.is(first + 7, ']');
  if (!indexed) {
    return undefined;
  }
  const named = end - first === 10 && tokens.is(first + 8, '.') && tokens.kinds[first + 9] === ID;
  const quoted = end - first === 11 && tokens.is(first + 8, '[') && tokens.kinds[first + 9] === STR && !tokens.interpolated(first + 9) && tokens.is(first + 10, ']');
  return named || quoted ? { collection: { first, end: first + 3 }, key: tokens.text(first + 9) } : undefined;
}
