/**
 * Terraform object values lent to the module's files: a variable's `default` written as an object or map
 * (`default = { publicly_accessible = false }`) and an object a `.tfvars` file sets a variable to, each as
 * its attributes' values, so that `var.db.publicly_accessible`, `var.db["multi_az"]` and
 * `lookup(var.db, "multi_az", false)` read what the object says.
 */
import { WRITTEN_SECRET, keepsSetting } from './contribution';
import { attributeOf, blocksOf, HclBody, HclValue } from './hcl';
import { TerraformObject, TerraformScalar, TerraformValue } from './types';

/** The longest list lent to other files: CIDR blocks and names come in short lists. */
const MAX_LENT_ITEMS = 256;

function scalarOf(value: HclValue): TerraformScalar | undefined {
  return value.kind === 'string' || value.kind === 'number' || value.kind === 'bool' ? value.value : value.kind === 'null' ? null : undefined;
}

/** A value as written, when it is a single value or a list of single values; undefined for anything else. */
export function lendable(value: HclValue): TerraformValue | undefined {
  if (value.kind !== 'tuple') {
    return scalarOf(value);
  }
  if (value.items.length > MAX_LENT_ITEMS) {
    return undefined;
  }
  const items = value.items.map(scalarOf);
  return items.every((item) => item !== undefined) ? (items as TerraformScalar[]) : undefined;
}

/** The most attributes an object lends: settings objects are short. */
const MAX_ATTRIBUTES = 256;

/**
 * An object or map written in place, as its attributes: each a single value or a list of them, or null when
 * unknown (an expression, a nested object). A secret attribute is null from a `.tfvars` file (`secrets:
 * 'unknown'`), and from a variable's default the fact that a literal is written (`secrets: 'written'`).
 * Undefined for anything else than an object.
 */
export function lendableObject(value: HclValue, secrets: 'unknown' | 'written'): TerraformObject | undefined {
  if (value.kind !== 'object' || value.entries.length > MAX_ATTRIBUTES) {
    return undefined;
  }
  const attributes: Record<string, TerraformValue | null> = {};
  for (const { name, value: written } of value.entries) {
    if (name === '__proto__') {
      continue;
    }
    const lent = lendable(written);
    if (keepsSetting(name)) {
      attributes[name] = lent ?? null;
    } else {
      attributes[name] = secrets === 'written' && typeof lent === 'string' && lent.trim() !== '' ? WRITTEN_SECRET : null;
    }
  }
  return attributes;
}

/**
 * A map written in place whose every element is an object (`{ orders = { public = false }, ... }`), or a list of
 * objects keyed by position (what `var.dbs[count.index]` and `{ for i, db in var.dbs : i => db }` reach), as each
 * element's attributes (see `lendableObject`); undefined for anything else.
 */
export function lendableObjectMap(value: HclValue, secrets: 'unknown' | 'written'): Record<string, TerraformObject> | undefined {
  const entries = value.kind === 'object' ? value.entries : value.kind === 'tuple' ? value.items.map((item, index) => ({ name: String(index), value: item })) : [];
  if (entries.length === 0 || entries.length > MAX_ATTRIBUTES) {
    return undefined;
  }
  const elements: Record<string, TerraformObject> = {};
  for (const { name, value: element } of entries) {
    const object = name === '__proto__' ? undefined : lendableObject(element, secrets);
    if (!object) {
      return undefined;
    }
    elements[name] = object;
  }
  return elements;
}

/** Variables whose default is a map of objects, by name, with each element's attributes. */
export function lentObjectMaps(variables: ReadonlyMap<string, HclValue>): Record<string, Record<string, TerraformObject>> | undefined {
  const found: Record<string, Record<string, TerraformObject>> = {};
  for (const [name, value] of variables) {
    const map = name === '__proto__' ? undefined : lendableObjectMap(value, 'written');
    if (map) {
      found[name] = map;
    }
  }
  return Object.keys(found).length > 0 ? found : undefined;
}

/** Variables whose default is an object or map, by name, with their attributes (see `lendableObject`). */
export function lentObjects(variables: ReadonlyMap<string, HclValue>): Record<string, TerraformObject> | undefined {
  const found: Record<string, TerraformObject> = {};
  for (const [name, value] of variables) {
    const object = name === '__proto__' ? undefined : lendableObject(value, 'written');
    if (object) {
      found[name] = object;
    }
  }
  return Object.keys(found).length > 0 ? found : undefined;
}

/** The most words a variable's `type` is read by: longer types are unknown. */
const MAX_TYPE_WORDS = 200;
/** The longest `type` read for its optional attributes' defaults. */
const MAX_TYPE_TEXT = 16_000;

/** The words a variable's `type` is written with (`object`, `optional`, attribute names), none without a type. */
export function typeWords(type: string | undefined): string[] {
  return type === undefined ? [] : type.split(/[^\w-]+/).filter((word) => word !== '');
}

/**
 * The variables a file declares, each with the words of its `type` (none when it has no type, null when the
 * type is too long to read), so that another file of the module knows which attributes the type names.
 */
export function declaredVariableTypes(root: HclBody, source: string): Record<string, string[] | null> | undefined {
  const found: Record<string, string[] | null> = {};
  for (const block of blocksOf(root, 'variable')) {
    const name = block.labels.length === 1 ? block.labels[0] : '__proto__';
    if (name === '__proto__') {
      continue;
    }
    const type = attributeOf(block.body, 'type');
    const words = typeWords(type && source.slice(type.span.start, type.span.end));
    found[name] = words.length > MAX_TYPE_WORDS ? null : [...new Set(words)];
  }
  return Object.keys(found).length > 0 ? found : undefined;
}

/** `name = optional(bool, true)`: an attribute of an object type with a single-value default. */
const OPTIONAL_ATTRIBUTE = /(?:^|[{,\n])[ \t]*([A-Za-z_][\w-]*)[ \t]*=[ \t]*optional\([ \t]*(?:bool|number|string)[ \t]*,[ \t]*(true|false|-?\d+(?:\.\d+)?|"[^"\\$%{}\n]*")[ \t]*\)/g;

/**
 * The defaults an object type gives the attributes a value leaves out (`type = object({ multi_az =
 * optional(bool, true) })`): Terraform sets them on the default, a `.tfvars` object and a caller's object alike
 * (https://developer.hashicorp.com/terraform/language/expressions/type-constraints#optional-object-type-attributes).
 * Only attributes of the outermost `object({ ... })`, of a single-value type and with a literal default; a
 * secret's name lends nothing. Undefined when the type gives none.
 */
export function optionalDefaults(type: string | undefined): TerraformObject | undefined {
  const text = type?.trim();
  if (text === undefined || !text.startsWith('object(') || text.length > MAX_TYPE_TEXT) {
    return undefined;
  }
  // Bracket depth before each character, strings skipped: the object's own attributes sit at depth 2 (`object(` then `{`).
  const depth = new Uint16Array(text.length + 1);
  let level = 0;
  let quoted = false;
  for (let k = 0; k < text.length; k++) {
    depth[k] = level;
    const c = text[k];
    if (quoted) {
      quoted = c !== '"' || text[k - 1] === '\\';
    } else if (c === '"') {
      quoted = true;
    } else if (c === '(' || c === '{' || c === '[') {
      level++;
    } else if ((c === ')' || c === '}' || c === ']') && level > 0) {
      level--;
    }
  }
  const found: Record<string, TerraformValue> = {};
  for (const match of text.matchAll(OPTIONAL_ATTRIBUTE)) {
    const [whole, name, written] = match;
    const at = match.index + whole.indexOf(name);
    if (depth[at] === 2 && name !== '__proto__' && keepsSetting(name)) {
      found[name] = written.startsWith('"') ? written.slice(1, -1) : written === 'true' ? true : written === 'false' ? false : Number(written);
    }
  }
  return Object.keys(found).length > 0 ? found : undefined;
}

/** `map(`, `list(` or `set(` around one element type: a collection `for_each` iterates. */
const COLLECTION_TYPE = /^(?:map|list|set)\(([\s\S]*)\)$/;

/**
 * The defaults the element type of a collection of objects gives the attributes an element leaves out
 * (`type = map(object({ storage_encrypted = optional(bool, true) }))`, also `list(...)` and `set(...)`): what
 * `each.value.storage_encrypted` is for such an element. Undefined when the type gives none (see `optionalDefaults`).
 */
export function elementOptionalDefaults(type: string | undefined): TerraformObject | undefined {
  const element = COLLECTION_TYPE.exec(type?.trim() ?? '');
  return element ? optionalDefaults(element[1]) : undefined;
}

/** The attribute defaults of the element type of each variable a file declares as a collection of objects (see `elementOptionalDefaults`). */
export function declaredElementDefaults(root: HclBody, source: string): Record<string, TerraformObject> | undefined {
  const found: Record<string, TerraformObject> = {};
  for (const block of blocksOf(root, 'variable')) {
    const name = block.labels.length === 1 ? block.labels[0] : '__proto__';
    const type = attributeOf(block.body, 'type');
    const defaults = name === '__proto__' || !type ? undefined : elementOptionalDefaults(source.slice(type.span.start, type.span.end));
    if (defaults) {
      found[name] = defaults;
    }
  }
  return Object.keys(found).length > 0 ? found : undefined;
}

/** Each element of a map of objects with the attributes it leaves out taken from `defaults` (see `elementOptionalDefaults`). */
export function withElementDefaults(map: Readonly<Record<string, TerraformObject>>, defaults: TerraformObject | undefined): Readonly<Record<string, TerraformObject>> {
  if (!defaults) {
    return map;
  }
  const merged: Record<string, TerraformObject> = {};
  for (const [key, element] of Object.entries(map)) {
    merged[key] = { ...defaults, ...element };
  }
  return merged;
}

/**
 * A variable's default object with the attributes its type defaults added (see `optionalDefaults`), or those
 * alone for a variable without a default; undefined when it has neither, or a default that is no object.
 */
export function withOptionalDefaults(fallback: TerraformObject | undefined, hasDefault: boolean, type: string | undefined): TerraformObject | undefined {
  const optional = optionalDefaults(type);
  if (!optional || (hasDefault && !fallback)) {
    return fallback;
  }
  const merged: Record<string, TerraformValue | null> = { ...optional };
  for (const [name, value] of Object.entries(fallback ?? {})) {
    merged[name] = value;
  }
  return merged;
}
