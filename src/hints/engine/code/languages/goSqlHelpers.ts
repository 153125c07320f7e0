/**
 * Go, workspace mode: a Lambda handler's call of a function that another file of the module declares and that
 * makes an SDK or Redis client, or opens a SQL connection pool, on each call (`persistence.NewDB()` of an imported package of the module, or
 * `openDB()` of another file of the handler's package; `workspace/goSqlOpeners.ts` tells which), read as the
 * connection the handler opens on every invocation, also unqualified through a dot import (`goDotImports.ts`). A name
 * the file binds itself hides the other file's function.
 */
import type { CodeAnalyzer } from '../analyzer';
import type { HintService } from '../../types';
import type { GoPackageMembers } from '../../workspace/types';
import { unqualifiedMembers } from './goDotImports';
import { GO_PROJECT_MODULE, packageMembers } from './goProject';

/** A call of such a function: its first token, the function's name, the token after it, and whether it opens a SQL pool. */
export interface GoMakerCall {
  start: number;
  name: number;
  end: number;
  sql: boolean;
  /** The service of the client a function that returns a type of its package holding it makes (`wrapperMakers`). */
  wrapped?: HintService;
  /** Its client takes the options of the SDK configuration it loads from its parameters: the call's arguments decide (`configuredMakers`). */
  configured?: true;
}

/** `pkg.Name(...)` or `name(...)` at `k`, when the function it calls makes a client or opens a SQL connection pool on each call. */
export function goMakerCall(a: CodeAnalyzer, k: number): GoMakerCall | undefined {
  if (!a.project || !a.isId(k) || a.isAccess(k - 1)) {
    return undefined;
  }
  const qualified = a.isAccess(k + 1) && a.isId(k + 2) && a.is(k + 3, '(');
  // A function another file of the package declares to return a client is bound here already, with no token (`goProject.ts`).
  const bound = a.scopes.lookup(a.tokens.text(k), k);
  // A package variable of this file holding another package's function (`var NewClient = store.NewClient`) calls that function.
  const held = !qualified && bound !== undefined && bound.token >= 0 && a.scopes.enclosing(bound.token, ['function']) < 0 ? heldFunction(a, bound.token) : undefined;
  if ((!qualified && !a.is(k + 1, '(')) || (bound !== undefined && held === undefined && (qualified || bound.token !== -1))) {
    return undefined;
  }
  const alias = held ?? (qualified ? k : undefined);
  const imported = alias !== undefined ? a.imports.get(a.tokens.text(alias)) : undefined;
  if (alias !== undefined && !imported?.module.startsWith(GO_PROJECT_MODULE)) {
    return undefined;
  }
  const name = qualified ? k + 2 : k;
  const called = held !== undefined ? a.tokens.text(held + 2) : a.tokens.text(name);
  // Unqualified: a function of the file's own package, or of a package it dot-imports.
  const members = imported ? packageMembers(a, imported.module.slice(GO_PROJECT_MODULE.length)) : unqualifiedMembers(a, (package_) => makesPerCall(package_, called));
  const open = name + 1;
  const sql = members?.sqlOpeners?.includes(called) === true;
  const wrappers = members?.wrapperMakers;
  const wrapped = wrappers && Object.hasOwn(wrappers, called) ? wrappers[called] : undefined;
  const configured = members?.configuredMakers?.includes(called) ? { configured: true as const } : {};
  if (wrapped) {
    return { start: k, name, end: a.partner[open] + 1, sql: false, wrapped, ...configured };
  }
  return sql || members?.clientMakers?.includes(called) ? { start: k, name, end: a.partner[open] + 1, sql, ...configured } : undefined;
}

/** Whether the package declares `name` as a function that makes a client or opens a SQL pool on each call. */
function makesPerCall(members: GoPackageMembers, name: string): boolean {
  const wrappers = members.wrapperMakers;
  return members.sqlOpeners?.includes(name) === true || members.clientMakers?.includes(name) === true || (wrappers !== undefined && Object.hasOwn(wrappers, name));
}

/**
 * `Name = alias.Func` at `k` in a `var` declaration (`var Name = ...`, or a line of a `var ( ... )` block), the value
 * a qualified name and nothing more (no call, no member of it): the alias token, or undefined.
 */
export function heldFunction(a: CodeAnalyzer, k: number): number | undefined {
  const value = k + 2;
  const inBlock = a.parent[k] >= 0 && a.is(a.parent[k], '(') && a.idIs(a.parent[k] - 1, 'var');
  if (!a.isId(k) || !a.is(k + 1, '=') || !(a.idIs(k - 1, 'var') || (inBlock && a.startsLine(k)))) {
    return undefined;
  }
  const next = value + 3;
  const ends = next >= a.tokens.length || a.startsLine(next) || a.is(next, ')') || a.is(next, ';');
  return a.isId(value) && a.isAccess(value + 1) && a.isId(value + 2) && ends ? value : undefined;
}
