/**
 * Terraform variable definitions files (`*.tfvars`): the values a root module's variables take instead of
 * their defaults. Terraform loads `terraform.tfvars` and `*.auto.tfvars` of the working folder by itself,
 * and any other file only when a plan names it (`-var-file`), so what those say is a value a plan may or
 * may not use (https://developer.hashicorp.com/terraform/language/values/variables#variable-definitions-tfvars-files).
 */
import { LineIndex } from '../text';
import { keepsSetting } from './contribution';
import { readHcl } from './hcl';
import { lendable } from './terraform';
import { FileContribution, TerraformValue } from './types';

/** Whether Terraform loads a definitions file without being told: `terraform.tfvars` and `*.auto.tfvars`. */
export function loadsItself(file: string): boolean {
  const name = file.slice(file.lastIndexOf('/') + 1);
  return name === 'terraform.tfvars' || name.endsWith('.auto.tfvars');
}

/** The variables a definitions file sets: the value when written as a single value or a list of them, null otherwise (and for a secret). */
export function indexTfvars(file: string, text: string, lines: LineIndex): FileContribution {
  const assignments: Record<string, TerraformValue | null> = {};
  for (const attribute of readHcl(text, lines).attributes) {
    const value = keepsSetting(attribute.name) ? lendable(attribute.value) : undefined;
    if (attribute.name !== '__proto__') {
      assignments[attribute.name] = value === undefined ? null : value;
    }
  }
  return { tables: [], databases: [], functions: [], tfvars: { loadedByItself: loadsItself(file), assignments } };
}
