/**
 * Java and C# read-modify-write through repository classes (`classItemHelpers.ts`): a service that gets an object
 * from a repository method, changes it and hands it to the repository's saving method on the same receiver, as an
 * injected Spring or ASP.NET Core service does:
 *
 *     Account account = accounts.findById(id);          var account = await _accounts.GetAsync(id);
 *     account.setBalance(account.getBalance() + n);      account.Balance += n;
 *     accounts.save(account);                            await _accounts.SaveAsync(account);
 *
 * Reported at the saving call. The receiver is a field, parameter or local the file declares with the repository's
 * class, or an interface one class alone implements (`IAccountRepository _accounts`); the repository is this file's
 * class or, in workspace mode, another file's. Both methods must use one mapper receiver and class, and the class
 * must carry no version attribute (the mapper's save of a versioned class is conditional), as this file or the
 * workspace declares it. Only a file whose workspace (or itself) declares item helpers is read. A repository that
 * wraps the object in an `Optional` is read through the unwrap that hands it over (`findById(id).orElseThrow(…)`),
 * a service's own getter of a repository read as that read (`classItemLocalReaders.ts`), and a repository that
 * inherits its methods from a generic base class with the base's types bound (`classItemSubclasses.ts`).
 */
import type { CodeAnalyzer } from '../analyzer';
import { ClassLanguage, firstFound, typeCandidates } from './baseClassFields';
import { classItemMethods } from './classItemHelpers';
import { callArgumentRanges, RmwDialect, typedBoundItemWritten, versionedOrUnseen } from '../readModifyWriteTyped';
import { chainStart } from '../receiverChains';
import { angleDepthBackward } from '../typeArguments';
import { typeListNames } from './classItemSubclasses';
import { perFile } from '../fileMemo';
import { localReaders, ReaderCall } from './classItemLocalReaders';
import type { ClassItemMethods } from '../../workspace/types';
import { Span } from '../../types';

/** Tokens after a reading call where its saving call is looked for: as far as the one-function flow reads. */
const MAX_TOKENS = 3000;
const VERSION_MARKERS: Record<ClassLanguage, readonly string[]> = {
  java: ['DynamoDbVersionAttribute', 'DynamoDBVersionAttribute'],
  csharp: ['DynamoDBVersion'],
};
const DECLARATION_ENDS = new Set([';', '=', ',', ')']);
/** Tokens a declared type's argument list may span (`IRepository<Order, Guid>`). */
const MAX_TYPE_ARGUMENT_TOKENS = 16;

/** The saving calls that put back, changed, what a reading method of the same repository returned to the same caller (see the module's comment). */
export function classHelperRewrites(a: CodeAnalyzer, rmw: RmwDialect, language: ClassLanguage): { tokenIndex: number; name: Span }[] {
  const own = a.operations.length > 0 ? classItemMethods(a, rmw) : {};
  if (Object.keys(own).length === 0 && !a.project?.classItemHelpersExist?.()) {
    return [];
  }
  const declared = declaredTypes(a);
  const helpersOf = (type: string): ClassItemMethods | undefined => (Object.hasOwn(own, type) ? own[type] : projectHelpers(a, language, type));
  const readerAt = (k: number): ReaderCall | undefined => {
    // `accounts.save(a)`, or Java's `accounts::save` handed to an iterating method (`items.forEach(accounts::save)`).
    const named = a.isId(k) && ((a.is(k + 1, '(') && a.isAccess(k - 1)) || (language === 'java' && a.is(k - 1, '::')));
    const receiver = named ? receiverOf(a, k, declared) : undefined;
    const helpers = receiver && helpersOf(receiver.type);
    const reads = helpers && Object.hasOwn(helpers.methods, a.tokens.text(k)) ? helpers.methods[a.tokens.text(k)].reads : undefined;
    const end = reads ? unwrappedEnd(a, a.partner[k + 1] + 1, reads.optional) : -1;
    return receiver && reads && end > 0 ? { receiver, reads, end } : undefined;
  };
  const getters = localReaders(a, readerAt);
  const found: { tokenIndex: number; name: Span }[] = [];
  for (let k = 2; k + 1 < a.tokens.length; k++) {
    const read = readerAt(k) ?? getterCall(a, k, getters);
    const bound = read && a.is(read.end, ';') ? boundName(a, rmw, read.receiver.start) : undefined;
    if (!read || !bound) {
      continue;
    }
    const { receiver, reads: reader, end } = read;
    const helpers = helpersOf(receiver.type)!;
    // The class as the caller declares it, or as the repository reads it for `var`.
    const type = bound.type === 'var' || bound.type === undefined ? reader.type : bound.type;
    if (type !== reader.type || versionedOrUnseen(a, language, type, VERSION_MARKERS[language])) {
      continue;
    }
    const caller = a.scopes.enclosing(k, ['function']);
    for (let w = end; w + 1 < a.tokens.length && w < k + MAX_TOKENS; w++) {
      const method = a.isId(w) && a.is(w + 1, '(') && a.isAccess(w - 1) && Object.hasOwn(helpers.methods, a.tokens.text(w)) ? helpers.methods[a.tokens.text(w)].puts : undefined;
      if (!method || method.table !== reader.table || method.type !== type || a.scopes.enclosing(w, ['function']) !== caller || receiverOf(a, w, declared)?.text !== receiver.text) {
        continue;
      }
      const argument = callArgumentRanges(a, w + 1)[method.position];
      if (argument && typedBoundItemWritten(a, rmw, bound.name, a.parent[receiver.start], end, w, argument[0], argument[1])) {
        found.push({ tokenIndex: w, name: a.tokenSpan(w) });
      }
    }
  }
  return found;
}

/**
 * Calls of another file's repository methods that save their parameter with one unconditional write
 * (`orders.save(order)`, `await _orders.SaveAsync(order)`) and run once per element of a loop (`perElement`): their
 * name tokens, for `dynamodb-item-loop`. The receiver is declared with the repository's class as above; a class with
 * a version attribute, or one the workspace does not show, is saved with a condition, which no batch write carries;
 * a save through a Java async client hands back a future or publisher that the caller need not wait for.
 */
export function classItemSavesPerElement(a: CodeAnalyzer, language: ClassLanguage, perElement: (name: number) => boolean): number[] {
  if (!a.project?.classItemHelpersExist?.()) {
    return [];
  }
  const declared = declaredTypes(a);
  const found: number[] = [];
  for (let k = 2; k + 1 < a.tokens.length; k++) {
    // `accounts.save(a)`, or Java's `accounts::save` handed to an iterating method (`items.forEach(accounts::save)`).
    const named = a.isId(k) && ((a.is(k + 1, '(') && a.isAccess(k - 1)) || (language === 'java' && a.is(k - 1, '::')));
    const receiver = named ? receiverOf(a, k, declared) : undefined;
    const helpers = receiver && projectHelpers(a, language, receiver.type);
    const name = a.tokens.text(k);
    const saves = helpers && Object.hasOwn(helpers.methods, name) ? helpers.methods[name].puts : undefined;
    const type = saves && helpers && receiver ? boundType(saves.type, helpers, declaredTypeArguments(a).get(receiver.text)) : undefined;
    if (saves && type !== undefined && !saves.async && !versionedOrUnseen(a, language, type, VERSION_MARKERS[language]) && perElement(k)) {
      found.push(k);
    }
  }
  return found;
}

/**
 * The item helpers of the project class a type name written in this file stands for, looked for as the language
 * finds the class (its namespaces or package, then its usings or imports, then the simple name alone), so that
 * two classes of one simple name in two namespaces stay apart.
 */
export function projectHelpers(a: CodeAnalyzer, language: ClassLanguage, type: string): ClassItemMethods | undefined {
  const lookup = a.project?.classItemHelper;
  return lookup && firstFound(typeCandidates(a, language, type), (key) => lookup(key) ?? undefined);
}

/**
 * The class a repository's method saves, as its holder sees it: a type parameter of a generic repository with one
 * (`RecordStore<T>`'s `T`) stands for the one type argument the holder is declared with (`IRecordStore<Claim>`);
 * undefined where it cannot be told.
 */
export function boundType(type: string, helpers: ClassItemMethods, typeArguments: readonly string[] | undefined): string | undefined {
  const parameters = helpers.typeParameters ?? [];
  if (!parameters.includes(type)) {
    return type;
  }
  return parameters.length === 1 && typeArguments?.length === 1 ? typeArguments[0] : undefined;
}

/**
 * Where a read's value is taken, past the call ending before `end`: the call itself, or, for a repository that
 * wraps the object in an `Optional`, past the unwrap that hands it over (`.orElseThrow(…)`, `.get()`,
 * `.orElse(null)`); -1 for an `Optional` kept or unwrapped otherwise (`.orElse(new Stock())` may be a new object).
 */
export function unwrappedEnd(a: CodeAnalyzer, end: number, optional: boolean | undefined): number {
  if (!optional) {
    return end;
  }
  const name = a.isAccess(end) && a.is(end + 2, '(') ? a.id(end + 1) : undefined;
  const close = name !== undefined ? a.partner[end + 2] : -1;
  const unwraps = name === 'orElseThrow' || (name === 'get' && close === end + 3) || (name === 'orElse' && close === end + 4 && a.idIs(end + 3, 'null'));
  return unwraps ? close + 1 : -1;
}

/** A call of one of the file's getters (`getStock(id)`, `this.getStock(id)`), as the read it returns. */
function getterCall(a: CodeAnalyzer, k: number, getters: ReadonlyMap<string, ReaderCall>): ReaderCall | undefined {
  const self = a.isAccess(k - 1) && a.idIs(k - 2, 'this') && !a.isAccess(k - 3);
  const getter = a.isId(k) && a.is(k + 1, '(') && (self || !a.isAccess(k - 1)) ? getters.get(a.tokens.text(k)) : undefined;
  return getter && { receiver: { ...getter.receiver, start: self ? k - 2 : k }, reads: getter.reads, end: a.partner[k + 1] + 1 };
}

/**
 * The names the file declares with a class type (`private final AccountRepository accounts;`, a parameter
 * `IAccountRepository accounts)`, `var`-less locals), by name; a name declared with two types is left out. Read once
 * per file: the read-modify-write and the per-element readers both ask.
 */
export const declaredTypes = perFile((a: CodeAnalyzer): ReadonlyMap<string, string> => {
  const types = new Map<string, string | null>();
  for (let k = 1; k + 2 < a.tokens.length; k++) {
    // `IRepository<Order> orders;` is declared with its generic type's name.
    const typeAt = a.is(k, '>') ? genericTypeName(a, k) : k;
    if (typeAt > 0 && a.isId(typeAt) && a.isId(k + 1) && DECLARATION_ENDS.has(a.tokens.text(k + 2)) && !a.isAccess(typeAt - 1) && /^[A-Z]/.test(a.tokens.text(typeAt))) {
      const name = a.tokens.text(k + 1);
      const type = a.tokens.text(typeAt);
      types.set(name, types.has(name) && types.get(name) !== type ? null : type);
    }
    const kotlin = a.language.id === 'kotlin' ? kotlinDeclaredType(a, k) : undefined;
    if (kotlin) {
      types.set(kotlin.name, types.has(kotlin.name) && types.get(kotlin.name) !== kotlin.type ? null : kotlin.type);
    }
  }
  const known = new Map<string, string>();
  types.forEach((type, name) => type !== null && known.set(name, type));
  return known;
});

/**
 * A Kotlin name declared with a class at `k`: a property, local or parameter with its type written
 * (`private val orders: OrderRepository`, `(orders: OrderRepository,`) or a property or local made by the class's
 * constructor (`val orders = OrderRepository()`); a generic or nullable type is none.
 */
function kotlinDeclaredType(a: CodeAnalyzer, k: number): { name: string; type: string } | undefined {
  const declares = a.idIs(k - 1, 'val') || a.idIs(k - 1, 'var');
  const typed = a.isId(k) && a.is(k + 1, ':') && (declares || a.is(k - 1, '(') || a.is(k - 1, ',')) && a.isId(k + 2) && !a.isAccess(k + 3) && !a.is(k + 3, '<') && !a.is(k + 3, '?') && !a.is(k + 3, '(');
  const made = declares && a.isId(k) && a.is(k + 1, '=') && a.isId(k + 2) && a.is(k + 3, '(') && !a.isAccess(a.partner[k + 3] + 1);
  const type = typed || made ? a.tokens.text(k + 2) : undefined;
  return type !== undefined && /^[A-Z]/.test(type) ? { name: a.tokens.text(k), type } : undefined;
}

/** The type arguments of the names the file declares with a generic class type (`IRecordStore<Claim> _claims;`: `Claim`). */
export const declaredTypeArguments = perFile((a: CodeAnalyzer): ReadonlyMap<string, string[]> => {
  const found = new Map<string, string[]>();
  const declared = declaredTypes(a);
  for (let k = 1; k + 2 < a.tokens.length; k++) {
    const name = a.is(k, '>') && a.isId(k + 1) && DECLARATION_ENDS.has(a.tokens.text(k + 2)) ? a.tokens.text(k + 1) : undefined;
    const typeAt = name !== undefined && declared.has(name) ? genericTypeName(a, k) : -1;
    if (name !== undefined && typeAt > 0 && a.idIs(typeAt, declared.get(name)!)) {
      found.set(name, typeListNames(a, typeAt + 1));
    }
  }
  return found;
});

/** The name before the type argument list that closes at `close` (`IRepository<Order>`: `IRepository`), or -1. */
function genericTypeName(a: CodeAnalyzer, close: number): number {
  let depth = 0;
  for (let k = close; k > 0 && k > close - MAX_TYPE_ARGUMENT_TOKENS; k--) {
    depth += angleDepthBackward(a, k);
    if (depth === 0) {
      return k - 1;
    }
    if (!a.isId(k) && !a.is(k, ',') && !a.is(k, '.') && !a.is(k, '?') && angleDepthBackward(a, k) === 0) {
      return -1;
    }
  }
  return -1;
}

/** The receiver of the call at `k` (`accounts`, `this.accounts`, `_accounts`): its text, declared type and where its expression starts. */
export function receiverOf(a: CodeAnalyzer, k: number, declared: ReadonlyMap<string, string>): { text: string; type: string; start: number } | undefined {
  const start = chainStart(a, k - 2);
  const self = a.idIs(start, 'this') && a.isAccess(start + 1) && start + 2 === k - 2;
  const name = self ? start + 2 : start === k - 2 ? start : -1;
  // A Kotlin `object` is called through its own name (`Ledger.record(entry)`): the receiver is the class.
  const objectName = name >= 0 && !self && a.language.id === 'kotlin' && /^[A-Z]/.test(a.tokens.text(name)) ? a.tokens.text(name) : undefined;
  const type = name >= 0 ? (declared.get(a.tokens.text(name)) ?? objectName) : undefined;
  return type === undefined ? undefined : { text: a.tokens.text(name), type, start };
}

/** The name a statement binds to the call starting at `start` (`Account a = …`, `var a = await …`), with the type it is declared with. */
function boundName(a: CodeAnalyzer, rmw: RmwDialect, start: number): { name: string; type?: string } | undefined {
  const at = a.idIs(start - 1, 'await') ? start - 2 : start - 1;
  const name = a.is(at, '=') ? rmw.assignedNames(a, at)?.[0] : undefined;
  return name === undefined ? undefined : { name, type: a.isId(at - 2) ? a.tokens.text(at - 2) : undefined };
}
