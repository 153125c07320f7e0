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
 * workspace declares it. Only a file whose workspace (or itself) declares item helpers is read.
 */
import type { CodeAnalyzer } from '../analyzer';
import { classKey, ClassLanguage } from './baseClassFields';
import { classItemMethods } from './classItemHelpers';
import { callArgumentRanges, RmwDialect, typedBoundItemWritten, versionedOrUnseen } from '../readModifyWriteTyped';
import { chainStart } from '../receiverChains';
import type { ClassItemMethods } from '../../workspace/types';
import { Span } from '../../types';

/** Tokens after a reading call where its saving call is looked for: as far as the one-function flow reads. */
const MAX_TOKENS = 3000;
const VERSION_MARKERS: Record<ClassLanguage, readonly string[]> = {
  java: ['DynamoDbVersionAttribute', 'DynamoDBVersionAttribute'],
  csharp: ['DynamoDBVersion'],
};
const DECLARATION_ENDS = new Set([';', '=', ',', ')']);

/** The saving calls that put back, changed, what a reading method of the same repository returned to the same caller (see the module's comment). */
export function classHelperRewrites(a: CodeAnalyzer, rmw: RmwDialect, language: ClassLanguage): { tokenIndex: number; name: Span }[] {
  const own = a.operations.length > 0 ? classItemMethods(a, rmw) : {};
  if (Object.keys(own).length === 0 && !a.project?.classItemHelpersExist?.()) {
    return [];
  }
  const declared = declaredTypes(a);
  const helpersOf = (type: string): ClassItemMethods | undefined => (Object.hasOwn(own, type) ? own[type] : a.project?.classItemHelper?.(classKey(language, type)));
  const found: { tokenIndex: number; name: Span }[] = [];
  for (let k = 2; k + 1 < a.tokens.length; k++) {
    if (!a.isId(k) || !a.is(k + 1, '(') || !a.isAccess(k - 1)) {
      continue;
    }
    const receiver = receiverOf(a, k, declared);
    const helpers = receiver && helpersOf(receiver.type);
    const reader = helpers && Object.hasOwn(helpers.methods, a.tokens.text(k)) ? helpers.methods[a.tokens.text(k)].reads : undefined;
    const bound = reader ? boundName(a, rmw, receiver!.start) : undefined;
    const end = a.partner[k + 1] + 1;
    if (!reader || !bound || !a.is(end, ';')) {
      continue;
    }
    // The class as the caller declares it, or as the repository reads it for `var`.
    const type = bound.type === 'var' || bound.type === undefined ? reader.type : bound.type;
    if (type !== reader.type || versionedOrUnseen(a, language, type, VERSION_MARKERS[language])) {
      continue;
    }
    const caller = a.scopes.enclosing(k, ['function']);
    for (let w = end; w + 1 < a.tokens.length && w < k + MAX_TOKENS; w++) {
      const method = a.isId(w) && a.is(w + 1, '(') && a.isAccess(w - 1) && Object.hasOwn(helpers!.methods, a.tokens.text(w)) ? helpers!.methods[a.tokens.text(w)].puts : undefined;
      if (!method || method.table !== reader.table || method.type !== type || a.scopes.enclosing(w, ['function']) !== caller || receiverOf(a, w, declared)?.text !== receiver!.text) {
        continue;
      }
      const argument = callArgumentRanges(a, w + 1)[method.position];
      if (argument && typedBoundItemWritten(a, rmw, bound.name, a.parent[receiver!.start], end, w, argument[0], argument[1])) {
        found.push({ tokenIndex: w, name: a.tokenSpan(w) });
      }
    }
  }
  return found;
}

/**
 * The names the file declares with a class type (`private final AccountRepository accounts;`, a parameter
 * `IAccountRepository accounts)`, `var`-less locals), by name; a name declared with two types is left out.
 */
function declaredTypes(a: CodeAnalyzer): Map<string, string> {
  const types = new Map<string, string | null>();
  for (let k = 1; k + 2 < a.tokens.length; k++) {
    if (a.isId(k) && a.isId(k + 1) && DECLARATION_ENDS.has(a.tokens.text(k + 2)) && !a.isAccess(k - 1) && /^[A-Z]/.test(a.tokens.text(k))) {
      const name = a.tokens.text(k + 1);
      const type = a.tokens.text(k);
      types.set(name, types.has(name) && types.get(name) !== type ? null : type);
    }
  }
  const known = new Map<string, string>();
  types.forEach((type, name) => type !== null && known.set(name, type));
  return known;
}

/** The receiver of the call at `k` (`accounts`, `this.accounts`, `_accounts`): its text, declared type and where its expression starts. */
function receiverOf(a: CodeAnalyzer, k: number, declared: ReadonlyMap<string, string>): { text: string; type: string; start: number } | undefined {
  const start = chainStart(a, k - 2);
  const self = a.idIs(start, 'this') && a.isAccess(start + 1) && start + 2 === k - 2;
  const name = self ? start + 2 : start === k - 2 ? start : -1;
  const type = name >= 0 ? declared.get(a.tokens.text(name)) : undefined;
  return type === undefined ? undefined : { text: a.tokens.text(name), type, start };
}

/** The name a statement binds to the call starting at `start` (`Account a = …`, `var a = await …`), with the type it is declared with. */
function boundName(a: CodeAnalyzer, rmw: RmwDialect, start: number): { name: string; type?: string } | undefined {
  const at = a.idIs(start - 1, 'await') ? start - 2 : start - 1;
  const name = a.is(at, '=') ? rmw.assignedNames(a, at)?.[0] : undefined;
  return name === undefined ? undefined : { name, type: a.isId(at - 2) ? a.tokens.text(at - 2) : undefined };
}
