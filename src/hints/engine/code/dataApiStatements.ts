/**
 * The statement of a data-api-client call (`rdsDataApi.ts`): `query(sql, params)` takes its SQL as the first
 * argument, where the SDK's request names it `sql`. Read as that option, so that the Data API's checks on the
 * SQL (`rds-data-api-sql-built-from-values`) see a statement interpolated or concatenated in place. The object
 * form (`query({ sql, parameters })`) and a transaction's function form (`query((r) => [...])`) are left to
 * the request reader.
 */
import type { OptionContext } from '../model';
import type { ClientKind } from '../services';
import { normalizeName } from '../types';
import type { CodeAnalyzer } from './analyzer';
import { positionalOption } from './options';

export function dataApiStatement(a: CodeAnalyzer, kind: ClientKind, method: string, open: number, close: number, operation: string): OptionContext | undefined {
  if ((kind !== 'rds-data-api-client' && kind !== 'rds-data-api-transaction') || normalizeName(method) !== 'query' || close < 0 || open + 1 >= close || a.is(open + 1, '{')) {
    return undefined;
  }
  // A function first argument (`query((r) => [sql, params])`) gives its statement when the chain runs.
  const afterParameters = a.is(open + 1, '(') ? a.partner[open + 1] + 1 : open + 2;
  if (a.is(afterParameters, '=>') || a.idIs(open + 1, 'function') || a.idIs(open + 1, 'async')) {
    return undefined;
  }
  let end = open + 1;
  while (end < close && !a.is(end, ',')) {
    end = a.skipGroup(end);
  }
  return { kind: 'sdk', type: operation, options: [positionalOption(a, open + 1, end, 'sql')], complete: false, anchor: a.tokenSpan(open - 1) };
}
