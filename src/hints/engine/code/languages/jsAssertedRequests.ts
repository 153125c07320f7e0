/**
 * TypeScript request literals typed by a type assertion on the literal itself rather than by an annotation:
 * `const input = <QueryCommandInput>{ IndexName: 'LoginIndex', ... }` (the angle-bracket form older code and
 * NestJS repositories write) and `{ ... } as QueryCommandInput` or `satisfies QueryCommandInput`. As with
 * `const input: QueryCommandInput = { ... }` (`jsTypedRequests.ts`), the type names the operation, so the
 * literal's options are that request's even when a project wrapper sends it (`this.db.query(table, input)`).
 * In a test the literal is an expectation or a fixture (`expect(db.query).toBeCalledWith('T', <QueryCommandInput>{
 * ... })`): the request the reviewer reads is the one the code under test builds.
 */
import { codeOf } from '../../tokenCodes';
import type { CodeAnalyzer } from '../analyzer';
import { contextFrom } from '../options';
import { inTestCode } from '../testFixtures';
import { operationOfInputType } from './jsTypedRequests';

const LESS = codeOf('<');
const CLOSE_BRACE = codeOf('}');

/** One request context per object literal under an SDK input type's assertion. */
export function assertedRequests(a: CodeAnalyzer): void {
  const codes = a.tokens.codes;
  for (let i = 1; i < codes.length - 2; i++) {
    if (codes[i] === LESS && a.isId(i + 1)) {
      angleAsserted(a, i);
    } else if (codes[i] === CLOSE_BRACE && (a.idIs(i + 1, 'as') || a.idIs(i + 1, 'satisfies')) && a.isId(i + 2)) {
      suffixAsserted(a, i);
    }
  }
}

/** `<Type>{ ... }`: the type between `<` at `at` and its `>`, then the literal right after. */
function angleAsserted(a: CodeAnalyzer, at: number): void {
  // A generic call's type argument (`send<QueryCommandInput>(...)`) follows a name; an assertion only `return`.
  if ((a.isId(at - 1) && !a.idIs(at - 1, 'return')) || a.is(at - 1, ')') || a.is(at - 1, ']')) {
    return;
  }
  const typed = operationOfInputType(a, at + 1);
  const open = typed && a.is(typed.last + 1, '>') ? typed.last + 2 : -1;
  if (typed && a.is(open, '{') && a.partner[open] > open && !inTestCode(a, open)) {
    a.contexts.push(contextFrom(a, open, a.partner[open], 'sdk', typed.operation, a.tokenSpan(typed.last)));
  }
}

/** `{ ... } as Type` and `{ ... } satisfies Type`, the literal closing at `close`; only the type, nothing after it but the statement's end. */
function suffixAsserted(a: CodeAnalyzer, close: number): void {
  const open = a.partner[close];
  const typed = open >= 0 && open < close && a.is(open, '{') ? operationOfInputType(a, close + 2) : undefined;
  const after = typed ? typed.last + 1 : -1;
  const ends = after >= a.tokens.length || a.is(after, ';') || a.is(after, ',') || a.is(after, ')') || a.startsLine(after);
  if (typed && ends && !inTestCode(a, open)) {
    a.contexts.push(contextFrom(a, open, close, 'sdk', typed.operation, a.tokenSpan(typed.last)));
  }
}
