/**
 * A password kept in a plain `String` SSM parameter (CloudFormation `AWS::SSM::Parameter`, Terraform
 * `aws_ssm_parameter`, the CDK's `ssm.StringParameter`): Parameter Store returns it as written, unencrypted.
 * The parameter counts when its name's last segment, its description or its value says password
 * (`/orders/db/password`, `random_password.db.result`, `!Ref DBPassword`), and not when its value names where a
 * secret is kept (an ARN, a secret's name or path). CloudFormation cannot create SecureString parameters
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ssm-parameter.html), nor can the CDK.
 */
import { Literal, OptionContext, OptionOccurrence } from '../model';
import { normalizeName } from '../types';
import { isPasswordVariable, RANDOM_PASSWORD_RESULT } from '../iac/lambdaEnvironment';
import { Check } from './context';

/** A name's last segment that says password or secret: `password`, `db-passwd`, `DbPassword`, `db_pwd`, `client_secret`, `apiSecret`. */
const PASSWORD_SEGMENT = /(?:password|passwd|(?:^|[_.-])(?:pwd|pass)|secret)$/i;
/** A description about a password, not about what names or governs one. */
const PASSWORD_WORD = /\b(?:password|passwd)\b/i;
const NOT_THE_PASSWORD = /\b(?:arn|name|id|host|hostname|endpoint|url|user|username|path|length|policy|rotation|hash|hashed)\b/i;
/** A value that is a password: Terraform's generated one, or a CDK secret's value taken out of its token. */
const PASSWORD_VALUE = new RegExp(String.raw`^${RANDOM_PASSWORD_RESULT}$|\.unsafeUnwrap\(\)$`);
/** A value that names where a secret is kept: an ARN, a parameter path, a secret's name or path. */
const NAMES_A_SECRET = /^(?:arn:|\/|[\w.+=@-]+(?:\/[\w.+=@-]+)+$)/;
/** A reference to where a secret is kept: a secret resource, its ARN, name or id (`aws_secretsmanager_secret.db.arn`, `props.dbSecretName`). */
const REFERS_TO_SECRET = /secretsmanager_secret\.|(?:[._-](?:arn|name|id)|Arn|ARN|Name|Id)$/;

const NAMES = ['name', 'parametername'];
const DESCRIPTIONS = ['description'];
const VALUES = ['value', 'insecurevalue', 'stringvalue'];

function textOf(literal: Literal): string {
  return (literal.kind === 'str' ? literal.value : literal.kind === 'expr' ? literal.text : '').trim();
}

function optionOf(resource: OptionContext, norms: readonly string[]): OptionOccurrence | undefined {
  return resource.options.find((option) => norms.includes(option.norm) && !option.absent);
}

/** The last path segment of a name as written, quotes and closing brackets of a `!Join` or `!Sub` left off. */
function lastSegment(text: string): string {
  const trimmed = text.replace(/[^\w-]+$/, '');
  return trimmed.slice(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf(' '), trimmed.lastIndexOf("'"), trimmed.lastIndexOf('"')) + 1);
}

/** An expression as the readers give it, without the quotes and `${ }` of an interpolation (`"${var.db_password}"`). */
function expressionOf(value: OptionOccurrence): string | undefined {
  return value.literal.kind === 'expr' ? value.literal.text.replace(/["'{}$\s]/g, '') : undefined;
}

function valueSaysPassword(value: OptionOccurrence): boolean {
  const text = expressionOf(value);
  if (text === undefined) {
    return false;
  }
  const last = /([A-Za-z_][\w-]*)\)?$/.exec(text)?.[1] ?? '';
  return PASSWORD_VALUE.test(text) || isPasswordVariable(last) || (value.parameters ?? []).some((parameter) => isPasswordVariable(parameter.name));
}

/**
 * A value that names where a secret is kept rather than holding one. CloudFormation's `!Ref` of a secret resource
 * (not of a template parameter) gives its ARN.
 */
function valueNamesSecret(value: OptionOccurrence): boolean {
  if (value.namesTemplateSecret) {
    return true;
  }
  if (value.literal.kind === 'str') {
    return NAMES_A_SECRET.test(value.literal.value.trim());
  }
  const text = expressionOf(value) ?? '';
  const resourceRef = /^!?Ref/.test(text) && (value.parameters ?? []).length === 0 && /secret/i.test(text);
  return !valueSaysPassword(value) && (REFERS_TO_SECRET.test(text) || resourceRef);
}

function holdsPassword(resource: OptionContext): boolean {
  const name = optionOf(resource, NAMES);
  const description = optionOf(resource, DESCRIPTIONS);
  const value = optionOf(resource, VALUES);
  if (value && valueNamesSecret(value)) {
    return false;
  }
  const nameText = name ? textOf(name.literal) : '';
  const described = description !== undefined && PASSWORD_WORD.test(textOf(description.literal)) && !NOT_THE_PASSWORD.test(`${textOf(description.literal)} ${lastSegment(nameText)}`);
  return PASSWORD_SEGMENT.test(lastSegment(nameText)) || described || (value !== undefined && valueSaysPassword(value));
}

const STRING_TYPE = normalizeName('Type');
const PLAIN = 'This String SSM parameter holds a password or secret in plain text: anyone who may read the parameter reads it.';

function advice(resource: OptionContext): string {
  return resource.kind === 'terraform'
    ? `${PLAIN} Set type = "SecureString" (encrypted with KMS), or keep it in Secrets Manager.`
    : `${PLAIN} ${resource.kind === 'cdk' ? 'The CDK' : 'CloudFormation'} cannot create SecureString parameters: keep it in Secrets Manager and pass a dynamic reference or the secret's ARN.`;
}

/** CloudFormation's `AWS::SSM::Parameter` takes `String` and `StringList` only: a template asking for a SecureString fails to deploy. */
const SECURE_IN_TEMPLATE =
  'CloudFormation cannot create SecureString parameters (Type takes String or StringList), so this resource fails to deploy. Keep the password in Secrets Manager and pass a dynamic reference or the secret\'s ARN.';

export const passwordInStringParameter: Check = (rule, context) => {
  for (const { context: resource, option } of context.optionsOf(rule)) {
    if (resource.kind === 'cloudformation' && option.literal.kind === 'str' && option.literal.value === 'SecureString') {
      context.report(rule, option.value, undefined, SECURE_IN_TEMPLATE);
      continue;
    }
    // CloudFormation and Terraform write the type; a CDK StringParameter is always a String parameter.
    const plain = option.norm !== STRING_TYPE || (option.literal.kind === 'str' && option.literal.value === 'String');
    if (plain && holdsPassword(resource)) {
      context.report(rule, option.norm === STRING_TYPE ? option.value : option.key, undefined, advice(resource));
    }
  }
};
