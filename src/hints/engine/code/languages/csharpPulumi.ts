/**
 * Pulumi AWS (Classic) programs in C#: `new Aws.Rds.Instance("db", new Aws.Rds.InstanceArgs { PubliclyAccessible = true })`
 * (with `using Aws = Pulumi.Aws;`, as Pulumi's examples write it), `new Rds.Instance(...)` after `using Pulumi.Aws;`,
 * `new Instance(...)` after `using Pulumi.Aws.Rds;`, is the Terraform resource of its class (`pulumi.ts`), judged by
 * the Terraform rules, whose texts name options as C# writes them (origin `pulumi-csharp`). The constructor is
 * `Instance(string name, InstanceArgs args, CustomResourceOptions? options = null)`; `GetInstance.Invoke(...)` and
 * `Instance.Get(...)` of existing resources make no context.
 * https://www.pulumi.com/registry/packages/aws/api-docs/rds/instance/
 */
import type { CodeAnalyzer } from '../analyzer';
import { segments } from '../braces';
import { csharpInitializer, pulumiClassType, typedArgsResource } from '../pulumi';
import { inTestCode } from '../testFixtures';

const PULUMI_AWS = 'Pulumi.Aws';

/** The file's names for `Pulumi.Aws` (`Aws` by alias, `Pulumi.Aws` itself) and the `Pulumi.Aws.<Module>` namespaces it uses. */
function pulumiUsings(a: CodeAnalyzer): { roots: Set<string>; modules: string[] } {
  const roots = new Set([PULUMI_AWS]);
  const modules: string[] = [];
  for (let i = 0; i + 1 < a.tokens.length; i++) {
    if (!a.idIs(i, 'using') || !a.id(i + 1)) {
      continue;
    }
    const aliased = a.is(i + 2, '=');
    const path = a.dottedPath(aliased ? i + 3 : i + 1).text;
    if (aliased && path === PULUMI_AWS) {
      roots.add(a.tokens.text(i + 1));
    } else if (!aliased && path === PULUMI_AWS) {
      roots.add('');
    } else if (!aliased && path.startsWith(`${PULUMI_AWS}.`) && !path.slice(PULUMI_AWS.length + 1).includes('.')) {
      modules.push(path.slice(PULUMI_AWS.length + 1));
    }
  }
  return { roots, modules };
}

/** The Terraform type a type path after `new` names (`Aws.Rds.Instance`, `Rds.Instance`, `Instance`), or undefined. */
function classType(path: string, usings: { roots: Set<string>; modules: string[] }): string | undefined {
  const parts = path.split('.');
  const name = parts[parts.length - 1];
  if (parts.length === 1) {
    // `new Instance(...)`: the one `using Pulumi.Aws.<Module>;` that has the class (two would not compile).
    const types = usings.modules.map((module) => pulumiClassType(module.toLowerCase(), name)).filter((type) => type !== undefined);
    return types.length === 1 ? types[0] : undefined;
  }
  const root = parts.slice(0, -2).join('.');
  return usings.roots.has(root) ? pulumiClassType(parts[parts.length - 2].toLowerCase(), name) : undefined;
}

/** Every `new <Class>(name, args, options?)` of a Pulumi AWS class the Terraform rules know, as a Terraform context. */
export function pulumiCsharpResources(a: CodeAnalyzer): void {
  if (!a.text.includes(PULUMI_AWS)) {
    return;
  }
  const usings = pulumiUsings(a);
  for (let i = 1; i < a.tokens.length; i++) {
    if (!a.idIs(i - 1, 'new') || !a.isId(i)) {
      continue;
    }
    const { text, end } = a.dottedPath(i);
    const type = a.is(end, '(') && a.partner[end] > end ? classType(text, usings) : undefined;
    if (type && !inTestCode(a, i)) {
      // `new Class(name, args, options)`: the args are the second argument.
      typedArgsResource(a, type, end - 1, segments(a, end)[1]?.[0] ?? -1, argsInitializer, 'pulumi-csharp');
    }
    i = end - 1;
  }
}

/** The `{` of `new InstanceArgs { ... }`, `new Aws.Rds.InstanceArgs() { ... }` or target-typed `new() { ... }`. */
const argsInitializer = csharpInitializer(/Args$/);
