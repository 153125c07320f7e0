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
import { addDerivedDefaults } from '../cdkDefaults';
import { occurrenceOf } from '../options';
import { inTestCode } from '../testFixtures';

const CDK_ROOT = 'software.amazon.awscdk';
/** `software.amazon.awscdk.services.rds` is aws-cdk-lib's `aws_rds`. */
const SERVICE_PACKAGE = /^software\.amazon\.awscdk\.services\.([a-z0-9]+)$/;
/** Existing resources named by their attributes (`fromDatabaseInstanceAttributes`, `fromTableName`, `fromLookup`) create nothing. */
const REFERENCE_FACTORY = /^from[A-Z]/;

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
  if (!/^[A-Z]/.test(name) || /Props$/.test(name)) {
    return [];
  }
  const module = imports.classes.get(name);
  return module ? [`${module}.${name}`] : imports.wildcards.map((wildcard) => `${wildcard}.${name}`);
}

/**
 * The builder methods chained after the `)` at `close` up to `build()`: one option each, the method's arguments its
 * value. Complete when the chain ends with `build()`: a builder left in a variable may be given more later.
 */
function chainOptions(a: CodeAnalyzer, close: number): { options: OptionOccurrence[]; complete: boolean } {
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

/** `XProps.builder()...build()` (`DatabaseProxyOptions` for `addProxy`) starting at `start`: its options, or undefined for any other expression. */
function propsBuilder(a: CodeAnalyzer, start: number): { options: OptionOccurrence[]; complete: boolean } | undefined {
  const named = a.isId(start) && /(?:Props|Options)$/.test(a.tokens.text(start)) && a.isAccess(start + 1) && a.idIs(start + 2, 'builder');
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

class JavaCdkReader {
  /** Construct types by the first token of the expression that makes them (`new`, or the class name of `X.Builder.create`). */
  private readonly made = new Map<number, string[]>();

  constructor(
    private readonly a: CodeAnalyzer,
    private readonly imports: CdkImports,
  ) {}

  read(): void {
    const { a } = this;
    for (let i = 0; i < a.tokens.length; i++) {
      if (a.idIs(i, 'new') && a.isId(i + 1) && a.is(i + 2, '(')) {
        this.constructed(i);
      } else if (a.isId(i) && !a.isAccess(i - 1) && a.isAccess(i + 1) && a.idIs(i + 2, 'Builder') && a.isAccess(i + 3) && a.idIs(i + 4, 'create') && a.is(i + 5, '(')) {
        this.built(i);
      }
    }
    for (let i = 2; i < a.tokens.length; i++) {
      if (a.isId(i) && a.isAccess(i - 1) && a.is(i + 1, '(') && a.partner[i + 1] > i) {
        this.method(i);
      }
    }
  }

  /** `new X(scope, "Id", props)`. */
  private constructed(newIndex: number): void {
    const { a } = this;
    const name = newIndex + 1;
    const types = typesOf(this.imports, a.tokens.text(name));
    const args = segments(a, name + 1);
    if (types.length === 0 || args.length < 2 || inTestCode(a, name)) {
      return;
    }
    const props = args[2] ? propsArgument(a, args[2][0], args[2][1]) : { options: [], complete: false };
    this.made.set(newIndex, types);
    this.push(types, name, props);
  }

  /** `X.Builder.create(scope, "Id").option(value)...build()`. */
  private built(name: number): void {
    const { a } = this;
    const types = typesOf(this.imports, a.tokens.text(name));
    const open = name + 5;
    if (types.length === 0 || segments(a, open).length < 2 || inTestCode(a, name)) {
      return;
    }
    this.made.set(name, types);
    this.push(types, name, chainOptions(a, a.partner[open]));
  }

  private push(types: string[], name: number, props: { options: OptionOccurrence[]; complete: boolean }): void {
    const { a } = this;
    for (const type of types) {
      const anchor = a.tokenSpan(name);
      const context: OptionContext = { kind: 'cdk', type, options: [...props.options], complete: props.complete, anchor, typeSpan: anchor };
      addDerivedDefaults(a, type, context);
      a.contexts.push(context);
    }
  }

  /**
   * A method called on a construct (`sg.addIngressRule(...)`, `this.table.grantReadData(fn)`,
   * `db.getConnections().allowFrom(...)`): an option of the construct named by the method, as `calls.ts` makes
   * for TypeScript and Python. Static factories and lookups (`Table.fromTableName(...)`) have a class as receiver.
   */
  private method(index: number): void {
    const { a } = this;
    let end = index - 2;
    if (a.is(end, ')') && a.partner[end] === end - 1 && a.idIs(end - 2, 'getConnections') && a.isAccess(end - 3)) {
      end -= 4;
    }
    const types = a.isId(end) && !REFERENCE_FACTORY.test(a.tokens.text(index)) ? this.receiverTypes(end) : [];
    if (types.length === 0 || inTestCode(a, index)) {
      return;
    }
    const close = a.partner[index + 1];
    if (a.idIs(index, 'addProxy') && types.some((type) => type.startsWith('aws_rds.'))) {
      // `db.addProxy("Proxy", DatabaseProxyOptions.builder()...build())` makes a DatabaseProxy, as in TypeScript.
      const options = segments(a, index + 1)[1];
      this.push(['aws_rds.DatabaseProxy'], index, options ? propsArgument(a, options[0], options[1]) : { options: [], complete: false });
      return;
    }
    const option = occurrenceOf(a, { key: index, valueStart: index + 2, valueEnd: close, removalStart: index, removalEnd: close });
    for (const type of types) {
      a.contexts.push({ kind: 'cdk', type, options: [option], complete: false, anchor: a.tokenSpan(index) });
    }
  }

  /** The construct types of the variable or `this.` field that ends at `name`: what made it, else its declared type. */
  private receiverTypes(name: number): string[] {
    const { a } = this;
    const text = a.tokens.text(name);
    let binding;
    if (a.isAccess(name - 1)) {
      const classScope = a.idIs(name - 2, 'this') && !a.isAccess(name - 3) ? a.scopes.enclosing(name, ['class']) : -1;
      binding = classScope > 0 ? a.scopes.member(classScope, text, true) : undefined;
    } else {
      binding = a.scopes.lookup(text, name);
    }
    if (!binding || binding.method || binding.element) {
      return [];
    }
    const made = binding.expression >= 0 ? this.made.get(binding.expression) : undefined;
    if (made) {
      return made;
    }
    // `SecurityGroup sg`, `private final Table table;`, `ITable table`: the declared type, a class of the CDK the file
    // imports; an interface stands for its class, as TypeScript's annotations do (`values.ts` cdkAnnotationType).
    const type = binding.token - 1;
    const types = a.isId(type) && !a.isAccess(type - 1) ? typesOf(this.imports, a.tokens.text(type)) : [];
    return types.map((candidate) => candidate.replace(/\.I(?=[A-Z][^.]*$)/, '.'));
  }
}

/** The CDK constructs of a Java file that imports aws-cdk-lib's service packages, as `cdk` contexts. */
export function javaCdkConstructs(a: CodeAnalyzer): void {
  if (!a.text.includes(CDK_ROOT)) {
    return;
  }
  const imports = cdkImports(a);
  if (imports.classes.size > 0 || imports.wildcards.length > 0) {
    new JavaCdkReader(a, imports).read();
  }
}
