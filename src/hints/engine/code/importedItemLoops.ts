/**
 * Item requests one call away in another module (workspace mode): a loop that waits, element by element, on a
 * function or a method of an instance of another module whose one DynamoDB request is an item request a batch call
 * could send (`for (const c of coaches) await this.coachRepository.findOne(c.email)`, the repository class in a file
 * of its own, injected by NestJS or made with `new`): the same round trip per item as the request written in the
 * loop. The helpers of the other module are read by the workspace (`workspace/itemHelpers.ts`); the calls of this
 * file that reach them by `importedItemHelpers.ts`.
 */
import type { CodeAnalyzer } from './analyzer';
import { importedHelperCalls } from './importedItemHelpers';
import { classItemSavesPerElement } from './languages/classItemHelperCalls';
import { classItemSavesOneCallAway } from './languages/classItemSavesOneCallAway';
import { goItemCallsPerElement } from './languages/goItemHelperLoops';
import { itemRequestHelpers, waitsPerElement } from './itemLoops';
import { perElementReference } from './loops';
import { inTestCode } from './testFixtures';
import { OperationOccurrence, OptionOccurrence } from '../model';
import { normalizeName } from '../types';

/**
 * What a batch write cannot do (BatchWriteItem API reference: no conditions on individual puts and deletes, no
 * deleted items returned): a put or delete that sets these stays one request per item. Legacy `Expected` and
 * `ConditionalOperator` are conditions too, and so are the .NET document model's operation config members
 * (`PutItemOperationConfig.ConditionalExpression`, `ExpectedState`).
 */
const UNBATCHABLE_WRITE_OPTIONS = new Set(
  ['ConditionExpression', 'Expected', 'ConditionalOperator', 'ConditionalExpression', 'ExpectedState', 'ReturnValues', 'ReturnValuesOnConditionCheckFailure'].map(normalizeName),
);
/** Options that ask for items back; written as their default `'NONE'` they ask for nothing a batch write lacks. */
const RETURN_OPTIONS = new Set(['ReturnValues', 'ReturnValuesOnConditionCheckFailure'].map(normalizeName));

/** Whether a written option makes a write one a batch cannot send (`ReturnValues='NONE'` is the default, so it does not). */
function blocksBatch(option: OptionOccurrence): boolean {
  const asksNothing = RETURN_OPTIONS.has(option.norm) && option.literal.kind === 'str' && option.literal.value === 'NONE';
  return !option.absent && !asksNothing && UNBATCHABLE_WRITE_OPTIONS.has(option.norm);
}

const WRITES = new Set(['dynamodb:PutItem', 'dynamodb:DeleteItem']);

/**
 * Whether an item request could go in a batch: a read always can; a write whose whole request is in sight and sets
 * nothing a batch write cannot do, or a mapper's plain write of one object, can.
 */
export function batchableItemRequest({ operation, request, plainWrite }: OperationOccurrence): boolean {
  if (!WRITES.has(operation) || plainWrite === true) {
    return true;
  }
  const sets = (norm: string): boolean => UNBATCHABLE_WRITE_OPTIONS.has(norm);
  return request !== undefined && request.complete && !request.options.some(blocksBatch) && !(request.lent ?? []).some(sets);
}

/** The functions of a module, by scope, whose one DynamoDB request is an item request a batch call could send. */
export function batchableItemHelpers(a: CodeAnalyzer): Set<number> {
  const helpers = itemRequestHelpers(a);
  for (const operation of a.operations) {
    const scope = operation.call ? a.scopes.enclosing(operation.tokenIndex, ['function']) : -1;
    if (helpers.has(scope) && !batchableItemRequest(operation)) {
      helpers.delete(scope);
    }
  }
  return helpers;
}

/**
 * This file's calls of other modules' item-request helpers that run once per element of a loop and wait for each reply:
 * their name tokens. Java and C# call another file's repository methods (`classItemSavesPerElement`), in the loop or
 * through a method of the file that only saves through one (`classItemSavesOneCallAway`), Go another
 * file's or package's repository methods (`goItemCallsPerElement`).
 */
export function importedItemCallsPerElement(a: CodeAnalyzer): number[] {
  const family = a.language.family;
  if (family === 'java' || family === 'csharp') {
    const saves = classItemSavesPerElement(a, family, (name) => !inTestCode(a, name));
    const perElement = saves.filter((name) => perElementReference(a, name) || waitsPerElement(a, name));
    return [...perElement, ...classItemSavesOneCallAway(a, saves.filter((name) => !perElement.includes(name)))];
  }
  if (family === 'go') {
    return goItemCallsPerElement(a, (name) => !inTestCode(a, name) && waitsPerElement(a, name));
  }
  const found: number[] = [];
  for (const [name, helper] of importedHelperCalls(a)) {
    if (helper.itemRequest && !inTestCode(a, name) && waitsPerElement(a, name)) {
      found.push(name);
    }
  }
  return found;
}
