/**
 * AWS CDK apps in C#: `new DatabaseInstance(this, "Db", new DatabaseInstanceProps { PubliclyAccessible = true })`
 * under `using Amazon.CDK.AWS.RDS;` (or an alias, `using Rds = Amazon.CDK.AWS.RDS;`, or the full name), with the
 * props as an initializer in place, target-typed (`new() { ... }`) or held by a variable, and the methods called on
 * constructs (`sg.AddIngressRule(Peer.AnyIpv4(), Port.Tcp(5432))`, `db.Connections.AllowDefaultPortFromAnyIpv4()`).
 * The props are TypeScript's in PascalCase (jsii generates them), so a construct makes the same `cdk` context as
 * TypeScript's, judged by the same rules, whose texts name options as C# writes them.
 * https://docs.aws.amazon.com/cdk/v2/guide/work-with-cdk-csharp.html
 */
import { OptionContext } from '../../model';
import type { CodeAnalyzer } from '../analyzer';
import { segments } from '../braces';
import { constructMethods, PROPS_TYPE, pushConstruct, TypedCdkFile } from '../cdkTyped';
import { csharpInitializer, typedArgsContext } from '../pulumi';
import { inTestCode } from '../testFixtures';

const CDK_ROOT = 'Amazon.CDK';
/** `Amazon.CDK.AWS.RDS` is aws-cdk-lib's `aws_rds`; `Amazon.CDK.AWS.Lambda.Python` (v1) or `...Python.Alpha` the PythonFunction module. */
const SERVICE_NAMESPACE = /^Amazon\.CDK\.AWS\.(?:([A-Za-z0-9]+)|(Lambda\.Python)(?:\.Alpha)?)$/;

/** The module a service namespace is: `RDS` → `aws_rds`, `Lambda.Python` → `aws_lambda_python_alpha`. */
function moduleOf(service: string): string {
  return service.includes('.') ? `aws_${service.replace('.', '_').toLowerCase()}_alpha` : `aws_${service.toLowerCase()}`;
}

/** The CDK modules of the namespaces the file uses whole, and of its aliases (`Rds` → `aws_rds`). */
interface CdkUsings {
  modules: string[];
  aliases: Map<string, string>;
}

function cdkUsings(a: CodeAnalyzer): CdkUsings {
  const usings: CdkUsings = { modules: [], aliases: new Map() };
  for (let i = 0; i + 1 < a.tokens.length; i++) {
    if (!a.idIs(i, 'using') || !a.id(i + 1)) {
      continue;
    }
    const aliased = a.is(i + 2, '=');
    const service = SERVICE_NAMESPACE.exec(a.dottedPath(aliased ? i + 3 : i + 1).text);
    if (service && aliased) {
      usings.aliases.set(a.tokens.text(i + 1), moduleOf(service[1] ?? service[2]));
    } else if (service) {
      usings.modules.push(moduleOf(service[1] ?? service[2]));
    }
  }
  return usings;
}

/**
 * The construct types a type path may be (`DatabaseInstance`, `Rds.DatabaseInstance`,
 * `Amazon.CDK.AWS.RDS.DatabaseInstance`): one per namespace used whole for a bare name (a name in two of them would
 * not compile; the types that are no class match no rule).
 */
function typesOf(usings: CdkUsings, path: string): string[] {
  const dot = path.lastIndexOf('.');
  const name = path.slice(dot + 1);
  if (!/^[A-Z]/.test(name) || PROPS_TYPE.test(name)) {
    return [];
  }
  if (dot < 0) {
    return usings.modules.map((module) => `${module}.${name}`);
  }
  const owner = path.slice(0, dot);
  const service = SERVICE_NAMESPACE.exec(owner);
  const module = service ? moduleOf(service[1] ?? service[2]) : usings.aliases.get(owner);
  return module ? [`${module}.${name}`] : [];
}

/** The construct types a type path of the file may be (see `typesOf`), its usings read once. */
export function csharpCdkTypes(a: CodeAnalyzer): (path: string) => string[] {
  const usings = cdkUsings(a);
  return (path) => typesOf(usings, path);
}

/** The `{` of `new DatabaseInstanceProps { ... }`, `new Rds.DatabaseInstanceProps() { ... }` or target-typed `new() { ... }`. */
const propsInitializer = csharpInitializer(PROPS_TYPE);

/** The CDK constructs of a C# file that uses aws-cdk-lib's service namespaces, as `cdk` contexts. */
export function csharpCdkConstructs(a: CodeAnalyzer): void {
  if (!a.text.includes(CDK_ROOT)) {
    return;
  }
  const usings = cdkUsings(a);
  if (usings.modules.length === 0 && usings.aliases.size === 0) {
    return;
  }
  const file: TypedCdkFile = {
    typesOf: (name) => typesOf(usings, name),
    props: (type, nameIndex, start) => topLevel(typedArgsContext(a, 'cdk', type, nameIndex, start, propsInitializer)),
  };
  const made = new Map<number, string[]>();
  for (let i = 1; i < a.tokens.length; i++) {
    if (!a.idIs(i - 1, 'new') || !a.isId(i)) {
      continue;
    }
    const { text, end } = a.dottedPath(i);
    const types = a.is(end, '(') && a.partner[end] > end ? typesOf(usings, text) : [];
    const args = types.length > 0 ? segments(a, end) : [];
    if (args.length >= 2 && !inTestCode(a, i)) {
      made.set(i - 1, types);
      // `new Class(scope, id, props)`: the props are the third argument.
      types.forEach((type) => pushConstruct(a, type, file.props(type, end - 1, args[2]?.[0] ?? -1, args[2]?.[1] ?? -1)));
    }
    i = end - 1;
  }
  constructMethods(a, file, made);
}

/**
 * The props written directly in the initializer: a nested initializer's members (`Version = ...` of the engine's
 * props, `SubnetType = ...` of a subnet selection) are its own, read within the value of the prop that holds it.
 */
export function topLevel(context: OptionContext): OptionContext {
  const values = context.options.map((option) => option.value);
  context.options = context.options.filter((option) => !values.some((value) => value.start <= option.key.start && option.key.end <= value.end && value !== option.value));
  return context;
}
