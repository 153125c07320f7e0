/**
 * The table a dynamoose model stands for, as dynamoose creates it when the table does not exist (`create`
 * defaults to true; dynamoose docs, Table, `new dynamoose.Table(name, models[, options])`, and the same options as
 * the third argument of `dynamoose.model(name, schema[, options])`):
 *
 * - the options' `throughput` (`'ON_DEMAND'`, or read and write units: 1 and 1 by default, `Table/defaults.js`) is
 *   the table's BillingMode or ProvisionedThroughput, `streamOptions` its StreamSpecification, and `expires` turns on
 *   Time to Live (UpdateTimeToLive) for its attribute;
 * - a schema's attribute settings (`new dynamoose.Schema({ id: { type: String, hashKey: true } })`): `hashKey` and
 *   `rangeKey` make the key schema, `index` a global or local secondary index (Schema docs, "hashKey", "index").
 *
 * Each is read as that CreateTable parameter, so it gets the hover the SDK's request gets. The forms written on the
 * library's name (`dynamoose.model`, `new dynamoose.Table`, `new dynamoose.Schema`) are read, also with type
 * arguments (`dynamoose.model<Order>(...)`), and the same names imported (`import { model, Schema } from 'dynamoose'`,
 * `import { Schema } from 'dynamoose/dist/Schema'`, `dynamoosePlainCall` in `dynamoOrms.ts`).
 */
import type { OptionOccurrence } from '../../model';
import type { CodeAnalyzer } from '../analyzer';
import { segments } from '../braces';
import { occurrenceOf, propertyValue, sentAs } from '../options';
import { callOpen, optionsArgument } from './ormChains';

const TABLE_OPTIONS = new Map([
  ['throughput', 'billingmode'],
  ['streamoptions', 'streamspecification'],
]);
/** Attribute settings of a schema and the CreateTable parameter each makes. */
const ATTRIBUTE_SETTINGS: Record<string, string> = { hashKey: 'keyschema', rangeKey: 'keyschema', index: 'globalsecondaryindexes' };
/** A table made in the file (`new dynamoose.Table(name, [Model], options)`). */
const MADE_TABLE = /\bnew\s+(?:dynamoose\s*\.\s*)?Table\s*[<(]/;
/** Where the table options are among the arguments of each call. */
const OPTIONS_POSITION: Record<string, number> = { model: 2, Table: 2 };

/** `dynamoose.model(...)`, `new dynamoose.Table(...)`, `new dynamoose.Schema(...)`: their table settings (`method` is the library's name of the call). */
export function dynamooseTableCall(a: CodeAnalyzer, nameIndex: number, method: string): void {
  const open = callOpen(a, nameIndex);
  if (open < 0) {
    return;
  }
  const args = segments(a, open);
  // `new dynamoose.Schema({...})`, or the definition `dynamoose.model(name, {...})` makes a schema of.
  const definition = method === 'Schema' ? args[0] : method === 'model' ? args[1] : undefined;
  if (definition && a.is(definition[0], '{')) {
    schemaSettings(a, definition[0], nameIndex);
  }
  if (method === 'Schema') {
    return;
  }
  const position = Object.hasOwn(OPTIONS_POSITION, method) ? OPTIONS_POSITION[method] : -1;
  const argument = position >= 0 ? args[position] : undefined;
  if (position >= 0 && args.length >= position && madeWithDefaultThroughput(a, method, argument?.[0])) {
    a.contexts.push({ kind: 'sdk', type: 'dynamodb:CreateTable', options: [tableMadeWithDefaults(a, nameIndex)], complete: false, anchor: a.tokenSpan(nameIndex) });
  }
  if (!argument) {
    return;
  }
  const read = optionsArgument(a, argument[0], argument[1], 'dynamodb:CreateTable', nameIndex, TABLE_OPTIONS);
  if (read && read.request.options.length > 0) {
    a.contexts.push(read.request);
  }
  const expires = a.is(argument[0], '{') ? propertyValue(a, argument[0], 'expires') : -1;
  if (expires > 0) {
    // dynamoose turns TTL on for the attribute when it creates or updates the table.
    a.addOperation({ operation: 'dynamodb:UpdateTimeToLive', name: a.tokenSpan(expires - 2), call: false, paginated: false, tokenIndex: expires - 2 });
  }
}

/** The key and index settings of each attribute of a schema's definition (`{ id: { hashKey: true }, ... }`). */
function schemaSettings(a: CodeAnalyzer, definition: number, anchor: number): void {
  const options: OptionOccurrence[] = [];
  const close = a.partner[definition];
  for (let k = definition + 1; k < close; k = a.skipGroup(k)) {
    const atKey = (k === definition + 1 || a.is(k - 1, ',')) && (a.isId(k) || a.isString(k)) && a.is(k + 1, ':');
    if (atKey && a.is(k + 2, '{') && a.partner[k + 2] > k + 2) {
      options.push(...attributeSettings(a, k + 2));
    }
  }
  if (options.length > 0) {
    a.contexts.push({ kind: 'sdk', type: 'dynamodb:CreateTable', options, complete: false, anchor: a.tokenSpan(anchor) });
  }
}

function attributeSettings(a: CodeAnalyzer, settings: number): OptionOccurrence[] {
  const options: OptionOccurrence[] = [];
  const close = a.partner[settings];
  for (let k = settings + 1; k < close; k = a.skipGroup(k)) {
    const atKey = (k === settings + 1 || a.is(k - 1, ',')) && a.isId(k) && a.is(k + 1, ':');
    const norm = atKey && Object.hasOwn(ATTRIBUTE_SETTINGS, a.tokens.text(k)) ? ATTRIBUTE_SETTINGS[a.tokens.text(k)] : undefined;
    // `hashKey: false` makes no key; an index is an object, an array of them, or `true`.
    if (!norm || a.idIs(k + 2, 'false')) {
      continue;
    }
    let valueEnd = k + 2;
    while (valueEnd < close && !a.is(valueEnd, ',')) {
      valueEnd = a.skipGroup(valueEnd);
    }
    options.push(sentAs(occurrenceOf(a, { key: k, valueStart: k + 2, valueEnd, removalStart: k, removalEnd: valueEnd - 1 }), norm));
  }
  return options;
}

/**
 * Whether the table is made with dynamoose's default throughput, 1 read and 1 write unit provisioned: no options,
 * or options written whole with no `throughput` and `create` left out or `true`. The caller has seen the arguments
 * before the options: `dynamoose.model('Cat')` alone looks a registered model up and makes nothing. Not where the
 * file changes the defaults (`dynamoose.Table.defaults.set(...)`, v2's `dynamoose.model.defaults.set(...)`), nor
 * for a model where the file makes a table, which may hold the model and give it its own settings.
 */
function madeWithDefaultThroughput(a: CodeAnalyzer, method: string, options: number | undefined): boolean {
  if (a.text.includes('defaults.set') || (method === 'model' && MADE_TABLE.test(a.text))) {
    return false;
  }
  if (options === undefined) {
    return true;
  }
  if (!a.is(options, '{') || a.partner[options] < options) {
    return false;
  }
  for (let k = options + 1; k < a.partner[options]; k = a.skipGroup(k)) {
    if (a.tokens.isSpread(k)) {
      return false;
    }
  }
  const create = propertyValue(a, options, 'create');
  const createdAlways = create < 0 || (a.idIs(create, 'true') && (a.is(create + 1, ',') || create + 1 === a.partner[options]));
  return createdAlways && propertyValue(a, options, 'throughput') < 0;
}

/** The BillingMode the defaults give, on the call's name: a hover only, as nothing is written to check. */
function tableMadeWithDefaults(a: CodeAnalyzer, nameIndex: number): OptionOccurrence {
  const option = sentAs(occurrenceOf(a, { key: nameIndex, valueStart: nameIndex, valueEnd: nameIndex + 1, removalStart: nameIndex, removalEnd: nameIndex, name: 'BillingMode' }), 'billingmode');
  option.absent = true;
  return option;
}

