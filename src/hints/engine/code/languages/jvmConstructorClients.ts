/**
 * Java and C# classes each of whose instances makes a client: an instance field initialised with one (`private final
 * DynamoDbClient ddb = DynamoDbClient.create();`, `private readonly IAmazonDynamoDB _ddb = new AmazonDynamoDBClient();`,
 * an auto-property's `{ get; } = new ...`), or every constructor of the arity used making one in its body or in its
 * `this(...)`/`: this(...)` call (`this.client = DynamoDbClient.builder().build();`, `var client = new
 * AmazonDynamoDBClient(); _context = new DynamoDBContext(client);`). A Lambda handler that runs `new OrderRepository()`
 * then makes a client per invocation (`constructorClients.ts`); in workspace mode the class may be another file's,
 * whose index keeps the client under `new(<arity>)` (`workspace/classFields.ts`).
 *
 * Not per instance: a `static` (C# `const`) field, a field a constructor assigns that is static, a client built from the
 * constructor's parameters or locals (`DynamoDbClient.builder().region(region)`), made only as a fallback for one
 * passed in (`client ?? new AmazonDynamoDBClient()`, `client != null ? client : DynamoDbClient.create()`), or a
 * mapper, context or enhanced client over a shared static client (`new DynamoDBMapper(SHARED)`).
 */
import { segments } from '../braces';
import type { CodeAnalyzer } from '../analyzer';
import { FileMemo } from '../fileMemo';
import type { FunctionScope } from '../language';
import type { Construction, HandlerReader } from '../handlerClients';
import { dependsOnInvocation } from '../invocationDependence';
import { inTestCode } from '../testFixtures';

/** Tokens of a class read for field initialisers and of a constructor read for the client it makes. */
const MAX_CLASS_TOKENS = 20000;
const MAX_CONSTRUCTOR_TOKENS = 1000;
/** Constructors of one class compared: more than real classes declare. */
const MAX_CONSTRUCTORS = 8;
/** How far back from a field's name its modifiers are looked for (`private static final DynamoDbClient client`). */
const MODIFIER_REACH = 12;
/** What precedes a fallback value: `client ?? new X()`, `cond ? client : X.create()`, `client || ...` is not Java or C#. */
const FALLBACKS = new Set(['??', '?', ':']);

/** The key under which a Java or C# class's index records the client each instance made with `arity` arguments makes. */
export function constructedKey(arity: number): string {
  return `new(${arity})`;
}

/** The number of arguments of the call whose `(` is at `open`. */
export function argumentCount(a: CodeAnalyzer, open: number): number {
  return segments(a, open).length;
}

/** Per file, by `classScope:arity`, the client each instance made with that many arguments makes, or null. */
const constructed = new FileMemo<string, Construction | null>();

/**
 * The client each instance of the class at `classScope` made with `arity` arguments makes and keeps (on the instance
 * or in a constructor's locals), read with `construction`; undefined when no constructor of that arity is declared
 * but others are, or when one of them makes none and no field initialiser does.
 */
export function jvmConstructorClient(a: CodeAnalyzer, classScope: number, arity: number, construction: HandlerReader['construction']): Construction | undefined {
  return (
    constructed.get(a, `${classScope}:${arity}`, () => {
      const field = fieldInitialiserClient(a, classScope, construction);
      if (field) {
        return field;
      }
      const matching = constructorsOf(a, classScope).filter((constructor) => argumentCount(a, constructor.open) === arity);
      if (matching.length === 0) {
        return null;
      }
      let found: Construction | null = null;
      for (const constructor of matching) {
        const made = constructorBodyClient(a, classScope, constructor, construction);
        if (!made) {
          return null;
        }
        found ??= made;
      }
      return found;
    }) ?? undefined
  );
}

/** The arities of the class's declared constructors, or `[0]` for the default one. */
export function constructorArities(a: CodeAnalyzer, classScope: number): number[] {
  const all = constructorsOf(a, classScope);
  return all.length === 0 ? [0] : [...new Set(all.map((constructor) => argumentCount(a, constructor.open)))];
}

/**
 * A constructor: its function and the `(` of its parameter list. A C# constructor with an initialiser (`Repo() :
 * this(new AmazonDynamoDBClient())`) is read as a function whose parameters are the initialiser's arguments.
 */
interface Constructor {
  fn: FunctionScope;
  open: number;
}

/** The class's constructors: its functions named as the class (`public OrderRepository(...)`), or C#'s `: this(...)`, `: base(...)`. */
function constructorsOf(a: CodeAnalyzer, classScope: number): Constructor[] {
  const name = a.scopes.nameOfClass(classScope) ?? '';
  const found: Constructor[] = [];
  for (const fn of a.functions.values()) {
    if (found.length >= MAX_CONSTRUCTORS) {
      break;
    }
    if (fn.params <= 0 || a.scopes.parent(fn.scope) !== classScope || a.isAccess(fn.params - 2) || a.idIs(fn.params - 2, 'new')) {
      continue;
    }
    const initialised = (a.idIs(fn.params - 1, 'this') || a.idIs(fn.params - 1, 'base')) && a.is(fn.params - 2, ':') && a.is(fn.params - 3, ')') ? a.partner[fn.params - 3] : -1;
    if (initialised > 0 && a.idIs(initialised - 1, name)) {
      found.push({ fn, open: initialised });
    } else if (a.idIs(fn.params - 1, name)) {
      found.push({ fn, open: fn.params });
    }
  }
  return found;
}

/** A client an instance field's initialiser makes (`private final DynamoDbClient ddb = DynamoDbClient.create();`). */
function fieldInitialiserClient(a: CodeAnalyzer, classScope: number, construction: HandlerReader['construction']): Construction | undefined {
  const [start, end] = a.scopes.range(classScope);
  for (let j = start; j < end && j < start + MAX_CLASS_TOKENS; j++) {
    if (a.scopes.enclosing(j, ['function', 'class']) !== classScope) {
      continue;
    }
    const made = construction(a, j);
    if (!made) {
      continue;
    }
    const name = initialisedMember(a, made.start);
    if (name >= 0 && !isStaticMember(a, name) && !wrapsSharedClient(a, made, construction, -1) && !inTestCode(a, j)) {
      return made;
    }
    j = made.end - 1;
  }
  return undefined;
}

/** The name token of the field or auto-property that the value at `start` initialises (`x = ...`, `X { get; } = ...`), or -1. */
function initialisedMember(a: CodeAnalyzer, start: number): number {
  if (!a.is(start - 1, '=')) {
    return -1;
  }
  if (a.isId(start - 2) && !a.isAccess(start - 3)) {
    return start - 2;
  }
  const open = a.is(start - 2, '}') ? a.partner[start - 2] : -1;
  return open > 0 && a.isId(open - 1) ? open - 1 : -1;
}

/** Whether the member whose name sits at `token` is declared `static` (or C# `const`). */
function isStaticMember(a: CodeAnalyzer, token: number): boolean {
  for (let k = token - 1; k >= 0 && k >= token - MODIFIER_REACH; k--) {
    if (a.is(k, ';') || a.is(k, '{') || a.is(k, '}') || a.is(k, ']')) {
      return false;
    }
    if (a.idIs(k, 'static') || a.idIs(k, 'const')) {
      return true;
    }
  }
  return false;
}

/** The client a constructor makes in its own body, or in its C# `: this(...)` initialiser, on each run. */
function constructorBodyClient(a: CodeAnalyzer, classScope: number, { fn, open }: Constructor, construction: HandlerReader['construction']): Construction | undefined {
  const [, end] = a.scopes.range(fn.scope);
  const from = open === fn.params ? a.partner[fn.params] + 1 : fn.params + 1;
  for (let j = from; j < end && j < from + MAX_CONSTRUCTOR_TOKENS; j++) {
    const own = j < fn.body || a.scopes.enclosing(j, ['function']) === fn.scope;
    if (own && a.idIs(j, 'return')) {
      return undefined;
    }
    const made = own ? construction(a, j) : undefined;
    if (!made) {
      continue;
    }
    const given = open !== fn.params && namesParameter(a, open, made);
    const fresh = !FALLBACKS.has(a.tokens.text(made.start - 1)) && !given && !wrapsSharedClient(a, made, construction, fn.scope);
    if (fresh && keptByInstance(a, classScope, fn, made.start) && !dependsOnInvocation(a, made, fn.params, end) && !inTestCode(a, j)) {
      return made;
    }
    j = made.end - 1;
  }
  return undefined;
}

/**
 * Whether the construction only wraps a client made elsewhere and shared (`new DynamoDBMapper(SHARED)`, `new
 * DynamoDBContext(Clients.Dynamo)`, `.dynamoDbClient(Clients.V2)`): a mapper or context over a static client opens no
 * connections of its own. A client made in the same expression or held by a local of the constructor `scope` is no
 * shared one (`var client = new AmazonDynamoDBClient(); _context = new DynamoDBContext(client);`).
 */
function wrapsSharedClient(a: CodeAnalyzer, made: Construction, construction: HandlerReader['construction'], scope: number): boolean {
  for (let k = made.name + 1; k < made.end; k++) {
    if (!a.isId(k) || a.isAccess(k - 1)) {
      continue;
    }
    const inner = construction(a, k);
    if (inner) {
      k = inner.end - 1;
      continue;
    }
    const binding = a.scopes.lookup(a.tokens.text(k), k);
    const local = binding !== undefined && scope > 0 && a.scopes.enclosing(binding.token, ['function']) === scope;
    const { value, end } = a.evalChain(k, made.end);
    if (value?.t === 'client' && !local) {
      return true;
    }
    k = Math.max(k, end - 1);
  }
  return false;
}

/** Whether the construction names a parameter of the list at `open` (`Repo(string region) : this(new X(region))`). */
function namesParameter(a: CodeAnalyzer, open: number, made: Construction): boolean {
  const names = new Set<string>();
  for (let k = open + 1; k < a.partner[open]; k++) {
    if (a.isId(k) && (a.is(k + 1, ',') || a.is(k + 1, ')') || a.is(k + 1, '='))) {
      names.add(a.tokens.text(k));
    }
  }
  for (let k = made.name + 1; k < made.end; k++) {
    if (a.isId(k) && !a.isAccess(k - 1) && names.has(a.tokens.text(k))) {
      return true;
    }
  }
  return false;
}

/**
 * Whether the value at `start` lives with the instance: assigned to one of its fields (`this.client =`, `client =`,
 * `_client =`) that is not static, to a local, or handed on (`this(DynamoDbClient.create())`, `new
 * DynamoDBContext(new AmazonDynamoDBClient())`); not assigned to a parameter (a fallback), to another class's
 * member or to a static field (`if (client == null) client = ...`: made once, then kept).
 */
function keptByInstance(a: CodeAnalyzer, classScope: number, fn: FunctionScope, start: number): boolean {
  if (!a.is(start - 1, '=')) {
    return true;
  }
  const target = start - 2;
  if (!a.isId(target)) {
    return false;
  }
  const name = a.tokens.text(target);
  if (a.isAccess(target - 1)) {
    return a.idIs(target - 2, 'this') && !a.isAccess(target - 3) && instanceField(a, classScope, name);
  }
  const declaring = a.scopes.declaringScope(name, target);
  if (declaring === classScope) {
    return instanceField(a, classScope, name);
  }
  // A local keeps it for this run; a parameter set here is a fallback for one not given.
  const first = declaring === fn.scope ? a.scopes.bindingsIn(fn.scope).get(name)?.[0] : undefined;
  return first !== undefined && first.token > a.partner[fn.params];
}

/** Whether `name` is a field the class declares in its body without `static` (or C# `const`). */
function instanceField(a: CodeAnalyzer, classScope: number, name: string): boolean {
  const names = a.scopes.bindingsIn(classScope);
  const declared = [...(names.get(name) ?? []), ...(names.get(`.${name}`) ?? [])].find((binding) => a.scopes.enclosing(binding.token, ['function', 'class']) === classScope);
  return declared !== undefined && !isStaticMember(a, declared.token);
}
