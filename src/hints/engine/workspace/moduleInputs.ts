/** Terraform module folders of the workspace: where an input of a module arrives, agreed across its resources and files. */
import { ENVIRONMENT_PASSWORD, isPasswordVariable } from '../iac/lambdaEnvironment';
import { normalizeName } from '../types';
import { attributeOf, HclBody, HclValue } from './hcl';
import { ForwardedInput, InputCondition, InputConditional, ModuleInputTarget, TerraformScalar } from './types';

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
  // Terraform 0.11's `"${var.name}"`, a string of that one interpolation, is the input itself (HCL 2 unwraps it).
  const whole = value.kind === 'template' && value.parts.length === 1 ? value.parts[0] : undefined;
  const path = value.kind === 'reference' ? value.path : whole && 'reference' in whole ? whole.reference : undefined;
  if (path) {
    return path.length === 2 && path[0] === 'var' ? path[1] : undefined;
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
 * The attribute of an object input an argument takes whole (`publicly_accessible = var.settings.publicly_accessible`),
 * named `settings.publicly_accessible`: the entry a caller's object literal for the input writes reaches the argument.
 */
export function attributeInput(value: HclValue): string | undefined {
  return value.kind === 'reference' && value.path.length === 3 && value.path[0] === 'var' ? `${value.path[1]}.${value.path[2]}` : undefined;
}

/** The arguments and nested blocks (a `dynamic` one by its label) a resource block writes, by normalised name (`ModuleInputTarget.writes`). */
export function writtenArguments(body: HclBody): readonly string[] {
  const blocks = body.blocks.map((block) => (block.type === 'dynamic' && block.labels.length === 1 ? block.labels[0] : block.type));
  return [...body.attributes.map((attribute) => normalizeName(attribute.name)), ...blocks.map(normalizeName)];
}

/** The most inputs one computed argument is read as built from: a version from a major and a minor, not a long template. */
const MAX_COMPUTED_INPUTS = 2;
const INPUT_REFERENCE = /\bvar\.([A-Za-z_][A-Za-z0-9_-]*)/g;
const LOCAL_REFERENCE = /\blocal\.([A-Za-z_][A-Za-z0-9_-]*)/g;

/**
 * The inputs an argument's value is computed from, outside a conditional's test: beside a literal of the module's
 * own (`var.is_read_replica ? 0 : var.backup_retention_period`), built into a string (`"${var.major_version}.${var.minor_version}"`),
 * or through a local of the file (`var.is_read_replica ? null : local.major_version` with `major_version =
 * split(".", var.engine_version)[0]`), read once the same way. They reach the argument, but the caller's value is not
 * certainly the argument's, so each gets a hover and no finding. None for a chain of conditionals or a value built
 * from more inputs.
 */
export function computedInputs(source: string, value: HclValue, localOf: (name: string) => HclValue | undefined): string[] {
  const found = new Set<string>();
  const read = (written: HclValue, depth: number): boolean => {
    if (written.kind !== 'template' && written.kind !== 'other' && written.kind !== 'reference') {
      return true;
    }
    const whole = written.span.end - written.span.start > MAX_PASS_THROUGH_LENGTH ? undefined : source.slice(written.span.start, written.span.end);
    if (whole === undefined || whole.indexOf('?') !== whole.lastIndexOf('?')) {
      return false;
    }
    const branches = whole.slice(whole.indexOf('?') + 1);
    for (const [, input] of branches.matchAll(INPUT_REFERENCE)) {
      found.add(input);
    }
    for (const [, name] of depth === 0 ? branches.matchAll(LOCAL_REFERENCE) : []) {
      const local = name === '__proto__' ? undefined : localOf(name);
      if (local && !read(local, depth + 1)) {
        return false;
      }
    }
    return true;
  };
  return read(value, 0) && found.size <= MAX_COMPUTED_INPUTS ? [...found] : [];
}

const SCALAR = String.raw`"[^"\\$%{}]*"|true|false|-?\d+(?:\.\d+)?`;
const INPUT = String.raw`var\.([A-Za-z_][A-Za-z0-9_-]*)`;
/** `var.x ? a : b` and `!var.x ? a : b`, the test in parentheses or not. */
const BOOL_TEST = new RegExp(String.raw`^\(?\s*(!?)\s*${INPUT}\s*\)?\s*\?\s*(${SCALAR})\s*:\s*(${SCALAR})$`);
/** `var.x == v ? a : b` and `var.x != v ? a : b`. */
const INPUT_FIRST = new RegExp(String.raw`^\(?\s*${INPUT}\s*([!=]=)\s*(${SCALAR})\s*\)?\s*\?\s*(${SCALAR})\s*:\s*(${SCALAR})$`);
/** `v == var.x ? a : b`. */
const VALUE_FIRST = new RegExp(String.raw`^\(?\s*(${SCALAR})\s*([!=]=)\s*${INPUT}\s*\)?\s*\?\s*(${SCALAR})\s*:\s*(${SCALAR})$`);
/** A comparison alone, a bool (`var.env == "prod"`, `"prod" != var.env`), or a negated input (`!var.x`). */
const COMPARISON = new RegExp(String.raw`^(?:${INPUT}\s*([!=]=)\s*(${SCALAR})|(${SCALAR})\s*([!=]=)\s*${INPUT}|!\s*${INPUT})$`);

function scalar(text: string): TerraformScalar {
  return text.startsWith('"') ? text.slice(1, -1) : text === 'true' ? true : text === 'false' ? false : Number(text);
}

/**
 * The input a conditional argument reads and what each outcome gives (`publicly_accessible = var.env == "dev" ? true : false`,
 * `backup_retention_period = var.prod ? 3 : 0`): one test of one input, both branches single values
 * (no `null`, no interpolation), so that a caller's literal input decides the argument's value. A comparison
 * alone (`deletion_protection = var.env == "prod"`) or `!var.x` is a bool, true when it holds.
 */
export function conditionalInput(source: string, value: HclValue): InputConditional | undefined {
  if (value.kind !== 'other' || value.span.end - value.span.start > MAX_PASS_THROUGH_LENGTH) {
    return undefined;
  }
  let text = source.slice(value.span.start, value.span.end).trim();
  if (text.startsWith('(') && text.endsWith(')') && text.indexOf('?') === text.lastIndexOf('?')) {
    const inner = text.slice(1, -1).trim();
    text = [BOOL_TEST, INPUT_FIRST, VALUE_FIRST, COMPARISON].some((pattern) => pattern.test(inner)) ? inner : text;
  }
  const negatedIf = (operator: string): { negated?: true } => (operator === '!=' || operator === '!' ? { negated: true } : {});
  const bool = BOOL_TEST.exec(text);
  if (bool) {
    return { input: bool[2], when: { ...negatedIf(bool[1]), yes: scalar(bool[3]), no: scalar(bool[4]) } };
  }
  const inputFirst = INPUT_FIRST.exec(text);
  if (inputFirst) {
    return { input: inputFirst[1], when: { equals: scalar(inputFirst[3]), ...negatedIf(inputFirst[2]), yes: scalar(inputFirst[4]), no: scalar(inputFirst[5]) } };
  }
  const valueFirst = VALUE_FIRST.exec(text);
  if (valueFirst) {
    return { input: valueFirst[3], when: { equals: scalar(valueFirst[1]), ...negatedIf(valueFirst[2]), yes: scalar(valueFirst[4]), no: scalar(valueFirst[5]) } };
  }
  const comparison = COMPARISON.exec(text);
  if (!comparison) {
    return undefined;
  }
  const [, leftInput, leftOperator, leftValue, rightValue, rightOperator, rightInput, negatedInput] = comparison;
  if (negatedInput !== undefined) {
    return { input: negatedInput, when: { negated: true, yes: true, no: false } };
  }
  const [input, operator, equals] = leftInput !== undefined ? [leftInput, leftOperator, leftValue] : [rightInput, rightOperator, rightValue];
  return { input, when: { equals: scalar(equals), ...negatedIf(operator), yes: true, no: false } };
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
 * The inputs an `aws_ecs_task_definition`'s containers pass on, as a function's environment does (`environmentInputs`):
 * `container_definitions = jsonencode([{ environment = [{ name = "DB_PASSWORD", value = var.db_password }] }])`, the
 * list given as the one argument of the call (`containers`), brings a caller's `db_password` to EnvironmentPassword.
 */
export function containerEnvironmentInputs(source: string, containers: HclValue | undefined): [string, ModuleInputTarget][] {
  const found: [string, ModuleInputTarget][] = [];
  for (const container of containers?.kind === 'tuple' ? containers.items : []) {
    const environment = attributeOf(container, 'environment');
    for (const variable of environment?.kind === 'tuple' ? environment.items : []) {
      const name = attributeOf(variable, 'name');
      const value = attributeOf(variable, 'value');
      const input = name?.kind === 'string' && value && isPasswordVariable(name.value) ? passedInput(source, value) : undefined;
      if (input !== undefined) {
        found.push([input, { resource: 'aws_ecs_task_definition', argument: ENVIRONMENT_PASSWORD }]);
      }
    }
  }
  return found;
}

/** The `template_file` data source whose text a value is (`data.template_file.app.rendered`, also Terraform 0.11's `"${...}"`). */
export function renderedTemplate(value: HclValue): string | undefined {
  const whole = value.kind === 'template' && value.parts.length === 1 ? value.parts[0] : undefined;
  const path = value.kind === 'reference' ? value.path : whole && 'reference' in whole ? whole.reference : undefined;
  return path?.length === 4 && path[0] === 'data' && path[1] === 'template_file' && path[3] === 'rendered' ? path[2] : undefined;
}

/**
 * Where an input arrives that two arguments of a module take (null: nowhere certain). Two different
 * arguments taking the input whole say nothing certain about either, except an Aurora cluster's setting that its instances
 * repeat (`engine`, `engine_version` on `aws_rds_cluster` and `aws_rds_cluster_instance`): the cluster's;
 * and a password that a function's environment also gets: the other argument's. Where a conditional on the
 * input sets one of them (`deletion_protection = var.env == "prod"`, `multi_az = var.env == "prod"`), each argument
 * is known from the caller's value: all of them are kept.
 */
export function combinedTarget(a: ModuleInputTarget | null, b: ModuleInputTarget | null): ModuleInputTarget | null {
  if (!a || !b) {
    return null;
  }
  if (a.opensTo || b.opensTo) {
    return withRulePorts(a, b);
  }
  // An argument the input only partly decides says less than one it decides.
  if (a.partial !== b.partial) {
    return a.partial ? b : a;
  }
  if (a.when || a.more || b.when || b.more) {
    return mergedTargets(a, b);
  }
  if (a.resource === b.resource && a.argument === b.argument) {
    // One argument set by two conditionals that differ (or one and a pass-through) is nothing certain. Of two
    // resources (one made under `count`, the other otherwise), an argument is left out only where both leave it out,
    // and a version beside the engine holds only where both write it.
    const writes = a.writes && b.writes ? [...new Set([...a.writes, ...b.writes])] : undefined;
    const either: ModuleInputTarget = { ...a };
    delete either.writes;
    if (a.version !== b.version) {
      delete either.version;
    }
    if (a.versionInput !== b.versionInput) {
      delete either.versionInput;
    }
    return sameCondition(a.when, b.when) ? { ...either, ...(writes ? { writes } : {}) } : null;
  }
  // A password a database takes and a function's environment also gets: the database's setting is the one to read.
  if (a.argument === ENVIRONMENT_PASSWORD || b.argument === ENVIRONMENT_PASSWORD) {
    return a.argument === ENVIRONMENT_PASSWORD ? b : a;
  }
  const [cluster, instance] = a.resource === 'aws_rds_cluster' ? [a, b] : [b, a];
  return cluster.resource === 'aws_rds_cluster' && instance.resource === 'aws_rds_cluster_instance' && cluster.argument === instance.argument && sameCondition(cluster.when, instance.when) ? cluster : null;
}

/**
 * An input that is the port of an ingress rule (`opensTo`) and may reach another argument too (`port` of the
 * instance the rule's group serves): that argument, as combined without the rule, keeping every rule's open sources.
 */
function withRulePorts(a: ModuleInputTarget, b: ModuleInputTarget): ModuleInputTarget | null {
  const opensTo = [...(a.opensTo ?? []), ...(b.opensTo ?? [])];
  const rest = [a, b].filter((target) => !isRulePort(target)).map(({ opensTo: _, ...target }) => target);
  const base = rest.length === 2 ? combinedTarget(rest[0], rest[1]) : (rest[0] ?? a);
  return base ? { ...base, opensTo } : null;
}

/** A rule's port and nothing else: no database or cache argument is named `from_port`. */
function isRulePort(target: ModuleInputTarget): boolean {
  return target.opensTo !== undefined && target.argument === 'from_port';
}

/** The arguments two targets reach together, one each; null where one argument is reached in two ways. */
function mergedTargets(a: ModuleInputTarget, b: ModuleInputTarget): ModuleInputTarget | null {
  const merged = reachedArguments(a);
  for (const next of reachedArguments(b)) {
    const same = merged.find((target) => target.resource === next.resource && target.argument === next.argument);
    if (!same) {
      merged.push(next);
    } else if (!sameCondition(same.when, next.when) || same.keys || next.keys || same.environment || next.environment) {
      return null;
    }
  }
  const [first, ...more] = merged;
  return more.length > 0 ? { ...first, more } : first;
}

/** Each argument a target reaches, itself first. */
function reachedArguments(target: ModuleInputTarget): ModuleInputTarget[] {
  const { more, ...first } = target;
  return [first, ...(more ?? [])];
}

function sameCondition(a: InputCondition | undefined, b: InputCondition | undefined): boolean {
  return a === b || (!!a && !!b && a.equals === b.equals && a.negated === b.negated && a.yes === b.yes && a.no === b.no);
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
      const deeper = target.folder === folder ? undefined : moduleInputsOf(target.folder, folders, depth + 1)?.get(target.input);
      const reached = deeper && withoutPortInput(deeper);
      if (reached !== undefined) {
        inputs.set(input, inputs.has(input) ? combinedTarget(inputs.get(input)!, reached) : reached);
      }
    }
  }
  return inputs.size > 0 ? inputs : undefined;
}

/** A target passed up from a folder below: the port input it names is that folder's, which this folder's callers do not write. */
function withoutPortInput(target: ModuleInputTarget): ModuleInputTarget {
  if (target.admittedOn?.portInput === undefined) {
    return target;
  }
  const rest = { ...target };
  delete rest.admittedOn;
  return rest;
}
