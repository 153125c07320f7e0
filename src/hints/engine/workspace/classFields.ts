/**
 * Java and C# classes in the workspace model: the fields (and C# properties) of a client library's type that a
 * class lets its subclasses read, by the class's qualified name with its language (`java:shop.data.TableService`,
 * `csharp:Shop.Data.BaseRepo`). A subclass in another file (`class OrderService extends DdbServiceBase`,
 * `class OrderRepo : BaseRepo`) reads `dbClient`, `this.dbClient`, `super.dbClient` or `base.Client` as that
 * client (`code/languages/baseClassFields.ts`), as does a name declared with the class or with an interface so indexed
 * (`IDynamoContext db` then `db.Context`), and a class named as a receiver (`RedisCache.Database`). A method that
 * returns a client is kept as `name()`, what a call of it gives (`RedisCache.GetDatabase()`, `factory.mapper()`),
 * marked `perCall` when it is static and builds the client on each call (`staticMakers.ts`); a method that makes a
 * client in its body on each call, whatever it returns, is kept as `made:name` (`methodMakers.ts`). A class or
 * interface that is a client itself by its base list (`interface IRedisContext : IDisposable, IDatabase`) is kept
 * under `SELF_KEY`, so that a name declared with it in another file is that client.
 * Only a file that names a client library and declares a member other files can see is read, with the analyzer's
 * bindings alone; test sources are not.
 */
import { CodeAnalyzer } from '../code/analyzer';
import { classKey, ClassLanguage, SELF_KEY } from '../code/languages/baseClassFields';
import { csharp } from '../code/languages/csharp';
import { NAMES_DISTINCTIVE_TYPE } from '../code/languages/csharpImpliedUsings';
import { java } from '../code/languages/java';
import { LIBRARY_TYPE_NAMES } from '../code/languages/javaLibraries';
import { CLIENT_TYPES as STACKEXCHANGE_TYPES } from '../code/stackExchangeRedis';
import { TYPED_CLIENTS } from '../services';
import { exportedClient } from '../code/projectImports';
import type { Value } from '../code/values';
import type { Binding } from '../scope/scopes';
import { LineIndex } from '../text';
import { holderCandidates, mayBeHolderType } from './classHolders';
import { isTestSource } from './mappedClasses';
import { staticMakerAt } from './staticMakers';
import { lombokGetterField, mayDeclareLombokGetters } from '../code/languages/javaLombokGetters';
import { methodsMakingClients } from './methodMakers';
import { javaConstruction } from '../code/handlerClients';
import { constructedKey, constructorArities, jvmConstructorClient } from '../code/languages/jvmConstructorClients';
import { EVERY_CONSTRUCTOR_KEY } from '../code/languages/csharpServiceLifetimes';
import { emptyContribution } from './contribution';
import { forwardedCalls, implementedInterfaces } from './classForwards';
import { ExportedClient, FileContribution, ForwardedCall } from './types';

/**
 * The client libraries, as the languages know them: their packages or namespaces, and in C# the type names only they
 * declare, which name the library in a file whose `using` is the project's `global using` (`public IDatabase Db =>
 * connection.GetDatabase()` beside `ConnectionMultiplexer.Connect(...)`, the analyzer's `csharpImpliedUsings.ts`).
 */
const CLIENT_LIBRARY: Record<ClassLanguage, (text: string) => boolean> = {
  java: (text) => /\bimport\s+(?:software\.amazon\.awssdk\.(?:services\.(?:dynamodb|rds|rdsdata|elasticache)|enhanced\.dynamodb)|com\.amazonaws\.services\.(?:dynamodbv2|rds|rdsdata|elasticache)|redis\.clients\.jedis|io\.lettuce\.core|org\.springframework\.data\.redis|org\.redisson|io\.awspring\.cloud\.dynamodb)\b/.test(text),
  csharp: (text) => /\busing\s+(?:Amazon\.(?:DynamoDBv2|RDS|RDSDataService|ElastiCache)|StackExchange\.Redis)\b/.test(text) || NAMES_DISTINCTIVE_TYPE.test(text),
};
/** A member a subclass can see: `protected`, or a class meant to be extended; or an interface, whose members are public. */
const INHERITABLE = /\bprotected\s|\babstract\s+class\b|\binterface\s/;
/** A client construction a field initialiser or constructor may hold (`new AmazonDynamoDBClient()`, `DynamoDbClient.create()`, `.build()`). */
const MAY_MAKE_CLIENT = /\bnew\s+[A-Z]\w*\s*\(|\.(?:create|build|defaultClient|Connect|ConnectAsync)\s*\(/;
/** The type a `public` member declares, by its simple name (`public static Jedis getJedis()`, `public IDatabase Cache =>`). */
const PUBLIC_MEMBER = /\bpublic\s+(?:(?:static|final|virtual|override|sealed|synchronized|async|new|readonly|abstract)\s+)*(?:[A-Za-z_]\w*\.)*([A-Za-z_]\w*)/g;
/** A member's name after its type: `tables(`, `Tables {`, `Tables =>`, `db;` (not a constructor's parameter list). */
const NAMED_MEMBER = /^\s+[A-Za-z_]\w*\s*[({;=]/;
/** How far past a public member's type its name is looked for. */
const NAME_REACH = 80;
/** The client types a holder class's public member may declare: the SDKs', Java's Redis and DynamoDB libraries', StackExchange.Redis's. */
const CLIENT_TYPE_NAMES = new Set([...Object.keys(TYPED_CLIENTS), ...LIBRARY_TYPE_NAMES, ...STACKEXCHANGE_TYPES]);
/** How far back from a member's name its modifiers are looked for (`protected static final DynamoDbClient client`). */
const MODIFIER_REACH = 12;
/** Classes and fields one file tells about, at most: far more than real code has. */
const MAX_CLASSES = 16;
const MAX_FIELDS = 32;
/** A name that, as a key of the plain records the model keeps, would set the record's prototype. */
const PROTO = '__proto__';

/** A C# `global using Name.Space;` (not `global using static`, not an alias), at the start of a line. */
const GLOBAL_USING = /^[ \t]*global[ \t]+using[ \t]+([A-Za-z_][\w.]*)[ \t]*;/gm;
/** Namespaces one file brings in globally, at most: far more than real projects write. */
const MAX_GLOBAL_USINGS = 128;

/** Whether a C# file may hold `global using` directives. */
export function mayUseGlobally(text: string): boolean {
  return text.includes('global using');
}

/** The namespaces a C# file's `global using` directives name, which its project's other files read classes from by simple name. */
export function globalUsings(text: string): string[] {
  return [...text.matchAll(GLOBAL_USING)].slice(0, MAX_GLOBAL_USINGS).map((match) => match[1]);
}

/** Whether a Java or C# file may declare a client field for a subclass in another file, from its path and text alone. */
export function mayLendClassFields(file: string, language: ClassLanguage, text: string): boolean {
  return !isTestSource(file) && CLIENT_LIBRARY[language](text) && (lendsMembers(text) || MAY_MAKE_CLIENT.test(text));
}

/** Whether the file may declare a member that a subclass or a user of its class reads a client through. */
function lendsMembers(text: string): boolean {
  return INHERITABLE.test(text) || declaresPublicClient(text) || mayDeclareLombokGetters(text);
}

/**
 * Whether a `public` member declares a client type: a holder class others call for its client (`public DynamoDbClient
 * getClient()`); or, followed by its name, a type that may be another project class (`public Tables tables()`).
 */
function declaresPublicClient(text: string): boolean {
  for (const match of text.matchAll(PUBLIC_MEMBER)) {
    if (CLIENT_TYPE_NAMES.has(match[1]) || (mayBeHolderType(match[1]) && NAMED_MEMBER.test(text.slice(match.index + match[0].length, match.index + match[0].length + NAME_REACH)))) {
      return true;
    }
  }
  return false;
}

/**
 * The file's classes with the client fields their subclasses see, by `classKey`, and the interfaces they implement;
 * with `reads.forwards`, also the calls their methods hand on to other project classes (`classForwards.ts`).
 */
export function indexClassFields(language: ClassLanguage, text: string, reads: { lends: boolean; forwards: boolean }): FileContribution | undefined {
  const a = new CodeAnalyzer(text, language === 'java' ? java : csharp, new LineIndex(text));
  a.bind();
  const classes: Record<string, Record<string, ExportedClient>> = {};
  const holders: Record<string, Record<string, string[]>> = {};
  const forwards: Record<string, Record<string, ForwardedCall[]>> = {};
  const interfaces: Record<string, string[][]> = {};
  let count = 0;
  let container = '';
  const members = reads.lends && lendsMembers(text);
  for (let k = 0; k + 1 < a.tokens.length && count < MAX_CLASSES; k++) {
    if (a.isAccess(k - 1)) {
      continue;
    }
    // Java has one package per file; a C# class belongs to the namespace declared last before it.
    if ((language === 'java' && a.idIs(k, 'package')) || (language === 'csharp' && a.idIs(k, 'namespace'))) {
      container = a.dottedPath(k + 1).text;
      continue;
    }
    const isInterface = a.idIs(k, 'interface');
    if (!(isInterface || a.idIs(k, 'class')) || !a.isId(k + 1)) {
      continue;
    }
    const name = a.tokens.text(k + 1);
    const scope = a.scopes.classNamed(name);
    if (scope <= 0 || a.scopes.enclosing(k, ['class']) > 0 || name === PROTO) {
      continue;
    }
    const { fields, held } = members ? clientFields(a, language, scope, isInterface) : { fields: {}, held: {} };
    if (!isInterface && reads.lends) {
      Object.assign(fields, constructedClients(a, scope), methodsMakingClients(a, scope));
    }
    // An interface or class that extends a client type and defines none of its commands is that client.
    const self = reads.lends ? exportedClient(a, { t: 'instance', classScope: scope }) : undefined;
    if (self) {
      fields[SELF_KEY] = self;
    }
    const key = classKey(language, container ? `${container}.${name}` : name);
    const forwarded = reads.forwards && !isInterface ? forwardedCalls(a, language, scope) : {};
    const implemented = isInterface ? [] : implementedInterfaces(a, language, k + 1);
    if (Object.keys(fields).length > 0) {
      classes[key] = fields;
    }
    if (Object.keys(held).length > 0) {
      holders[key] = held;
    }
    if (Object.keys(forwarded).length > 0) {
      forwards[key] = forwarded;
    }
    if (implemented.length > 0) {
      interfaces[key] = implemented;
    }
    count += classes[key] || holders[key] || forwards[key] || interfaces[key] ? 1 : 0;
  }
  return count > 0
    ? {
        ...emptyContribution(),
        classFields: classes,
        ...(Object.keys(holders).length > 0 ? { classHolders: holders } : {}),
        ...(Object.keys(forwards).length > 0 ? { classForwards: forwards } : {}),
        ...(Object.keys(interfaces).length > 0 ? { classInterfaces: interfaces } : {}),
      }
    : undefined;
}

/**
 * The class's members that a subclass or a user of the class sees and that hold a client: fields and properties
 * by name, and methods whose declared return type is a client by `name()` (`getClient()`, `Create()`), which
 * calls through a value of the class read (`db.getClient().scan(...)`, `factory.Create()`).
 */
function clientFields(a: CodeAnalyzer, language: ClassLanguage, scope: number, isInterface: boolean): { fields: Record<string, ExportedClient>; held: Record<string, string[]> } {
  const fields: Record<string, ExportedClient> = {};
  // Members declared with a type that may be another project class (`classHolders.ts`), by the same keys.
  const held: Record<string, string[]> = {};
  let count = 0;
  for (const [name, bindings] of a.scopes.bindingsIn(scope)) {
    // The declarations in the class body say who sees the member; assignments in its methods do not.
    const declarations = bindings.filter((binding) => a.scopes.enclosing(binding.token, ['function', 'class']) === scope);
    if (count >= MAX_FIELDS || name === PROTO || declarations.length === 0) {
      continue;
    }
    // A private field and the public method that hands it out (`mapper` and `mapper()`) are two members.
    const methods = declarations.filter((binding) => binding.method);
    const visible = (group: readonly Binding<Value>[]): boolean => group.length > 0 && group.every((binding) => isInterface || inheritable(a, language, binding.token));
    const field = methods.length === 0 && visible(declarations) ? fieldClient(a, scope, name) : undefined;
    const method = visible(methods) ? methodClient(a, methods) : undefined;
    if (field) {
      fields[name] = field;
      count++;
    }
    if (method) {
      fields[`${name}()`] = method;
      count++;
    }
    // A field with a Lombok getter (`@Getter private DynamoDBMapper mapper;`): callers read `getMapper()`.
    const getter = `get${name.charAt(0).toUpperCase()}${name.slice(1)}`;
    const lent = methods.length === 0 && lombokGetterField(a, scope, getter) === name ? (field ?? fieldClient(a, scope, name)) : undefined;
    if (lent) {
      fields[`${getter}()`] = lent;
      count++;
    }
    const group = methods.length > 0 ? methods : declarations;
    const holder = field || method || !visible(group) ? undefined : holderCandidates(a, language, group);
    if (holder) {
      held[methods.length > 0 ? `${name}()` : name] = holder;
      count++;
    }
  }
  return { fields, held };
}

function fieldClient(a: CodeAnalyzer, scope: number, name: string): ExportedClient | undefined {
  const value = a.member({ t: 'instance', classScope: scope }, name);
  return value && exportedClient(a, value);
}

/**
 * The client every declaration of a method (each overload) declares it returns: its declared type alone, as
 * the compiler holds callers to it; a method declared `Object`, `var` or a type parameter gives nothing.
 */
function methodClient(a: CodeAnalyzer, declarations: readonly Binding<Value>[]): ExportedClient | undefined {
  let agreed: ExportedClient | undefined;
  for (const binding of declarations) {
    const client = binding.declared && exportedClient(a, binding.declared);
    if (!client || (agreed && JSON.stringify(agreed) !== JSON.stringify(client))) {
      return undefined;
    }
    agreed = client;
  }
  // A static factory that builds the client on each call: a handler calling it makes one per invocation.
  return agreed && declarations.every((binding) => staticMakerAt(a, binding.token)) ? { ...agreed, perCall: true } : agreed;
}

/**
 * The client each new instance of the class makes, by the number of arguments of its construction (`new(0)`): a Lambda
 * handler of another file that runs `new OrderRepository()` makes one per invocation (`code/constructorClients.ts`).
 */
function constructedClients(a: CodeAnalyzer, scope: number): Record<string, ExportedClient> {
  const found: Record<string, ExportedClient> = {};
  const arities = constructorArities(a, scope);
  for (const arity of arities) {
    const made = jvmConstructorClient(a, scope, arity, javaConstruction);
    const value = made && a.evalChain(made.start, made.end).value;
    const client = value && exportedClient(a, value);
    if (client) {
      found[constructedKey(arity)] = { ...client, perCall: true };
    }
  }
  // Whatever constructor a dependency-injection container picks (`code/languages/csharpServiceLifetimes.ts`).
  const first = found[constructedKey(arities[0])];
  if (first && arities.every((arity) => Object.hasOwn(found, constructedKey(arity)))) {
    found[EVERY_CONSTRUCTOR_KEY] = first;
  }
  return found;
}

/**
 * Whether the member whose name sits at `token` reaches a subclass: in Java unless `private`; in C#, whose
 * members are private unless they say otherwise, when `protected`, `public` or `internal`.
 */
function inheritable(a: CodeAnalyzer, language: ClassLanguage, token: number): boolean {
  for (let k = token - 1; k >= 0 && k >= token - MODIFIER_REACH; k--) {
    if (a.is(k, ';') || a.is(k, '{') || a.is(k, '}') || a.is(k, ']')) {
      break;
    }
    if (a.idIs(k, 'private')) {
      return false;
    }
    if (a.idIs(k, 'protected') || a.idIs(k, 'public') || a.idIs(k, 'internal')) {
      return true;
    }
  }
  return language === 'java';
}
