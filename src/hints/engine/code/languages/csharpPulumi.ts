/**
 * Pulumi AWS (Classic) programs in C#: `new Aws.Rds.Instance("db", new Aws.Rds.InstanceArgs { PubliclyAccessible = true })`
 * (with `using Aws = Pulumi.Aws;`, as Pulumi's examples write it), `new Rds.Instance(...)` after `using Pulumi.Aws;` or
 * `using Rds = Pulumi.Aws.Rds;`,
 * `new Instance(...)` after `using Pulumi.Aws.Rds;`, is the Terraform resource of its class (`pulumi.ts`), judged by
 * the Terraform rules, whose texts name options as C# writes them (origin `pulumi-csharp`); a security group's
 * inbound rules (`Ec2.SecurityGroup`, `Ec2.SecurityGroupRule`, `Vpc.SecurityGroupIngressRule`) by the ingress rules. The constructor is
 * `Instance(string name, InstanceArgs args, CustomResourceOptions? options = null)`; `GetInstance.Invoke(...)` and
 * `Instance.Get(...)` of existing resources make no context.
 * https://www.pulumi.com/registry/packages/aws/api-docs/rds/instance/
 */
import type { CodeAnalyzer } from '../analyzer';
import { segments } from '../braces';
import { csharpInitializer, pulumiClassType, pulumiIngressClass, typedArgsIngress, typedArgsResource } from '../pulumi';
import { inTestCode } from '../testFixtures';

const PULUMI_AWS = 'Pulumi.Aws';

interface PulumiUsings {
  roots: Set<string>;
  modules: string[];
  /** Aliases of `Pulumi.Aws.<Module>` namespaces (`using Ec2 = Pulumi.Aws.Ec2;`, as Pulumi's C# templates write): alias to module. */
  aliases: Map<string, string>;
}

/** The file's names for `Pulumi.Aws` (`Aws` by alias, `Pulumi.Aws` itself) and the `Pulumi.Aws.<Module>` namespaces it uses. */
function pulumiUsings(a: CodeAnalyzer): PulumiUsings {
  const roots = new Set([PULUMI_AWS]);
  const modules: string[] = [];
  const aliases = new Map<string, string>();
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
    } else if (path.startsWith(`${PULUMI_AWS}.`) && !path.slice(PULUMI_AWS.length + 1).includes('.')) {
      if (aliased) {
        aliases.set(a.tokens.text(i + 1), path.slice(PULUMI_AWS.length + 1));
      } else {
        modules.push(path.slice(PULUMI_AWS.length + 1));
      }
    }
  }
  return { roots, modules, aliases };
}

/**
 * The type a type path after `new` names (`Aws.Rds.Instance`, `Rds.Instance`, `Instance`), by `lookup`: a Terraform
 * resource's (`pulumiClassType`) or a security group's (`pulumiIngressClass`); undefined for any other.
 */
function classType(path: string, usings: PulumiUsings, lookup: (module: string, name: string) => string | undefined): string | undefined {
  const parts = path.split('.');
  const name = parts[parts.length - 1];
  const aliased = parts.length === 2 ? usings.aliases.get(parts[0]) : undefined;
  if (aliased !== undefined) {
    return lookup(aliased.toLowerCase(), name);
  }
  if (parts.length === 1) {
    // `new Instance(...)`: the one `using Pulumi.Aws.<Module>;` that has the class (two would not compile).
    const types = usings.modules.map((module) => lookup(module.toLowerCase(), name)).filter((type) => type !== undefined);
    return types.length === 1 ? types[0] : undefined;
  }
  const root = parts.slice(0, -2).join('.');
  return usings.roots.has(root) ? lookup(parts[parts.length - 2].toLowerCase(), name) : undefined;
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
    const call = a.is(end, '(') && a.partner[end] > end;
    const type = call ? classType(text, usings, pulumiClassType) : undefined;
    const ingress = call && !type ? classType(text, usings, pulumiIngressClass) : undefined;
    if ((type || ingress) && !inTestCode(a, i)) {
      // `new Class(name, args, options)`: the args are the second argument.
      const args = segments(a, end)[1]?.[0] ?? -1;
      if (type) {
        typedArgsResource(a, type, end - 1, args, argsInitializer, 'pulumi-csharp');
      } else {
        typedArgsIngress(a, ingress!, args, argsInitializer, 'pulumi-csharp');
      }
    }
    i = end - 1;
  }
}

/** The `{` of `new InstanceArgs { ... }`, `new Aws.Rds.InstanceArgs() { ... }` or target-typed `new() { ... }`. */
const argsInitializer = csharpInitializer(/Args$/);
