/**
 * The primary key a Query names in full, for `readModifyWrite.ts`: a `KeyConditionExpression` written as a literal
 * of two equalities joined by `and` (`'BankName = :bank and DateSec = :day'`, attribute names through a literal
 * `ExpressionAttributeNames`) on a table, not an index. A key condition holds the partition key's equality and
 * at most one sort key condition, so two equalities name one item, whose attributes and values (as the literal
 * `ExpressionAttributeValues` writes them) a fresh item must repeat to be that item.
 */
import type { CodeAnalyzer } from './analyzer';
import { literalEntries } from './readModifyWrite';
import { OperationOccurrence, OptionOccurrence } from '../model';
import { normalizeName } from '../types';

const KEY_CONDITION = normalizeName('KeyConditionExpression');
const VALUES = normalizeName('ExpressionAttributeValues');
const NAMES = normalizeName('ExpressionAttributeNames');
const INDEX = normalizeName('IndexName');
/** `name = :value`, the name a plain attribute or a `#placeholder`. */
const EQUALITY = /^\s*(#?[A-Za-z_][\w.-]*)\s*=\s*(:[\w-]+)\s*$/;

/** Attribute → value as written, for a Query on a table whose key condition is two literal equalities; else undefined. */
export function queriedKey(a: CodeAnalyzer, query: OperationOccurrence): Map<string, string> | undefined {
  const options = query.request?.options ?? [];
  const condition = options.find((option) => option.norm === KEY_CONDITION && !option.absent)?.literal;
  if (condition?.kind !== 'str' || options.some((option) => option.norm === INDEX && !option.absent)) {
    return undefined;
  }
  const values = entriesOf(a, options.find((option) => option.norm === VALUES));
  const names = entriesOf(a, options.find((option) => option.norm === NAMES));
  const parts = condition.value.split(/\s+and\s+/i);
  const key = new Map<string, string>();
  for (const part of parts) {
    const match = EQUALITY.exec(part);
    const name = match ? (match[1].startsWith('#') ? names?.get(match[1]) : match[1]) : undefined;
    const value = match ? values?.get(match[2]) : undefined;
    if (!name || value === undefined) {
      return undefined;
    }
    key.set(unquoted(name), value);
  }
  return parts.length === 2 && key.size === 2 ? key : undefined;
}

/** A literal map option's entries, its keys without their quotes (`':bank'` → `:bank`). */
function entriesOf(a: CodeAnalyzer, option: OptionOccurrence | undefined): Map<string, string> | undefined {
  if (!option) {
    return undefined;
  }
  const written = literalEntries(a, ...a.tokensOf(option.value));
  return written && new Map([...written].map(([name, value]) => [unquoted(name), value]));
}

function unquoted(text: string): string {
  return /^(['"`]).*\1$/.test(text) ? text.slice(1, -1) : text;
}
