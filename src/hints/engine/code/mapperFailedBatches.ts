/**
 * Java and Kotlin `DynamoDBMapper` batch writes whose failed batches are dropped. `batchSave`, `batchDelete` and
 * `batchWrite` resend unprocessed items themselves, but a batch that fails with an exception (a validation error,
 * throttling past the client's retries) does not throw: it comes back in the returned `List<FailedBatch>`, with its
 * items and the exception (DynamoDBMapper.batchWrite javadoc, "Returns: A list of failed batches which includes the
 * unprocessed items and the exceptions causing the failure"). A call written as a statement of its own drops that
 * list, so those writes are lost without a trace. A call whose list is returned, assigned or passed on leaves it to
 * that code, and `batchLoad`'s result is the items it read.
 */
import type { CodeAnalyzer } from './analyzer';
import { endsStatement } from './firstItemDialects';

const MAPPER_BATCH_WRITES = new Set(['batchsave', 'batchdelete', 'batchwrite']);
/** Tokens before a receiver chain that start a new statement in Java and Kotlin. */
const STATEMENT_OPENERS = new Set([';', '{', '}', '->']);
/** Keywords whose parenthesized head a statement may follow without braces (`if (retry) mapper.batchSave(items);`). */
const CONTROL_KEYWORDS = new Set(['if', 'for', 'while']);

/** Whether the mapper batch write `method` (normalized), whose receiver chain starts at `start` and whose argument list closes at `close`, is a statement of its own. */
export function dropsFailedBatches(a: CodeAnalyzer, method: string, start: number, close: number): boolean {
  if (!MAPPER_BATCH_WRITES.has(method) || close < 0 || !endsStatement(a, close + 1)) {
    return false;
  }
  if (start <= 0 || STATEMENT_OPENERS.has(a.tokens.text(start - 1))) {
    // `items -> mapper.batchSave(items)` is a lambda's value: only a block body (`-> {`) drops it.
    return !a.is(start - 1, '->') || a.language.id === 'kotlin';
  }
  if (a.idIs(start - 1, 'else') || (a.is(start - 1, ')') && CONTROL_KEYWORDS.has(a.tokens.text(a.partner[start - 1] - 1)))) {
    return true;
  }
  // Kotlin statements end with their line: a call that starts a line after a complete one (not after `=`, `(`, `,`, an operator).
  return a.language.id === 'kotlin' && a.startsLine(start) && /^[\w)\]}"'`]$/.test(lastChar(a, start - 1)) && !a.idIs(start - 1, 'return');
}

function lastChar(a: CodeAnalyzer, index: number): string {
  const text = a.tokens.text(index);
  return text.slice(-1);
}
