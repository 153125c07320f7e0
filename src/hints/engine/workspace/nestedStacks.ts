/**
 * Nested stacks for the workspace model: the parameters a CloudFormation template passes to a child
 * template of the workspace (`AWS::CloudFormation::Stack` with a local `TemplateURL`, as `aws
 * cloudformation package` takes it, or SAM `AWS::Serverless::Application` with a local `Location`).
 * A value passed is a literal, or a `Ref` to a parameter of the parent with a literal default; anything
 * else, and a parameter whose name says it holds a secret, is passed as unknown.
 */
import { entryOf, IacNode, scalarText } from '../iac/tree';
import { keepsSetting } from './contribution';
import { folderOf, joinPath } from './paths';
import { PassedParameter } from './types';

/** The property that names the child template, by the resource type that creates a nested stack. */
const CHILD_TEMPLATE: Readonly<Record<string, string>> = { 'AWS::CloudFormation::Stack': 'TemplateURL', 'AWS::Serverless::Application': 'Location' };

/** A scalar as CloudFormation passes it: its string, number or boolean; undefined for a function or a collection. */
function literalOf(node: IacNode | undefined): PassedParameter | undefined {
  if (node?.kind !== 'scalar' || node.tag) {
    return undefined;
  }
  const literal = node.literal;
  return literal.kind === 'str' || literal.kind === 'num' || literal.kind === 'bool' ? literal.value : undefined;
}

/** The name a `!Ref X` or `{ "Ref": "X" }` refers to. */
function refTarget(node: IacNode): string | undefined {
  if (node.kind === 'scalar' && node.tag === 'Ref') {
    return node.literal.kind === 'str' ? node.literal.value : undefined;
  }
  const only = node.kind === 'map' && node.entries.length === 1 ? node.entries[0] : undefined;
  return only?.key === 'Ref' ? scalarText(only.value) : undefined;
}

/** The values a parent passes to each child template of the workspace, by the child's workspace path. */
export function nestedStackParameters(file: string, root: IacNode | undefined): Record<string, Record<string, PassedParameter>> | undefined {
  const resources = entryOf(root, 'Resources')?.value;
  const parameters = entryOf(root, 'Parameters')?.value;
  const parentDefault = (name: string): PassedParameter | undefined => literalOf(entryOf(entryOf(parameters, name)?.value, 'Default')?.value);
  const found: Record<string, Record<string, PassedParameter>> = {};
  for (const resource of resources?.kind === 'map' ? resources.entries : []) {
    const location = CHILD_TEMPLATE[scalarText(entryOf(resource.value, 'Type')?.value) ?? ''];
    const properties = entryOf(resource.value, 'Properties')?.value;
    const written = location ? literalOf(entryOf(properties, location)?.value) : undefined;
    const child = typeof written === 'string' ? joinPath(folderOf(file), written) : undefined;
    const passed = entryOf(properties, 'Parameters')?.value;
    if (child === undefined || child === file || child === '__proto__' || passed?.kind !== 'map') {
      continue;
    }
    const values: Record<string, PassedParameter> = {};
    for (const entry of passed.entries) {
      if (entry.key === '__proto__') {
        continue;
      }
      const target = refTarget(entry.value);
      const value = target === undefined ? literalOf(entry.value) : parentDefault(target);
      values[entry.key] = value !== undefined && keepsSetting(entry.key) ? value : null;
    }
    // Two stacks of one child that pass different values: the child's parameters are whatever each passes.
    found[child] = found[child] ? agreed(found[child], values) : values;
  }
  return Object.keys(found).length > 0 ? found : undefined;
}

/**
 * What several parents pass to one child, parameter by parameter: a value all of them pass; unknown
 * (null) where they differ or where some pass it and others leave the child's default.
 */
export function agreed(first: Readonly<Record<string, PassedParameter>>, second: Readonly<Record<string, PassedParameter>>): Record<string, PassedParameter> {
  const merged: Record<string, PassedParameter> = {};
  for (const name of new Set([...Object.keys(first), ...Object.keys(second)])) {
    const same = Object.hasOwn(first, name) && Object.hasOwn(second, name) && first[name] === second[name];
    merged[name] = same ? first[name] : null;
  }
  return merged;
}
