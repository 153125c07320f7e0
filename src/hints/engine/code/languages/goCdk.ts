/**
 * AWS CDK apps in Go: `awsrds.NewDatabaseInstance(stack, jsii.String("Db"), &awsrds.DatabaseInstanceProps{...})`
 * from `github.com/aws/aws-cdk-go/awscdk/v2/awsrds` (CDK v1's `github.com/aws/aws-cdk-go/awscdk/awsrds` alike, under
 * the package's name or an alias), with the props struct in place or held by a variable, L1 constructs
 * (`awsrds.NewCfnDBInstance`) and the methods called on constructs (`sg.AddIngressRule(...)`,
 * `db.Connections().AllowDefaultPortFromAnyIpv4(nil)`, `table.GrantFullAccess(fn)`, `db.AddProxy(...)`). jsii
 * generates each `New<Class>(scope, id, props)` and the props' fields from TypeScript's, in PascalCase, so a construct
 * makes the same `cdk` context as TypeScript's, judged by the same rules. Values such as `awscdk.RemovalPolicy_DESTROY`
 * and `awsec2.Port_Tcp(jsii.Number(5432))` read as TypeScript's (`goCdkValues.ts`).
 * https://docs.aws.amazon.com/cdk/v2/guide/work-with-cdk-go.html
 */
import type { CodeAnalyzer } from '../analyzer';
import { segments } from '../braces';
import { constructMethods, PROPS_TYPE, pushConstruct, TypedCdkFile } from '../cdkTyped';
import { contextFrom } from '../options';
import { typedArgsContext } from '../pulumi';
import { inTestCode } from '../testFixtures';
import { topLevel } from './csharpCdk';
import { heldConstructTypes } from './goCdkFields';
import { goImportSpecs } from './goPackageStructs';

const CDK_ROOT = 'github.com/aws/aws-cdk-go/awscdk';
/** `github.com/aws/aws-cdk-go/awscdk/v2/awsrds` (v1: without `/v2`) is aws-cdk-lib's `aws_rds`. */
const SERVICE_PACKAGE = /^github\.com\/aws\/aws-cdk-go\/awscdk(?:\/v2)?\/aws([a-z0-9]+)$/;
/** The Go Lambda construct's own module, `@aws-cdk/aws-lambda-go-alpha` (`NewGoFunction`), for the workspace model. */
const LAMBDA_GO_ALPHA = 'github.com/aws/aws-cdk-go/awscdklambdagoalpha/v2';

/** The file's CDK service packages, by the name it uses for each (`awsrds`, or an alias), as CDK modules (`aws_rds`). */
export function cdkPackages(a: CodeAnalyzer): Map<string, string> {
  const packages = new Map<string, string>();
  for (const { alias, path } of goImportSpecs(a)) {
    const service = path === LAMBDA_GO_ALPHA ? 'lambda_go_alpha' : SERVICE_PACKAGE.exec(path)?.[1];
    const name = alias ?? (path === LAMBDA_GO_ALPHA ? 'awscdklambdagoalpha' : service ? `aws${service}` : undefined);
    if (service && name && name !== '_' && name !== '.') {
      packages.set(name, `aws_${service}`);
    }
  }
  return packages;
}

/** The `{` of `&awsrds.DatabaseInstanceProps{...}` (or without `&`, `Options` for `AddProxy`) of a CDK package, starting at `k`; -1 for any other. */
function propsLiteral(packages: ReadonlyMap<string, string>): (a: CodeAnalyzer, k: number) => number {
  return (a, k) => {
    const start = a.is(k, '&') ? k + 1 : k;
    const named = a.isId(start) && packages.has(a.tokens.text(start)) && a.isAccess(start + 1) && a.isId(start + 2) && PROPS_TYPE.test(a.tokens.text(start + 2));
    return named && a.is(start + 3, '{') && a.partner[start + 3] > start + 3 ? start + 3 : -1;
  };
}

/**
 * The construct type Go declares after a parameter's or variable's name (`sg awsec2.SecurityGroup`,
 * `var table awsdynamodb.ITable`, `db *awsrds.DatabaseInstance`), of a CDK package of the file.
 */
function declaredCdkType(a: CodeAnalyzer, packages: ReadonlyMap<string, string>, name: number): string[] {
  const start = a.is(name + 1, '*') ? name + 2 : name + 1;
  const module = a.isId(start) && a.isAccess(start + 1) && a.isId(start + 2) ? packages.get(a.tokens.text(start)) : undefined;
  // A props struct (`*awsec2.SecurityGroupProps`) is no construct.
  return module && !PROPS_TYPE.test(a.tokens.text(start + 2)) ? [`${module}.${a.tokens.text(start + 2)}`] : [];
}

/** The CDK constructs of a Go file that imports aws-cdk-go's service packages, as `cdk` contexts. */
export function goCdkConstructs(a: CodeAnalyzer): void {
  if (!a.text.includes(CDK_ROOT)) {
    return;
  }
  const packages = cdkPackages(a);
  if (packages.size === 0) {
    return;
  }
  const literal = propsLiteral(packages);
  const file: TypedCdkFile = {
    typesOf: () => [],
    props: (type, nameIndex, start) => topLevel(typedArgsContext(a, 'cdk', type, nameIndex, start, literal)),
    typeAfterName: (name) => declaredCdkType(a, packages, name),
    heldTypes: (field) => heldConstructTypes(a, field, (name) => declaredCdkType(a, packages, name)),
  };
  const made = new Map<number, string[]>();
  for (let k = 0; k + 3 < a.tokens.length; k++) {
    const module = a.isId(k) && !a.isAccess(k - 1) && a.isAccess(k + 1) ? packages.get(a.tokens.text(k)) : undefined;
    const constructor = module && a.isId(k + 2) && a.is(k + 3, '(') ? /^New([A-Z]\w*)$/.exec(a.tokens.text(k + 2)) : null;
    // A props struct's own constructor-like helpers (`NewDatabaseInstanceProps` does not exist) and tests make nothing.
    if (!constructor || PROPS_TYPE.test(constructor[1]) || a.partner[k + 3] < k + 3 || inTestCode(a, k)) {
      continue;
    }
    const args = segments(a, k + 3);
    if (args.length < 2) {
      continue;
    }
    const type = `${module}.${constructor[1]}`;
    made.set(k, [type]);
    // `New<Class>(scope, id, props)`: the props are the third argument.
    pushConstruct(a, type, file.props(type, k + 2, args[2]?.[0] ?? -1, args[2]?.[1] ?? -1));
  }
  constructMethods(a, file, made);
  unsentStoreProps(a, packages);
}

/** Data stores whose props a Go app may build apart from the construct and hand to a maker of its own. */
const STORE_CONSTRUCTS = new Set([
  'aws_dynamodb.Table', 'aws_dynamodb.TableV2', 'aws_rds.DatabaseInstance', 'aws_rds.DatabaseCluster', 'aws_rds.ServerlessCluster',
  'aws_elasticache.CfnReplicationGroup', 'aws_elasticache.CfnCacheCluster',
]);

/**
 * A data store's props literal that no construct of the file reads (`var Orders = awsdynamodb.TableProps{...}`, a field
 * of a project struct handed to the project's own `NewDynamoTable(stack, props)`): the struct's type names the construct,
 * so its fields are that construct's props, as TypeScript's typed props are (`cdkTypedProps.ts`). What the maker adds
 * is not seen, so the props are not complete: a prop left out says nothing.
 */
function unsentStoreProps(a: CodeAnalyzer, packages: ReadonlyMap<string, string>): void {
  for (let k = 0; k + 3 < a.tokens.length; k++) {
    const module = a.isId(k) && !a.isAccess(k - 1) && a.isAccess(k + 1) && a.isId(k + 2) && a.is(k + 3, '{') ? packages.get(a.tokens.text(k)) : undefined;
    const props = module ? /^([A-Z]\w*)Props(V2)?$/.exec(a.tokens.text(k + 2)) : null;
    const type = props ? `${module}.${props[1]}${props[2] ?? ''}` : '';
    const close = a.partner[k + 3];
    if (!STORE_CONSTRUCTS.has(type) || close <= k + 3 || inTestCode(a, k)) {
      continue;
    }
    const from = a.tokenSpan(k + 3).start;
    const to = a.tokenSpan(close).end;
    const read = a.contexts.some((context) => context.kind === 'cdk' && context.type === type && context.options.some((option) => option.key.start > from && option.key.start < to));
    if (!read) {
      // No `typeSpan`: the construct itself is made, and counted, where the maker makes it.
      a.contexts.push({ ...topLevel(contextFrom(a, k + 3, close, 'cdk', type, a.tokenSpan(k + 2))), complete: false });
    }
  }
}
