/**
 * boto3's `batch_writer()` opened inside a loop, once per element: `for day in days: with table.batch_writer() as
 * batch: batch.put_item(Item=...)`. The writer buffers its puts and deletes and sends them when 25 are waiting or
 * when its `with` block ends, so a block that writes the element's one or few items sends one BatchWriteItem per
 * element and waits for it: the round trip per item that the batch writer exists to save. Opened once, around the
 * loop, it sends 25 items a call (boto3's `BatchWriter` flushes at its `flush_amount`, 25, and in `__exit__`:
 * https://boto3.amazonaws.com/v1/documentation/api/latest/reference/services/dynamodb/table/batch_writer.html). A block that loops over the element's items itself (a chunk per iteration) is left
 * alone, as is a writer handed to a helper: what it writes is not in sight.
 */
import type { CodeAnalyzer } from '../analyzer';
import { elementLoopAround, retriesOrPolls } from '../loops';
import { chainStart } from '../receiverChains';

/** Tokens of a `with` block read for its writes: a loop body's few statements (the scan stays linear). */
const MAX_BLOCK_TOKENS = 1200;
/** The writer's methods that buffer one item each. */
const BUFFERED_WRITES = ['put_item', 'delete_item'];

/**
 * Whether the `batch_writer` named at `name` is the context of a `with` statement that runs once per element of a
 * loop of its function, and whose block writes through it without a loop of its own.
 */
export function batchWriterPerElement(a: CodeAnalyzer, name: number): boolean {
  if (a.language.family !== 'python' || !a.idIs(name, 'batch_writer') || !a.is(name + 1, '(')) {
    return false;
  }
  const close = a.partner[name + 1];
  const start = a.isAccess(name - 1) ? chainStart(a, name - 2) : -1;
  const writer = a.idIs(close + 1, 'as') && a.isId(close + 2) ? close + 2 : -1;
  if (start <= 0 || !a.idIs(start - 1, 'with') || writer < 0 || !a.is(writer + 1, ':')) {
    return false;
  }
  if (elementLoopAround(a, name) < 0 || retriesOrPolls(a, name)) {
    return false;
  }
  return writesOnceThrough(a, start - 1, writer);
}

/**
 * Whether the block of the `with` statement at `keyword` calls `put_item` or `delete_item` on the writer named at
 * `writer`, with no loop (statement or comprehension) of its own: its block ends at the first later statement line
 * indented no deeper than the `with`.
 */
function writesOnceThrough(a: CodeAnalyzer, keyword: number, writer: number): boolean {
  const indent = a.lines.position(a.tokens.starts[keyword]).character;
  const last = Math.min(a.tokens.length, writer + 2 + MAX_BLOCK_TOKENS);
  let writes = false;
  for (let k = writer + 2; k < last; k++) {
    if (a.startsLine(k) && a.parent[k] === -1 && a.lines.position(a.tokens.starts[k]).character <= indent) {
      return writes;
    }
    if (a.idIs(k, 'for') || a.idIs(k, 'while')) {
      return false;
    }
    writes ||= a.tokens.is(k, a.tokens.text(writer)) && a.isAccess(k + 1) && a.tokens.isOneOf(k + 2, BUFFERED_WRITES) && a.is(k + 3, '(');
  }
  // The file ends inside the block (or the block is longer than is read): only a block that ends with the file counts.
  return last === a.tokens.length && writes;
}
