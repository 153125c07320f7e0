/**
 * A JavaScript conditional that picks one of two clients (`process.env.DAX_ENDPOINT ? new AmazonDaxClient(...)
 * : new AWS.DynamoDB()`, a local endpoint or the real one): the client it gives either way. Read only where both
 * branches make clients of the same service; a low-level client and a document client give the document
 * client, whose methods include the low-level ones (`services.ts`).
 */
import type { CodeAnalyzer } from './analyzer';
import { chainEnd } from './receiverChains';
import type { Value } from './values';

/** The client a `cond ? a : b` whose `?` is at `question` gives, if both branches give one, and where it ends. */
export function conditionalClient(a: CodeAnalyzer, question: number): { value: Value | undefined; end: number } {
  const yes = a.evalChain(question + 1, a.tokens.length);
  if (yes.value?.t !== 'client' || !a.is(yes.end, ':')) {
    return { value: undefined, end: yes.end };
  }
  const no = a.evalChain(yes.end + 1, a.tokens.length);
  if (no.value?.t !== 'client') {
    return { value: undefined, end: no.end };
  }
  if (no.value.kind === yes.value.kind) {
    return { value: yes.value, end: no.end };
  }
  const kinds = new Set([yes.value.kind, no.value.kind]);
  return { value: kinds.has('dynamodb') && kinds.has('dynamodb-document') ? { t: 'client', kind: 'dynamodb-document' } : undefined, end: no.end };
}

/** Where the `?` of a conditional whose condition is the dotted name or call from `start` is (`process.env.X ?`), or -1. */
function questionAfter(a: CodeAnalyzer, start: number): number {
  const end = chainEnd(a, start);
  return end > 0 && a.is(end, '?') ? end : -1;
}

/** The chain from `start` as `evalChain` reads it, or the conditional it is the condition of (an exported binding's value). */
export function chainOrConditional(a: CodeAnalyzer, start: number): { value: Value | undefined; end: number } {
  const chain = a.evalChain(start, a.tokens.length);
  const question = chain.value === undefined && a.language.family === 'js' ? questionAfter(a, start) : -1;
  return question > 0 ? conditionalClient(a, question) : chain;
}
