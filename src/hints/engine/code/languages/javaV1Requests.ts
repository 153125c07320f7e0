/**
 * AWS SDK for Java 1.x requests: `new ScanRequest().withTableName(t).withConsistentRead(true)`, set up
 * further by `request.setExclusiveStartKey(k)`, and the same shape for the `DynamoDBMapper` expressions
 * (`new DynamoDBScanExpression().withLimit(10)`) and the document API's specs (`new QuerySpec()...`).
 * And the Mockito stubs (`when(client.scan(any()))`) that name a call without making it.
 */
import { Literal, OptionOccurrence } from '../../model';
import { operationOfTypeName } from '../../services';
import type { CodeAnalyzer } from '../analyzer';
import { contextFrom, positionalOption } from '../options';
import { closeAngle } from '../typeArguments';

/** 1.x request classes not named after their operation's `XRequest`. */
const REQUEST_CLASSES: Record<string, string> = {
  DynamoDBScanExpression: 'dynamodb:Scan',
  DynamoDBQueryExpression: 'dynamodb:Query',
  // `DynamoDBMapper.save(item, expression)` sends an UpdateItem (a PutItem with `SaveBehavior.CLOBBER`), `delete` a DeleteItem.
  DynamoDBSaveExpression: 'dynamodb:UpdateItem',
  DynamoDBDeleteExpression: 'dynamodb:DeleteItem',
  ScanSpec: 'dynamodb:Scan',
  QuerySpec: 'dynamodb:Query',
  GetItemSpec: 'dynamodb:GetItem',
  PutItemSpec: 'dynamodb:PutItem',
  UpdateItemSpec: 'dynamodb:UpdateItem',
  DeleteItemSpec: 'dynamodb:DeleteItem',
};

/**
 * The mapper's query expression reads strongly consistently unless told otherwise (`consistentRead = true`
 * in `DynamoDBQueryExpression`, sent as the request's ConsistentRead by `DynamoDBMapper`).
 */
const CONSISTENT_BY_DEFAULT: ReadonlyMap<string, Literal> = new Map([['consistentread', { kind: 'bool', value: true }]]);

/** `withX(...)` and `setX(...)`: a 1.x request's fluent setter and bean setter for the parameter `X`. */
const V1_SETTER = /^(?:with|set)([A-Z][A-Za-z0-9]*)$/;

/**
 * The mapper expressions' setters of one entry of a legacy map parameter: `DynamoDBSaveExpression.withExpectedEntry(name,
 * value)` adds to the request's `Expected` as `withExpected(map)` does, `DynamoDBQueryExpression.withQueryFilterEntry` to its `QueryFilter`.
 */
const ENTRY_SETTERS: Readonly<Record<string, string>> = { ExpectedEntry: 'Expected', QueryFilterEntry: 'QueryFilter' };

/** The parameter a 1.x setter method sets (`withConsistentRead` → `ConsistentRead`), if the name is one. */
export function v1Parameter(method: string): string | undefined {
  const parameter = V1_SETTER.exec(method)?.[1];
  return parameter !== undefined && Object.hasOwn(ENTRY_SETTERS, parameter) ? ENTRY_SETTERS[parameter] : parameter;
}

/** `new XRequest(...)` at `newIndex`, with the `withX(...)` calls chained on it: a request. */
export function constructedRequest(a: CodeAnalyzer, newIndex: number): void {
  const nameIndex = newIndex + 1;
  // `new DynamoDBQueryExpression<Order>()`, `new DynamoDBQueryExpression<>()`.
  const open = a.is(nameIndex + 1, '<') ? closeAngle(a, nameIndex + 1) + 1 : nameIndex + 1;
  if (!a.isId(nameIndex) || open <= 0 || !a.is(open, '(') || a.partner[open] < 0) {
    return;
  }
  const className = a.tokens.text(nameIndex);
  const special = REQUEST_CLASSES[className];
  const operation = special && a.services.has('dynamodb') ? special : operationOfTypeName(className, a.services, /Request$/);
  if (!operation) {
    return;
  }
  const constructorClose = a.partner[open];
  const last = v1ChainEnd(a, constructorClose);
  // Without a chain the options come from setters later, if at all: absence tells nothing.
  const context = contextFrom(a, constructorClose, last, 'sdk', operation, a.tokenSpan(nameIndex));
  if (className === 'DynamoDBQueryExpression') {
    context.defaults = CONSISTENT_BY_DEFAULT;
  }
  a.requestAt.set(nameIndex, context);
  a.addOperation({ operation, name: a.tokenSpan(nameIndex), call: false, paginated: false, tokenIndex: nameIndex, request: context });
  a.contexts.push(context);
}

/** The `)` of the last `withX(...)` chained after the constructor's `)` at `constructorClose` (itself when none is). */
export function v1ChainEnd(a: CodeAnalyzer, constructorClose: number): number {
  let last = constructorClose;
  while (a.is(last + 1, '.') && a.isId(last + 2) && a.is(last + 3, '(') && a.partner[last + 3] > 0 && a.tokens.text(last + 2).startsWith('with')) {
    last = a.partner[last + 3];
  }
  return last;
}

/** Mockito stubbing words whose argument is a call the test names, not one it makes. */
const STUBS = ['when', 'given'];

/** Whether the call that starts at `start` and closes at `close` is the whole argument of `when(...)` / `given(...)`. */
export function isStubbedCall(a: CodeAnalyzer, start: number, close: number): boolean {
  const open = start - 1;
  return a.is(open, '(') && a.partner[open] === close + 1 && a.isId(open - 1) && a.tokens.isOneOf(open - 1, STUBS);
}

/** The 1.x document API's legacy filters, passed as arguments of `Table.scan(...)` and `Table.query(...)`. */
const DOCUMENT_FILTERS: Record<string, string> = { ScanFilter: 'dynamodb:Scan', QueryFilter: 'dynamodb:Query' };
/** The file imports them from the document API's package, by name or with the package's `*`. */
const DOCUMENT_API_IMPORT = /\bimport\s+com\.amazonaws\.services\.dynamodbv2\.document\.(?:\*|ScanFilter|QueryFilter)\s*;/;

/**
 * `table.scan(new ScanFilter("recruiterEmail").eq(id))`, `table.query("pk", id, null, new QueryFilter("state").eq("open"))`:
 * a document API filter built among the call's own arguments, which the SDK sends as the request's legacy
 * `ScanFilter` / `QueryFilter`, as an option at its class name. Undefined for any other call or argument.
 */
export function documentApiFilter(a: CodeAnalyzer, open: number, close: number, operation: string): OptionOccurrence | undefined {
  if (operation !== 'dynamodb:Scan' && operation !== 'dynamodb:Query') {
    return undefined;
  }
  for (let k = open + 1; k < close; k = a.skipGroup(k)) {
    const name = k + 1;
    if (a.parent[k] === open && a.idIs(k, 'new') && DOCUMENT_FILTERS[a.tokens.text(name)] === operation && a.is(name + 1, '(') && DOCUMENT_API_IMPORT.test(a.text)) {
      return positionalOption(a, name, name, a.tokens.text(name));
    }
  }
  return undefined;
}
