/**
 * Whether a client a function makes is kept beyond the call: assigned to a member, a module-level or `global` name,
 * a field, a lazy `client = client || new X()`, or built into an object that is kept. The readers of clients made
 * per invocation or request (`handlerClients.ts`), of SQL helpers and of constructors ask it.
 */
import type { CodeAnalyzer } from './analyzer';
import { assignmentAt } from './assignments';

/** Operators that keep a value already held: `client = client || new X()`, `client ??= new X()`, Python `or`. */
const KEEPING = ['||', '??', 'or'];

/**
 * Whether the construction at `start` is assigned to a member (`this.client = ...`) or to a name the handler's
 * function (from `fnStart` to `fnEnd`) does not declare: a module-level name or one declared `global`, a field of the
 * class, as a lazy `client = client || new X()` writes it: made once, then kept. A field of `instance` (the `self`
 * of a constructor that runs per call) lives as long as that object, so it counts as kept inside.
 */
export function storedOutside(a: CodeAnalyzer, start: number, fnStart: number, fnEnd: number, instance?: string): boolean {
  return kept(a, start, fnStart, fnEnd, instance, 0);
}

/** Locals followed from a client to the kept object made from it (`dynamodb` to `table = dynamodb.Table(name)`). */
const MAX_DERIVED_HOPS = 2;

function kept(a: CodeAnalyzer, start: number, fnStart: number, fnEnd: number, instance: string | undefined, hops: number): boolean {
  // A client built into an object that is kept (`kept = new TodoRepository(new ClientProvider())`) is kept with it.
  const owner = constructionAround(a, start);
  if (owner >= 0 && kept(a, owner, fnStart, fnEnd, instance, hops)) {
    return true;
  }
  // A client wrapped by a library's call is kept where the wrapper is (`cached = DynamoDBDocumentClient.from(new DynamoDBClient({}))`).
  const wrapper = start - 4;
  if (a.is(start - 1, '(') && a.isId(start - 2) && a.isAccess(start - 3) && a.isId(wrapper) && !a.isAccess(wrapper - 1) && a.imports.has(a.tokens.text(wrapper))) {
    start = wrapper;
  }
  let k = a.idIs(start - 1, 'await') ? start - 2 : start - 1;
  // A parenthesised fallback: `pool = pool || (await openPool())`.
  if (a.is(k, '(') && !a.isId(k - 1) && !a.is(k - 1, ')')) {
    k--;
  }
  while (a.isId(k - 1) && KEEPING.some((operator) => a.is(k, operator)) && !a.isAccess(k - 2)) {
    k -= 2;
  }
  if (!a.is(k, '=')) {
    return false;
  }
  // A Python keyword argument (`connect(password=auth_token())`) hands the value to the call, which keeps nothing of ours.
  if (a.language.family === 'python' && a.isId(k - 1) && (a.is(k - 2, '(') || a.is(k - 2, ',')) && a.parent[k] >= 0 && a.is(a.parent[k], '(')) {
    return false;
  }
  // `client ??= new X()` and `client ||= new X()`: the operator starts a token earlier.
  if (assignmentAt(a, k - 1) === 2 && (a.is(k - 1, '??') || a.is(k - 1, '||'))) {
    k--;
  }
  if (instance !== undefined && a.isAccess(k - 2) && a.idIs(k - 3, instance) && !a.isAccess(k - 4)) {
    return false;
  }
  // A tuple assignment keeps the value in its first target (Go's `db, err = sql.Open(...)`).
  while (a.language.family === 'go' && a.isId(k - 1) && a.is(k - 2, ',') && a.isId(k - 3) && !a.isAccess(k - 4)) {
    k -= 2;
  }
  // A destructuring declaration (`const { rows } = await runQuery(sql)`) keeps parts of the result in locals of the function.
  const pattern = a.is(k - 1, '}') || a.is(k - 1, ']') ? a.partner[k - 1] : -1;
  if (pattern >= 0 && (a.idIs(pattern - 1, 'const') || a.idIs(pattern - 1, 'let') || a.idIs(pattern - 1, 'var'))) {
    return false;
  }
  const targets = (bracketedTargets(a, k - 1) ?? [annotatedName(a, k) ?? k - 1]).map((target) => freshGoObject(a, target, fnStart, fnEnd) ?? target);
  // Go's blank identifier (`_, err = svc.PutItem(...)`) keeps nothing.
  return targets.some(
    (target) =>
      !(a.language.family === 'go' && a.idIs(target, '_')) &&
      (!a.isId(target) || a.isAccess(target - 1) || declaredOutside(a, target, fnStart, fnEnd) || (hops < MAX_DERIVED_HOPS && keptThroughDerived(a, target, fnStart, fnEnd, instance, hops + 1))),
  );
}

/**
 * Whether a local that holds the client is later made into an object that is kept, which holds the client in turn: a
 * lazy set-up in two steps (`if not table: dynamodb = boto3.resource("dynamodb"); table = dynamodb.Table(name)` with
 * `table` global, `if (!doc) { const client = new DynamoDBClient({}); doc = DynamoDBDocumentClient.from(client); }` with
 * `doc` module-level). Derived means a resource's capitalised sub-resource (`.Table(...)`), or the local passed whole to
 * a wrapper or a constructor, as `kept` reads them; a call's result (`items = client.scan()`) keeps nothing of it.
 */
function keptThroughDerived(a: CodeAnalyzer, local: number, fnStart: number, fnEnd: number, instance: string | undefined, hops: number): boolean {
  const name = a.tokens.text(local);
  const scope = a.scopes.declaringScope(name, local);
  for (let k = local + 1; k < fnEnd; k++) {
    if (!a.idIs(k, name) || a.isAccess(k - 1) || a.scopes.declaringScope(name, k) !== scope) {
      continue;
    }
    const subResource = a.isAccess(k + 1) && a.isId(k + 2) && startsCapitalised(a.tokens.text(k + 2)) && a.is(k + 3, '(');
    const wholeArgument = (a.is(k - 1, '(') || a.is(k - 1, ',')) && (a.is(k + 1, ',') || a.is(k + 1, ')'));
    if ((subResource || wholeArgument) && kept(a, k, fnStart, fnEnd, instance, hops)) {
      return true;
    }
  }
  return false;
}

function startsCapitalised(word: string): boolean {
  const code = word.charCodeAt(0);
  return code >= 65 && code <= 90;
}

/**
 * Go: the local `s` of a target `s.client` (`s.client = dynamodb.NewFromConfig(cfg)`) when the function made `s` itself
 * (`s := new(store)`, `s := &store{}`, `s := store{}`, `var s store`): the client lives in that new value, kept as long
 * as the value is, as in a composite literal's field (`&store{client: ...}`), unless it is assigned on (`shared = s`). Its
 * name token, read in the target's place.
 */
function freshGoObject(a: CodeAnalyzer, target: number, fnStart: number, fnEnd: number): number | undefined {
  const local = target - 2;
  if (a.language.family !== 'go' || !a.isId(target) || !a.isAccess(target - 1) || !a.isId(local) || a.isAccess(local - 1) || declaredOutside(a, local, fnStart, fnEnd)) {
    return undefined;
  }
  const name = a.tokens.text(local);
  const scope = a.scopes.declaringScope(name, local);
  for (let j = fnStart; j < local; j++) {
    if (!a.idIs(j, name) || a.isAccess(j - 1) || a.scopes.declaringScope(name, j) !== scope) {
      continue;
    }
    const value = j + 2;
    const made =
      (a.is(j + 1, ':=') && ((a.idIs(value, 'new') && a.is(value + 1, '(')) || compositeAt(a, a.is(value, '&') ? value + 1 : value))) ||
      (a.idIs(j - 1, 'var') && a.isId(j + 1) && !a.is(j + 2, '=') && !a.isAccess(j + 2));
    return made && !assignedOn(a, local, scope, fnEnd) ? local : undefined;
  }
  return undefined;
}

/** Whether the local at `local` is later assigned to something (`shared = s`, `h.store = s`), which may keep it past the call. */
function assignedOn(a: CodeAnalyzer, local: number, scope: number, fnEnd: number): boolean {
  const name = a.tokens.text(local);
  for (let k = local + 1; k < fnEnd; k++) {
    if (a.idIs(k, name) && !a.isAccess(k - 1) && (a.is(k - 1, '=') || (a.is(k - 1, '&') && a.is(k - 2, '='))) && a.scopes.declaringScope(name, k) === scope) {
      return true;
    }
  }
  return false;
}

/** `store{` or `pkg.store{` at `k`: a composite literal of a named type. */
function compositeAt(a: CodeAnalyzer, k: number): boolean {
  const type = a.isAccess(k + 1) && a.isId(k + 2) ? k + 2 : k;
  return a.isId(k) && a.is(type + 1, '{');
}

/** Whether the name at `token` is declared outside [fnStart, fnEnd) (the module's scope spans the whole file, so a module-level name's starts before too). */
function declaredOutside(a: CodeAnalyzer, token: number, fnStart: number, fnEnd: number): boolean {
  const [declaredStart, declaredEnd] = a.scopes.range(a.scopes.declaringScope(a.tokens.text(token), token));
  return declaredStart < fnStart || declaredEnd > fnEnd;
}

/**
 * The first token of each target of a bracketed list that closes at `close` (`(tz, client, name) = helper()`), which
 * the value unpacks as an unbracketed list does: kept outside where any target is; undefined for a subscript
 * (`cache[key] = ...`) or a call.
 */
function bracketedTargets(a: CodeAnalyzer, close: number): number[] | undefined {
  const open = a.is(close, ')') || a.is(close, ']') ? a.partner[close] : -1;
  if (open < 0) {
    return undefined;
  }
  // A Python line of its own starts a statement; elsewhere, a name, call or subscript before makes it arguments or an index.
  const ownStatement = a.language.family === 'python' && a.startsLine(open);
  if (!ownStatement && (a.isId(open - 1) || a.is(open - 1, ')') || a.is(open - 1, ']') || a.isAccess(open - 1))) {
    return undefined;
  }
  const targets = [open + 1];
  for (let k = open + 1; k < close; k = a.skipGroup(k)) {
    if (a.is(k, ',')) {
      targets.push(k + 1);
    }
  }
  // A target that is more than a name (`self.client`, `d[k]`) is kept with its object: read as no name.
  return targets.map((target) => (a.isId(target) && (a.is(target + 1, ',') || target + 1 === close) ? target : -1));
}

/** The construction whose argument starts at `start` (`new Repository(` in JavaScript, `Repository(` in Python, a class by its capital): its first token, or -1. */
function constructionAround(a: CodeAnalyzer, start: number): number {
  const open = a.parent[start];
  if (open < 0 || !a.is(open, '(') || !(a.is(start - 1, '(') || a.is(start - 1, ',')) || !a.isId(open - 1) || a.isAccess(open - 2)) {
    return -1;
  }
  if (a.language.family === 'js') {
    return a.idIs(open - 2, 'new') ? open - 2 : -1;
  }
  const code = a.tokens.text(open - 1).charCodeAt(0);
  return a.language.family === 'python' && code >= 65 && code <= 90 ? open - 1 : -1;
}

/** Tokens a type annotation is written with, besides names: `Redis | undefined`, `Pool<Client>`, `Optional[Table]`, `aws.DynamoDB`. */
const ANNOTATION_PUNCTUATION = new Set(['.', '|', '&', '<', '>', '[', ']', ',', '?', '!']);
/** Longest annotation walked back over, in tokens: a declaration's type is short, and the walk stays bounded. */
const MAX_ANNOTATION_TOKENS = 32;

/**
 * The name a TypeScript or Python declaration with a type annotation declares before its `=` at `eq`
 * (`const client: DynamoDBClient = new DynamoDBClient({})`, `table: Table = dynamodb.Table(name)`): the
 * annotation's last word is a type, not the variable. Undefined where the `=` follows no annotation, or one
 * of a parameter's default.
 */
function annotatedName(a: CodeAnalyzer, eq: number): number | undefined {
  const family = a.language.family;
  if ((family !== 'js' && family !== 'python') || (a.parent[eq] >= 0 && a.is(a.parent[eq], '('))) {
    return undefined;
  }
  for (let j = eq - 1, steps = 0; j > 0 && steps < MAX_ANNOTATION_TOKENS; j--, steps++) {
    // An annotation sits on its name's line: `else:` ending the line before `table = ...` is no annotation.
    if (a.startsLine(j)) {
      return undefined;
    }
    if (a.is(j, ':') && j < eq - 1) {
      const name = j - 1;
      if (!a.isId(name) || a.isAccess(name - 1)) {
        return undefined;
      }
      const declared = family === 'js' ? a.idIs(name - 1, 'const') || a.idIs(name - 1, 'let') || a.idIs(name - 1, 'var') : a.startsLine(name);
      return declared ? name : undefined;
    }
    if (!a.isId(j) && !a.isString(j) && !ANNOTATION_PUNCTUATION.has(a.tokens.text(j))) {
      return undefined;
    }
  }
  return undefined;
}
