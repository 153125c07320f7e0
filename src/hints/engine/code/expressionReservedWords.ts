/**
 * Attribute names a DynamoDB expression writes bare that are reserved words (`SET status = :s`,
 * `ProjectionExpression: 'id, name'`, `KeyConditionExpression: 'user = :u'`). DynamoDB rejects such a request with
 * a ValidationException ("Attribute name is a reserved keyword"); an expression attribute name (`#status`) stands in
 * for the word. Read from the expressions of a request, also those of a transaction's items and a batch read's
 * tables, and the expressions of the object models (the Java enhanced client's `Expression.builder().expression(…)`,
 * the .NET document model's `new Expression { ExpressionStatement = … }`), where each is written wholly as string
 * literals; the expression grammar's own words (`SET`, `AND`, `BETWEEN`, functions such as `size(...)`) are not
 * attribute names.
 */
import { ReservedWordUse } from '../model';
import { normalizeName } from '../types';
import type { CodeAnalyzer } from './analyzer';
import { expressionEnd } from './braces';
import { DYNAMODB_RESERVED_WORDS } from './dynamodbReservedWords';
import { tokenize } from './dynamodbExpressions';
import { boundExpression, keyedValues, literalText, writtenUnderKey } from './writtenExpressions';

const EXPRESSIONS = ['UpdateExpression', 'ConditionExpression', 'KeyConditionExpression', 'FilterExpression', 'ProjectionExpression'];
const EXPRESSION_NORMS = new Set(EXPRESSIONS.map(normalizeName));
const EXPRESSION_LENGTHS = new Set(EXPRESSIONS.map((name) => name.length));
/** Options whose values hold requests of their own: a transaction's items, a batch read's tables. */
const NESTED = new Set(['TransactItems', 'RequestItems'].map(normalizeName));
/** Words of the expression grammar that the reserved list also holds. */
const GRAMMAR = new Set(['set', 'remove', 'add', 'delete', 'and', 'or', 'not', 'between', 'in']);

export function reservedWordUses(a: CodeAnalyzer): ReservedWordUse[] {
  const uses: ReservedWordUse[] = [];
  const read = (from: number, to: number, positional?: () => boolean): void => {
    // An expression held by a name bound once (`UpdateExpression: update`, `{ UpdateExpression }`) is read where it is written.
    const [start, end] = to === from + 1 && a.isId(from) ? (boundExpression(a, from) ?? [from, to]) : [from, to];
    const text = end > start ? literalText(a, start, end) : undefined;
    const words = text ? reservedNames(text) : [];
    if (words.length > 0 && !positional?.()) {
      uses.push({ words, span: a.span(start, end - 1) });
    }
  };
  // A request may stand for several operations (a call and its paginator): each is read once.
  const requests = new Set(a.operations.map((occurrence) => occurrence.request));
  for (const request of requests) {
    for (const option of request?.options ?? []) {
      if (!(EXPRESSION_NORMS.has(option.norm) || NESTED.has(option.norm)) || option.absent) {
        continue;
      }
      const [from, to] = a.tokensOf(option.value);
      if (from < 0) {
        continue;
      }
      if (EXPRESSION_NORMS.has(option.norm)) {
        // An option an object mapper's call stands for (`Model.scan('status')`, no key written) is no expression: the mapper writes that.
        read(from, to, () => !writtenUnderKey(a, option));
      } else {
        nestedExpressions(a, from, to).forEach(([start, end]) => read(start, end));
      }
    }
  }
  objectModelExpressions(a).forEach(([start, end]) => read(start, end));
  return uses;
}

/**
 * The statements of the object models' expressions: `Expression.builder()…expression("…")…build()` in Java under an
 * import of the enhanced client's `Expression`, `new Expression { ExpressionStatement = "…" }` in C# under a `using` of
 * the document model.
 */
function objectModelExpressions(a: CodeAnalyzer): [number, number][] {
  const family = a.language.family;
  const java = family === 'java' && a.text.includes('software.amazon.awssdk.enhanced.dynamodb.');
  const csharp = family === 'csharp' && a.text.includes('Amazon.DynamoDBv2.DocumentModel');
  if (!java && !csharp) {
    return [];
  }
  const found: [number, number][] = [];
  for (let k = 0; k + 3 < a.tokens.length; k++) {
    if (!a.idIs(k, 'Expression') || a.isAccess(k - 1)) {
      continue;
    }
    if (java && a.isAccess(k + 1) && a.idIs(k + 2, 'builder') && a.is(k + 3, '(')) {
      // Along the builder's chain of calls, to its `build()`.
      for (let j = a.partner[k + 3] + 1; j > 0 && a.isAccess(j) && a.isId(j + 1) && a.is(j + 2, '(') && a.partner[j + 2] > j; j = a.partner[j + 2] + 1) {
        if (a.idIs(j + 1, 'expression')) {
          found.push([j + 3, a.partner[j + 2]]);
        }
      }
    } else if (csharp && a.idIs(k - 1, 'new')) {
      const open = a.is(k + 1, '(') && a.partner[k + 1] > k ? a.partner[k + 1] + 1 : k + 1;
      const close = a.is(open, '{') ? a.partner[open] : -1;
      for (let j = open + 1; j < close; j++) {
        if (a.idIs(j, 'ExpressionStatement') && a.is(j + 1, '=') && a.parent[j] === open) {
          found.push([j + 2, expressionEnd(a, j + 2)]);
        }
      }
    }
  }
  return found;
}

/** The values of expression keys among the tokens [from, to): `ConditionExpression: '…'`, `"Update": {"UpdateExpression": …}`, `.conditionExpression(…)`. */
function nestedExpressions(a: CodeAnalyzer, from: number, to: number): [number, number][] {
  // Only a key as long as one of the five is normalized and looked up.
  return keyedValues(a, from, to, (k) => EXPRESSION_LENGTHS.has(a.tokens.textEnd(k) - a.tokens.textStart(k)) && EXPRESSION_NORMS.has(normalizeName(a.tokens.text(k))));
}

/** The reserved words an expression's text uses as attribute names, each once, as written; none for text that is no expression. */
export function reservedNames(text: string): string[] {
  const tokens = tokenize(text) ?? [];
  const words: string[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k];
    if (token.kind !== 'name' || tokens[k + 1]?.kind === '(') {
      continue;
    }
    const lower = token.text.toLowerCase();
    if (DYNAMODB_RESERVED_WORDS.has(lower) && !GRAMMAR.has(lower) && !words.includes(token.text)) {
      words.push(token.text);
    }
  }
  return words;
}
