/**
 * Terraform variable definitions files (`*.tfvars`, `*.tfvars.json`): the values a root module's variables
 * take instead of their defaults. Terraform loads `terraform.tfvars`, `terraform.tfvars.json`, `*.auto.tfvars`
 * and `*.auto.tfvars.json` of the working folder by itself, and any other file only when a plan names it
 * (`-var-file`), so what those say is a value a plan may or may not use
 * (https://developer.hashicorp.com/terraform/language/values/variables#variable-definitions-tfvars-files).
 */
import { LineIndex } from '../text';
import { keepsSetting, sourceRef, WRITTEN_SECRET } from './contribution';
import { readHcl } from './hcl';
import { lendable, lendableObject, lendableObjectMap } from './terraformObjects';
import { FileContribution, SourceRef, TerraformObject, TerraformScalar, TerraformValue } from './types';

/** The longest list taken from a JSON file, as from an HCL one. */
const MAX_LIST_ITEMS = 256;

function baseName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}

/** Whether Terraform loads a definitions file without being told: `terraform.tfvars[.json]` and `*.auto.tfvars[.json]`. */
export function loadsItself(file: string): boolean {
  const name = baseName(file);
  return name === 'terraform.tfvars' || name === 'terraform.tfvars.json' || name.endsWith('.auto.tfvars') || name.endsWith('.auto.tfvars.json');
}

/**
 * Where a file Terraform loads by itself stands in its loading order, as a key that sorts that way:
 * `terraform.tfvars`, then `terraform.tfvars.json`, then the `*.auto.tfvars` and `*.auto.tfvars.json`
 * files in lexical order of their names; a later file's value wins.
 */
export function loadingOrder(file: string): string {
  const name = baseName(file);
  return name === 'terraform.tfvars' ? '0' : name === 'terraform.tfvars.json' ? '1' : `2${name}`;
}

/**
 * What the model keeps of a value a secret's name is set to: that a literal is written (`db_password = "hunter2"`
 * in a committed `terraform.tfvars`), never the literal, as for a variable's default; null for anything else.
 */
function writtenSecret(value: TerraformValue): TerraformValue | null {
  return typeof value === 'string' && value.trim() !== '' ? WRITTEN_SECRET : null;
}

/**
 * Which of the `.tfvars` entries that set one variable decides its value: the last Terraform loads by itself;
 * null when a file it loads only on request (`-var-file`) sets it too, undefined when none does. One file loaded on
 * request that sets it alone decides it where `lone` says that file is the only one a plan of the folder can name
 * (`rds.tfvars` beside `rds.tf`, nothing else to choose from): that is the file the folder is planned with.
 */
export function decidingEntry<T extends { file: string; loadedByItself: boolean }>(entries: readonly T[] | undefined, lone?: (file: string) => boolean): T | null | undefined {
  if (!entries) {
    return undefined;
  }
  if (entries.some((entry) => !entry.loadedByItself)) {
    return entries.length === 1 && lone?.(entries[0].file) ? entries[0] : null;
  }
  return entries.reduce((latest, entry) => (loadingOrder(entry.file) > loadingOrder(latest.file) ? entry : latest));
}

export function indexTfvars(file: string, text: string, lines: LineIndex): FileContribution {
  const assignments: Record<string, TerraformValue | null> = {};
  const objects: Record<string, TerraformObject> = {};
  const json = file.endsWith('.json');
  const attributes = json ? [] : readHcl(text, lines).attributes;
  const written = json ? jsonAssignments(text, objects) : attributes.map((attribute) => [attribute.name, lendable(attribute.value)] as const);
  for (const [name, value] of written) {
    if (name !== '__proto__') {
      assignments[name] = value === undefined ? null : keepsSetting(name) ? value : writtenSecret(value);
    }
  }
  // Where each secret's literal is written, for a finding to point at (not in JSON files, read without positions).
  const secretsAt: Record<string, SourceRef> = {};
  for (const attribute of attributes) {
    if (assignments[attribute.name] === WRITTEN_SECRET) {
      secretsAt[attribute.name] = sourceRef(file, lines, attribute.nameSpan);
    }
  }
  const objectMaps: Record<string, Record<string, TerraformObject>> = {};
  for (const attribute of attributes) {
    // An object a secret's name holds keeps nothing, as a secret does.
    const kept = attribute.name !== '__proto__' && keepsSetting(attribute.name);
    const object = kept ? lendableObject(attribute.value, 'unknown') : undefined;
    const map = kept ? lendableObjectMap(attribute.value, 'unknown') : undefined;
    if (object) {
      objects[attribute.name] = object;
    }
    if (map) {
      objectMaps[attribute.name] = map;
    }
  }
  const tfvars: NonNullable<FileContribution['tfvars']> = { loadedByItself: loadsItself(file), assignments };
  if (Object.keys(objects).length > 0) {
    tfvars.objects = objects;
  }
  if (Object.keys(objectMaps).length > 0) {
    tfvars.objectMaps = objectMaps;
  }
  if (Object.keys(secretsAt).length > 0) {
    tfvars.secretsAt = secretsAt;
  }
  return { tables: [], databases: [], functions: [], tfvars };
}

/**
 * The properties of a JSON definitions file's object, each with its value when that is a single value or a
 * list of them; those set to an object are put in `objects` with their attributes.
 */
function jsonAssignments(text: string, objects: Record<string, TerraformObject>): (readonly [string, TerraformValue | undefined])[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // A file Terraform cannot read either: it sets nothing we can know.
    return [];
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return [];
  }
  const entries = Object.entries(parsed);
  for (const [name, value] of entries) {
    const object = name !== '__proto__' && keepsSetting(name) ? jsonObject(value) : undefined;
    if (object) {
      objects[name] = object;
    }
  }
  return entries.map(([name, value]) => [name, jsonValue(value)] as const);
}

/** A JSON object's attributes as a TerraformObject (a secret's, and anything not a single value or a list of them, unknown). */
function jsonObject(value: unknown): TerraformObject | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return undefined;
  }
  const entries = Object.entries(value);
  if (entries.length > MAX_LIST_ITEMS) {
    return undefined;
  }
  const attributes: Record<string, TerraformValue | null> = {};
  for (const [name, item] of entries) {
    if (name !== '__proto__') {
      attributes[name] = keepsSetting(name) ? (jsonValue(item) ?? null) : null;
    }
  }
  return attributes;
}

function jsonValue(value: unknown): TerraformValue | undefined {
  if (!Array.isArray(value)) {
    return jsonScalar(value);
  }
  if (value.length > MAX_LIST_ITEMS) {
    return undefined;
  }
  const items = value.map(jsonScalar);
  return items.every((item) => item !== undefined) ? (items as TerraformScalar[]) : undefined;
}

function jsonScalar(value: unknown): TerraformScalar | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null ? value : undefined;
}
