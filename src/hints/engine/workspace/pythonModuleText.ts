/**
 * The module-level statements of a Python file that can bind or pass on a client: imports, assignments,
 * and module-level `if`, `try`, `with` and loops (which bind module names too), and the classes that name a
 * client library (whose client fields subclasses in other modules use), without the other functions and
 * classes, whose bodies are most of a file and run only when called (kept when a kept statement names
 * them: `client = make_client()`). Top-level functions that may make a client are kept too, for the
 * files that call them: those that name a client library or a module name bound with one, and those that
 * call such a function, a few calls up (`get_table(name)` returning `get_resource("dynamodb").Table(name)`),
 * and those that read or write DynamoDB items, for other modules' callers (`itemHelpers.ts`); and classes that
 * set a field to a new instance of another class, which may make a client for each instance.
 */
import { returnsWithin } from './jsGetters';
import { isIdentifierPart, isIdentifierStart, itemCallSites, keptText, NEWLINE, skipIndent, skipSpace, SPACE, TopStatement, wordAt } from './moduleText';
import { addLibraryNames, PYTHON_CLIENT_LIBRARY, PYTHON_LIBRARY_MENTIONS } from './pythonClientLibraries';

const HASH = 35;
const BACKSLASH = 92;
const QUOTE = 34;
const APOSTROPHE = 39;
const AT = 64;
const DOT = 46;
const CARRIAGE_RETURN = 13;

/**
 * A class whose text names a client library (`boto3.resource`, `redis.Redis`, `amazondax.AmazonDaxClient`) or
 * botocore's client type (`client: BaseClient`, `AioBaseClient`), which may hold a client field; or a name the
 * module imports from one (`GlideClient`, `Redis`); or that calls boto3's `.Table(` on a resource it is given; or
 * names a SQL driver or SQLAlchemy's engine maker, whose constructor may open a connection or a pool for each instance
 * (`code/constructorClients.ts`).
 */
const CLIENT_MENTION = /redis|valkey|boto|amazondax|glide|BaseClient|\.Table\(|psycopg|pymysql|asyncpg|aiomysql|mysql\.connector|mariadb|pg8000|create_(?:async_)?engine/;

/**
 * A method that sets a field to a new instance of a capitalised name (`self.repository = GoalsRepository()`): a
 * class whose constructor does so makes, for each instance, whatever client that class makes for each of its own
 * (`code/constructorClients.ts`), which the workspace tells when the name comes from a project module.
 */
export const CONSTRUCTS_FIELD = /^[ \t]+self\.[A-Za-z_]\w*[ \t]*=[ \t]*[A-Z]\w*\(/m;

/**
 * A body that makes an instance of a capitalised name without arguments and calls it at once or keeps it in a name
 * (`Repository().put_user(item)`, `users = UsersRepository().fetch()`, `repo = Repo()`): a function or method that
 * may make, on each call, the client that class's constructor makes (`code/instanceMethodClients.ts`).
 */
export const CONSTRUCTS_INSTANCE = /^[ \t]+(?:return[ \t]+|[\w.]+[ \t]*=[ \t]*)?[A-Z]\w*\(\)(?:\.\w+\(|[ \t]*$)/m;

/** An import from PynamoDB: the module's classes may be its models. */
/**
 * A `typing.Protocol` class that names a DynamoDB operation among its members (`update_item: Callable`): other
 * modules annotate a table parameter with it, which tells nothing of what it holds (`code/protocolTypes.ts`).
 */
const PROTOCOL_CLASS = /\bclass[ \t]+\w+[ \t]*\([^)\n]*\bProtocol\b/;
const ITEM_OPERATION_NAME = /\b(?:(?:get|put|update|delete)_item|batch_(?:get|write)_item|transact_(?:get|write)_items|query|scan)\b/;

/** Whether a text (a module, or a class statement) declares a Protocol class that names a DynamoDB operation. */
export function declaresTableProtocol(text: string): boolean {
  return PROTOCOL_CLASS.test(text) && ITEM_OPERATION_NAME.test(text);
}

const PYNAMODB_IMPORT = /\b(?:from|import)\s+pynamodb\b/;
/** An import of boto3's DynamoDB conditions: a class that builds them (`Key("userId").eq(...)`) queries a table it may hold. */
const CONDITIONS_IMPORT = /^[ \t]*from[ \t]+boto3\.dynamodb\.conditions[ \t]+import\b/m;
const CONDITION_CALL = /\b(?:Key|Attr)\(/;

/** `)`, `]`, `}`: a line that starts with one closes a statement above. */
const CLOSERS = new Set([41, 93, 125]);

/** A SQL driver's module, whose names a module imports to connect with (`from psycopg2 import connect`). */
const SQL_DRIVER_MODULE = /^(?:psycopg2?|pymysql|asyncpg|aiomysql|mysql\.connector|mariadb|pg8000(?:\.dbapi|\.native)?)(?:\s|$)/;
/**
 * boto3's DynamoDB tables in use (`resource.Table(name)`, `table.get_item(`, `table.scan(`): a module whose
 * functions may make their resource through a factory another project module declares.
 */
const DYNAMODB_TABLE_USE = /\.Table\(|\.(?:get|put|update|delete)_item\(|\.batch_(?:get|write)_item\(|\.scan\(/;
/**
 * SQL run through a DB-API connection (`conn.cursor()`, `cursor.execute(sql)`, `conn.commit()`): a module that runs
 * SQL may open its connection through a function of another project module (`conn = open_connection()` after
 * `from .connections import open_connection`), and then opens one on each call as surely as one that connects itself.
 */
export const SQL_USE = /\.(?:cursor|execute|executemany|commit)\(/;

/** Calls from a function up to one that names a client library, followed to keep the functions on the way. */
const MAX_FACTORY_HOPS = 3;

/** Statements whose bodies run at import and may bind module names. */
const COMPOUND = new Set(['if', 'elif', 'else', 'try', 'except', 'finally', 'with', 'for', 'while', 'async', 'match', 'case']);

/**
 * The triple-quoted strings of the text, as [start, end) offsets in order: a docstring's lines must not
 * read as statements. Found by searching for the quotes, each found once, so that the search stays linear;
 * a triple quote after a `#` on its line is in a comment. (One inside a one-line string, `'"""'`, is taken
 * for a string's start: rare, and it only hides statements.)
 */
function tripleStrings(text: string): number[] {
  const regions: number[] = [];
  let double = -1;
  let single = -1;
  let k = 0;
  // The end of the line of the last quote found, and where its first `#` is (the line's end if none): read once per line.
  let lineEnd = -1;
  let hash = -1;
  for (;;) {
    if (double < k && double !== -2) {
      double = text.indexOf('"""', k);
      double = double < 0 ? -2 : double;
    }
    if (single < k && single !== -2) {
      single = text.indexOf("'''", k);
      single = single < 0 ? -2 : single;
    }
    const open = double < 0 ? single : single < 0 ? double : Math.min(double, single);
    if (open < 0) {
      return regions;
    }
    if (open > lineEnd) {
      const newline = text.indexOf('\n', open);
      lineEnd = newline < 0 ? text.length : newline;
      hash = text.lastIndexOf('\n', open) + 1;
      while (hash < lineEnd && text.charCodeAt(hash) !== HASH) {
        hash++;
      }
    }
    if (hash < open) {
      k = open + 3;
      continue;
    }
    const quote = text.slice(open, open + 3);
    let close = text.indexOf(quote, open + 3);
    while (close > 0 && text.charCodeAt(close - 1) === BACKSLASH) {
      close = text.indexOf(quote, close + 1);
    }
    const end = close < 0 ? text.length : close + 3;
    regions.push(open, end);
    k = end;
  }
}

/**
 * Where the top-level statements start: lines at column 0 that are not blank, a comment, the closing
 * bracket of a statement above (`)` as formatters write it), the continuation of a line that ends with a
 * backslash, or inside a triple-quoted string. Line by line, without reading every character: a line at
 * column 0 inside brackets (rare in formatted code) only splits a statement in two.
 */
function statementStarts(text: string): number[] {
  const strings = tripleStrings(text);
  const starts: number[] = [];
  let region = 0;
  let continued = false;
  for (let lineStart = 0; lineStart < text.length; ) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const code = text.charCodeAt(lineStart);
    // Spaces, tabs, form feeds and line ends are all at or below SPACE.
    if (code > SPACE && code !== HASH && !CLOSERS.has(code) && !continued) {
      while (region < strings.length && strings[region + 1] <= lineStart) {
        region += 2;
      }
      if (region >= strings.length || strings[region] >= lineStart) {
        starts.push(lineStart);
      }
    }
    const last = text.charCodeAt(lineEnd - 1) === CARRIAGE_RETURN ? lineEnd - 2 : lineEnd - 1;
    continued = last >= lineStart && text.charCodeAt(last) === BACKSLASH;
    lineStart = lineEnd + 1;
  }
  return starts;
}

/**
 * The module-level statements of a Python file that can bind a client or pass one on, as text; undefined
 * when the file can export nothing (no assignment, no import a package or its own package offers again).
 * `packageInit`: the file is a package's `__init__.py`, whose imports are what the package offers. A file
 * with a function that rebinds a module name (`global`) is kept whole.
 */
export function pythonModuleText(text: string, packageInit: boolean): string | undefined {
  const starts = statementStarts(text);
  const statements: TopStatement[] = [];
  const pynamodb = PYNAMODB_IMPORT.test(text);
  const conditions = CONDITIONS_IMPORT.test(text);
  /** The statements that define a top-level function, by index. */
  const functions: number[] = [];
  /** The statements that define a class that names no client library, by index: it may use a module name bound to a client. */
  const plainClasses: number[] = [];
  /** Names the module imports from a client library (`GlideClient`, `Redis`): a function or class that names one may make a client. */
  const libraryNames = new Set<string>();
  /** Where the text reads or writes DynamoDB items: a function that does may be an item helper other modules call. */
  const itemCalls = itemCallSites(text);
  let exports = false;
  let decorated = -1;
  let equals = -1;
  for (let index = 0; index < starts.length; index++) {
    const start = starts[index];
    const end = index + 1 < starts.length ? starts[index + 1] : text.length;
    if (text.charCodeAt(start) === AT) {
      // A decorator goes with the definition after it.
      decorated = decorated < 0 ? start : decorated;
      continue;
    }
    const from = decorated < 0 ? start : decorated;
    decorated = -1;
    let word = wordAt(text, start);
    let after = start + word.length;
    if (word === 'async') {
      after = skipSpace(text, after);
      word = wordAt(text, after);
      after += word.length;
    }
    if (word === 'def' || word === 'class') {
      // A class that names a client library may set a client field (`self.table = boto3.resource(...)...`) that subclasses in other modules use;
      // in a module that uses PynamoDB, a class may be a model whose methods other modules call.
      // So may a class that builds DynamoDB conditions over a table its constructor is given (a base repository).
      const classText = word === 'class' ? text.slice(from, end) : '';
      const holdsClient =
        word === 'class' && (pynamodb || CLIENT_MENTION.test(classText) || namesAny(text, from, end, libraryNames) || (conditions && CONDITION_CALL.test(classText)) || CONSTRUCTS_FIELD.test(classText) || declaresTableProtocol(classText));
      // A function or method that constructs a class of another module may make that class's client on each call.
      const constructs = CONSTRUCTS_INSTANCE.test(word === 'class' ? classText : text.slice(from, end));
      // A function or class that reads or writes items may serve other modules' callers (`itemHelpers.ts`).
      const itemHelper = returnsWithin(itemCalls, from, end);
      exports ||= holdsClient || itemHelper || constructs;
      statements.push({ start: from, end, kept: holdsClient || itemHelper || constructs, defines: wordAt(text, skipSpace(text, after)) });
      if (word === 'def') {
        functions.push(statements.length - 1);
      } else if (!holdsClient && !itemHelper && !constructs) {
        plainClasses.push(statements.length - 1);
      }
      continue;
    }
    if (equals < start) {
      // The next `=` of the file, found once per `=`: the scan stays linear.
      const found = text.indexOf('=', start);
      equals = found < 0 ? text.length : found;
    }
    const assigns = equals < end;
    const relative = word === 'from' && text.charCodeAt(skipSpace(text, after)) === DOT;
    const library = word === 'from' && !relative && PYTHON_CLIENT_LIBRARY.test(text.slice(skipSpace(text, after), end));
    if (library || word === 'import') {
      addLibraryNames(text, word, start, end, libraryNames);
    }
    exports ||= (assigns && isIdentifierStart(text.charCodeAt(start))) || (word === 'from' && (relative || packageInit || library));
    // Expression statements (a docstring, `app.run()`) bind nothing; a walrus is an assignment here.
    const docstring = word === '' && (text.charCodeAt(start) === QUOTE || text.charCodeAt(start) === APOSTROPHE);
    statements.push({ start: from, end, kept: !docstring && (word === 'import' || word === 'from' || COMPOUND.has(word) || assigns) });
  }
  exports = keepFactories(text, statements, functions, plainClasses, libraryNames) || exports;
  if (!exports) {
    return undefined;
  }
  return text.includes('global') && /\bglobal\b/.test(text) ? text : keptText(text, statements);
}

/** Where the text names a client library (`PYTHON_LIBRARY_MENTIONS`), in order: each found once, so the search stays linear. */
function libraryMentions(text: string): number[] {
  const found: number[] = [];
  for (const mention of PYTHON_LIBRARY_MENTIONS) {
    for (let at = text.indexOf(mention); at >= 0; at = text.indexOf(mention, at + mention.length)) {
      found.push(at);
    }
  }
  return found.sort((x, y) => x - y);
}

/**
 * Marks as kept the top-level functions that may make a client: those that name a client library or
 * return a module name assigned from one (`client = boto3.client(...)`, then `def get_client(): return
 * client`) or from an instance of a class that names one (`store = Store()`, then `return store.get_resource()`), and those that call one of them or a name imported from the package, up to `MAX_FACTORY_HOPS`
 * calls away; and the classes (`plainClasses`) that name a module name assigned from a library, whose
 * fields may hold its client for subclasses in other modules (`self.table = resource.Table(name)`).
 * True when it keeps any.
 */
function keepFactories(text: string, statements: TopStatement[], functions: readonly number[], plainClasses: readonly number[], libraryNames: ReadonlySet<string>): boolean {
  const mentions = libraryMentions(text);
  // A module that uses DynamoDB tables or runs SQL may get its resource, table or connection from a factory of another project module.
  const usesTablesOrSql = DYNAMODB_TABLE_USE.test(text) || SQL_USE.test(text);
  if ((mentions.length === 0 && !usesTablesOrSql) || functions.length + plainClasses.length === 0) {
    return false;
  }
  const makers = new Set<string>();
  /** Module names assigned from a client library: a function that returns one gives a client. */
  const assigned = new Set<string>();
  const defined = new Set(functions);
  /** Classes kept for naming a client library: a module name bound to an instance of one (`store = Store()`) may give its client. */
  const clientClasses = new Set<string>();
  /** Module names bound to an instance of such a class: a function that returns what its member gives may give a client. */
  const instances = new Set<string>();
  let next = 0;
  statements.forEach((statement, index) => {
    while (next < mentions.length && mentions[next] < statement.start) {
      next++;
    }
    const word = wordAt(text, statement.start);
    const assignment = statement.defines === undefined && statement.kept && word !== '' && word !== 'import' && word !== 'from' && !COMPOUND.has(word);
    // A library's name as the module imports it counts too (`return await GlideClient.create(config)`, `Redis(host=...)`).
    const mentioned =
      (next < mentions.length && mentions[next] < statement.end) ||
      ((assignment || defined.has(index)) && namesAny(text, statement.start + (assignment ? word.length : 0), statement.end, libraryNames));
    const source = word === 'from' ? skipSpace(text, statement.start + 4) : -1;
    const relative = source >= 0 && text.charCodeAt(source) === DOT;
    const projectImport = usesTablesOrSql && source >= 0 && !relative && !PYTHON_CLIENT_LIBRARY.test(text.slice(source, statement.end));
    if (relative || projectImport || (source >= 0 && mentioned && SQL_DRIVER_MODULE.test(text.slice(source, statement.end)))) {
      // What the module imports from its own package may be a factory of another module (`from .session import resource`),
      // and so may what a module that uses tables or runs SQL imports by its absolute name (`from app.db.utils import get_resource`);
      // a driver's name (`from pymysql import connect`) opens a connection where a function calls it.
      importedNames(text, statement).forEach((name) => makers.add(name));
    }
    if (word === 'class' && statement.kept && statement.defines) {
      clientClasses.add(statement.defines);
    }
    if (assignment && (mentioned || namesAny(text, statement.start + word.length, statement.end, assigned))) {
      // A module name assigned from a library (`client = boto3.client(...)`), or from such a name (`table =
      // dynamodb.Table("orders")`): a function that returns it makes a client.
      assigned.add(word);
    } else if (assignment && namesAny(text, statement.start + word.length, statement.end, clientClasses)) {
      instances.add(word);
    } else if (defined.has(index) && (mentioned || makesFromAssigned(text, statement, assigned) || returnsMemberOf(text, statement, instances))) {
      statement.kept = true;
      makers.add(statement.defines!);
    }
  });
  let kept = functions.some((index) => statements[index].kept);
  for (const index of plainClasses) {
    if (namesAny(text, statements[index].start, statements[index].end, assigned)) {
      statements[index].kept = kept = true;
    }
  }
  for (let hop = 0, grew = makers.size > 0 || assigned.size > 0; hop < MAX_FACTORY_HOPS && grew; hop++) {
    grew = false;
    const lengths = new Set([...makers].map((name) => name.length));
    const named = functions.filter((index) => !statements[index].kept && callsAny(text, statements[index], makers, lengths, assigned));
    for (const index of named) {
      statements[index].kept = true;
      makers.add(statements[index].defines!);
      grew = kept = true;
    }
  }
  return kept;
}

/** The names a `from … import a, b as c` statement binds (and those it reads: `a as c` gives both). */
function importedNames(text: string, statement: TopStatement): string[] {
  const names: string[] = [];
  let listed = false;
  forEachName(text, statement.start, statement.end, (k, after) => {
    const name = text.slice(k, after);
    if (listed && name !== 'as') {
      names.push(name);
    }
    listed ||= name === 'import';
    return false;
  });
  return names;
}

/** Calls `visit` with the bounds of each identifier in [start, end) until it returns true; whether one did. */
function forEachName(text: string, start: number, end: number, visit: (k: number, after: number) => boolean): boolean {
  for (let k = start; k < end; k++) {
    if (!isIdentifierStart(text.charCodeAt(k))) {
      continue;
    }
    let after = k + 1;
    while (after < end && isIdentifierPart(text.charCodeAt(after))) {
      after++;
    }
    if (visit(k, after)) {
      return true;
    }
    k = after;
  }
  return false;
}

/** Whether an identifier in [start, end) is one of `names`. */
function namesAny(text: string, start: number, end: number, names: ReadonlySet<string>): boolean {
  return names.size > 0 && forEachName(text, start, end, (k, after) => names.has(text.slice(k, after)));
}

/**
 * Whether the statement calls one of the functions `called` (other than itself), or returns one of
 * the names `returned` as such or a member of it (`return client`, `return dynamodb.Table(name)`), read
 * identifier by identifier.
 */
function callsAny(text: string, statement: TopStatement, called: ReadonlySet<string>, lengths: ReadonlySet<number>, returned: ReadonlySet<string>): boolean {
  const own = statement.defines ?? '';
  return forEachName(text, statement.start, statement.end, (k, after) => {
    // Only a name as long as one of `called` is worth a string.
    const name = lengths.has(after - k) && text.charCodeAt(after) === OPEN_PAREN ? text.slice(k, after) : '';
    return (name !== own && called.has(name)) || (returned.size > 0 && after - k === 6 && text.startsWith('return', k) && returnsName(text, after, returned));
  });
}

const TAB = 9;
const OPEN_PAREN = 40;

/** A boto3, aioboto3 or botocore session's methods that make a client (`session.resource("dynamodb")`). */
const SESSION_MAKERS = new Set(['client', 'resource', 'create_client']);

/**
 * Whether a function calls a client-making method of a module name assigned from a library (`session =
 * aioboto3.Session()`, then `async with session.resource("dynamodb") as db: yield db` in a FastAPI dependency).
 */
function makesFromAssigned(text: string, statement: TopStatement, assigned: ReadonlySet<string>): boolean {
  return (
    assigned.size > 0 &&
    forEachName(text, statement.start, statement.end, (k, after) => {
      if (text.charCodeAt(after) !== DOT || !assigned.has(text.slice(k, after))) {
        return false;
      }
      const method = wordAt(text, after + 1);
      return SESSION_MAKERS.has(method) && text.charCodeAt(after + 1 + method.length) === OPEN_PAREN;
    })
  );
}

/**
 * Whether a function returns what a member of a module-level instance gives (`return store.get_resource()`, `return
 * await connection.get_resource()`): the client its class's method returns, for other modules' callers.
 */
function returnsMemberOf(text: string, statement: TopStatement, instances: ReadonlySet<string>): boolean {
  return (
    instances.size > 0 &&
    forEachName(text, statement.start, statement.end, (k, after) => {
      if (after - k !== 6 || !text.startsWith('return', k)) {
        return false;
      }
      let name = skipIndent(text, after, statement.end);
      if (wordAt(text, name) === 'await') {
        name = skipIndent(text, name + 5, statement.end);
      }
      const word = wordAt(text, name);
      return instances.has(word) && text.charCodeAt(name + word.length) === DOT;
    })
  );
}

/** Methods of a client that give another (boto3's `resource.Table(name)`, redis-py's `pipeline()`): a getter may return their result. */
const MAKES_CLIENT = new Set(['Table', 'pipeline']);

/** Whether the `return` that ends at `from` returns one of `names`, alone to the end of its line or a comment, or a client it makes (`names.Table(...)`). */
function returnsName(text: string, from: number, names: ReadonlySet<string>): boolean {
  const blank = (k: number): number => {
    while (text.charCodeAt(k) === SPACE || text.charCodeAt(k) === TAB) {
      k++;
    }
    return k;
  };
  const start = blank(from);
  const name = wordAt(text, start);
  const after = blank(start + name.length);
  const code = text.charCodeAt(after);
  return names.has(name) && (after >= text.length || code === NEWLINE || code === CARRIAGE_RETURN || code === HASH || (after === start + name.length && code === DOT && MAKES_CLIENT.has(wordAt(text, after + 1))));
}
