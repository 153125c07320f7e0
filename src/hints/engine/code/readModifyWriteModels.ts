/**
 * Python repositories that wrap the item a GetItem read in a model object of their own and put the object back
 * through one of its serializers: `account = AccountStatus(reply["Item"])` (or `Order.from_item(item)`,
 * `User(**item)`), `account.accounts = rest`, then `put_item(Item=account.to_dynamo())`. The object holds the same
 * attributes as the item, so an attribute assigned on it is the item changed (`readModifyWrite.ts` follows it as the
 * item). Only a class-like name is read as a model (a capitalised name, or its `from_…` / `parse_obj` /
 * `model_validate` factory): `json.dumps(item)` or `len(item)` hold no item.
 */
import type { CodeAnalyzer } from './analyzer';

/** Factories of a model class that build the object from a mapping (plain classes, dataclasses, pydantic). */
const FACTORIES = new Set(['parse_obj', 'model_validate', 'construct', 'model_construct']);
/** Methods that give a model's attributes back as a mapping to write (beside any `to_…` or `as_…`). */
const SERIALIZERS = new Set(['model_dump', 'dict', 'serialize', 'asdict']);

/**
 * The call `callee(…)` from `open` to `close` when it builds a model object from the held item (`heldAt(k)` tells
 * whether the argument at `k` is the item, and whether it was changed): whether the item was changed; undefined
 * when the call is no model's or no argument is the item.
 */
export function modelOfItem(a: CodeAnalyzer, calleeStart: number, callee: number, open: number, close: number, heldAt: (k: number) => boolean | undefined): boolean | undefined {
  if (a.language.family !== 'python' || !isModelConstruction(a, calleeStart, callee)) {
    return undefined;
  }
  let found: boolean | undefined;
  for (let k = open + 1; k < close; k++) {
    if (a.parent[k] !== open || !(k === open + 1 || a.is(k - 1, ','))) {
      continue;
    }
    // `User(item)`, `User(**item)`, `User(data=item)`.
    const value = a.is(k, '**') ? k + 1 : a.isId(k) && a.is(k + 1, '=') ? k + 2 : k;
    const held = heldAt(value);
    if (held !== undefined) {
      found = (found ?? false) || held;
    }
  }
  return found;
}

/** `Model` alone or `Model.from_item` / `Model.parse_obj`, from `calleeStart` to the called name at `callee`. */
function isModelConstruction(a: CodeAnalyzer, calleeStart: number, callee: number): boolean {
  const capitalised = (k: number): boolean => /^_?[A-Z][A-Za-z0-9_]*[a-z][A-Za-z0-9_]*$/.test(a.tokens.text(k));
  if (callee === calleeStart) {
    return capitalised(callee);
  }
  const name = a.tokens.text(callee);
  return callee === calleeStart + 2 && capitalised(calleeStart) && (name.startsWith('from_') || FACTORIES.has(name));
}

/** Whether `name.serializer(…)` from `after` (the token after the name) reaches `end`: the object's attributes as a mapping. */
export function serializedWhole(a: CodeAnalyzer, after: number, end: number): boolean {
  if (a.language.family !== 'python' || !a.isAccess(after) || !a.isId(after + 1) || !a.is(after + 2, '(')) {
    return false;
  }
  const method = a.tokens.text(after + 1);
  const serializer = SERIALIZERS.has(method) || /^(to|as)_[a-z][a-z0-9_]*$/.test(method);
  return serializer && a.partner[after + 2] + 1 === end;
}
