/**
 * What a Terraform file lends the other files of its module: variable defaults and locals written as a single value,
 * a list, an object or a map of objects, the declared types of variables, the conditions locals choose by, and
 * locals written as a URL template (`"postgresql://${var.user}:${var.password}@${aws_db_instance.main.address}/app"`),
 * for `var.name` and `local.name` in another file. A secret's value stays where it is written: only the fact that a
 * literal is written there is lent (`password = var.db_password` then holds a literal).
 */
import { keepsSetting, WRITTEN_SECRET } from './contribution';
import { attributeOf, blocksOf, HclBody, HclValue } from './hcl';
import { conditionalInput } from './moduleInputs';
import { declaredElementDefaults, declaredVariableTypes, lendable, lentObjectMaps, lentObjects, withOptionalDefaults } from './terraformObjects';
import { FileContribution, TerraformObject, TerraformValue } from './types';

type LentValues = Pick<FileContribution, 'variableDefaults' | 'localValues' | 'variableObjects' | 'localObjects' | 'variableTypes' | 'variableElementDefaults' | 'variableObjectMaps' | 'localConditions' | 'localTemplates'>;

/** The longest template lent: connection URLs are short. */
const MAX_TEMPLATE_LENGTH = 2048;

/** What the file at `source` (read as `root`, its variables' defaults and its locals given) lends; only what it has. */
export function lentValues(root: HclBody, source: string, variables: ReadonlyMap<string, HclValue>, locals: ReadonlyMap<string, HclValue>): LentValues {
  const found: LentValues = {
    variableDefaults: lentScalars(variables),
    localValues: lentScalars(locals),
    variableObjects: withTypeDefaults(root, source, variables, lentObjects(variables)),
    localObjects: lentObjects(locals),
    variableTypes: declaredVariableTypes(root, source),
    variableElementDefaults: declaredElementDefaults(root, source),
    variableObjectMaps: lentObjectMaps(variables),
    localConditions: localConditions(source, locals),
    localTemplates: urlTemplates(source, locals),
  };
  for (const key of Object.keys(found) as (keyof LentValues)[]) {
    if (found[key] === undefined) {
      delete found[key];
    }
  }
  return found;
}

/**
 * Values written as a single value or a list of them; a secret-named one as the fact that a literal is written, but a
 * `null` or boolean default (`user_no_password = true`) reveals no secret and is lent as it is.
 */
function lentScalars(values: ReadonlyMap<string, HclValue>): Record<string, TerraformValue> | undefined {
  const found: Record<string, TerraformValue> = {};
  for (const [name, value] of values) {
    const written = lendable(value);
    if (written !== undefined && (keepsSetting(name) || ((written === null || typeof written === 'boolean') && name !== '__proto__'))) {
      found[name] = written;
    } else if (typeof written === 'string' && written.trim() !== '' && name !== '__proto__') {
      found[name] = WRITTEN_SECRET;
    }
  }
  return nonEmpty(found);
}

/** Object variables with the defaults their declared type gives optional attributes (`optional(bool, true)`). */
function withTypeDefaults(root: HclBody, source: string, variables: ReadonlyMap<string, HclValue>, objects: Record<string, TerraformObject> | undefined): Record<string, TerraformObject> | undefined {
  const found: Record<string, TerraformObject> = { ...objects };
  for (const block of blocksOf(root, 'variable')) {
    const name = block.labels.length === 1 ? block.labels[0] : '__proto__';
    const type = attributeOf(block.body, 'type');
    const merged = name === '__proto__' || !type ? undefined : withOptionalDefaults(objects && Object.hasOwn(objects, name) ? objects[name] : undefined, variables.has(name), source.slice(type.span.start, type.span.end));
    if (merged) {
      found[name] = merged;
    }
  }
  return nonEmpty(found);
}

function localConditions(source: string, locals: ReadonlyMap<string, HclValue>): LentValues['localConditions'] {
  const found: NonNullable<LentValues['localConditions']> = {};
  for (const [name, value] of locals) {
    // Data-source arguments share the map under dotted keys no local can have.
    const conditional = name.includes('.') || name === '__proto__' ? undefined : conditionalInput(source, value);
    if (conditional) {
      found[name] = conditional;
    }
  }
  return nonEmpty(found);
}

/**
 * Locals written as a template of a URL (`scheme://` in its text) with interpolations, as written between the quotes:
 * another file's reader fills in the variables it knows and leaves the rest, as it does with its own locals.
 */
function urlTemplates(source: string, locals: ReadonlyMap<string, HclValue>): Record<string, string> | undefined {
  const found: Record<string, string> = {};
  for (const [name, value] of locals) {
    if (value.kind === 'template' && name !== '__proto__' && !name.includes('.') && value.span.end - value.span.start <= MAX_TEMPLATE_LENGTH && value.parts.some((part) => 'text' in part && part.text.includes('://'))) {
      found[name] = source.slice(value.span.start + 1, value.span.end - 1);
    }
  }
  return nonEmpty(found);
}

function nonEmpty<T>(found: Record<string, T>): Record<string, T> | undefined {
  return Object.keys(found).length > 0 ? found : undefined;
}
