/**
 * Terragrunt configurations for the workspace model: what a parent configuration (`terragrunt.hcl`, `root.hcl`)
 * sets for the children that include it. Terragrunt passes a child's `inputs` as `TF_VAR_` variables, which any
 * `-var-file` its `extra_arguments` pass overrides (https://terragrunt.gruntwork.io/docs/features/inputs/), and
 * merges a parent's `inputs` and `extra_arguments` into the child's
 * (https://terragrunt.gruntwork.io/docs/reference/config-blocks-and-attributes/#include).
 */
import { attributeOf, blocksOf, HclBody, HclValue } from './hcl';
import { TerragruntSettings, TerragruntVarFile } from './terraformTypes';

/** The files Terragrunt reads as configurations by name: `find_in_parent_folders()` looks for the first, Terragrunt's docs now name the root the second. */
const CONFIGURATION_NAMES = new Set(['terragrunt.hcl', 'root.hcl']);

/** Whether a workspace file is a Terragrunt configuration an `include` may name. */
export function isTerragruntConfiguration(file: string): boolean {
  return CONFIGURATION_NAMES.has(file.slice(file.lastIndexOf('/') + 1));
}

/** `${get_parent_terragrunt_dir()}/x`, `${get_terragrunt_dir()}/x` (in a string, after an optional `-var-file=`), `find_in_parent_folders("x")`. */
const DIR_PATH = /^"(?:-var-file=)?\$\{\s*(get_parent_terragrunt_dir|get_terragrunt_dir)\(\s*\)\s*\}\/([^"$]+)"$/;
const FOUND_PATH = /^(?:"(?:-var-file=)?\$\{\s*)?find_in_parent_folders\(\s*"([^"$]+)"\s*\)(?:\s*\}")?$/;

/** A var-file as written, or undefined when its path is no form the workspace can follow. */
function varFile(written: string): TerragruntVarFile | undefined {
  const dir = DIR_PATH.exec(written);
  if (dir) {
    return { from: dir[1] === 'get_parent_terragrunt_dir' ? 'own' : 'child', path: dir[2] };
  }
  const found = FOUND_PATH.exec(written);
  return found ? { from: 'found', path: found[1] } : undefined;
}

/**
 * The var-files of one `extra_arguments` block: its `required_var_files` and `optional_var_files`, and the
 * `-var-file=` items of its `arguments`; null when any is unreadable or an argument passes a `-var`.
 */
function blockVarFiles(body: HclBody, source: string): TerragruntVarFile[] | null {
  const files: TerragruntVarFile[] = [];
  const lists: [HclValue | undefined, boolean][] = [
    [attributeOf(body, 'required_var_files'), true],
    [attributeOf(body, 'optional_var_files'), true],
    [attributeOf(body, 'arguments'), false],
  ];
  for (const [list, allFiles] of lists) {
    if (list === undefined) {
      continue;
    }
    if (list.kind !== 'tuple') {
      return null;
    }
    for (const item of list.items) {
      const written = source.slice(item.span.start, item.span.end);
      if (!allFiles && item.kind === 'string' && !/^-var(?:-file)?(?:=|$)/.test(item.value)) {
        continue;
      }
      const file = varFile(written);
      if (!file) {
        return null;
      }
      files.push(file);
    }
  }
  return files;
}

/** What a Terragrunt configuration sets for those that include it; undefined for a file Terragrunt would not include by name. */
export function terragruntSettings(file: string, root: HclBody, source: string): TerragruntSettings | undefined {
  if (!isTerragruntConfiguration(file)) {
    return undefined;
  }
  let varFiles: TerragruntVarFile[] | null = [];
  for (const terraform of blocksOf(root, 'terraform')) {
    for (const block of blocksOf(terraform.body, 'extra_arguments')) {
      const files = blockVarFiles(block.body, source);
      varFiles = files && varFiles && [...varFiles, ...files];
    }
  }
  // A generated `.tfvars` file sets variables of its own.
  const generatesValues = blocksOf(root, 'generate').some((block) => {
    const path = attributeOf(block.body, 'path');
    return path?.kind !== 'string' || /\.tfvars(?:\.json)?$/i.test(path.value);
  });
  return {
    varFiles: generatesValues ? null : varFiles,
    inputs: root.attributes.some((attribute) => attribute.name === 'inputs'),
    includes: blocksOf(root, 'include').length > 0,
  };
}
