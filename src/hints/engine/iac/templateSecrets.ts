/**
 * A password property that resolves a Secrets Manager secret the same template creates with the password written
 * in it: `MasterUserPassword: !Sub '{{resolve:secretsmanager:${DbSecret}::password}}'` (or the `Fn::Join` of the
 * same parts around `Ref: DbSecret`) where `DbSecret` is an `AWS::SecretsManager::Secret` whose `SecretString` is
 * a literal (`'{"username":"admin","password":"Password123!"}'`). The reference keeps the password out of the
 * property, not out of source control nor the deployed template: the literal is the password all the same. A
 * secret made with `GenerateSecretString`, or whose `SecretString` is built of parameters or references, holds no
 * literal. https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references-secretsmanager.html,
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-secretsmanager-secret.html
 */
import type { Span } from '../types';
import { entryOf, IacNode, scalarText } from './tree';

/**
 * `{{resolve:secretsmanager:${Id}}}` and its optional parts: the secret-string segment (empty or `SecretString`),
 * then the JSON key. A version stage or id may follow the key.
 */
const SECRET_REFERENCE = /^\{\{resolve:secretsmanager:\$\{([A-Za-z0-9]+)\}(?::(?:SecretString)?:([^:}]*))?(?::[^}]*)?\}\}$/;
/** Values that stand for a password still to be chosen, not one: empty, a placeholder, a reference. */
const PLACEHOLDER = /^(?:$|\{\{resolve:|\$\{|<.*>$|(?:your|enter|insert|change)[\s_-]?(?:me|password|pass|pwd)?$)/i;

/** The one-key map of an intrinsic function written in long form or as a tag (`Fn::Sub`, `!Sub`). */
function intrinsicArgument(node: IacNode, name: 'Sub' | 'Join'): IacNode | undefined {
  if (node.kind === 'scalar' && node.tag === name) {
    return node.argument ?? node;
  }
  if (node.kind === 'map' && node.entries.length === 1 && node.entries[0].key === `Fn::${name}`) {
    return node.entries[0].value;
  }
  return undefined;
}

/** The string a scalar holds, tagged or not (`!Sub '...'` holds its template). */
function stringOf(node: IacNode): string | undefined {
  return node.kind === 'scalar' && node.literal.kind === 'str' ? node.literal.value : undefined;
}

/** `Ref: X` or `!Ref X`: the logical id it names. */
function refName(node: IacNode): string | undefined {
  if (node.kind === 'scalar' && node.tag === 'Ref') {
    return stringOf(node);
  }
  return node.kind === 'map' && node.entries.length === 1 && node.entries[0].key === 'Ref' ? scalarText(node.entries[0].value) : undefined;
}

/** The dynamic reference a password property's value writes, as text with `${Id}` for a referenced resource; undefined for any other value. */
function referenceText(value: IacNode): string | undefined {
  const sub = intrinsicArgument(value, 'Sub');
  if (sub) {
    // The list form's variables map may rename what the string names: not followed.
    return sub.kind === 'scalar' ? stringOf(sub) : undefined;
  }
  const join = intrinsicArgument(value, 'Join');
  if (join?.kind !== 'list' || join.items.length !== 2 || scalarText(join.items[0]) !== '' || join.items[1].kind !== 'list') {
    return undefined;
  }
  let text = '';
  for (const part of join.items[1].items) {
    const name = refName(part);
    const literal = name === undefined ? scalarText(part) : `\${${name}}`;
    if (literal === undefined) {
      return undefined;
    }
    text += literal;
  }
  return text;
}

/** The JSON a `SecretString` holds; a JSON template's reader keeps the string's escapes (`{\"password\": ...}`), undone here. */
function parsedJson(text: string): unknown {
  for (const candidate of [text, `"${text}"`]) {
    try {
      const parsed: unknown = JSON.parse(candidate);
      return typeof parsed === 'string' ? JSON.parse(parsed) : parsed;
    } catch {
      // Not JSON as written: try it as the inside of a JSON string.
    }
  }
  return undefined;
}

/** Where the secret's `SecretString` writes the password the key reads (the whole string when no key is read). */
function writtenPassword(secret: IacNode, key: string | undefined): Span | undefined {
  const properties = entryOf(secret, 'Properties')?.value;
  const value = entryOf(properties, 'SecretString')?.value;
  const text = value?.kind === 'scalar' && !value.tag ? scalarText(value) : undefined;
  if (text === undefined || entryOf(properties, 'GenerateSecretString')) {
    return undefined;
  }
  if (key === undefined || key === '') {
    return PLACEHOLDER.test(text.trim()) ? undefined : value!.span;
  }
  const parsed = parsedJson(text);
  const password = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>)[key] : undefined;
  return (typeof password === 'string' && !PLACEHOLDER.test(password.trim())) || typeof password === 'number' ? value!.span : undefined;
}

/**
 * Where a password property's value (`MasterUserPassword`, `AuthToken`) comes, through a dynamic reference, from a
 * literal written in a secret of the template's `Resources`: the `SecretString` that writes it; undefined otherwise.
 */
export function templateSecretLiteral(value: IacNode, resources: IacNode | undefined): Span | undefined {
  const text = referenceText(value);
  const match = text === undefined ? null : SECRET_REFERENCE.exec(text);
  const secret = match ? entryOf(resources, match[1])?.value : undefined;
  if (!secret || scalarText(entryOf(secret, 'Type')?.value) !== 'AWS::SecretsManager::Secret') {
    return undefined;
  }
  return writtenPassword(secret, match![2]);
}

/**
 * Whether a value is `Ref` of an `AWS::SecretsManager::Secret` of the template's `Resources`, which gives the secret's ARN:
 * a value that names where the password is kept, whatever the secret's logical id says (`Value: !Ref DbAdminPassword`).
 */
export function refersToTemplateSecret(value: IacNode, resources: IacNode | undefined): boolean {
  const name = refName(value);
  return name !== undefined && scalarText(entryOf(entryOf(resources, name)?.value, 'Type')?.value) === 'AWS::SecretsManager::Secret';
}
