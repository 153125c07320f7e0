/**
 * A uniqueness check by search (JavaScript, TypeScript, Python): a `Query` on an index, or a `Scan` with a filter,
 * that looks for items whose attribute equals a value, then, when it found none, a `PutItem` with no condition
 * of a new item that carries that value:
 *
 *     const { Items } = await doc.send(new QueryCommand({ TableName: T, IndexName: 'byEmail',
 *       KeyConditionExpression: 'email = :email', ExpressionAttributeValues: { ':email': email } }));
 *     if (Items.length > 0) throw new ConflictError();
 *     await doc.send(new PutCommand({ TableName: T, Item: { id: randomUUID(), email, name } }));
 *
 * Two runs can both find the value unused and both create an item with it. A condition on the Put cannot help:
 * it sees only the item being written, whose key is new. DynamoDB keeps a value unique only as a key, so the
 * fix is a marker item keyed by the value, written with `attribute_not_exists` in the same transaction
 * (https://aws.amazon.com/blogs/database/simulating-amazon-dynamodb-unique-constraints-using-transactions/).
 * The search's equality must be one attribute against one placeholder (`email = :email`, boto3's
 * `Key("email").eq(email)` or `Attr("email").eq(email)`), the Put's `Item` a literal that writes that attribute
 * with the same value as written, on the same table, and the guard an `if` on what the search returned, as for a
 * check by GetItem (`checkThenPut.ts`).
 */
import type { CodeAnalyzer } from './analyzer';
import { expressionEnd, segments } from './braces';
import { guardedAfter, itemTokens } from './checkThenPut';
import { literalMap } from './literalMaps';
import { literalEntries, MAX_TOKENS, sameTable } from './readModifyWrite';
import { tokensText } from './readModifyWriteTypedValues';
import { TOKEN_KIND } from '../lexer';
import { OperationOccurrence } from '../model';
import { normalizeName } from '../types';

const INDEX_NAME = normalizeName('IndexName');
const KEY_CONDITION = normalizeName('KeyConditionExpression');
const FILTER = normalizeName('FilterExpression');
const VALUES = normalizeName('ExpressionAttributeValues');
const NAMES = normalizeName('ExpressionAttributeNames');
/** `email = :email`, `#e = :e`: one attribute against one placeholder. */
const ONE_EQUALITY = /^\s*(#?[A-Za-z_][\w.-]*)\s*=\s*(:[A-Za-z_]\w*)\s*$/;

/** Whether the PutItem `put` creates an item carrying the value the search `search` of the same function found unused (see the module's comment). */
export function createsSearchedValue(a: CodeAnalyzer, search: OperationOccurrence, put: OperationOccurrence): boolean {
  const family = a.language.family;
  const fn = a.scopes.enclosing(put.tokenIndex, ['function']);
  if ((family !== 'js' && family !== 'python') || put.operation !== 'dynamodb:PutItem' || fn <= 0 || put.tokenIndex - search.tokenIndex > MAX_TOKENS || a.scopes.enclosing(search.tokenIndex, ['function']) !== fn) {
    return false;
  }
  const searched = searchedValue(a, search);
  const item = searched && sameTable(a, search, put) ? literalEntries(a, ...itemTokens(a, put)) : undefined;
  // A value written as a literal (`'admin@example.com'`) is a seed's or a fixture's, the same in every run.
  if (!searched || !item || item.get(searched.attribute) !== searched.value || writtenAsLiteral(a, itemTokens(a, put)[0], searched.attribute)) {
    return false;
  }
  return guardedAfter(a, search.tokenIndex, put.tokenIndex, fn, resultNames(a, search.tokenIndex, put.tokenIndex, fn));
}

/** What a search looks for: the attribute, and the value as written and as tokens [from, to). */
export interface SearchedValue {
  attribute: string;
  value: string;
  tokens: [number, number];
}

/** The attribute and the value a Query on an index or a filtered Scan looks for, or undefined. */
export function searchedValue(a: CodeAnalyzer, search: OperationOccurrence): SearchedValue | undefined {
  const options = search.request?.options ?? [];
  const option = (norm: string) => options.find((each) => each.norm === norm && !each.absent);
  const query = search.operation === 'dynamodb:Query';
  if (query ? !option(INDEX_NAME) : search.operation !== 'dynamodb:Scan') {
    return undefined;
  }
  const expression = option(query ? KEY_CONDITION : FILTER);
  if (!expression) {
    return undefined;
  }
  const built = builtEquality(a, ...a.tokensOf(expression.value), query ? 'Key' : 'Attr');
  if (built) {
    return built;
  }
  const text = expression.literal.kind === 'str' ? ONE_EQUALITY.exec(expression.literal.value) : null;
  const values = text ? option(VALUES) : undefined;
  const entry = text && values ? literalMap(a, ...a.tokensOf(values.value))?.find((each) => each.key === text[2]) : undefined;
  if (!text || !entry) {
    return undefined;
  }
  const placeholder = text[1];
  const names = placeholder.startsWith('#') ? option(NAMES) : undefined;
  const attribute = names ? literalEntries(a, ...a.tokensOf(names.value))?.get(placeholder) : placeholder.startsWith('#') ? undefined : placeholder;
  const tokens: [number, number] = [entry.valueStart, entry.valueEnd];
  return attribute === undefined ? undefined : { attribute, value: tokensText(a, ...tokens), tokens };
}

/** boto3's `Key("email").eq(email)` (a Query) or `Attr("email").eq(email)` (a Scan's filter), written whole as [from, to). */
function builtEquality(a: CodeAnalyzer, from: number, to: number, builder: 'Key' | 'Attr'): SearchedValue | undefined {
  if (a.language.family !== 'python' || !a.idIs(from, builder) || !a.is(from + 1, '(') || !a.isString(from + 2) || !a.is(from + 3, ')')) {
    return undefined;
  }
  const open = from + 6;
  if (!a.isAccess(from + 4) || !a.idIs(from + 5, 'eq') || !a.is(open, '(') || a.partner[open] !== to - 1) {
    return undefined;
  }
  return { attribute: a.tokens.text(from + 2), value: tokensText(a, open + 1, to - 1), tokens: [open + 1, to - 1] };
}

/** Whether the item literal whose `{` is at `open` writes `attribute` as one string or number literal. */
function writtenAsLiteral(a: CodeAnalyzer, open: number, attribute: string): boolean {
  return segments(a, open).some(([start, end]) => (a.isId(start) || a.isString(start)) && a.tokens.text(start) === attribute && a.is(start + 1, ':') && end === start + 3 && (a.isString(start + 2) || a.tokens.kinds[start + 2] === TOKEN_KIND.NUM));
}

/**
 * The names of the function bound to what the search returned, before the Put: a name whose initializer holds the
 * call (`const res = await ...`, `const { Items } = ...`, `items = table.query(...)["Items"]`).
 */
export function resultNames(a: CodeAnalyzer, search: number, put: number, fn: number): Set<string> {
  const names = new Set<string>();
  for (let k = search; k < put; k++) {
    if (!a.isId(k) || a.isAccess(k - 1) || a.scopes.enclosing(k, ['function']) !== fn) {
      continue;
    }
    const name = a.tokens.text(k);
    if (names.has(name)) {
      continue;
    }
    const binding = a.scopes.lookup(name, k);
    // A destructured name (`const { Items } = ...`) keeps the tokens of the expression it comes from.
    const from = binding?.destructured?.from ?? binding?.expression ?? -1;
    const end = binding?.destructured?.end ?? (from >= 0 ? expressionEnd(a, from) : -1);
    if (from >= 0 && from <= search && search < end) {
      names.add(name);
    }
  }
  return names;
}
