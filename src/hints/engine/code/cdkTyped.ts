/**
 * What the Java, C# and Go CDK readers (`languages/javaCdk.ts`, `languages/csharpCdk.ts`, `languages/goCdk.ts`) share: a construct's
 * context as TypeScript props make it (`calls.ts`), and the methods called on constructs
 * (`sg.addIngressRule(...)`, `table.grantFullAccess(fn)`, `db.getConnections().allowFrom(...)` in Java,
 * `db.Connections.AllowFrom(...)` in C#, `db.Connections().AllowFrom(...)` in Go), each an option of the construct named by the method in TypeScript's
 * lower camel case, as `code/cdk.ts` and the rules read them.
 */
import { LAMBDA_CONSTRUCTS } from '../iac/lambdaEnvironment';
import { OptionContext } from '../model';
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { addDerivedDefaults } from './cdkDefaults';
import { typedEnvironmentPasswords } from './cdkTypedEnvironment';
import { occurrenceOf } from './options';
import { inTestCode } from './testFixtures';

/** The props and options structs constructs take (`DatabaseInstanceProps`, `TablePropsV2`, `DatabaseProxyOptions`): no construct. */
export const PROPS_TYPE = /(?:Props(?:V2)?|Options)$/;

/** Existing resources named by their attributes (`fromDatabaseInstanceAttributes`, `FromTableName`, `fromLookup`) create nothing. */
const REFERENCE_FACTORY = /^[fF]rom[A-Z]/;

export interface TypedCdkFile {
  /** The construct types a class name (`DatabaseInstance`, C# `Rds.DatabaseInstance`) may be: none when the file's imports do not name a CDK class. */
  typesOf(name: string): string[];
  /** The props of a construct whose props argument spans tokens [start, end), in the context of `type`. */
  props(type: string, nameIndex: number, start: number, end: number): OptionContext;
  /**
   * The construct types a name's declaration gives it where the type follows the name (Go's `sg awsec2.SecurityGroup`);
   * without it, the type is read before the name, as Java and C# declare it.
   */
  typeAfterName?(name: number): string[];
  /** The construct types of a field a value holds (Go's `s.db` where `s` is a struct of the file with `db awsrds.DatabaseInstance`). */
  heldTypes?(field: number): string[];
}

/** A construct `type`'s context, with the defaults its props derive (`cdkDefaults.ts`). */
export function pushConstruct(a: CodeAnalyzer, type: string, props: OptionContext): void {
  addDerivedDefaults(a, type, props);
  if (LAMBDA_CONSTRUCTS.has(type)) {
    props.options.push(...typedEnvironmentPasswords(a, props));
  }
  a.contexts.push(props);
}

function lowerCamel(name: string): string {
  return name[0].toLowerCase() + name.slice(1);
}

/**
 * The method calls on constructs of the file: on a variable or `this.` field that `made` says a construct expression
 * gives (by its first token), or whose declared type is a CDK class or interface (`ITable` stands for `Table`, as
 * TypeScript annotations do).
 */
export function constructMethods(a: CodeAnalyzer, file: TypedCdkFile, made: ReadonlyMap<number, readonly string[]>): void {
  for (let i = 2; i < a.tokens.length; i++) {
    if (!a.isId(i) || !a.isAccess(i - 1) || !a.is(i + 1, '(') || a.partner[i + 1] < i) {
      continue;
    }
    let end = i - 2;
    // Java `db.getConnections().allowFrom(...)`, Go `db.Connections().AllowFrom(...)`, C# `db.Connections.AllowFrom(...)`: the construct's own connections.
    if (a.is(end, ')') && a.partner[end] === end - 1 && (a.idIs(end - 2, 'getConnections') || a.idIs(end - 2, 'Connections')) && a.isAccess(end - 3)) {
      end -= 4;
    } else if (a.idIs(end, 'Connections') && a.isAccess(end - 1)) {
      end -= 2;
    }
    const method = a.tokens.text(i);
    const types = a.isId(end) && !REFERENCE_FACTORY.test(method) ? receiverTypes(a, file, made, end) : [];
    if (types.length === 0 || inTestCode(a, i)) {
      continue;
    }
    const close = a.partner[i + 1];
    const name = lowerCamel(method);
    if (name === 'addProxy' && types.some((type) => type.startsWith('aws_rds.'))) {
      // `db.addProxy("Proxy", options)` makes a DatabaseProxy, as in TypeScript.
      const options = segments(a, i + 1)[1];
      const props = options ? file.props('aws_rds.DatabaseProxy', i, options[0], options[1]) : { kind: 'cdk' as const, type: 'aws_rds.DatabaseProxy', options: [], complete: false, anchor: a.tokenSpan(i) };
      pushConstruct(a, 'aws_rds.DatabaseProxy', { ...props, typeSpan: a.tokenSpan(i) });
      continue;
    }
    const option = occurrenceOf(a, { key: i, valueStart: i + 2, valueEnd: close, removalStart: i, removalEnd: close, ...(name !== method ? { name } : {}) });
    for (const type of types) {
      a.contexts.push({ kind: 'cdk', type, options: [option], complete: false, anchor: a.tokenSpan(i) });
    }
  }
}

/** The construct types of the variable or `this.` field that ends at `name`: what made it, else its declared type. */
function receiverTypes(a: CodeAnalyzer, file: TypedCdkFile, made: ReadonlyMap<number, readonly string[]>, name: number): readonly string[] {
  const text = a.tokens.text(name);
  let binding;
  if (a.isAccess(name - 1)) {
    const classScope = a.idIs(name - 2, 'this') && !a.isAccess(name - 3) ? a.scopes.enclosing(name, ['class']) : -1;
    binding = classScope > 0 ? a.scopes.member(classScope, text, true) : undefined;
    if (!binding && file.heldTypes) {
      return file.heldTypes(name).map(forClass);
    }
  } else {
    binding = a.scopes.lookup(text, name);
  }
  if (!binding || binding.method || binding.element) {
    return [];
  }
  const expression = binding.expression >= 0 ? made.get(binding.expression) : undefined;
  if (expression) {
    return expression;
  }
  // `SecurityGroup sg`, `private final Table table;`, `ITable table`, Go's `sg awsec2.SecurityGroup`: the declared type;
  // an interface stands for its class.
  const type = binding.token - 1;
  const types = file.typeAfterName ? file.typeAfterName(binding.token) : a.isId(type) && !a.isAccess(type - 1) ? file.typesOf(a.tokens.text(type)) : [];
  return types.map(forClass);
}

/** The class an interface type stands for (`aws_dynamodb.ITable`: `aws_dynamodb.Table`). */
function forClass(type: string): string {
  return type.replace(/\.I(?=[A-Z][^.]*$)/, '.');
}
