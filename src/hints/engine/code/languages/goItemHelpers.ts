/**
 * Go item helpers: the functions and methods of a file that read or write one table's items for their callers,
 * for `dynamodb-read-modify-write` through helpers (`goItemHelperCalls.ts`). A repository method that returns the
 * item its GetItem read, decoded or not (`attributevalue.UnmarshalMap(out.Item, &u)` then `return &u, nil`), or the
 * GetItem's output itself (`return out, nil`, its caller decoding `out.Item`), reads; one whose PutItem, with no
 * condition, writes its parameter, that parameter marshalled (`item, err := attributevalue.MarshalMap(u)`,
 * `Item: item`) or a map of that parameter's entries (`Item: map[string]types.AttributeValue{"id": item["id"], …}`), puts. Both are known by `Type.Method` (a plain
 * function by its name) with the table as its request writes it (`aws . String ( r . table )`): two methods of one
 * type that write it the same way name the same table. A table taken from a parameter may differ per caller: none.
 * Read for the file itself and, in workspace mode, for the other files of its package and the packages that import it.
 */
import type { CodeAnalyzer } from '../analyzer';
import { segments } from '../braces';
import { goMethodName } from '../helperFunctions';
import { callArgumentRanges, goAssignedNames, typedReadFlowUntil } from '../readModifyWriteTyped';
import { chainStart } from '../receiverChains';
import { statementEnd, tokensText } from '../readModifyWriteTypedValues';
import { rmwGo } from './rmwGo';
import { OperationOccurrence } from '../../model';
import { normalizeName } from '../../types';
import type { GoItemMethod } from '../../workspace/types';

const TABLE_NAME = normalizeName('TableName');
const ITEM = normalizeName('Item');
const MARSHALLERS = new Set(['attributevalue', 'dynamodbattribute']);
/** Tokens read past a helper's Get for the `return` that hands back what it read. */
const RETURN_REACH = 600;

/** Whether a Go file's text may declare an item helper: it names a GetItem or PutItem call. */
export function mayDeclareItemHelpers(text: string): boolean {
  return /\b(?:GetItem|PutItem)(?:WithContext)?\(/.test(text);
}

/** The item helpers the file declares (see the module's comment), by `Type.Method` or function name. */
export function goItemMethods(a: CodeAnalyzer, gets: readonly OperationOccurrence[], puts: readonly OperationOccurrence[]): Record<string, GoItemMethod> {
  const found: Record<string, GoItemMethod> = Object.create(null) as Record<string, GoItemMethod>;
  for (const get of gets) {
    const helper = helperOf(a, get);
    const table = helper && tableOf(a, get, helper.parameters);
    const returned = helper && table !== undefined ? returnedRead(a, get, helper.scope) : undefined;
    if (returned) {
      found[helper!.key] = { ...found[helper!.key], reads: table, ...(returned === 'output' ? { readsOutput: true } : {}) };
    }
  }
  for (const put of puts) {
    const helper = put.operation === 'dynamodb:PutItem' ? helperOf(a, put) : undefined;
    const table = helper && tableOf(a, put, helper.parameters);
    const position = helper && table !== undefined ? putParameter(a, put, helper) : -1;
    if (helper && table !== undefined && position >= 0) {
      found[helper.key] = { ...found[helper.key], puts: { table, position } };
    }
  }
  return found;
}

interface Helper {
  key: string;
  scope: number;
  /** The parameters' names, in order (`ctx`, `u`); a receiver is no parameter. */
  parameters: string[];
}

/** The function or method around an operation: its key and parameters; undefined for a function literal. */
function helperOf(a: CodeAnalyzer, occurrence: OperationOccurrence): Helper | undefined {
  const scope = a.scopes.enclosing(occurrence.tokenIndex, ['function']);
  const fn = a.functions.get(scope);
  if (!fn || !a.is(fn.params, '(')) {
    return undefined;
  }
  const method = goMethodName(a, fn);
  let key: string;
  let open: number;
  if (method >= 0) {
    // `func (r *UserRepo) Get(`: the receiver's type is the last name before its `)`.
    const type = a.partner[fn.params] - 1;
    if (!a.isId(type)) {
      return undefined;
    }
    key = `${a.tokens.text(type)}.${a.tokens.text(method)}`;
    open = method + 1;
  } else if (a.idIs(fn.params - 2, 'func') && a.isId(fn.params - 1)) {
    key = a.tokens.text(fn.params - 1);
    open = fn.params;
  } else {
    return undefined;
  }
  const parameters = segments(a, open).map(([start]) => (a.isId(start) ? a.tokens.text(start) : ''));
  return { key, scope, parameters };
}

/** The request's `TableName` as written, unless it names a parameter (another table per caller). */
function tableOf(a: CodeAnalyzer, occurrence: OperationOccurrence, parameters: readonly string[]): string | undefined {
  const option = occurrence.request?.options.find((o) => o.norm === TABLE_NAME && !o.absent);
  const [from, to] = option ? a.tokensOf(option.value) : [-1, -1];
  if (from < 0) {
    return undefined;
  }
  for (let k = from; k < to; k++) {
    if (a.isId(k) && !a.isAccess(k - 1) && parameters.includes(a.tokens.text(k))) {
      return undefined;
    }
  }
  return tokensText(a, from, to);
}

/** What a `return` of the helper after the Get hands back as its first result: the item read (`&u`, `u`, `out.Item`), the Get's output (`out`), or neither. */
function returnedRead(a: CodeAnalyzer, get: OperationOccurrence, scope: number): 'item' | 'output' | undefined {
  // `return s.db.GetItem(ctx, …)`: the output, handed back as the call gives it.
  if (a.idIs(chainStart(a, get.tokenIndex) - 1, 'return')) {
    return 'output';
  }
  for (let r = get.tokenIndex + 1; r < a.tokens.length && r < get.tokenIndex + RETURN_REACH; r++) {
    if (!a.idIs(r, 'return') || a.scopes.enclosing(r, ['function']) !== scope) {
      continue;
    }
    const flow = typedReadFlowUntil(a, rmwGo, get, r);
    const p = a.is(r + 1, '&') || a.is(r + 1, '*') ? r + 2 : r + 1;
    const name = a.id(p);
    const item = name === undefined ? -1 : flow?.items.has(name) ? p + 1 : flow?.responses.has(name) ? rmwGo.itemMember(a, p + 1) : -1;
    const output = p === r + 1 && name !== undefined && flow?.responses.has(name) ? p + 1 : -1;
    for (const [end, kind] of [[item, 'item'], [output, 'output']] as const) {
      if (end > 0 && (a.is(end, ',') || end === statementEnd(a, r + 1))) {
        return kind;
      }
    }
  }
  return undefined;
}

/** The position of the parameter the Put writes (`Item: u`), or marshals into the item it writes (`item, err := attributevalue.MarshalMap(u)`); -1 if none. */
function putParameter(a: CodeAnalyzer, put: OperationOccurrence, helper: Helper): number {
  const option = put.request?.options.find((o) => o.norm === ITEM && !o.absent);
  const [from, to] = option ? a.tokensOf(option.value) : [-1, -1];
  const name = from >= 0 && to === from + 1 ? a.id(from) : undefined;
  if (name === undefined) {
    return from >= 0 ? entriesParameter(a, from, to, helper.parameters) : -1;
  }
  const direct = helper.parameters.indexOf(name);
  if (direct >= 0) {
    return direct;
  }
  // The last statement before the Put that assigns the name.
  let assigned = -1;
  for (let k = put.tokenIndex - 1; k > 0 && a.scopes.enclosing(k, ['function']) === helper.scope; k--) {
    if ((a.is(k, ':=') || a.is(k, '=')) && goAssignedNames(a, k)?.[0] === name) {
      assigned = k;
      break;
    }
  }
  const p = assigned + 1;
  const marshals = assigned > 0 && MARSHALLERS.has(a.tokens.text(p)) && a.isAccess(p + 1) && a.idIs(p + 2, 'MarshalMap') && a.is(p + 3, '(');
  const args = marshals ? callArgumentRanges(a, p + 3) : [];
  if (args.length !== 1) {
    return -1;
  }
  const [argFrom, argTo] = args[0];
  const start = a.is(argFrom, '&') || a.is(argFrom, '*') ? argFrom + 1 : argFrom;
  return argTo === start + 1 && a.isId(start) ? helper.parameters.indexOf(a.tokens.text(start)) : -1;
}

/**
 * The position of the parameter whose entries, and nothing else, a map literal copies into the item
 * (`map[string]types.AttributeValue{"id": item["id"], "n": item["n"]}`); -1 if none.
 */
function entriesParameter(a: CodeAnalyzer, from: number, to: number, parameters: readonly string[]): number {
  const open = a.idIs(from, 'map') && a.is(from + 1, '[') ? a.partner[from + 1] : -1;
  let brace = open > 0 ? open + 1 : -1;
  while (brace > 0 && brace < to && !a.is(brace, '{')) {
    brace++;
  }
  if (brace < 0 || brace >= to || a.partner[brace] !== to - 1) {
    return -1;
  }
  let source: string | undefined;
  for (const [start, end] of segments(a, brace)) {
    // `"key": item["key"]`: a key, its colon, then the parameter indexed and nothing after it.
    const value = start + 2;
    const name = a.is(start + 1, ':') ? a.id(value) : undefined;
    const indexed = name !== undefined && a.is(value + 1, '[') && a.partner[value + 1] === end - 1;
    if (!indexed || (source !== undefined && source !== name)) {
      return -1;
    }
    source = name;
  }
  return source === undefined ? -1 : parameters.indexOf(source);
}
