/** Terraform module folders of the workspace: where an input of a module arrives, agreed across its resources and files. */
import { ENVIRONMENT_PASSWORD, isPasswordVariable } from '../iac/lambdaEnvironment';
import { HclValue } from './hcl';
import { ForwardedInput, ModuleInputTarget } from './types';

/** How many module folders an input is followed through (a cycle is an error in Terraform anyway). */
const MAX_MODULE_DEPTH = 4;

/** The longest argument value read for a conditional pass-through of an input. */
const MAX_PASS_THROUGH_LENGTH = 512;

/**
 * The input an argument passes on: a whole `var.name`, or `condition ? var.name : null` and
 * `condition ? null : var.name` (the module leaves the argument out in some settings, and otherwise
 * passes the input as it is; Cloud Posse's modules write the second).
 */
export function passedInput(source: string, value: HclValue): string | undefined {
  if (value.kind === 'reference') {
    return value.path.length === 2 && value.path[0] === 'var' ? value.path[1] : undefined;
  }
  if (value.kind !== 'other' || value.span.end - value.span.start > MAX_PASS_THROUGH_LENGTH) {
    return undefined;
  }
  const text = source.slice(value.span.start, value.span.end);
  // One conditional only: in a chain (`a ? true : b ? null : var.x`) another branch may set the argument.
  if (text.indexOf('?') !== text.lastIndexOf('?')) {
    return undefined;
  }
  return (/\?\s*var\.([A-Za-z_][A-Za-z0-9_-]*)\s*:\s*null\s*$/.exec(text) ?? /\?\s*null\s*:\s*var\.([A-Za-z_][A-Za-z0-9_-]*)\s*$/.exec(text))?.[1];
}

/**
 * The inputs a function's environment map passes on (`variables` of aws_lambda_function, `environment_variables`
 * of the lambda registry module): a password variable's (`DB_PASSWORD = var.db_password`) arrives as the rules'
 * EnvironmentPassword, and a map passed whole (`variables = var.environment`) brings its password variables there.
 */
export function environmentInputs(source: string, variables: HclValue | undefined): [string, ModuleInputTarget][] {
  const whole = variables && passedInput(source, variables);
  if (whole !== undefined) {
    return [[whole, { resource: 'aws_lambda_function', argument: ENVIRONMENT_PASSWORD, environment: true }]];
  }
  const found: [string, ModuleInputTarget][] = [];
  for (const variable of variables?.kind === 'object' ? variables.entries : []) {
    const input = isPasswordVariable(variable.name) ? passedInput(source, variable.value) : undefined;
    if (input !== undefined) {
      found.push([input, { resource: 'aws_lambda_function', argument: ENVIRONMENT_PASSWORD }]);
    }
  }
  return found;
}

/**
 * Where an input arrives that two arguments of a module take (null: nowhere certain). Two different
 * arguments say nothing certain about either, except an Aurora cluster's setting that its instances
 * repeat (`engine`, `engine_version` on `aws_rds_cluster` and `aws_rds_cluster_instance`): the cluster's;
 * and a password that a function's environment also gets: the other argument's.
 */
export function combinedTarget(a: ModuleInputTarget | null, b: ModuleInputTarget | null): ModuleInputTarget | null {
  if (!a || !b) {
    return null;
  }
  if (a.resource === b.resource && a.argument === b.argument) {
    return a;
  }
  // A password a database takes and a function's environment also gets: the database's setting is the one to read.
  if (a.argument === ENVIRONMENT_PASSWORD || b.argument === ENVIRONMENT_PASSWORD) {
    return a.argument === ENVIRONMENT_PASSWORD ? b : a;
  }
  const [cluster, instance] = a.resource === 'aws_rds_cluster' ? [a, b] : [b, a];
  return cluster.resource === 'aws_rds_cluster' && instance.resource === 'aws_rds_cluster_instance' && cluster.argument === instance.argument ? cluster : null;
}

/** The inputs of module folders, as the folders' own files note them. */
export interface ModuleFolders {
  /** Inputs that the folder's resources and registry modules take. */
  direct(folder: string): ReadonlyMap<string, ModuleInputTarget | null> | undefined;
  /** Inputs that the folder's `module` blocks pass to other module folders. */
  forwards(folder: string): ReadonlyMap<string, readonly ForwardedInput[]> | undefined;
}

/**
 * Where each input of a module folder arrives: taken by its own resources, or passed to another module
 * folder and arriving there (`environments/prod` -> `modules/service` -> `modules/database`), a few folders
 * deep. An input that reaches two different arguments arrives nowhere certain (null).
 */
export function moduleInputsOf(folder: string, folders: ModuleFolders, depth = 0): Map<string, ModuleInputTarget | null> | undefined {
  const own = folders.direct(folder);
  const passed = depth < MAX_MODULE_DEPTH ? folders.forwards(folder) : undefined;
  if (!passed) {
    return own ? new Map(own) : undefined;
  }
  const inputs = new Map(own ?? []);
  for (const [input, targets] of passed) {
    for (const target of targets) {
      const reached = target.folder === folder ? undefined : moduleInputsOf(target.folder, folders, depth + 1)?.get(target.input);
      if (reached !== undefined) {
        inputs.set(input, inputs.has(input) ? combinedTarget(inputs.get(input)!, reached) : reached);
      }
    }
  }
  return inputs.size > 0 ? inputs : undefined;
}
