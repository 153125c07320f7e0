/**
 * Plain values where the low-level DynamoDB client takes typed attribute values: `Key: { pk: 'x' }` or
 * `ExpressionAttributeValues: { ':id': '42' }` sent with the SDK for JavaScript v3's `@aws-sdk/client-dynamodb`
 * commands, v2's `AWS.DynamoDB` or boto3's `client('dynamodb')`, where each value is an AttributeValue
 * (`{ S: 'x' }`). boto3 and v2 reject the request before sending it; v3 sends it as written and DynamoDB refuses it.
 * Only a string, number, boolean or list written as a literal counts (a variable may hold a typed value), and only when
 * the client is known to be the low-level one (`sdkOperationClients.ts`): the document clients (v2 `DocumentClient`,
 * `@aws-sdk/lib-dynamodb`, a boto3 `Table`) take plain values, and a client whose origin is not seen gets nothing.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_AttributeValue.html
 */
import { TOKEN_KIND } from '../lexer';
import type { UntypedAttributeValue } from '../model';
import { normalizeName } from '../types';
import type { CodeAnalyzer } from './analyzer';
import { sdkClientShape } from './sdkOperationClients';

/** The request parameters whose map values are attribute values, by normalised name, as the API spells them. */
const VALUE_MAPS = new Map(['Key', 'Item', 'ExpressionAttributeValues', 'ExclusiveStartKey'].map((name) => [normalizeName(name), name]));
const OPERATIONS = new Set(['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'Scan'].map((name) => `dynamodb:${name}`));
/** Keyword literals read as plain values: JavaScript's and Python's booleans. */
const BOOLEANS = new Set(['true', 'false', 'True', 'False']);

export function untypedAttributeValues(a: CodeAnalyzer): UntypedAttributeValue[] {
  const family = a.language.family;
  if (family !== 'js' && family !== 'python') {
    return [];
  }
  const found = new Map<number, UntypedAttributeValue>();
  for (const occurrence of a.operations) {
    if (!OPERATIONS.has(occurrence.operation) || !occurrence.request || sdkClientShape(a, occurrence) !== 'low-level') {
      continue;
    }
    for (const option of occurrence.request.options) {
      const parameter = VALUE_MAPS.get(option.norm);
      // The API's own spelling: a key the code writes (`Key`), not a library's (`key`).
      if (parameter === undefined || option.name !== parameter || option.absent) {
        continue;
      }
      const [open] = a.tokensOf(option.value);
      for (const value of plainEntryValues(a, open)) {
        found.set(value, { span: a.is(value, '[') ? a.span(value, a.partner[value]) : a.tokenSpan(value), parameter, kind: valueKind(a, value) });
      }
    }
  }
  return [...found.values()].sort((x, y) => x.span.start - y.span.start);
}

/** The values of a map literal opening at `open` (`{ pk: 'x', ':n': 5 }`) that are a plain literal alone (a string, number or boolean) or a list written out. */
function plainEntryValues(a: CodeAnalyzer, open: number): number[] {
  const close = open >= 0 && a.is(open, '{') ? a.partner[open] : -1;
  const values: number[] = [];
  for (let k = open + 1; k < close; k++) {
    if (a.parent[k] !== open || !a.is(k, ':') || !(a.isId(k - 1) || a.isString(k - 1)) || !(a.is(k - 2, '{') || a.is(k - 2, ','))) {
      continue;
    }
    const value = k + 1;
    // A list written out (`[...]`) is no AttributeValue either: a list attribute is `{ L: [...] }`.
    const last = a.is(value, '[') && a.partner[value] > value ? a.partner[value] : value;
    const ends = a.is(last + 1, ',') || last + 1 === close;
    if (ends && (last > value || plainLiteral(a, value))) {
      values.push(value);
    }
  }
  return values;
}

function valueKind(a: CodeAnalyzer, k: number): UntypedAttributeValue['kind'] {
  return a.is(k, '[') ? 'list' : a.isString(k) ? 'string' : a.isId(k) ? 'boolean' : 'number';
}

function plainLiteral(a: CodeAnalyzer, k: number): boolean {
  return a.isString(k) || a.tokens.kinds[k] === TOKEN_KIND.NUM || (a.isId(k) && BOOLEANS.has(a.tokens.text(k)));
}
