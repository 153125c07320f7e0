/**
 * Terraform variable definitions files (`*.tfvars`, `*.tfvars.json`): the values a root module's variables
 * take instead of their defaults. Terraform loads `terraform.tfvars`, `terraform.tfvars.json`, `*.auto.tfvars`
 * and `*.auto.tfvars.json` of the working folder by itself, and any other file only when a plan names it
 * (`-var-file`), so what those say is a value a plan may or may not use
 * (https://developer.hashicorp.com/terraform/language/values/variables#variable-definitions-tfvars-files).
 */
import { LineIndex } from '../text';
import { keepsSetting } from './contribution';
import { readHcl } from './hcl';
import { lendable } from './terraform';
import { FileContribution, TerraformScalar, TerraformValue } from './types';

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

/** The variables a definitions file sets: the value when written as a single value or a list of them, null otherwise (and for a secret). */
export function indexTfvars(file: string, text: string, lines: LineIndex): FileContribution {
  const assignments: Record<string, TerraformValue | null> = {};
  const written = file.endsWith('.json') ? jsonAssignments(text) : readHcl(text, lines).attributes.map((attribute) => [attribute.name, lendable(attribute.value)] as const);
  for (const [name, value] of written) {
    if (name !== '__proto__') {
      assignments[name] = value === undefined || !keepsSetting(name) ? null : value;
    }
  }
  return { tables: [], databases: [], functions: [], tfvars: { loadedByItself: loadsItself(file), assignments } };
}

/** The properties of a JSON definitions file's object, each with its value when that is a single value or a list of them. */
function jsonAssignments(text: string): (readonly [string, TerraformValue | undefined])[] {
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
  return Object.entries(parsed).map(([name, value]) => [name, jsonValue(value)] as const);
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
