/**
 * JavaScript constructor functions, the class of pre-2015 Node code: `function Store() { this.client =
 * redis.createClient(); }` with methods set on its prototype (`Store.prototype.list = function () {
 * return this.client.hgetall('rooms'); }`). `this` in the constructor and in those methods is an instance
 * whose fields are the `this.x = ...` assignments in them, bound on the constructor's function scope.
 */
import type { CodeAnalyzer } from './analyzer';

/** Arrow functions between `this` and its function pass it through; this many is plenty. */
const MAX_ARROW_DEPTH = 8;

/**
 * The function scope of the constructor whose instance `this` is at a token: the constructor itself, or the
 * constructor a `Name.prototype.method = function` method belongs to; -1 for any other function (whose
 * `this` is whatever it is called on).
 */
export function constructorScope(a: CodeAnalyzer, token: number): number {
  let scope = a.scopes.enclosing(token, ['function']);
  for (let depth = 0; scope > 0 && depth < MAX_ARROW_DEPTH; depth++) {
    const fn = a.functions.get(scope);
    if (!fn) {
      return -1;
    }
    if (fn.concise >= 0 || (fn.body > 0 && a.is(fn.body - 1, '=>'))) {
      scope = enclosingFunction(a, a.scopes.parent(scope));
      continue;
    }
    return ownConstructor(a, fn.params, scope);
  }
  return -1;
}

/** The constructor of a `function` whose parameters open at `params`, or -1. */
function ownConstructor(a: CodeAnalyzer, params: number, scope: number): number {
  const named = a.isId(params - 1) && a.idIs(params - 2, 'function');
  const keyword = named ? params - 2 : a.idIs(params - 1, 'function') ? params - 1 : -1;
  if (keyword < 0) {
    return -1;
  }
  const assigned = a.idIs(keyword - 1, 'async') ? keyword - 2 : keyword - 1;
  if (!a.is(assigned, '=')) {
    // `function Store() {`: a declaration whose capitalised name marks a constructor.
    return named && !a.idIs(keyword - 1, 'async') && isConstructorName(a.tokens.text(params - 1)) ? scope : -1;
  }
  // `Store.prototype.list = function`: the method of the constructor `Store` names.
  const owner = assigned - 5;
  if (!a.isId(assigned - 1) || !a.isAccess(assigned - 2) || !a.idIs(assigned - 3, 'prototype') || !a.isAccess(assigned - 4) || !a.isId(owner) || a.isAccess(owner - 1)) {
    return -1;
  }
  const declared = a.scopes.lookup(a.tokens.text(owner), owner)?.fixed;
  if (declared?.t !== 'function') {
    return -1;
  }
  const fn = a.functions.get(declared.scope);
  return fn && a.idIs(fn.params - 2, 'function') && isConstructorName(a.tokens.text(fn.params - 1)) ? declared.scope : -1;
}

/** The nearest function scope from `scope` up (itself included), or -1. */
function enclosingFunction(a: CodeAnalyzer, scope: number): number {
  let outer = scope;
  while (outer > 0 && a.scopes.kind(outer) !== 'function') {
    outer = a.scopes.parent(outer);
  }
  return outer > 0 ? outer : -1;
}

function isConstructorName(name: string): boolean {
  const first = name.charCodeAt(0);
  return first >= 65 && first <= 90;
}
