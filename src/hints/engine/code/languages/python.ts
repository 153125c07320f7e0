/**
 * Python: imports, scopes by indentation (functions, classes, lambdas, comprehensions; loops for
 * round-trip checks), assignments and annotations, `self.x` fields, `with ... as`, `global`, type hints
 * (mypy-boto3, redis), keyword arguments and dict requests, redis-py and CDK constructors.
 */
import { TOKEN_KIND } from '../../lexer';
import { isKwargsParameter } from './pythonKwargsDicts';
import { Binding, ScopeKind, ScopeTree } from '../../scope/scopes';
import { ClientKind } from '../../services';
import { codeOf } from '../../tokenCodes';
import type { CodeAnalyzer } from '../analyzer';
import { cdkConstruct } from '../calls';
import { segments } from '../braces';
import { CodeLanguage, OptionSlot } from '../language';
import { ALIAS_ROOT } from '../memberPaths';
import { separatedSlot } from '../options';
import { redisClientOptions } from '../redisOptions';
import { glidePythonConfiguration } from '../glide';
import { declaredPynamodbModel, pynamodbCall } from './pynamodb';
import { pynamodbMetaSettings } from './pynamodbMeta';
import { pythonRedisSettings } from './pythonRedisSettings';
import { decoration, startsStatement } from './pythonDecorators';
import { bindStarImportedNames, collectImports } from './pythonImports';
import { projectType } from '../projectImports';
import { boto3GenericResourceType } from './pythonBoto3Types';
import { projectClientCall } from './pythonProjectClients';
import { bindDictUpdates, noteBareReturn, requestForCall } from './pythonRequests';
import { lowLevelMemberCall } from '../lowLevelMemberCalls';
import { provenFieldCall } from '../provenFieldCalls';
import { sequenceAt, unpackingAssignment } from './pythonTuples';
import { annotatesDependency, LibraryName, typeAliasTarget } from './pythonTypeAliases';
import { callResult, cdkAnnotationType, Value } from '../values';

const { ID, STR, PUNCT } = TOKEN_KIND;
const EQUALS = codeOf('=');
const WALRUS = codeOf(':=');
const COLON = codeOf(':');
const DEF = codeOf('def');
const RETURN = codeOf('return');
const YIELD = codeOf('yield');
const GLOBAL = codeOf('global');
const FOR = codeOf('for');
const LAMBDA = codeOf('lambda');
const AS = codeOf('as');

type BindName = (name: string, holder: number, binding: Binding<Value>) => void;

const MYPY_TYPES: Record<string, ClientKind> = { Table: 'dynamodb-table', DynamoDBClient: 'dynamodb', DynamoDBServiceResource: 'dynamodb-resource' };
/** mypy-boto3's stubs, and types-aiobotocore's for aiobotocore, name the same types. */
const MYPY_DYNAMODB = /^(?:mypy_boto3|types_aiobotocore)_dynamodb(?:\.|$)/;
const BLOCK_HEADERS = new Map<string, ScopeKind>([
  ['def', 'function'],
  ['class', 'class'],
  ['for', 'loop'],
  ['while', 'loop'],
]);
const KEYWORDS = new Set(['if', 'elif', 'else', 'for', 'while', 'try', 'except', 'finally', 'with', 'def', 'class', 'lambda', 'return', 'match', 'case', 'async', 'await', 'global', 'nonlocal', 'del', 'pass', 'raise', 'yield', 'assert', 'import', 'from']);
/** Wrappers of a type hint whose argument is the type: `Optional[Table]`, `Union[Redis, None]`. */
const TYPE_WRAPPERS = new Set(['Optional', 'Union', 'Final', 'ClassVar', 'Annotated']);

/** `obj.attr = ...` / `cache["key"] = ...`: a member path of a name, bound once every plain name is. */
interface PathAssignment {
  root: string;
  path: string;
  /** The root token, and the `=`. */
  start: number;
  eq: number;
  /** The string key of a last `["key"]` segment, or -1. */
  key: number;
}


interface Candidate {
  kind: ScopeKind;
  start: number;
  end: number;
  /** For functions: the `(` of the parameters (def) or the `lambda` token, and where a lambda's body starts. */
  params: number;
  concise: number;
  /** For a branch: the `if` branch that starts its chain (itself for the `if`). */
  chain?: Candidate;
}

/** Headers of the branches of an if/elif/else chain; an `else` after a loop or `try` is no branch. */
const BRANCH_HEADERS = new Set(['if', 'elif', 'else']);

function buildScopes(a: CodeAnalyzer, tree: ScopeTree<Value>): void {
  const candidates: Candidate[] = [];
  const open: (Candidate & { indent: number })[] = [];
  const comprehensions = new Set<number>();
  const tokens = a.tokens;
  for (let t = 0; t < tokens.length; t++) {
    if (tokens.kinds[t] !== ID) {
      continue;
    }
    if (a.startsLine(t) && a.parent[t] === -1) {
      const indent = a.lines.position(tokens.starts[t]).character;
      let closed: (Candidate & { indent: number }) | undefined;
      while (open.length > 0 && indent <= open[open.length - 1].indent) {
        closed = open.pop()!;
        closed.end = t;
        candidates.push(closed);
      }
      // `async` may be the file's last token; a name such as `constructor` is no block header.
      const header = a.idIs(t, 'async') ? t + 1 : t;
      const word = a.id(header) ?? '';
      const kind = BLOCK_HEADERS.get(word);
      if (kind) {
        const params = kind === 'function' && a.is(header + 2, '(') ? header + 2 : -1;
        open.push({ kind, start: t, end: tokens.length, params, concise: -1, indent });
      } else if (BRANCH_HEADERS.has(word)) {
        const previous = word !== 'if' && closed?.indent === indent && closed.kind === 'branch' && !a.idIs(closed.start, 'else') ? closed.chain : undefined;
        if (word === 'if' || previous) {
          const branch: Candidate & { indent: number } = { kind: 'branch', start: t, end: tokens.length, params: -1, concise: -1, indent };
          branch.chain = previous ?? branch;
          open.push(branch);
        }
      }
    } else if (tokens.codes[t] === LAMBDA) {
      lambdaScope(a, t, candidates);
    } else if (tokens.codes[t] === FOR && a.parent[t] >= 0 && !comprehensions.has(a.parent[t])) {
      const bracket = a.parent[t];
      comprehensions.add(bracket);
      candidates.push({ kind: 'block', start: bracket, end: a.partner[bracket] + 1, params: -1, concise: -1 });
    }
  }
  candidates.push(...open);
  candidates.sort((x, y) => x.start - y.start || y.end - x.end);
  const branches = new Map<Candidate, number>();
  for (const candidate of candidates) {
    const scope = tree.add(candidate.kind, candidate.start, candidate.end);
    if (scope >= 0 && candidate.kind === 'function') {
      a.functions.set(scope, { scope, params: candidate.params, body: -1, concise: candidate.concise });
    }
    const first = candidate.chain && branches.get(candidate.chain);
    if (scope >= 0 && candidate.chain) {
      branches.set(candidate, scope);
      tree.setBranch(scope, first ?? scope);
    }
  }
}

/** `lambda params: body`: the body runs to a `,` at its depth, its bracket's end, or the end of the line. */
function lambdaScope(a: CodeAnalyzer, at: number, candidates: Candidate[]): void {
  const depth = a.parent[at];
  let colon = at + 1;
  while (colon < a.tokens.length && !(a.is(colon, ':') && a.parent[colon] === depth)) {
    colon = a.skipGroup(colon);
  }
  let end = colon + 1;
  while (end < a.tokens.length && !(a.parent[end] === depth && a.is(end, ',')) && !(a.partner[end] >= 0 && a.partner[end] < end) && !(depth === -1 && startsStatement(a, end))) {
    end = a.skipGroup(end);
  }
  candidates.push({ kind: 'function', start: at, end, params: at, concise: colon + 1 });
}

/**
 * `class OrderRepository(BaseRepository):` links the class to its first base: a class of the file, or one
 * named elsewhere (`base.BaseRepository`, `redis.Redis`), which the analyzer reads as a type or an import.
 */
function linkBase(a: CodeAnalyzer, tree: ScopeTree<Value>, scope: number): void {
  const open = tree.start(scope) + 2;
  if (!a.is(open, '(') || !a.isId(open + 1) || a.is(open + 2, '=')) {
    return;
  }
  const base = tree.classNamed(a.tokens.text(open + 1));
  if (base > 0 && !a.is(open + 2, '.')) {
    tree.setBase(scope, base);
  } else if (base < 0) {
    a.outsideBases.set(scope, open + 1);
  }
}

function collectBindings(a: CodeAnalyzer, tree: ScopeTree<Value>): void {
  const globals = new Map<number, Set<string>>();
  const bindName: BindName = (name, holder, binding) => tree.bind(globals.get(holder)?.has(name) ? 0 : holder, name, binding);
  const paths: PathAssignment[] = [];
  const updates: number[] = [];
  const contextManagers = new Set<number>();
  // Class names first: parameter annotations name them (`data: TenantDataStack`).
  const classes: number[] = [];
  for (let scope = 1; scope < tree.size; scope++) {
    const start = tree.start(scope);
    if (tree.kind(scope) === 'class' && a.idIs(start, 'class') && a.isId(start + 1)) {
      tree.bind(tree.holderOf(tree.parent(scope)), a.tokens.text(start + 1), { token: start, expression: -1, fixed: { t: 'instance', classScope: scope, classObject: true } });
      tree.nameClass(scope, a.tokens.text(start + 1));
      classes.push(scope);
    }
  }
  classes.forEach((scope) => linkBase(a, tree, scope));
  for (const fn of a.functions.values()) {
    bindParameters(a, tree, fn.scope, fn.params);
  }
  const tokens = a.tokens;
  const codes = tokens.codes;
  for (let i = 0; i < tokens.length; i++) {
    const kind = tokens.kinds[i];
    const code = codes[i];
    if (kind === PUNCT) {
      if (code === EQUALS && a.parent[i] === -1) {
        assignment(a, tree, i, bindName, paths);
      } else if (code === WALRUS && a.isId(i - 1)) {
        bindName(a.tokens.text(i - 1), tree.holderAt(i), { token: i - 1, expression: i + 1 });
      }
      continue;
    }
    if (kind !== ID) {
      continue;
    }
    if (code === DEF && a.isId(i + 1)) {
      const scope = tree.scopeAt(i);
      const role = decoration(a, a.idIs(i - 1, 'async') ? i - 1 : i);
      if (role === 'context') {
        contextManagers.add(scope);
      }
      if (scope > 0 && tree.kind(scope) === 'function' && role !== 'mutator') {
        const returnType = returnAnnotation(a, i + 2);
        const fixed: Value = {
          t: 'function',
          scope,
          concise: -1,
          ...(role === 'accessor' ? { accessor: true } : role === 'wrapped' ? { wrapped: true } : {}),
          ...(returnType !== undefined ? { returnType } : {}),
        };
        bindName(a.tokens.text(i + 1), tree.holderOf(tree.parent(scope)), { token: i, expression: -1, fixed });
      }
    } else if ((code === RETURN || (code === YIELD && contextManagers.has(tree.enclosing(i, ['function'])))) && !a.startsLine(i + 1)) {
      // A bare `return` or `yield` gives None, not the statement on the next line.
      a.addReturn(i + 1);
    } else if (code === RETURN) {
      noteBareReturn(a, i);
    } else if (code === GLOBAL && startsStatement(a, i)) {
      const scope = tree.enclosing(i, ['function']);
      const names = globals.get(scope) ?? new Set<string>();
      for (let k = i + 1; a.isId(k) && !a.startsLine(k); k += a.is(k + 1, ',') ? 2 : 1) {
        names.add(a.tokens.text(k));
        if (!a.is(k + 1, ',')) {
          break;
        }
      }
      globals.set(scope, names);
    } else if (code === FOR) {
      // A comprehension's variables are bound for its whole bracket, the element expression before `for` included.
      const from = a.parent[i] >= 0 ? a.parent[i] : i + 1;
      if (a.isId(i + 1) && a.idIs(i + 2, 'in')) {
        bindName(a.tokens.text(i + 1), tree.holderAt(i), { token: from, expression: i + 3, element: true });
        continue;
      }
      for (let k = i + 1; k < tokens.length && !a.idIs(k, 'in'); k++) {
        if (a.isId(k)) {
          bindName(a.tokens.text(k), tree.holderAt(i), { token: from, expression: -1 });
        }
      }
    } else if (a.is(i + 1, '.') && a.idIs(i + 2, 'update') && a.is(i + 3, '(') && startsStatement(a, i) && a.partner[i + 3] > i + 3) {
      updates.push(i);
    } else if (code === AS && a.isId(i + 1)) {
      asBinding(a, tree, i, bindName);
    } else if (codes[i + 1] === COLON && startsStatement(a, i) && !KEYWORDS.has(a.tokens.text(i)) && !statementHasAssignment(a, i)) {
      // `table: Table` (a dataclass field or a declaration without a value).
      const typed = typeValue(a, i + 2);
      bindName(a.tokens.text(i), tree.holderAt(i), { token: i, expression: -1, ...(typed ? { declared: typed } : {}) });
    }
  }
  bindPaths(a, tree, paths);
  bindDictUpdates(a, updates);
  bindStarImportedNames(a);
}

/** Where the return annotation of a `def` whose parameters open at `open` starts (`-> DynamoDBClient:`), or undefined. */
function returnAnnotation(a: CodeAnalyzer, open: number): number | undefined {
  const close = a.is(open, '(') ? a.partner[open] : -1;
  return close > open && a.is(close + 1, '->') && !a.is(close + 2, ':') ? close + 2 : undefined;
}

/**
 * Binds `obj.attr = ...` and `cache["key"] = ...` in the scope that declares `obj` / `cache` there (an
 * import or global at module level, a local in its function), after every plain name is bound. A string
 * key assigned on a dict variable also counts as a key of that dict, for requests spread with `**`.
 */
function bindPaths(a: CodeAnalyzer, tree: ScopeTree<Value>, paths: readonly PathAssignment[]): void {
  for (const path of paths) {
    const binding = { token: path.start, expression: path.eq + 1 };
    a.memberPaths.bind(a, tree.pathHolder(path.root, path.start), path.root, path.path, binding);
    const alias = memberAlias(path.path);
    if (alias) {
      a.memberPaths.bind(a, 0, ALIAS_ROOT, alias, binding);
    }
    const dict = path.key >= 0 && path.path === `${path.root}[${a.tokens.text(path.key)}]` ? tree.lookup(path.root, path.start) : undefined;
    if (dict && (dict.expression >= 0 || isKwargsParameter(a, dict))) {
      const end = statementEnd(a, path.eq + 1);
      const slot = { key: path.key, valueStart: path.eq + 1, valueEnd: end, removalStart: path.start, removalEnd: end - 1 };
      const slots = a.keyAssignments.get(dict);
      if (slots) {
        slots.push(slot);
      } else {
        a.keyAssignments.set(dict, [slot]);
      }
    }
  }
}

/**
 * Starlette (FastAPI) application state: what startup code sets on `app.state` is `request.app.state`
 * in a handler, whatever the app is called. `request.state` is per request, and not the app's. An aiohttp
 * application is a mapping: what a startup or cleanup-context hook sets as `app['redis']` (the hook is given the
 * app) is `request.app['redis']` in a handler (`self.request.app[...]` in a class-based view); a string key only.
 * The same for an attribute set on the application (`app.session = pool` in an aiohttp hook, Sanic's `app.ctx.redis`).
 */
function memberAlias(path: string): string | undefined {
  const match = /^(?:[A-Za-z_]\w*\.app|(?!request\.|websocket\.)[A-Za-z_]\w*)\.state\.([A-Za-z_]\w*)$/.exec(path);
  if (match) {
    return `app.state.${match[1]}`;
  }
  const keyed = /^(?:[A-Za-z_]\w*\.){0,2}app\[([\w.:-]+)\]$/.exec(path);
  if (keyed) {
    return `app[${keyed[1]}]`;
  }
  const attribute = /^(?:[A-Za-z_]\w*\.){0,2}app\.((?:ctx\.)?[A-Za-z_]\w*)$/.exec(path);
  return attribute && attribute[1] !== 'state' && attribute[1] !== 'ctx' ? `app.${attribute[1]}` : undefined;
}

/** The token after the statement whose value starts at `from`. */
function statementEnd(a: CodeAnalyzer, from: number): number {
  let end = from;
  while (end < a.tokens.length && (end === from || !startsStatement(a, end))) {
    end = a.skipGroup(end);
  }
  return end;
}

/** `with EXPR as NAME`, `except E as NAME`; an `as` inside an import is not a binding here. */
function asBinding(a: CodeAnalyzer, tree: ScopeTree<Value>, as: number, bindName: BindName): void {
  let k = as - 1;
  while (k > 0 && !a.idIs(k, 'with') && !a.idIs(k, 'except') && !a.idIs(k, 'import') && !a.is(k, ',') && !(a.is(k, '(') && a.idIs(k - 1, 'with')) && !startsStatement(a, k)) {
    k = a.partner[k] >= 0 && a.partner[k] < k ? a.partner[k] - 1 : k - 1;
  }
  if (a.idIs(k, 'import') || a.idIs(k - 1, 'import') || a.idIs(k, 'from') || (a.is(k, ',') && inImportList(a, k))) {
    return;
  }
  const expression = a.idIs(k, 'except') ? -1 : k + 1;
  bindName(a.tokens.text(as + 1), tree.holderAt(as), { token: as + 1, expression });
}

/**
 * Whether the `,` at `comma` separates the names of an import (`from aws_cdk import Stack, aws_rds as rds`,
 * or the parenthesised list `cdk init` writes), rather than the items of a `with`.
 */
function inImportList(a: CodeAnalyzer, comma: number): boolean {
  let k = comma - 1;
  while (k > 0 && !a.idIs(k, 'import') && !a.idIs(k, 'with') && !startsStatement(a, k)) {
    k = a.partner[k] >= 0 && a.partner[k] < k ? a.partner[k] - 1 : k - 1;
  }
  return a.idIs(k, 'import') || a.idIs(k, 'from');
}

function statementHasAssignment(a: CodeAnalyzer, start: number): boolean {
  for (let k = start + 1; k < a.tokens.length && !startsStatement(a, k); k = a.skipGroup(k)) {
    if (a.is(k, '=')) {
      return true;
    }
  }
  return false;
}

/** `x = ...`, `x: T = ...`, `self.x = ...`, `obj.x = ...`, `d["k"] = ...`, `a, b = ...` (`pythonTuples.ts`) at the start of a statement. */
function assignment(a: CodeAnalyzer, tree: ScopeTree<Value>, eq: number, bindName: BindName, paths: PathAssignment[]): void {
  let start = eq - 1;
  for (let steps = 0; start > 0 && steps < 64 && !startsStatement(a, start); steps++) {
    start--;
  }
  if (!startsStatement(a, start)) {
    return;
  }
  if (!KEYWORDS.has(a.tokens.text(start)) && unpackingAssignment(a, tree, start, eq, bindName)) {
    return;
  }
  const expression = eq + 1;
  const instance = a.idIs(start, 'self') || a.idIs(start, 'cls');
  if (instance && a.is(start + 1, '.') && a.isId(start + 2) && (start + 3 === eq || a.is(start + 3, ':'))) {
    const classScope = tree.enclosing(eq, ['class']);
    if (classScope > 0) {
      // `self.client: DynamoDBClient = make()`: the annotation stands where the value tells nothing.
      const typed = a.is(start + 3, ':') ? typeValue(a, start + 4) : undefined;
      tree.bind(classScope, `.${a.tokens.text(start + 2)}`, { token: start + 2, expression, ...(typed ? { declared: typed } : {}) });
    }
    return;
  }
  if (!a.isId(start) || KEYWORDS.has(a.tokens.text(start)) || instance) {
    return;
  }
  if (a.is(start + 1, '.') || a.is(start + 1, '[')) {
    const path = memberPathAt(a, start, eq);
    if (path) {
      paths.push(path);
    }
    return;
  }
  const holder = tree.holderAt(start);
  if (start + 1 === eq) {
    bindName(a.tokens.text(start), holder, { token: start, expression });
  } else if (a.is(start + 1, ':')) {
    const typed = typeValue(a, start + 2);
    bindName(a.tokens.text(start), holder, { token: start, expression, ...(typed ? { declared: typed } : {}) });
  } else if (a.is(start + 1, ',')) {
    // A chained `a, b = c, d = ...`: its names are rebound to something not known.
    for (let k = start; k < eq; k++) {
      if (a.isId(k)) {
        bindName(a.tokens.text(k), holder, { token: k, expression: -1 });
      }
    }
  }
}

/** `root.a["k"].b` running exactly from `start` to the `=` at `eq`, or undefined for any other target. */
function memberPathAt(a: CodeAnalyzer, start: number, eq: number): PathAssignment | undefined {
  const root = a.tokens.text(start);
  let path = root;
  let key = -1;
  let j = start + 1;
  while (j < eq) {
    if (a.is(j, '.') && a.isId(j + 1)) {
      path += `.${a.tokens.text(j + 1)}`;
      key = -1;
      j += 2;
    } else if (a.is(j, '[') && a.isString(j + 1) && !a.tokens.interpolated(j + 1) && a.partner[j] === j + 2) {
      path += `[${a.tokens.text(j + 1)}]`;
      key = j + 1;
      j += 3;
    } else {
      return undefined;
    }
  }
  return j === eq ? { root, path, start, eq, key } : undefined;
}

/** Parameters of a `def` or `lambda`: new locals; an annotated one holds its type. `self`/`cls` mean the instance. */
function bindParameters(a: CodeAnalyzer, tree: ScopeTree<Value>, scope: number, params: number): void {
  if (params < 0) {
    return;
  }
  if (a.idIs(params, 'lambda')) {
    for (let k = params + 1; k < a.tokens.length && !(a.is(k, ':') && a.parent[k] === a.parent[params]); k++) {
      if (a.isId(k)) {
        tree.bind(scope, a.tokens.text(k), { token: k, expression: -1 });
      }
    }
    return;
  }
  const method = tree.kind(tree.parent(scope)) === 'class';
  segments(a, params).forEach(([start, end], index) => {
    let k = start;
    while (a.is(k, '*') || a.is(k, '**') || a.is(k, '/')) {
      k++;
    }
    const name = a.id(k);
    if (!name || (method && index === 0 && (name === 'self' || name === 'cls'))) {
      return;
    }
    const typed = a.is(k + 1, ':') ? typeValue(a, k + 2) : undefined;
    // `def __init__(self, client=boto3.client("dynamodb"))`: the default tells what callers pass.
    let expression = -1;
    for (let m = k + 1; m < end && expression < 0; m++) {
      if (a.is(m, '=') && a.parent[m] === a.parent[k]) {
        expression = m + 1;
      }
    }
    // `table: Annotated[Any, Depends(get_table)]` (or an alias of it): FastAPI passes what the dependency gives,
    // read where the annotation names no client type of its own.
    if (expression < 0 && typed?.t !== 'client' && a.is(k + 1, ':') && annotatesDependency(a, k + 2)) {
      expression = k + 2;
    }
    tree.bind(scope, name, { token: k, expression, ...(typed ? { declared: typed } : {}) });
  });
}

/** A type hint: mypy-boto3 `Table` / `DynamoDBClient`, redis `Redis`, in `Optional[...]` or quotes. */
function typeValue(a: CodeAnalyzer, start: number): Value | undefined {
  let k = start;
  while (TYPE_WRAPPERS.has(a.id(k) ?? '') && a.is(k + 1, '[')) {
    k += 2;
  }
  const name = a.isString(k) ? a.tokens.text(k).split('.').pop() : a.id(k);
  if (!name) {
    return undefined;
  }
  // `redis: RedisDep` after `RedisDep = Annotated[Redis, Depends(get_redis)]`, here or in a module of the project.
  const aliased = a.isString(k) ? undefined : typeAliasTarget(a, k);
  if (aliased !== undefined) {
    return aliased ? libraryType(aliased) : undefined;
  }
  const imported = a.imports.get(a.isString(k) ? name : a.tokens.text(k));
  if (imported && MYPY_DYNAMODB.test(imported.module)) {
    const kind = MYPY_TYPES[imported.path];
    return kind ? { t: 'client', kind } : undefined;
  }
  const generic = boto3GenericResourceType(a, k);
  if (generic) {
    return generic;
  }
  // A class of this file (`data: TenantDataStack`, `repo: "Repository"`): an instance of it.
  const local = a.scopes.lookup(name, k)?.fixed;
  if (local?.t === 'instance' && local.classObject) {
    return { t: 'instance', classScope: local.classScope };
  }
  if (a.isString(k)) {
    // `cache: "Redis"`, a forward reference (often to a `TYPE_CHECKING` import): the library's client, else a project class.
    return imported ? (libraryType(imported) ?? projectType(a, imported.module, imported.path)) : undefined;
  }
  // `Redis`, `redis.Redis`, `redis.asyncio.Redis`: a type whose constructor makes a client; `dynamodb.ITableV2`: a construct.
  const chain = a.evalChain(k, a.tokens.length);
  const last = a.id(chain.end - 1);
  if (chain.value?.t === 'ref' && last) {
    const client = callResult(chain.value, last, undefined, true, true);
    return client?.t === 'client'
      ? client
      : (cdkAnnotationType(chain.value.module, chain.value.path) ?? projectType(a, chain.value.module, chain.value.path) ?? declaredPynamodbModel(a, chain.value));
  }
  // `table: BikesTable` after `from app.deps import BikesTable`, where that module writes `BikesTable = Annotated[Any,
  // Depends(get_table)]`: the workspace reads the alias as the client the dependency gives.
  return chain.value?.t === 'client' && chain.end === k + 1 && a.imports.has(a.tokens.text(k)) ? chain.value : undefined;
}

/** The client type a client library's class is: mypy-boto3's DynamoDB types, redis-py's clients. */
function libraryType({ module, path }: LibraryName): Value | undefined {
  if (MYPY_DYNAMODB.test(module)) {
    const kind = MYPY_TYPES[path];
    return kind ? { t: 'client', kind } : undefined;
  }
  const client = callResult({ t: 'ref', module, path }, path, undefined, true, true);
  return client?.t === 'client' ? client : undefined;
}

function collectRequests(a: CodeAnalyzer): void {
  // Python requests are keyword arguments or dicts, read where they are passed; framework settings are Redis clients' options.
  pythonRedisSettings(a);
  pynamodbMetaSettings(a);
}

function optionAt(a: CodeAnalyzer, k: number, open: number, close: number): OptionSlot | undefined {
  const kind = a.tokens.kinds[k];
  const kwarg = kind === ID && a.is(k + 1, '=') && a.parent[k] === open && a.is(open, '(');
  const dictKey = kind === STR && !a.tokens.interpolated(k) && a.is(k + 1, ':');
  return kwarg || dictKey ? separatedSlot(a, k, close) : undefined;
}

/** Module-level calls: `redis.Redis(...)`, `redis.asyncio.from_url(...)`, CDK `rds.DatabaseInstance(...)`; PynamoDB models. */
function otherCall(a: CodeAnalyzer, nameIndex: number, receiver: Value | undefined, receiverStart: number): boolean {
  if (receiver === undefined || (receiver.t === 'ref' && !receiver.module.startsWith('member:'))) {
    if (projectClientCall(a, nameIndex, receiverStart)) {
      return true;
    }
  }
  if (receiver === undefined && (provenFieldCall(a, nameIndex, receiverStart) || lowLevelMemberCall(a, nameIndex, receiverStart))) {
    return true;
  }
  if (receiver?.t !== 'ref') {
    return receiver?.t !== 'client' && pynamodbCall(a, nameIndex, receiver, receiverStart);
  }
  // A model class another module of the workspace declares (`from app.models import Order`, then `Order.scan()`).
  if (!receiver.module.startsWith('member:') && pynamodbCall(a, nameIndex, receiver, receiverStart)) {
    return true;
  }
  const method = a.tokens.text(nameIndex);
  const path = receiver.path ? `${receiver.path}.${method}` : method;
  const open = nameIndex + 1;
  if (glidePythonConfiguration(a, receiver.module, path, open)) {
    return true;
  }
  const client = callResult({ t: 'ref', module: receiver.module, path }, method, undefined, false, true);
  if (client?.t === 'client' && client.kind === 'redis') {
    redisClientOptions(a, open, client.flavor ?? 'redis-py', path);
  } else if (!receiver.module.startsWith('member:')) {
    cdkConstruct(a, receiver, path, nameIndex, open);
  }
  return true;
}

export const python: CodeLanguage = {
  id: 'python',
  family: 'python',
  commentPrefix: '#',
  classFieldsVisible: false,
  classBodyNamesVisible: true,
  typeArguments: false,
  collectImports,
  buildScopes,
  collectBindings,
  collectRequests,
  optionAt,
  requestForCall,
  typeValue,
  sequenceAt,
  memberAlias,
  otherCall,
  // A low-level client's request (`TableName=...`), else a Table resource's, by the same snake_case names.
  requestShapeKinds: ['dynamodb', 'dynamodb-table'],
};
