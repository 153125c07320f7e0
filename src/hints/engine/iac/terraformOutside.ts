/**
 * What a Terraform file reads from the rest of its module and the workspace: the values of variables and
 * locals another file declares or a `.tfvars` file sets, what the module's other files do with a security
 * group, and what a module folder of the workspace holds. The reader asks through `OutsideValues`.
 */
import { Literal } from '../model';
import { ModuleInputTarget, SourceRef, TerraformObject, TerraformScalar, TerraformValue, TerragruntIncludePath, TerragruntParent } from '../workspace/types';

/** What `var.name` and `local.name` stand for when this file does not declare them: their values in another file of its module. */
export interface OutsideValues {
  variable(name: string): TerraformValue | undefined;
  /** What the folder's `.tfvars` files set `var.name` to instead of its default: null when unknown, undefined when unset. */
  assigned?(name: string): TerraformValue | null | undefined;
  /** Where the folder's `.tfvars` files write the literal a secret's `var.name` takes, when they do. */
  assignedSecretAt?(name: string): SourceRef | undefined;
  local(name: string): TerraformValue | undefined;
  /** The value of `local.name` in another file of the module when it is an object or map: its attributes. */
  localObject?(name: string): TerraformObject | undefined;
  /** The value of `local.name` in another file of the module when it is a URL template: its text between the quotes. */
  localTemplate?(name: string): string | undefined;
  /** The default of `var.name` in another file of the module when it is an object or map: its attributes. */
  object?(name: string): TerraformObject | undefined;
  /** The object or map the folder's `.tfvars` files set `var.name` to: null when it is unknown or not an object, undefined when unset. */
  assignedObject?(name: string): TerraformObject | null | undefined;
  /** The words of the `type` of `var.name` declared in another file of the module: none without a type, null unread, undefined undeclared. */
  variableType?(name: string): readonly string[] | null | undefined;
  /** The default of `var.name` in another file of the module when it is a map of objects: each element's attributes. */
  objectMap?(name: string): Readonly<Record<string, TerraformObject>> | undefined;
  /** The map of objects the folder's `.tfvars` files set `var.name` to: null when unknown or something else, undefined when unset. */
  assignedObjectMap?(name: string): Readonly<Record<string, TerraformObject>> | null | undefined;
  /** What the module's other files do with a security group (see WorkspaceView.terraformGroupUse). */
  groupUse?(group: string): number | undefined;
  /** The kinds of data store the module's files declare (see WorkspaceView.terraformFolderDataStores). */
  folderDataStores?(): number | undefined;
  /** Whether a task definition of the module renders the `template_file` data source `name` into its containers (see WorkspaceView.terraformContainerTemplate). */
  containerTemplate?(name: string): boolean;
  /** Whether another file of the module gives the result of `name` (`random_password.db`, `random_string.db`) a database or cache password argument. */
  randomPasswordUsed?(name: string): boolean;
  /** The family another file of the module writes for the parameter group `reference` (`aws_db_parameter_group.main`, or `.name=` the name it creates), if a string. */
  parameterGroupFamily?(reference: string): string | undefined;
  /** Whether a `module` block of the workspace calls this file's folder (see WorkspaceView.terraformCalledAsModule). */
  calledAsModule?(): boolean;
  /** Whether the module folder the `module` block `module` of the folder calls hands out a password as its output `output`. */
  childPasswordOutput?(module: string, output: string): boolean;
  /** Whether a security group may be attached beyond the module (see WorkspaceView.terraformGroupHandedOut). */
  groupHandedOut?(group: string): boolean;
  /** For a module folder of the workspace named as a `source`: the resource argument each input reaches. */
  moduleInputs?(source: string): ReadonlyMap<string, ModuleInputTarget> | undefined;
  /** For a module folder of the workspace named as a `source`: whether it may hold a database or cache. */
  moduleHoldsDataStore?(source: string): boolean | undefined;
  /**
   * A path from the workspace's root (taken as the repository's, which Terragrunt's `get_repo_root()` names) as a source
   * relative to this file's folder: a module folder there is read only when the workspace holds it.
   */
  repositoryPath?(path: string): string | undefined;
  /** For a Terragrunt configuration: what the parent an `include` names decides (see WorkspaceView.terragruntIncluded). */
  terragruntIncluded?(path: TerragruntIncludePath): TerragruntParent | undefined;
}

export function isList(value: TerraformValue): value is readonly TerraformScalar[] {
  return Array.isArray(value);
}

export function scalarLiteral(value: TerraformScalar): Literal {
  switch (typeof value) {
    case 'string':
      return { kind: 'str', value };
    case 'number':
      return { kind: 'num', value };
    case 'boolean':
      return { kind: 'bool', value };
    default:
      return { kind: 'none' };
  }
}

/** A value read from another file as a literal: unknown (null) and lists give none. */
export function lentLiteral(value: TerraformValue | null): Literal | undefined {
  return value === null || isList(value) ? undefined : scalarLiteral(value);
}
