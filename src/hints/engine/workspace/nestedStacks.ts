/**
 * Nested stacks for the workspace model: the parameters a CloudFormation template passes to a child
 * template of the workspace (`AWS::CloudFormation::Stack` with a local `TemplateURL`, as `aws
 * cloudformation package` takes it, or SAM `AWS::Serverless::Application` with a local `Location`).
 * A value passed is a literal, or a `Ref` to a parameter of the parent with a literal default, as the
 * string CloudFormation passes; anything else, and a parameter whose name says it holds a secret, is
 * passed as unknown.
 */
import { refTarget } from '../iac/cloudformation';
import { entryOf, IacNode, scalarText } from '../iac/tree';
import { keepsSetting } from './contribution';
import { folderOf, joinPath } from './paths';
import { PassedParameter } from './types';

/** The property that names the child template, by the resource type that creates a nested stack. */
const CHILD_TEMPLATE: ReadonlyMap<string, string> = new Map([
  ['AWS::CloudFormation::Stack', 'TemplateURL'],
  ['AWS::Serverless::Application', 'Location'],
]);

/** The values a parent passes to each child template of the workspace, by the child's workspace path. */
export function nestedStackParameters(file: string, root: IacNode | undefined): Record<string, Record<string, PassedParameter>> | undefined {
  const resources = entryOf(root, 'Resources')?.value;
  const parameters = entryOf(root, 'Parameters')?.value;
  const parentDefault = (name: string): string | undefined => scalarText(entryOf(entryOf(parameters, name)?.value, 'Default')?.value);
  const found: Record<string, Record<string, PassedParameter>> = {};
  for (const resource of resources?.kind === 'map' ? resources.entries : []) {
    const location = CHILD_TEMPLATE.get(scalarText(entryOf(resource.value, 'Type')?.value) ?? '');
    const properties = entryOf(resource.value, 'Properties')?.value;
    const written = location ? scalarText(entryOf(properties, location)?.value) : undefined;
    const child = written === undefined ? undefined : joinPath(folderOf(file), written);
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
      const value = target === undefined ? scalarText(entry.value) : parentDefault(target);
      values[entry.key] = value !== undefined && keepsSetting(entry.key) ? value : null;
    }
    // Two stacks of one child: a parameter is known only where both pass the same value.
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
