/**
 * DynamoDB's legacy conditional parameters (`AttributeUpdates`, `Expected`, `KeyConditions`, `QueryFilter`,
 * `ScanFilter`, `AttributesToGet`, `ConditionalOperator`) written as a request's own keys: AWS recommends the
 * expression parameters instead, and DynamoDB rejects a call that mixes the two
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LegacyConditionalParameters.html).
 * A filter that a higher-level API sends as `ScanFilter` (the .NET object persistence model's conditions, the
 * Java document API) is read as an option with no key of its own and is left out: the code names no parameter. So
 * are the .NET models' configs (`QueryOperationConfig.AttributesToGet`), whose members are the model's own.
 */
import { OptionContext, OptionOccurrence } from '../model';
import { normalizeName } from '../types';
import { Check } from './context';

/** Each legacy parameter and what replaces it. */
const REPLACEMENTS: Record<string, string> = {
  AttributeUpdates: 'UpdateExpression',
  Expected: 'ConditionExpression',
  KeyConditions: 'KeyConditionExpression',
  QueryFilter: 'FilterExpression',
  ScanFilter: 'FilterExpression',
  AttributesToGet: 'ProjectionExpression',
  ConditionalOperator: 'AND or OR inside the expression',
};
const LEGACY = new Map(Object.keys(REPLACEMENTS).map((name) => [normalizeName(name), name]));
const EXPRESSIONS = new Set(['UpdateExpression', 'ConditionExpression', 'KeyConditionExpression', 'FilterExpression', 'ProjectionExpression'].map(normalizeName));
const OPERATIONS = new Set(['GetItem', 'BatchGetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'Scan'].map((name) => `dynamodb:${name}`));

/**
 * The API's own spellings of a parameter: as written in JavaScript, Python, Go and C# requests, and a Java builder's
 * `attributeUpdates`, `withAttributeUpdates` or `setAttributeUpdates`; not a library's own `attributes_to_get`.
 */
function spelledAsApi(option: OptionOccurrence, name: string): boolean {
  const written = option.name.replace(/^(?:with|set)(?=[A-Z])/, '');
  return written === name || written === name[0].toLowerCase() + name.slice(1);
}

/** A key the code writes, not a value a higher-level API sends under that name (no key of its own). */
function writtenKey(option: OptionOccurrence): boolean {
  return option.key.start !== option.value.start || option.key.end !== option.value.end;
}

function legacyOptions(request: OptionContext): { option: OptionOccurrence; name: string }[] {
  const found: { option: OptionOccurrence; name: string }[] = [];
  for (const option of request.options) {
    const name = LEGACY.get(option.norm);
    if (name && !option.absent && spelledAsApi(option, name) && writtenKey(option)) {
      found.push({ option, name });
    }
  }
  return found;
}

export const legacyConditionalParameter: Check = (rule, context) => {
  for (const request of context.model.contexts) {
    if (request.kind !== 'sdk' || request.modelConfig || !OPERATIONS.has(request.type)) {
      continue;
    }
    const legacy = legacyOptions(request);
    const mixed = legacy.length > 0 && request.options.some((option) => EXPRESSIONS.has(option.norm) && !option.absent);
    for (const { option, name } of legacy) {
      const instead = `${name} is a legacy DynamoDB parameter: AWS recommends ${REPLACEMENTS[name]} instead.`;
      context.report(rule, option.key, undefined, mixed ? `${instead} DynamoDB rejects a call that mixes legacy parameters with expressions.` : instead);
    }
  }
};
