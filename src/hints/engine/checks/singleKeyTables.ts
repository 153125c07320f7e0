/**
 * What a file's own item requests show of a table's primary key: a GetItem, UpdateItem or DeleteItem must name the
 * whole primary key in its `Key` (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GetItem.html),
 * so a `Key` written with one attribute (`Key: { DrinkName: name }`) shows a table keyed on that attribute alone.
 * A Query of the same table with an equality on it then matches one item at most, and has no second page.
 */
import { OptionContext } from '../model';
import { optionNamed } from './context';

const ITEM_REQUESTS = new Set(['dynamodb:GetItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem']);
const TABLE_NAME = ['TableName'];
const KEY = ['Key'];
const ATTRIBUTE_NAMES = ['ExpressionAttributeNames'];

/** How a request names its table, as written: a literal's value, or the expression's text; else the object it is sent on. */
function tableOf(context: OptionContext): string | undefined {
  const literal = optionNamed(context, TABLE_NAME)?.literal;
  const holder = context.tableHolder === undefined ? undefined : `(sent on ${context.tableHolder})`;
  return literal?.kind === 'str' ? `"${literal.value}"` : literal?.kind === 'expr' ? literal.text.trim() : holder;
}

/** The one key of an object written in place with one property (`{ DrinkName: name }`, `{'id': {'S': id}}`), or undefined. */
function onlyKey(text: string): string | undefined {
  const body = text.trim();
  if (!body.startsWith('{') || !body.endsWith('}') || body.includes('...')) {
    return undefined;
  }
  // The property's end: the first top-level comma, after which only a trailing comma may follow.
  let depth = 0;
  let colon = -1;
  for (let k = 1; k < body.length - 1; k++) {
    const c = body[k];
    if (c === '{' || c === '[' || c === '(') {
      depth++;
    } else if (c === '}' || c === ']' || c === ')') {
      depth--;
    } else if (depth === 0 && c === ',') {
      if (body.slice(k + 1, -1).trim() !== '') {
        return undefined;
      }
      break;
    } else if (depth === 0 && c === ':' && colon < 0) {
      colon = k;
    }
  }
  const key = colon > 0 ? body.slice(1, colon).trim().replace(/^['"]|['"]$/g, '') : '';
  return /^[A-Za-z_][\w.-]*$/.test(key) ? key : undefined;
}

/** The attribute a key condition's name stands for: itself, or the one `ExpressionAttributeNames` maps a `#placeholder` to. */
function attributeOf(query: OptionContext, name: string): string | undefined {
  if (!name.startsWith('#')) {
    return name;
  }
  const names = optionNamed(query, ATTRIBUTE_NAMES)?.literal;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const mapped = names?.kind === 'expr' ? new RegExp(`["']${escaped}["']\\s*:\\s*["']([^"'\\\\]+)["']`).exec(names.text) : null;
  return mapped?.[1];
}

/** Per list of a file's contexts, its tables keyed on one attribute: `table attribute` pairs, worked out once. */
const singleKeys = new WeakMap<readonly OptionContext[], ReadonlySet<string>>();

function singleKeysOf(contexts: readonly OptionContext[]): ReadonlySet<string> {
  let found = singleKeys.get(contexts);
  if (!found) {
    const pairs = new Set<string>();
    for (const request of contexts) {
      const table = ITEM_REQUESTS.has(request.type) ? tableOf(request) : undefined;
      const key = table === undefined ? undefined : optionNamed(request, KEY)?.literal;
      const only = key?.kind === 'expr' ? onlyKey(key.text) : undefined;
      if (only !== undefined) {
        pairs.add(`${table}\u0000${only}`);
      }
    }
    found = pairs;
    singleKeys.set(contexts, found);
  }
  return found;
}

/** Whether an item request of the file names the key condition's `name` alone as the whole key of the table `query` reads. */
export function keyedOnAlone(contexts: readonly OptionContext[], query: OptionContext, name: string): boolean {
  const table = tableOf(query);
  const attribute = attributeOf(query, name);
  return table !== undefined && attribute !== undefined && singleKeysOf(contexts).has(`${table}\u0000${attribute}`);
}
