/**
 * Pulumi AWS (Classic) programs in Go: `rds.NewInstance(ctx, "db", &rds.InstanceArgs{PubliclyAccessible: pulumi.Bool(true)})`
 * from `github.com/pulumi/pulumi-aws/sdk/v6/go/aws/rds` (v2 to v7 alike: the older majors name the same classes and
 * args, in the spellings of the Terraform provider of their time, which the Terraform rules read) is the Terraform resource of its class
 * (`pulumi.ts`), judged by the Terraform rules, whose texts name options as Go writes them (origin `pulumi-go`); a
 * security group's inbound rules (`ec2.NewSecurityGroup`, `ec2.NewSecurityGroupRule`, `vpc.NewSecurityGroupIngressRule`)
 * are judged by the ingress rules.
 * Each constructor is `New<Class>(ctx *pulumi.Context, name string, args *<Class>Args, opts ...pulumi.ResourceOption)`;
 * lookups (`rds.LookupInstance`) and `rds.GetInstance(ctx, name, id, state)` of existing resources make no context.
 * https://www.pulumi.com/registry/packages/aws/api-docs/rds/instance/
 * https://pkg.go.dev/github.com/pulumi/pulumi-aws/sdk/v4/go/aws/rds#InstanceArgs
 */
import type { CodeAnalyzer } from '../analyzer';
import { segments } from '../braces';
import { pulumiClassType, pulumiIngressClass, typedArgsIngress, typedArgsResource } from '../pulumi';
import { inTestCode } from '../testFixtures';
import { goImportSpecs } from './goPackageStructs';

const PULUMI_AWS_GO = /^github\.com\/pulumi\/pulumi-aws\/sdk\/v[2-7]\/go\/aws\/([a-z0-9]+)$/;

/** The file's Pulumi AWS Go packages, by the name it uses for each (`rds`, or an alias). */
function pulumiPackages(a: CodeAnalyzer): Map<string, string> {
  const packages = new Map<string, string>();
  for (const { alias, path } of goImportSpecs(a)) {
    const module = PULUMI_AWS_GO.exec(path)?.[1];
    const name = alias ?? module;
    if (module && name && name !== '_' && name !== '.') {
      packages.set(name, module);
    }
  }
  return packages;
}

/** Every `pkg.New<Class>(ctx, name, args, ...)` of a class the Terraform rules know, as a Terraform context. */
export function pulumiGoResources(a: CodeAnalyzer): void {
  const packages = pulumiPackages(a);
  if (packages.size === 0) {
    return;
  }
  for (let k = 0; k + 3 < a.tokens.length; k++) {
    const module = a.isId(k) && !a.isAccess(k - 1) && a.isAccess(k + 1) ? packages.get(a.tokens.text(k)) : undefined;
    const constructor = module !== undefined && a.isId(k + 2) && a.is(k + 3, '(') ? /^New([A-Z]\w*)$/.exec(a.tokens.text(k + 2)) : null;
    const type = constructor ? pulumiClassType(module!, constructor[1]) : undefined;
    const ingress = constructor && !type ? pulumiIngressClass(module!, constructor[1]) : undefined;
    // A resource a test declares against Pulumi's mocks is no deployed one.
    if ((type || ingress) && a.partner[k + 3] > 0 && !inTestCode(a, k)) {
      // `New<Class>(ctx, name, args, opts...)`: the args are the third argument.
      const written = segments(a, k + 3)[2]?.[0] ?? -1;
      // `&clusterArgs` of a struct value the function builds (`clusterArgs := rds.ClusterArgs{...}`): the variable.
      const args = a.is(written, '&') && a.isId(written + 1) && (a.is(written + 2, ',') || a.is(written + 2, ')')) ? written + 1 : written;
      if (type) {
        typedArgsResource(a, type, k + 2, args, argsLiteral, 'pulumi-go');
      } else {
        typedArgsIngress(a, ingress!, args, argsLiteral, 'pulumi-go');
      }
    }
  }
}

/** The `{` of `&rds.InstanceArgs{...}` (or without `&`) starting at `k`, or -1. */
function argsLiteral(a: CodeAnalyzer, k: number): number {
  const start = a.is(k, '&') ? k + 1 : k;
  const brace = a.isId(start) && a.isAccess(start + 1) && a.isId(start + 2) && /Args$/.test(a.tokens.text(start + 2)) ? start + 3 : -1;
  return brace > 0 && a.is(brace, '{') && a.partner[brace] > brace ? brace : -1;
}
