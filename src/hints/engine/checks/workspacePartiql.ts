/**
 * A PartiQL SELECT held against the key schema the workspace defines for its table or index: a WHERE clause
 * that never names the partition key cannot pin it with `=` or `IN`, so DynamoDB scans the whole table or index
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-reference.select.html). Where the clause
 * holds no `=` or `IN` at all, or there is none, `partiql-full-scan` says so without the workspace.
 */
import { tableName, targetKeys } from '../workspace/resolve';
import { Check, setsOption } from './context';
import { indexDefined, keyList, tableDefined } from './workspace';

const STATEMENT = 'dynamodb:ExecuteStatement';
const LIMIT = ['Limit'];

export const partiqlScanOffKey: Check = (rule, context) => {
  const scopes = context.model.scopes;
  for (const resolved of context.workspace?.requests ?? []) {
    const request = resolved.request.operation === STATEMENT ? resolved.request.context : undefined;
    const select = request?.partiqlSelect;
    const keys = select?.where && select.equalityOrIn && select.conditionNames ? targetKeys(resolved) : undefined;
    const statement = keys ? request?.options.find((option) => option.norm === 'statement') : undefined;
    // A Limit stops the read after that many items, as `partiql-full-scan` has it; a test reads a table it set up.
    const call = statement && context.model.operations.find((occurrence) => occurrence.request === request);
    if (!request || !keys || !statement || !call || namesKey(select?.conditionNames ?? [], keys.partitionKey.name) || setsOption(request, LIMIT) || scopes.inTest(call.tokenIndex)) {
      continue;
    }
    const what = resolved.index ? `index ${resolved.index.name}` : `table ${tableName(resolved.table)}`;
    const message = `This PartiQL SELECT's WHERE clause never names the partition key '${keys.partitionKey.name}' of ${keys.of} (${keyList(keys)}), so it cannot pin it with = or IN: DynamoDB scans the whole ${what}, using capacity for every item it reads. Give '${keys.partitionKey.name}' with = or IN, or read an index keyed on the attribute you filter by.`;
    context.report(rule, statement.key, undefined, message, [resolved.index ? indexDefined(resolved.index) : tableDefined(resolved.table)]);
  }
};

/** Whether the clause names the key; in any case, since PartiQL may read an unquoted name so. */
function namesKey(names: readonly string[], key: string): boolean {
  const lower = key.toLowerCase();
  return names.some((name) => name.toLowerCase() === lower);
}
