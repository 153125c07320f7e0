/**
 * Nested stacks for the workspace model: the parameters a CloudFormation template passes to a child
 * template of the workspace (`AWS::CloudFormation::Stack` with a local `TemplateURL`, as `aws
 * cloudformation package` takes it, or SAM `AWS::Serverless::Application` with a local `Location`).
 * A value passed is a literal, or a `Ref` to a parameter of the parent with a literal default, as the
 * string CloudFormation passes; anything else, and a parameter whose name says it holds a secret, is
 * passed as unknown. A `TemplateURL` that names an uploaded copy (`https://bucket.s3.amazonaws.com/app/rds.yaml`,
 * also built with `Fn::Sub`: `https://${Bucket}.s3.${AWS::URLSuffix}/${Prefix}rds.yaml`) names the workspace's
 * template of that file name: the one under the parent's folder, else the only one in the workspace.
 */
import { intrinsic } from '../iac/conditions';
import { parameterDefault } from '../iac/parameterDefault';
import { entryOf, IacNode, refTarget, scalarText } from '../iac/tree';
import { keepsSetting } from './contribution';
import { folderOf, isWithin, joinPath } from './paths';
import { PassedParameter } from './types';

/** Starts the key of a child an uploaded copy's URL names: then the parent's folder and the file name, both after `\0`. */
const REMOTE_CHILD = '\0remote';

/** A template's file name as an upload keeps it: `rds.yaml`, `aws-vpc.template`, `db.json`. */
const TEMPLATE_FILE = /^[A-Za-z0-9][\w.-]*\.(?:ya?ml|json|template)$/i;

/** The text of a `Fn::Sub` in either form (`!Sub "..."`, `Fn::Sub: ["...", { ... }]`). */
function subText(argument: IacNode): string | undefined {
  return argument.kind === 'list' ? scalarText(argument.items[0]) : scalarText(argument);
}

/**
 * The file name of the template an S3 URL names, written (`https://...`) or built with `Fn::Sub` from a URL or a
 * variable (`${TemplatesUrl}/rds.yaml`): the literal text after the last `/` or variable, when it is a file name.
 */
function uploadedTemplateName(node: IacNode | undefined): string | undefined {
  const fn = intrinsic(node);
  const text = fn ? (fn.name === 'Sub' ? subText(fn.argument) : undefined) : scalarText(node);
  const url = text !== undefined && (/^(?:https?|s3):\/\//i.test(text) || (fn !== undefined && text.startsWith('${')));
  const name = url ? text.slice(Math.max(text.lastIndexOf('/'), text.lastIndexOf('}')) + 1) : undefined;
  return name !== undefined && TEMPLATE_FILE.test(name) ? name : undefined;
}

/** The workspace path of the child a parent in `file` names by `location`, or the key the union resolves for an uploaded copy. */
function childOf(file: string, location: IacNode | undefined): string | undefined {
  const uploaded = uploadedTemplateName(location);
  if (uploaded !== undefined) {
    return `${REMOTE_CHILD}\0${folderOf(file)}\0${uploaded}`;
  }
  const written = scalarText(location);
  return written === undefined || /^[a-z][a-z0-9+.-]*:/i.test(written) ? undefined : joinPath(folderOf(file), written);
}

/**
 * The workspace file a child key names: itself for a local path; for an uploaded copy, the one file of that name
 * under the parent's folder, else the only one of the workspace's `files`; undefined where none or several fit.
 */
export function resolvedChild(key: string, files: readonly string[]): string | undefined {
  if (!key.startsWith(`${REMOTE_CHILD}\0`)) {
    return key;
  }
  const [folder, name] = key.slice(REMOTE_CHILD.length + 1).split('\0');
  const named = files.filter((file) => file === name || file.endsWith(`/${name}`));
  const below = named.filter((file) => folder === '' || isWithin(folder, file));
  const chosen = below.length > 0 ? below : named;
  return chosen.length === 1 ? chosen[0] : undefined;
}

/** The property that names the child template, by the resource type that creates a nested stack. */
const CHILD_TEMPLATE: ReadonlyMap<string, string> = new Map([
  ['AWS::CloudFormation::Stack', 'TemplateURL'],
  ['AWS::Serverless::Application', 'Location'],
]);

/** The values a parent passes to each child template of the workspace, by the child's workspace path. */
export function nestedStackParameters(file: string, root: IacNode | undefined): Record<string, Record<string, PassedParameter>> | undefined {
  const resources = entryOf(root, 'Resources')?.value;
  const parameters = entryOf(root, 'Parameters')?.value;
  const parentDefault = (name: string): string | undefined => scalarText(parameterDefault(entryOf(parameters, name)?.value));
  const found: Record<string, Record<string, PassedParameter>> = {};
  for (const resource of resources?.kind === 'map' ? resources.entries : []) {
    const location = CHILD_TEMPLATE.get(scalarText(entryOf(resource.value, 'Type')?.value) ?? '');
    const properties = entryOf(resource.value, 'Properties')?.value;
    const child = location ? childOf(file, entryOf(properties, location)?.value) : undefined;
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
 * What several parents pass to one child, parameter by parameter: a value all of them pass; else the choices
 * (the values known, and whether some parent leaves the child's default), which keep the child's default only
 * where some parent deploys it, so that a check reads the value at least one stack really gets.
 */
export function agreed(first: Readonly<Record<string, PassedParameter>>, second: Readonly<Record<string, PassedParameter>>): Record<string, PassedParameter> {
  const merged: Record<string, PassedParameter> = {};
  for (const name of new Set([...Object.keys(first), ...Object.keys(second)])) {
    const inFirst = Object.hasOwn(first, name);
    const inSecond = Object.hasOwn(second, name);
    if (inFirst && inSecond && first[name] === second[name]) {
      merged[name] = first[name];
      continue;
    }
    const sides = [inFirst ? first[name] : undefined, inSecond ? second[name] : undefined];
    const anyOf = new Set(sides.flatMap((side) => (typeof side === 'string' ? [side] : side ? side.anyOf : [])));
    const atDefault = !inFirst || !inSecond || sides.some((side) => side !== null && typeof side === 'object' && side.atDefault);
    merged[name] = { anyOf: [...anyOf].sort(), atDefault };
  }
  return merged;
}
