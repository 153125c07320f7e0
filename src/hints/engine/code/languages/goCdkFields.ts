/**
 * CDK constructs a Go app keeps in the fields of its own struct (`type AppStack struct { db awsrds.IDatabaseInstance;
 * table awsdynamodb.Table }`), built in one method and used in another (`s.db.Connections().AllowDefaultPortFrom(...)`,
 * `s.table.GrantFullAccess(fn)`): the field's declared construct type, read where the holder is a receiver, parameter
 * or variable of that struct (`func (s *AppStack) perms(...)`, `s := &AppStack{...}`). Only a struct the file declares.
 */
import type { CodeAnalyzer } from '../analyzer';
import { FileMemo } from '../fileMemo';
import { startsField, structBraces } from './goPackageStructs';

const braces = new FileMemo<'structs', ReadonlyMap<string, number>>();

/**
 * The construct types of the field named at `field` (`db` of `s.db`), by its declaration in the struct the holder is
 * declared or made with; `typeAfterName` reads a declaration's type after its name.
 */
export function heldConstructTypes(a: CodeAnalyzer, field: number, typeAfterName: (name: number) => string[]): string[] {
  const holder = field - 2;
  if (!a.isAccess(field - 1) || !a.isId(holder) || a.isAccess(holder - 1)) {
    return [];
  }
  const binding = a.scopes.lookup(a.tokens.text(holder), holder);
  const struct = binding && !binding.element && !binding.method ? structOf(a, binding.token, binding.expression) : undefined;
  const brace = struct === undefined ? undefined : braces.get(a, 'structs', () => new Map(structBraces(a))).get(struct);
  if (brace === undefined) {
    return [];
  }
  const name = a.tokens.text(field);
  for (let k = brace + 1; k < a.partner[brace]; k = a.skipGroup(k)) {
    if (a.isId(k) && a.tokens.text(k) === name && startsField(a, brace, k)) {
      return typeAfterName(k);
    }
  }
  return [];
}

/**
 * The name of the file's struct a holder has: declared after its name (`s *AppStack`, `s AppStack`), or made by
 * the expression that binds it (`&AppStack{...}`, `AppStack{...}`).
 */
function structOf(a: CodeAnalyzer, token: number, expression: number): string | undefined {
  const declared = token >= 0 ? (a.is(token + 1, '*') ? token + 2 : token + 1) : -1;
  if (declared > 0 && a.isId(declared) && !a.isAccess(declared + 1)) {
    return a.tokens.text(declared);
  }
  const made = expression >= 0 && a.is(expression, '&') ? expression + 1 : expression;
  return made >= 0 && a.isId(made) && a.is(made + 1, '{') ? a.tokens.text(made) : undefined;
}
