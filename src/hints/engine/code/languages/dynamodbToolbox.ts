/**
 * dynamodb-toolbox (https://www.dynamodbtoolbox.com): a `Table` and its `Entity` objects, in either API.
 * Version 0 calls methods on them (`table.scan(options)`, `entity.query(pk, options)`), each sending one
 * request: a Query or Scan returns one response, with a `next()` that reads the following page (v0.9 docs,
 * Table methods: "Calling this function will call the `query` method again ... passing the
 * `LastEvaluatedKey` in as the `ExclusiveStartKey`"). Versions 1 and later build a command (`table.build
 * (ScanCommand)`, `entity.build(GetItemCommand)`) that `.send()` sends; a Scan or Query reads `maxPages`
 * pages, 1 by default (Scan and Query docs). A version 0 batch returns a `next()` that retries what was left
 * unprocessed, which code may call anywhere: a hover, no finding.
 */
import type { CodeAnalyzer } from '../analyzer';
import { segments } from '../braces';
import { OptionContext } from '../../model';
import { ChainStep, chainedSteps, functionMentions, optionsArgument, stepNamed } from './ormChains';
import { readsFirstOfMember } from '../firstItemOnly';
import { chainStart } from '../receiverChains';

/**
 * Version 0 methods of a table or entity, with the argument that holds the options; a table's item methods
 * take the entity first (`table.get(User, key, options)`).
 */
const METHODS: Record<string, { operation: string; options: number; call?: false; item?: true }> = {
  query: { operation: 'dynamodb:Query', options: 1 },
  scan: { operation: 'dynamodb:Scan', options: 0 },
  get: { operation: 'dynamodb:GetItem', options: 1, item: true },
  put: { operation: 'dynamodb:PutItem', options: 1, item: true },
  update: { operation: 'dynamodb:UpdateItem', options: 1, item: true },
  delete: { operation: 'dynamodb:DeleteItem', options: 1, item: true },
  batchGet: { operation: 'dynamodb:BatchGetItem', options: 1, call: false },
  batchWrite: { operation: 'dynamodb:BatchWriteItem', options: 1, call: false },
  transactGet: { operation: 'dynamodb:TransactGetItems', options: 1 },
  transactWrite: { operation: 'dynamodb:TransactWriteItems', options: 1 },
};
/** Version 1 commands, by class name. */
const COMMANDS: Record<string, string> = {
  ScanCommand: 'dynamodb:Scan',
  QueryCommand: 'dynamodb:Query',
  GetItemCommand: 'dynamodb:GetItem',
  PutItemCommand: 'dynamodb:PutItem',
  UpdateItemCommand: 'dynamodb:UpdateItem',
  UpdateAttributesCommand: 'dynamodb:UpdateItem',
  DeleteItemCommand: 'dynamodb:DeleteItem',
};
/** Options sent as an API parameter (both versions' docs: `index` is IndexName, `limit` Limit, `consistent` ConsistentRead). */
const RENAMES = new Map([
  ['index', 'indexname'],
  ['limit', 'limit'],
  ['consistent', 'consistentread'],
]);
/** Version 0 options: `startKey` continues from an earlier page; `execute: false` only builds the request. */
const STARTS_FROM = 'startkey';
/** Version 0 code that pages itself: it passes a `startKey`, or calls the result's `next()`. */
const V0_PAGING_WORDS = ['startKey'];
const V0_PAGING_METHODS = ['next'];
/** Version 0's filter option (`filters: [{ attr, eq }]`); the key conditions (`beginsWith`, `eq`, ...) filter nothing. */
const V0_FILTERS = 'filters';

/**
 * Version 0 attaches a table's entities to it by name and each entity's table to it (v0 docs, Table: "entities ...
 * are accessible via the table's entity name", `MyTable.User.get(...)`; Entity: the `table` property): `table.User` is
 * that entity, `entity.table` the table.
 */
function toolboxObjectAt(path: string): 'table' | 'entity' | undefined {
  if (path === 'table' || path === 'entity.table') {
    return 'table';
  }
  return path === 'entity' || /^table\.[A-Z][\w$]*$/.test(path) ? 'entity' : undefined;
}

/** A call on a dynamodb-toolbox table or entity (`path` 'table' or 'entity', or one reached from the other). */
export function toolboxCall(a: CodeAnalyzer, nameIndex: number, receiverPath: string): void {
  const path = toolboxObjectAt(receiverPath);
  if (path === undefined) {
    return;
  }
  const method = a.tokens.text(nameIndex);
  if (method === 'build') {
    command(a, nameIndex);
  } else if (Object.hasOwn(METHODS, method)) {
    versionZero(a, nameIndex, METHODS[method], path === 'table' && METHODS[method].item === true ? 1 : 0);
  }
}

function versionZero(a: CodeAnalyzer, nameIndex: number, method: { operation: string; options: number; call?: false }, shift: number): void {
  const args = segments(a, nameIndex + 1);
  const argument = args[method.options + shift];
  const read = argument ? optionsArgument(a, argument[0], argument[1], method.operation, nameIndex, RENAMES) : optionsArgument(a, 0, 0, method.operation, nameIndex, RENAMES);
  const own = read?.own ?? [];
  const builtOnly = own.some((option) => option.norm === 'execute' && option.literal.kind === 'bool' && !option.literal.value);
  const paged =
    /:(?:Scan|Query)$/.test(method.operation) &&
    (read === undefined ||
      own.some((option) => option.norm === STARTS_FROM) ||
      functionMentions(a, nameIndex, V0_PAGING_WORDS, V0_PAGING_METHODS, 'toolbox-paging') ||
      firstItemOfUnfiltered(a, nameIndex, method.operation, own));
  a.addOperation({
    operation: method.operation,
    name: a.tokenSpan(nameIndex),
    call: method.call !== false && !builtOnly,
    paginated: paged,
    tokenIndex: nameIndex,
    ...(read ? { request: read.request } : {}),
  });
}

/**
 * A version 0 Query with every option in sight and no `filters`, whose `Items` the code reads only for the first
 * (`const slack = await Execution.query(id, { beginsWith: 'SLACK#' })` then `slack.Items[0].ChannelId`): without a
 * filter, the first matching item is on the first page, so more pages would change nothing.
 */
function firstItemOfUnfiltered(a: CodeAnalyzer, nameIndex: number, operation: string, own: readonly { norm: string }[]): boolean {
  const close = a.is(nameIndex + 1, '(') ? a.partner[nameIndex + 1] : -1;
  return operation === 'dynamodb:Query' && close > nameIndex && !own.some((option) => option.norm === V0_FILTERS) && readsFirstOfMember(a, chainStart(a, nameIndex), close, 'Items');
}

/** `table.build(ScanCommand)....send()`: the command's operation, anchored on its name; a call only where the chain sends it. */
function command(a: CodeAnalyzer, nameIndex: number): void {
  const open = nameIndex + 1;
  const close = a.partner[open];
  if (close !== open + 2 || !a.isId(open + 1)) {
    return;
  }
  const name = open + 1;
  const imported = a.lookup(a.tokens.text(name), name);
  if (imported?.t !== 'ref' || !/^dynamodb-toolbox(?:\/|$)/.test(imported.module) || !Object.hasOwn(COMMANDS, imported.path)) {
    return;
  }
  const operation = COMMANDS[imported.path];
  const steps = chainedSteps(a, close);
  const request: OptionContext = { kind: 'sdk', type: operation, options: [], complete: false, anchor: a.tokenSpan(name) };
  // Options the analyzer cannot read may set `maxPages`: only a read it sees whole is one page.
  let readable = true;
  for (const step of stepsSetting(a, steps)) {
    const args = segments(a, step.open);
    const read = args.length === 1 ? optionsArgument(a, args[0][0], args[0][1], operation, name, RENAMES) : undefined;
    readable &&= read !== undefined && !read.own.some((option) => option.norm === 'maxpages');
    request.options.push(...(read?.request.options ?? []));
  }
  const send = stepNamed(a, steps, 'send');
  a.addOperation({ operation, name: a.tokenSpan(name), call: send !== undefined && readable, paginated: false, tokenIndex: name, request });
}

/** The steps whose object sets the request's options: `.options({...})`, and a Query's `.query({ index, ... })`. */
function stepsSetting(a: CodeAnalyzer, steps: readonly ChainStep[]): ChainStep[] {
  return steps.filter((step) => a.tokens.is(step.name, 'options') || a.tokens.is(step.name, 'query'));
}
