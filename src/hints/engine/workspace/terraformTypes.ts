/** What Terraform files lend the workspace model: values of variables and locals, and where module inputs go. Pure: no `vscode`. */

/** A single Terraform value: a string, number, bool or null. */
export type TerraformScalar = string | number | boolean | null;

/** A variable default or local lent to the other files of a module: a single value, or a list of single values. */
export type TerraformValue = TerraformScalar | readonly TerraformScalar[];

/**
 * A Terraform object or map written in place, as its attributes: each a single value or a list of them, or
 * null when it is unknown (an expression, a nested object, `null`, a secret); an attribute it does not write
 * is absent.
 */
export type TerraformObject = Readonly<Record<string, TerraformValue | null>>;

/** The resource type and argument a Terraform module input is passed to. */
export interface ModuleInputTarget {
  resource: string;
  argument: string;
  /** A map of objects (rds-aurora's `instances`) whose keys of these names reach the resource's arguments of the same names. */
  keys?: readonly string[];
  /** A function's environment map passed whole: its password-named variables reach EnvironmentPassword. */
  environment?: true;
  /**
   * The engine the module folder's own variable defaults to (`variable "engine" { default = "aurora-mysql" }`),
   * for an input that reaches `engine`: what the resource runs when a module block leaves the input out.
   */
  byDefault?: string;
  /**
   * For an input that reaches `engine_version`: the engine the resource writes as a literal of the module's own
   * (`engine = "aurora-postgresql"`), which a caller's version is judged with.
   */
  engine?: string;
  /**
   * For an input that reaches `engine`: the version the resource writes as a literal of the module's own
   * (`engine = var.engine`, `engine_version = "12.3"`), which a caller's engine is judged with.
   */
  version?: string;
  /**
   * For an input that reaches `engine`: the module's own input that reaches `engine_version` whole (`engine_version =
   * var.engine_version`). Where that input has a string default, the default is `version`, which holds for a module
   * block that leaves the version input out.
   */
  versionInput?: string;
  /** The argument is a conditional on the input (`var.env == "dev" ? true : false`): the value follows from the input's. */
  when?: InputCondition;
  /** Other arguments the input reaches where a conditional on it sets some of them (see `combinedTarget`). */
  more?: readonly ModuleInputTarget[];
  /**
   * The argument is not the input's value alone: the module sets a literal of its own in some settings
   * (`var.is_read_replica ? 0 : var.backup_retention_period`) or computes the argument from the input
   * (`"${var.major_version}.${var.minor_version}"`). The input reaches it, but the caller's value is not
   * certainly the argument's, so it gets a hover and no finding; a target the input reaches whole elsewhere wins.
   */
  partial?: true;
  /**
   * The input is the CIDR blocks a registry module's own security group admits (cloudposse's `allowed_cidr_blocks`),
   * on the group's port: a number the module folder fixes, or the folder's input that sets it.
   */
  admittedOn?: { port?: number; portInput?: string };
  /**
   * The input is the one port of a module folder's ingress rule whose open sources the folder writes itself
   * (`from_port = var.db_port`, `to_port = var.db_port`, `cidr_blocks = ["0.0.0.0/0"]`): those sources, admitted on the
   * port a caller gives. Kept beside the argument the input also reaches (an instance's `port`).
   */
  opensTo?: readonly string[];
  /**
   * The arguments and nested blocks the module folder's resource writes, by normalised name (a module folder's own
   * resource, not a registry module it calls): any other is left out there, whatever a caller passes.
   */
  writes?: readonly string[];
}

/**
 * A conditional whose test reads one input and whose branches are single values: `var.prod ? 3 : 0`
 * (a bool input as it is) or `var.env == "dev" ? true : false` (the input compared with a value).
 */
export interface InputCondition {
  /** The value the input is compared with; absent where the input is the test itself. */
  equals?: TerraformScalar;
  /** `!=`, or `!var.x`: the test holds when the comparison fails. */
  negated?: true;
  yes: TerraformScalar;
  no: TerraformScalar;
}

/** A module folder of the workspace and the input of it that a module input is passed to. */
export interface ForwardedInput {
  folder: string;
  input: string;
}

/** A conditional on one input: the input, and what each outcome gives. */
export interface InputConditional {
  input: string;
  when: InputCondition;
}

/** Where a Terragrunt `include` finds its parent: the nearest folder above with a file of that name (`find_in_parent_folders`), or a path from the child's folder. */
export type TerragruntIncludePath = { find: string } | { relative: string };

/**
 * A var-file a Terragrunt configuration's `extra_arguments` pass: its path from the configuration's own folder
 * (`get_parent_terragrunt_dir()` in an included parent), from the including child's (`get_terragrunt_dir()`), or
 * found in the folders above the child (`find_in_parent_folders("common.tfvars")`).
 */
export interface TerragruntVarFile {
  from: 'own' | 'child' | 'found';
  path: string;
}

/** What a Terragrunt configuration sets for the configurations that include it. */
export interface TerragruntSettings {
  /** The var-files its `extra_arguments` pass (none: `[]`); null when one is unreadable, a `-var` is passed or a `.tfvars` file is generated. */
  varFiles: readonly TerragruntVarFile[] | null;
  /** Whether it sets `inputs`. */
  inputs: boolean;
  /** Whether it includes another configuration itself, whose settings the workspace does not follow. */
  includes: boolean;
}

/** What the parents a Terragrunt configuration includes decide of its module call. */
export interface TerragruntParent {
  /** The variables the parents' var-files set: they win over the child's inputs. */
  overridden: ReadonlySet<string>;
  /** Whether the parents pass var-files or inputs at all: then the child's inputs are not all the module gets. */
  setsVariables: boolean;
  /** Whether the parents set inputs (a deep merge joins their lists and maps to the child's). */
  setsInputs: boolean;
}
