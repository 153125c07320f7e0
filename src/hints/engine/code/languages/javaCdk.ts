/**
 * AWS CDK apps in Java: `DatabaseInstance.Builder.create(this, "Db").publiclyAccessible(true)...build()`,
 * `new DatabaseInstance(this, "Db", DatabaseInstanceProps.builder()...build())` (or props held by a variable), and
 * method calls on constructs (`securityGroup.addIngressRule(Peer.anyIpv4(), Port.tcp(5432))`,
 * `table.grantFullAccess(fn)`, `db.getConnections().allowDefaultPortFromAnyIpv4()`). The builder methods are the
 * TypeScript props in the same lower camel case (jsii generates them from the props), so a construct makes the same
 * `cdk` context as `new rds.DatabaseInstance(this, 'Db', { ... })` does, judged by the same rules; values such as
 * `RemovalPolicy.DESTROY` and `Duration.days(0)` read as there (`code/cdk.ts`).
 * https://docs.aws.amazon.com/cdk/v2/guide/work-with-cdk-java.html
 */
import { OptionContext, OptionOccurrence } from '../../model';
import type { CodeAnalyzer } from '../analyzer';
import { segments } from '../braces';
import { constructMethods, PROPS_TYPE, pushConstruct, TypedCdkFile } from '../cdkTyped';
import { occurrenceOf } from '../options';
import { inTestCode } from '../testFixtures';
import { FileMemo } from '../fileMemo';

const CDK_ROOT = 'software.amazon.awscdk';
/** `software.amazon.awscdk.services.rds` is aws-cdk-lib's `aws_rds`. */
const SERVICE_PACKAGE = /^software\.amazon\.awscdk\.services\.([a-z0-9]+)$/;

/** The CDK module of each class the file imports by name, and the modules it imports whole (`...services.rds.*`). */
interface CdkImports {
  classes: Map<string, string>;
  wildcards: string[];
}

function cdkImports(a: CodeAnalyzer): CdkImports {
  const imports: CdkImports = { classes: new Map(), wildcards: [] };
  for (let i = 0; i + 1 < a.tokens.length; i++) {
    if (!a.idIs(i, 'import') || a.isAccess(i - 1) || a.idIs(i + 1, 'static')) {
      continue;
    }
    const path = a.dottedPath(i + 1).text;
    const wildcard = path.endsWith('.*');
    const owner = path.slice(0, path.lastIndexOf('.'));
    const service = SERVICE_PACKAGE.exec(owner);
    if (!service) {
      continue;
    }
    if (wildcard) {
      imports.wildcards.push(`aws_${service[1]}`);
    } else {
      imports.classes.set(path.slice(owner.length + 1), `aws_${service[1]}`);
    }
  }
  return imports;
}

/**
 * The construct types a class name may be: its module's by a class import, else one per module imported whole
 * (a name in two of them would not compile; the types that are no class match no rule).
 */
function typesOf(imports: CdkImports, name: string): string[] {
  if (!/^[A-Z]/.test(name) || /Props(?:V2)?$/.test(name)) {
    return [];
  }
  const module = imports.classes.get(name);
  return module ? [`${module}.${name}`] : imports.wildcards.map((wildcard) => `${wildcard}.${name}`);
}

/** Per file, its CDK imports, read once for the construct types asked of it (`javaConstructType`). */
const importsMemo = new FileMemo<'imports', CdkImports>();

/**
 * The construct types the expression at `start` may make, `new X(scope, id, ...)` or `X.Builder.create(scope, id)...`:
 * X's by the file's CDK imports (one per service imported whole where no class import names it); none otherwise.
 */
export function javaConstructTypes(a: CodeAnalyzer, start: number): string[] {
  const made = constructionAt(a, start);
  return made ? typesOf(importsMemo.get(a, 'imports', () => cdkImports(a)), a.tokens.text(made.name)) : [];
}

/**
 * `new X(` or `X.Builder.create(` starting at `start` (not after an access): the class name's token, the `(` of its
 * arguments, and whether it is the constructor's form; undefined otherwise.
 */
function constructionAt(a: CodeAnalyzer, start: number): { name: number; open: number; constructed: boolean } | undefined {
  if (a.idIs(start, 'new') && a.isId(start + 1) && a.is(start + 2, '(')) {
    return { name: start + 1, open: start + 2, constructed: true };
  }
  const built = a.isId(start) && !a.isAccess(start - 1) && a.isAccess(start + 1) && a.idIs(start + 2, 'Builder') && a.isAccess(start + 3) && a.idIs(start + 4, 'create') && a.is(start + 5, '(');
  return built ? { name: start, open: start + 5, constructed: false } : undefined;
}

/**
 * The construct types of the builder chain a method call belongs to (`Instance.Builder.create(this, "Web")...securityGroup(sg)`),
 * the call's `(` at `open`; none where the chain starts otherwise.
 */
export function javaBuilderOwner(a: CodeAnalyzer, open: number): string[] {
  let access = open - 2;
  while (a.isAccess(access) && a.is(access - 1, ')') && a.partner[access - 1] >= 0) {
    const call = a.partner[access - 1];
    if (a.idIs(call - 1, 'create') && a.isAccess(call - 2) && a.idIs(call - 3, 'Builder')) {
      return javaConstructTypes(a, call - 5);
    }
    access = call - 2;
  }
  return [];
}

/**
 * The builder methods chained after the `)` at `close` up to `build()`: one option each, the method's arguments its
 * value. Complete when the chain ends with `build()`: a builder left in a variable may be given more later.
 */
export function chainOptions(a: CodeAnalyzer, close: number): { options: OptionOccurrence[]; complete: boolean } {
  const options: OptionOccurrence[] = [];
  let last = close;
  while (a.isAccess(last + 1) && a.isId(last + 2) && a.is(last + 3, '(') && a.partner[last + 3] > last + 3) {
    const method = last + 2;
    last = a.partner[last + 3];
    if (a.idIs(method, 'build')) {
      return { options, complete: a.partner[method + 1] === method + 2 };
    }
    options.push(occurrenceOf(a, { key: method, valueStart: method + 2, valueEnd: last, removalStart: method - 1, removalEnd: last }));
  }
  return { options, complete: false };
}

/** `XProps.builder()...build()` (`TablePropsV2`, `DatabaseProxyOptions` for `addProxy`) starting at `start`: its options, or undefined for any other expression. */
function propsBuilder(a: CodeAnalyzer, start: number): { options: OptionOccurrence[]; complete: boolean } | undefined {
  const named = a.isId(start) && PROPS_TYPE.test(a.tokens.text(start)) && a.isAccess(start + 1) && a.idIs(start + 2, 'builder');
  return named && a.is(start + 3, '(') && a.partner[start + 3] === start + 4 ? chainOptions(a, start + 4) : undefined;
}

/** The props argument of `new X(scope, id, props)` starting at `start`: a builder written in place, or held by a local it was declared with. */
function propsArgument(a: CodeAnalyzer, start: number, end: number): { options: OptionOccurrence[]; complete: boolean } {
  if (end - start === 1 && a.isId(start)) {
    const binding = a.scopes.lookup(a.tokens.text(start), start);
    const held = binding && binding.expression >= 0 && !binding.element ? propsBuilder(a, binding.expression) : undefined;
    return held ?? { options: [], complete: false };
  }
  return propsBuilder(a, start) ?? { options: [], complete: false };
}

/** The constructs of a Java file: `new X(scope, "Id", props)` and `X.Builder.create(scope, "Id")...build()`, then the methods called on them. */
function readConstructs(a: CodeAnalyzer, imports: CdkImports): void {
  const file: TypedCdkFile = {
    typesOf: (name) => typesOf(imports, name),
    props: (type, nameIndex, start, end) => propsContext(a, type, nameIndex, propsArgument(a, start, end)),
  };
  // Construct types by the first token of the expression that makes them, for the variables bound to it.
  const made = new Map<number, string[]>();
  for (let i = 0; i < a.tokens.length; i++) {
    const construction = constructionAt(a, i);
    const types = construction ? typesOf(imports, a.tokens.text(construction.name)) : [];
    if (!construction || types.length === 0) {
      continue;
    }
    const { name, open, constructed } = construction;
    const args = segments(a, open);
    if (args.length < 2 || inTestCode(a, name)) {
      continue;
    }
    made.set(i, types);
    const props = constructed ? (args[2] ? propsArgument(a, args[2][0], args[2][1]) : { options: [], complete: false }) : chainOptions(a, a.partner[open]);
    types.forEach((type) => pushConstruct(a, type, propsContext(a, type, name, props)));
  }
  constructMethods(a, file, made);
}

function propsContext(a: CodeAnalyzer, type: string, name: number, props: { options: OptionOccurrence[]; complete: boolean }): OptionContext {
  const anchor = a.tokenSpan(name);
  return { kind: 'cdk', type, options: [...props.options], complete: props.complete, anchor, typeSpan: anchor };
}

/** The CDK constructs of a Java file that imports aws-cdk-lib's service packages, as `cdk` contexts. */
export function javaCdkConstructs(a: CodeAnalyzer): void {
  if (!a.text.includes(CDK_ROOT)) {
    return;
  }
  const imports = cdkImports(a);
  if (imports.classes.size > 0 || imports.wildcards.length > 0) {
    readConstructs(a, imports);
  }
}
