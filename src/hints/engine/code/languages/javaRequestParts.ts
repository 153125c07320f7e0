/**
 * Java: the parts of a DynamoDB transaction or batch built apart from the request (as C#'s and Go's are read):
 * 2.x `Put.builder().tableName(t).conditionExpression(c).build()` returned by a helper or held by a variable, 1.x
 * `new KeysAndAttributes().withKeys(keys).withConsistentRead(true)`, each read as options of its operation
 * (`DYNAMODB_REQUEST_PARTS`). A part written inside a request or another part that is read already, or inside a
 * consumer-builder lambda of a call (`client.transactWriteItems(r -> r.transactItems(...))`), is read with it.
 * `Put`, `Update`, `Delete`, `ConditionCheck` and `Get` are common names, so they count with a table name only,
 * and every part only where the file imports it from the SDK's model package.
 */
import { DYNAMODB_REQUEST_PARTS } from '../../services';
import type { CodeAnalyzer } from '../analyzer';
import { FileMemo } from '../fileMemo';
import { contextFrom } from '../options';
import { ImportedClasses } from './javaImportedClasses';

const PACKAGES = ['software.amazon.awssdk.services.dynamodb.model', 'com.amazonaws.services.dynamodbv2.model'];

const PARTS = new ImportedClasses<{ package: string; operation: string }>(
  PACKAGES.flatMap((pkg) => [...DYNAMODB_REQUEST_PARTS].map(([name, operation]): [string, { package: string; operation: string }] => [name, { package: pkg, operation }])),
);

/** Parts whose own members say nothing of DynamoDB: `TransactWriteItem.builder().put(...)`, `KeysAndAttributes`. */
const SELF_EVIDENT = new Set(['TransactWriteItem', 'TransactGetItem', 'KeysAndAttributes']);

/** Per file, the first token of each part chain read, so that a part written inside one is not read twice. */
const READ = new FileMemo<'parts', Set<number>>();

/** How many brackets up a part looks for the request, part or lambda it may be written in. */
const MAX_ENCLOSING = 32;

/** Notes an `import ...dynamodb.model.Put;` or `import ...dynamodb.model.*;`. */
export function noteRequestPartImport(a: CodeAnalyzer, path: string): void {
  if (path.includes('.dynamodb')) {
    PARTS.note(a, path);
  }
}

/**
 * The first token of the call chain whose call opens at `open` (`X` of `X.builder().m(`, `X` of `new X().withM(`,
 * `r` of `r.m(`), or -1.
 */
function chainHead(a: CodeAnalyzer, open: number): number {
  for (let call = open, steps = 0; steps < MAX_ENCLOSING; steps++) {
    if (a.idIs(call - 2, 'new') && a.isId(call - 1)) {
      return call - 1;
    }
    if (!a.is(call - 2, '.')) {
      return -1;
    }
    const before = call - 3;
    if (a.is(before, ')') && a.partner[before] >= 0) {
      call = a.partner[before];
    } else {
      return a.isId(before) ? before : -1;
    }
  }
  return -1;
}

/** Whether a lambda arrow stands in the group that opens at `open`, before `index`. */
function lambdaBefore(a: CodeAnalyzer, open: number, index: number): boolean {
  for (let k = open + 1; k < index; k = a.skipGroup(k)) {
    if (a.is(k, '->')) {
      return true;
    }
  }
  return false;
}

/** Whether the part at `index` stands inside a request or part read already, or inside a lambda of a call's arguments. */
function readWithEnclosing(a: CodeAnalyzer, index: number, read: ReadonlySet<number>): boolean {
  for (let open = a.parent[index], steps = 0; open >= 0 && steps < MAX_ENCLOSING; open = a.parent[open], steps++) {
    if (!a.is(open, '(')) {
      continue;
    }
    const head = chainHead(a, open);
    if (head >= 0 && (read.has(head) || a.requestAt.has(head))) {
      return true;
    }
    if (lambdaBefore(a, open, index)) {
      return true;
    }
  }
  return false;
}

/**
 * A part at `nameIndex` (its class name): 2.x `X.builder()...` whose chain `chainEnd` finds, or 1.x `new X()...`
 * with its `withY(...)` calls; `open` is the token after which its options are read.
 */
export function requestPart(a: CodeAnalyzer, nameIndex: number, open: number, chainEnd: () => number): void {
  const name = a.tokens.text(nameIndex);
  const part = PARTS.get(a, name);
  if (!part || a.scopes.classNamed(name) >= 0) {
    return;
  }
  const close = chainEnd();
  if (close <= open) {
    return;
  }
  const read = READ.get(a, 'parts', () => new Set());
  if (readWithEnclosing(a, nameIndex, read)) {
    return;
  }
  const context = contextFrom(a, open, close, 'sdk', part.operation, a.tokenSpan(nameIndex));
  if (!SELF_EVIDENT.has(name) && !context.options.some((option) => option.norm === 'tablename')) {
    return;
  }
  read.add(nameIndex);
  a.contexts.push(context);
}
