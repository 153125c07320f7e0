/**
 * The table settings a PynamoDB model or index declares in its `Meta` class, which `create_table()` sends:
 * `read_capacity_units` and `write_capacity_units` (its ProvisionedThroughput, or the index's), `billing_mode`
 * (BillingMode) and `stream_view_type` (StreamSpecification)
 * (https://pynamodb.readthedocs.io/en/stable/api.html#pynamodb.models.Model.create_table). Each is read as that
 * option of a CreateTable request the model stands for, so it gets the same hover as in the SDK's request. A `Meta`
 * of any other class (Django, pydantic, Graphene) says nothing about DynamoDB. A model's `TTLAttribute` is where
 * `create_table()` turns Time to Live on (it calls `update_ttl`), so it gets the UpdateTimeToLive hover.
 */
import type { OptionOccurrence } from '../../model';
import type { CodeAnalyzer } from '../analyzer';
import { occurrenceOf, sentAs } from '../options';
import { pynamodbClassKind } from './pynamodb';

/** `Meta` settings by name, and the CreateTable parameter each becomes. */
const META_SETTINGS: Record<string, string> = {
  read_capacity_units: 'provisionedthroughput',
  write_capacity_units: 'provisionedthroughput',
  billing_mode: 'billingmode',
  stream_view_type: 'streamspecification',
};

export function pynamodbMetaSettings(a: CodeAnalyzer): void {
  if (!a.text.includes('pynamodb') && !/(?:capacity_units|billing_mode|stream_view_type)\s*=|TTLAttribute/.test(a.text)) {
    return;
  }
  for (let k = 0; k + 2 < a.tokens.length; k++) {
    if (a.idIs(k, 'TTLAttribute') && a.is(k + 1, '(')) {
      ttlAttribute(a, k);
      continue;
    }
    if (!a.idIs(k, 'class') || !a.idIs(k + 1, 'Meta') || !(a.is(k + 2, ':') || a.is(k + 2, '('))) {
      continue;
    }
    // A class scope starts at its `class` keyword: the one around it is the class the `Meta` sits in.
    const meta = a.scopes.enclosing(k, ['class']);
    const owner = meta > 0 && a.scopes.start(meta) === k ? a.scopes.parent(meta) : -1;
    if (owner <= 0 || a.scopes.kind(owner) !== 'class' || pynamodbClassKind(a, owner) === undefined) {
      continue;
    }
    const options = settingsOf(a, meta);
    if (options.length > 0) {
      a.contexts.push({ kind: 'sdk', type: 'dynamodb:CreateTable', options, complete: false, anchor: a.tokenSpan(k + 1) });
    }
  }
}

/** The settings the `Meta` class `meta` assigns in its own body (`read_capacity_units = 5`), as CreateTable options. */
function settingsOf(a: CodeAnalyzer, meta: number): OptionOccurrence[] {
  const [start, end] = a.scopes.range(meta);
  const options: OptionOccurrence[] = [];
  for (let k = start; k + 2 < end; k++) {
    const norm = a.isId(k) ? META_SETTINGS[a.tokens.text(k)] : undefined;
    if (!norm || !a.is(k + 1, '=') || a.isAccess(k - 1) || a.scopes.enclosing(k, ['class']) !== meta) {
      continue;
    }
    const line = a.lines.lineOf(a.tokens.starts[k]);
    let valueEnd = k + 2;
    while (valueEnd < end && a.lines.lineOf(a.tokens.starts[valueEnd]) === line) {
      valueEnd = a.skipGroup(valueEnd);
    }
    options.push(sentAs(occurrenceOf(a, { key: k, valueStart: k + 2, valueEnd, removalStart: k, removalEnd: valueEnd - 1 }), norm));
  }
  return options;
}

/** `expires_at = TTLAttribute(...)` in a model's body (`name` at the class's name): the attribute Time to Live reads. */
function ttlAttribute(a: CodeAnalyzer, name: number): void {
  const start = a.isAccess(name - 1) && a.isId(name - 2) ? name - 2 : name;
  const owner = a.scopes.enclosing(name, ['class', 'function']);
  if (owner <= 0 || a.scopes.kind(owner) !== 'class' || pynamodbClassKind(a, owner) !== 'model' || !a.is(start - 1, '=')) {
    return;
  }
  const { value, end } = a.evalChain(start, name + 1);
  const library = value?.t === 'ref' && `${value.module}.${value.path}` === 'pynamodb.attributes.TTLAttribute';
  if (library && end === name + 1) {
    a.addOperation({ operation: 'dynamodb:UpdateTimeToLive', name: a.tokenSpan(name), call: false, paginated: false, tokenIndex: name });
  }
}
