/**
 * The `String` parameters of a CloudFormation template that a password property takes in, through `Ref`,
 * `Fn::Sub` or `Fn::Join` (`MasterUserPassword: !Ref DBPassword`), and the stack outputs whose value takes one.
 * Without `NoEcho: true` CloudFormation shows such a parameter's value to whoever describes the stack (console,
 * CLI, API); `NoEcho` masks no output
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html).
 */
import { TemplateParameter } from '../model';
import { entryOf, IacEntry, IacNode, scalarText } from './tree';

/** A name that says the parameter names or locates the password (a secret's ARN, an SSM path), not the password itself. */
const NAMES_A_LOCATION = /(?:arn|name|path|id|key|param|parameter|secret|ssm)$/i;

/** `${Name}` of an `Fn::Sub` string; not `${!Literal}` nor `${Resource.Attribute}`. */
const SUB_NAME = /\$\{([A-Za-z0-9]+)\}/g;

/** Nodes walked in one value, so that a huge generated value costs no more than this. */
const MAX_NODES = 256;

/** The template's String parameters by name, read once; empty when it has none. */
export function templateParameters(root: IacNode | undefined): Map<string, TemplateParameter> {
  const found = new Map<string, TemplateParameter>();
  const parameters = entryOf(root, 'Parameters')?.value;
  for (const entry of parameters?.kind === 'map' ? parameters.entries : []) {
    // A value picked from `AllowedValues` is a setting, not a secret.
    if (scalarText(entryOf(entry.value, 'Type')?.value) === 'String' && !NAMES_A_LOCATION.test(entry.key) && !entryOf(entry.value, 'AllowedValues')) {
      found.set(entry.key, parameterOf(entry));
    }
  }
  return found;
}

function parameterOf(entry: IacEntry): TemplateParameter {
  const noEcho = scalarText(entryOf(entry.value, 'NoEcho')?.value);
  const parameter: TemplateParameter = { name: entry.key, key: entry.keySpan, noEcho: noEcho !== undefined && noEcho.toLowerCase() === 'true' };
  if (entry.insertion) {
    parameter.insertion = entry.insertion;
  }
  return parameter;
}

/** The parameters a value takes in whole or in part: `Ref`, the names of an `Fn::Sub` string, the parts of an `Fn::Join`. */
export function parametersIn(node: IacNode, parameters: ReadonlyMap<string, TemplateParameter>): TemplateParameter[] {
  const names = new Set<string>();
  const pending: IacNode[] = [node];
  for (let next = pending.pop(), walked = 0; next && walked < MAX_NODES; next = pending.pop(), walked++) {
    if (next.kind === 'scalar') {
      const text = next.literal.kind === 'str' ? next.literal.value : '';
      if (next.tag === 'Ref') {
        names.add(text);
      } else if (next.tag === 'Sub') {
        subNames(next.argument?.kind === 'list' ? (scalarText(next.argument.items[0]) ?? '') : text, names);
      }
      if (next.argument && !joinsDynamicReference(next.tag, next.argument)) {
        pending.push(next.argument);
      }
      continue;
    }
    if (next.kind === 'list') {
      pending.push(...next.items);
      continue;
    }
    const only = next.entries.length === 1 ? next.entries[0] : undefined;
    if (only?.key === 'Ref') {
      names.add(scalarText(only.value) ?? '');
    } else if (only?.key === 'Fn::Sub') {
      const template = only.value.kind === 'list' ? only.value.items[0] : only.value;
      subNames(scalarText(template) ?? '', names);
      if (only.value.kind === 'list' && only.value.items[1]) {
        pending.push(only.value.items[1]);
      }
    } else if (!joinsDynamicReference(only?.key.replace(/^Fn::/, ''), only?.value)) {
      pending.push(...next.entries.map((entry) => entry.value));
    }
  }
  return [...names].flatMap((name) => parameters.get(name) ?? []);
}

/** The names of an `Fn::Sub` string; none where it holds a dynamic reference (`{{resolve:...}}`), which is then the secret. */
function subNames(text: string, names: Set<string>): void {
  if (text.includes('{{resolve:')) {
    return;
  }
  for (const match of text.matchAll(SUB_NAME)) {
    names.add(match[1]);
  }
}

/** An `Fn::Join` one of whose literal parts opens a dynamic reference: the secret is that reference, and what it joins names it. */
function joinsDynamicReference(name: string | undefined, argument: IacNode | undefined): boolean {
  if (name !== 'Join' || argument?.kind !== 'list') {
    return false;
  }
  const parts = argument.items[1];
  return parts?.kind === 'list' && parts.items.some((part) => scalarText(part)?.includes('{{resolve:') ?? false);
}

/** The outputs of the template whose `Value` takes in one of the parameters. */
export function outputsOf(root: IacNode | undefined, parameters: ReadonlyMap<string, TemplateParameter>): { value: IacNode; parameters: TemplateParameter[] }[] {
  const outputs = entryOf(root, 'Outputs')?.value;
  return (outputs?.kind === 'map' ? outputs.entries : []).flatMap((output) => {
    const value = entryOf(output.value, 'Value')?.value;
    const taken = value ? parametersIn(value, parameters) : [];
    return value && taken.length > 0 ? [{ value, parameters: taken }] : [];
  });
}
