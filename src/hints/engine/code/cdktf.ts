/**
 * CDK for Terraform (cdktf) programs: each class of the prebuilt AWS provider (`@cdktf/provider-aws`, Python
 * `cdktf_cdktf_provider_aws`, and its CDK Terrain successor `@cdktn/provider-aws`) or of bindings that
 * `cdktf get` generates (`.gen/providers/aws`, Python `imports.aws`) is the Terraform resource it synthesizes:
 * `new DbInstance(this, "db", { publiclyAccessible: true })` is an `aws_db_instance`, judged by the Terraform
 * rules, its config taking the Terraform arguments in camelCase (TypeScript) or snake_case (Python, keyword
 * arguments), blocks as objects or lists under their Terraform names (`pointInTimeRecovery: { enabled }`,
 * `attribute: [...]`), with the Terraform defaults. Texts name options as the file writes them (origin `cdktf`
 * or `cdktf-python`). Each class is `new <Class>(scope, id, config)`, named for its type without the `aws_`
 * prefix (the provider's `docs/dbInstance.typescript.md`: "Represents a ... aws_db_instance"); data sources
 * (`DataAwsDbInstance`) name no class here.
 * https://github.com/cdktf/cdktf-provider-aws/blob/main/docs/dbInstance.typescript.md
 */
import { OptionContext } from '../model';
import { RuleMatch } from '../types';
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { contextFrom } from './options';
import { typedArgsIngress } from './pulumi';
import { pulumiEnvironmentPasswords } from './pulumiLambdaEnvironment';
import { variableContext } from './requests';
import { inTestCode } from './testFixtures';

/** The Terraform resources the rules judge that a cdktf program constructs. */
const CDKTF_TERRAFORM_TYPES = [
  'aws_db_instance',
  'aws_rds_cluster',
  'aws_rds_cluster_instance',
  'aws_db_proxy',
  'aws_dynamodb_table',
  'aws_dynamodb_global_table',
  'aws_elasticache_replication_group',
  'aws_elasticache_cluster',
  'aws_elasticache_serverless_cache',
  'aws_elasticache_global_replication_group',
  'aws_elasticache_user',
  'aws_elasticache_user_group',
  'aws_lambda_function',
];

const CDKTF_TYPES: ReadonlySet<string> = new Set(CDKTF_TERRAFORM_TYPES);

/**
 * Whether a rule reaches cdktf programs: a Terraform resource of the classes above, or security group ingress.
 * The content build then requires its cdktf examples (`examples.ts`).
 */
export function cdktfReaches(match: RuleMatch): boolean {
  return match.ingress !== undefined || (match.terraform?.resources.some((type) => CDKTF_TYPES.has(type)) ?? false);
}

/** `aws_db_instance` → `DbInstance`, as the provider names its classes. */
function className(type: string): string {
  return type
    .replace(/^aws_/, '')
    .split('_')
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join('');
}

const CDKTF_RESOURCES: ReadonlyMap<string, string> = new Map(CDKTF_TERRAFORM_TYPES.map((type) => [className(type), type]));

/** Security group classes, as `pulumi.ts` reads their inbound rules (the same Terraform arguments). */
const CDKTF_INGRESS: ReadonlyMap<string, string> = new Map([
  ['SecurityGroup', 'ec2.SecurityGroup'],
  ['SecurityGroupRule', 'ec2.SecurityGroupRule'],
  ['VpcSecurityGroupIngressRule', 'vpc.SecurityGroupIngressRule'],
]);

/**
 * The AWS provider's modules: the package or one of its `lib/<resource>` submodules, generated bindings under
 * `.gen/providers/aws` at any relative depth or through a `tsconfig` path alias for `.gen` (`@gen/providers/aws`);
 * Python's package, its `<resource>` submodules and `imports.aws`.
 */
const CDKTF_AWS_MODULE = /^(?:@cdktf\/provider-aws|@cdktn\/provider-aws|(?:\.{1,2}\/)+(?:[\w-]+\/)*\.gen\/providers\/aws|@gen\/providers\/aws)(?:\/lib)?(?:\/[a-z0-9-]+)?(?:\/index(?:\.js)?)?$/;
const CDKTF_AWS_PYTHON_MODULE = /^(?:cdktf_cdktf_provider_aws|cdktn_provider_aws|imports\.aws)(?:\.[a-z0-9_]+)?$/;

export interface CdktfClass {
  /** The Terraform resource type, or a security group class of `pulumi.ts`. */
  type: string;
  ingress: boolean;
}

/**
 * The class an imported path names: the class itself (`DbInstance`), or under the provider's namespaces
 * (`dbInstance.DbInstance` after `import * as aws`, the older per-service `rds.DbInstance`, Python `db_instance.DbInstance`).
 */
export function cdktfClass(module: string, path: string): CdktfClass | undefined {
  if (!CDKTF_AWS_MODULE.test(module) && !CDKTF_AWS_PYTHON_MODULE.test(module)) {
    return undefined;
  }
  const parts = path.split('.');
  const name = parts[parts.length - 1];
  if (parts.slice(0, -1).some((part) => !/^[a-z][A-Za-z0-9_]*$/.test(part))) {
    return undefined;
  }
  const type = CDKTF_RESOURCES.get(name);
  const ingress = type === undefined ? CDKTF_INGRESS.get(name) : undefined;
  return type ? { type, ingress: false } : ingress ? { type: ingress, ingress: true } : undefined;
}

/** The `{` an args literal opens at `k` (TypeScript), or Python's call parentheses. */
function argsGroup(a: CodeAnalyzer, k: number): number {
  return (a.is(k, '{') || a.is(k, '(')) && a.partner[k] > k ? k : -1;
}

/**
 * `new DbInstance(scope, id, config)` (Python `DbInstance(scope, id, **kwargs)`) whose arguments open at `open`: a
 * Terraform context of the config written in place or held by a variable, or the security group's open inbound rules.
 * A construction in a test (`Testing.synthScope(...)` inside `it(...)`) deploys nothing and is left alone.
 */
export function cdktfResource(a: CodeAnalyzer, made: CdktfClass, nameIndex: number, open: number): void {
  const close = a.partner[open];
  if (close < 0 || inTestCode(a, nameIndex)) {
    return;
  }
  const python = a.language.family === 'python';
  const origin = python ? 'cdktf-python' : 'cdktf';
  const config = python ? open : (segments(a, open)[2]?.[0] ?? -1);
  if (made.ingress) {
    typedArgsIngress(a, made.type, config, argsGroup, origin);
    return;
  }
  const anchor = a.tokenSpan(nameIndex);
  let context: OptionContext | undefined;
  if (python || (config >= 0 && a.is(config, '{'))) {
    context = contextFrom(a, config, a.partner[config], 'terraform', made.type, anchor);
  } else if (config >= 0 && a.isId(config) && (a.is(config + 1, ',') || a.is(config + 1, ')'))) {
    context = variableContext(a, config, 'terraform', made.type, anchor);
  }
  context ??= { kind: 'terraform', type: made.type, options: [], complete: false, anchor };
  if (made.type === 'aws_lambda_function' && config >= 0 && argsGroup(a, config) >= 0) {
    context.options.push(...pulumiEnvironmentPasswords(a, config));
  }
  context.typeSpan = anchor;
  context.readerOrigin = origin;
  a.contexts.push(context);
}
