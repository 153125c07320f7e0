/**
 * What a file's calls of other modules' item helpers are (workspace mode; `workspace/itemHelpers.ts` reads the
 * helpers): imported functions and static methods, and the methods of instances of imported classes
 * (`projectInstances.ts`), with the tables two modules agree on (`sharedTable`). Read once per file for the
 * read-modify-write and check-then-put helpers (`readModifyWriteHelpers.ts`, `checkThenPutHelpers.ts`), the
 * item requests per element of a loop (`importedItemLoops.ts`) and the requests a helper sends whole
 * (`importedRequestForwards.ts`).
 */
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { FileMemo } from './fileMemo';
import { endsStatement } from './firstItemDialects';
import { functionName } from './helperFunctions';
import { namedValue, tableNameRef } from './names';
import { mayBeProjectModule } from './projectImports';
import { receiverClass } from './projectInstances';
import { chainStart } from './receiverChains';
import type { Value } from './values';
import { OperationOccurrence } from '../model';
import type { Binding } from '../scope/scopes';
import { normalizeName } from '../types';
import { folderOf, joinPath } from '../workspace/paths';
import type { ItemHelper, TableNameRef } from '../workspace/types';

const TABLE_NAME = normalizeName('TableName');

/**
 * The calls of functions imported from other modules of the workspace that the workspace answers as item helpers,
 * by the call's name token: `getUser(id)`, `repo.saveUser(u)`, `users.get_user(email)`, and the methods of an
 * instance of an imported class (`this.users.get(id)`). Only calls whose chain starts with an imported name, or
 * whose receiver is such an instance, are asked about.
 */
export function importedHelperCalls(a: CodeAnalyzer): ReadonlyMap<number, ItemHelper> {
  const ask = a.project?.importedItemHelper;
  const names = ask && a.project?.itemHelpersExist?.() ? projectImports(a) : undefined;
  if (!ask || !names || names.size === 0) {
    return NONE;
  }
  return importedCalls.get(a, 'calls', () => askedCalls(a, ask, names));
}

/** The names this file imports from modules of the workspace: only calls whose chain starts with one are evaluated. */
function projectImports(a: CodeAnalyzer): Set<string> {
  const names = new Set<string>();
  for (const [local, info] of a.imports) {
    if (mayBeProjectModule(a, info.module)) {
      names.add(local);
    }
  }
  return names;
}

const NONE: ReadonlyMap<number, ItemHelper> = new Map();
/** Per file: read once for both the read-modify-write and the check-then-put helpers. */
const importedCalls = new FileMemo<'calls', ReadonlyMap<number, ItemHelper>>();

function askedCalls(a: CodeAnalyzer, ask: (module: string, path: string, method?: string) => ItemHelper | undefined, imported: ReadonlySet<string>): ReadonlyMap<number, ItemHelper> {
  const calls = new Map<number, ItemHelper>();
  // Each helper is asked about once per file, however many calls name it.
  const answers = new Map<string, ItemHelper | undefined>();
  const asked = (module: string, path: string, method?: string): ItemHelper | undefined => {
    const key = `${module}\0${path}\0${method ?? ''}`;
    if (!answers.has(key)) {
      answers.set(key, ask(module, path, method));
    }
    return answers.get(key);
  };
  // Methods are asked about only in files that import a class-like name from the workspace (`projectInstances.ts`),
  // or inject a NestJS provider by a token.
  const classes = [...imported].some((local) => /^[A-Z]/.test(local));
  const provided = a.project?.providedItemHelper !== undefined && a.language.family === 'js' && a.text.includes('@Inject(');
  const providers = new Map<string, ItemHelper | undefined>();
  const askedProvided = (key: string, method: string): ItemHelper | undefined => {
    const memo = `${key}\0${method}`;
    if (!providers.has(memo)) {
      providers.set(memo, a.project!.providedItemHelper!(key, method));
    }
    return providers.get(memo);
  };
  for (let k = 0; k < a.tokens.length; k++) {
    if (!a.isId(k) || !a.is(k + 1, '(') || a.partner[k + 1] < 0) {
      continue;
    }
    const start = a.isAccess(k - 1) ? chainStart(a, k) : k;
    let helper: ItemHelper | undefined;
    if (a.isId(start) && imported.has(a.tokens.text(start))) {
      const value = a.evalChain(start, k + 1).value;
      // A function or a static method: no instance, so no table a constructor was given.
      helper = value?.t === 'ref' && mayBeProjectModule(a, value.module) ? withTables(askedFunction(value.module, value.path, asked), tablesOfCall(a, k, undefined)) : undefined;
    } else if ((classes || provided) && start < k) {
      const owner = receiverClass(a, k);
      const method = a.tokens.text(k);
      const own = owner && 'module' in owner ? asked(owner.module, owner.path, method) : undefined;
      const bound = !own && owner && 'provided' in owner && owner.provided !== undefined ? askedProvided(owner.provided, method) : undefined;
      helper = withTables(own ?? bound, tablesOfCall(a, k, receiverKey(a, k)));
    }
    if (helper) {
      calls.set(k, helper);
    }
  }
  return calls;
}

/**
 * The helper `path` of `module` names: a default import of a module by an alias (`import db from '@app/libs/db'`)
 * is read as a package's, the module's whole exports, so `db.query` is also looked up as the default export's
 * member (`export default { query: (params) => ... }`), which a relative import names itself.
 */
function askedFunction(module: string, path: string, asked: (module: string, path: string) => ItemHelper | undefined): ItemHelper | undefined {
  const own = asked(module, path);
  return own ?? (!/^\.\.?(?:\/|$)/.test(module) && path !== '' && !path.includes('.') ? asked(module, `default.${path}`) : undefined);
}

/**
 * A helper's tables for the call at `k` (its name): a table its class's constructor was given (`ctor:<position>`)
 * is the same for the calls on one receiver (`this.users`, the local `users` of one binding) and unknown to any
 * other, so dropped without a receiver; a table it takes as a parameter (`param:<position>`) is the one the call's
 * argument names as every module writes it (`DynamoDB.get(process.env.TODOS_TABLE, id)`), else dropped.
 */
function tablesOfCall(a: CodeAnalyzer, k: number, receiver: string | undefined): (name: string) => string | undefined {
  return (name) => {
    if (name.startsWith('ctor:')) {
      return receiver === undefined ? undefined : `${name}@${receiver}`;
    }
    if (!name.startsWith('param:')) {
      return name;
    }
    const argument = segments(a, k + 1)[Number(name.slice('param:'.length))];
    const named = argument && namedValue(a, ...argument);
    const ref = named && tableNameRef(named);
    return ref ? `${ref.kind}:${ref.kind === 'env' ? ref.variable : ref.name}` : argument && importedConstant(a, ...argument);
  };
}

/** A helper with its tables as one call names them (`tablesOfCall`); undefined when none is left. */
function withTables(helper: ItemHelper | undefined, table: (name: string) => string | undefined): ItemHelper | undefined {
  const reads = helper?.reads === undefined ? undefined : table(helper.reads);
  const puts = helper?.puts && table(helper.puts.table);
  const checks = helper?.checks && table(helper.checks.table);
  const kept: ItemHelper = {
    ...(reads ? { reads, ...(helper!.readsResponse ? { readsResponse: true as const } : {}) } : {}),
    ...(puts ? { puts: { ...helper!.puts!, table: puts } } : {}),
    ...(checks ? { checks: { ...helper!.checks!, table: checks } } : {}),
    // Whatever its table, one item request per call.
    ...(helper?.itemRequest ? { itemRequest: true as const } : {}),
    // The request is the call's own.
    ...(helper?.forwards ? { forwards: helper.forwards } : {}),
    // A Redis read names no table.
    ...(helper?.redisRead ? { redisRead: helper.redisRead } : {}),
  };
  return kept.reads || kept.puts || kept.checks || kept.itemRequest || kept.forwards || kept.redisRead ? kept : undefined;
}

/** The receiver of the method call at `k` as one instance: a field of `this`/`self`, or a name by the binding it reads. */
function receiverKey(a: CodeAnalyzer, k: number): string | undefined {
  if (a.isAccess(k - 3)) {
    return `field ${a.tokens.text(k - 2)}`;
  }
  const binding = a.scopes.lookup(a.tokens.text(k - 2), k - 2);
  return binding ? `name ${binding.token}` : undefined;
}

/**
 * A table's name as every module of the workspace writes it: the literal, environment variable or SST resource the
 * request's `TableName` names, or a Python table object's (`dynamodb.Table(os.environ["USERS_TABLE"])`), as
 * `literal:…`, `env:…`, `sst:…`. Undefined when only the text that names it is known (`TableName: TABLE` of a
 * constant each module defines its own way), which two modules may write alike for two tables.
 */
export function sharedTable(a: CodeAnalyzer, occurrence: OperationOccurrence): string | undefined {
  const option = occurrence.request?.options.find((each) => each.norm === TABLE_NAME && !each.absent);
  let ref: TableNameRef | undefined;
  if (option) {
    const [from, to] = a.tokensOf(option.value);
    const named = from >= 0 ? namedValue(a, from, to) : undefined;
    ref = named && tableNameRef(named);
    if (!ref && from >= 0) {
      return constructorTable(a, from, to) ?? importedConstant(a, from, to);
    }
  } else if (a.language.family === 'python' && a.isAccess(occurrence.tokenIndex - 1)) {
    const end = occurrence.tokenIndex - 1;
    const receiver = a.evalChain(chainStart(a, end - 1), end).value;
    const argument = receiver?.t === 'client' && receiver.table ? segments(a, receiver.table.open)[receiver.table.position] : undefined;
    const named = argument && namedValue(a, ...argument);
    ref = named ? tableNameRef(named) : receiver?.t === 'client' ? receiver.tableName : undefined;
    if (!ref && argument) {
      return constructorTable(a, ...argument);
    }
  }
  return ref && `${ref.kind}:${ref.kind === 'env' ? ref.variable : ref.name}`;
}

/**
 * A table named by a parameter of the class's constructor (`def __init__(self, table_name)`, then
 * `self.table = dynamodb.Table(table_name)`; `constructor(private readonly tableName: string)`, then
 * `TableName: this.tableName`), as `ctor:<position>`: the same table for every method of one instance, which a caller
 * tells apart by the instance (`tablesOfCall`).
 */
function constructorTable(a: CodeAnalyzer, from: number, to: number): string | undefined {
  const self = a.language.family === 'python' ? 'self' : 'this';
  let binding: Binding<Value> | undefined;
  if (to === from + 1 && a.isId(from)) {
    binding = a.scopes.lookup(a.tokens.text(from), from);
  } else if (to === from + 3 && a.idIs(from, self) && a.isAccess(from + 1) && a.isId(from + 2)) {
    const owner = a.scopes.enclosing(from, ['class']);
    const fields = owner > 0 ? a.scopes.memberBindings(owner, a.tokens.text(from + 2)) : [];
    binding = fields.length === 1 ? fields[0] : undefined;
    // `self.table_name = table_name`: the parameter it is given.
    const given = binding && binding.expression >= 0 && a.isId(binding.expression) && endsStatement(a, binding.expression + 1) ? binding.expression : -1;
    if (given >= 0) {
      binding = a.scopes.lookup(a.tokens.text(given), given);
    }
  }
  const fn = binding && binding.expression < 0 ? a.functions.get(a.scopes.enclosing(binding.token, ['function'])) : undefined;
  const name = fn ? functionName(a, fn) : -1;
  if (!fn || name < 0 || !(a.idIs(name, '__init__') || a.idIs(name, 'constructor')) || !a.is(fn.params, '(')) {
    return undefined;
  }
  const position = segments(a, fn.params)
    .filter(([start]) => !a.idIs(start, 'self'))
    .findIndex(([start, end]) => binding!.token >= start && binding!.token < end);
  return position >= 0 ? `ctor:${position}` : undefined;
}

/**
 * A table named by a constant another module of the workspace exports (`TableName: T.rooms` after `import { T }
 * from './tables'`), as `import:<module's path>#<name>`: every module that imports it names one table. Only relative
 * imports, whose path the file's own tells (`./tables` and `../lib/tables` agree); a path alias reads as unknown.
 */
function importedConstant(a: CodeAnalyzer, from: number, to: number): string | undefined {
  const file = a.project?.file;
  const end = a.is(to - 1, '!') ? to - 1 : to;
  const imported = file !== undefined && a.language.family === 'js' && a.isId(from) ? a.imports.get(a.tokens.text(from)) : undefined;
  if (file === undefined || !imported || !/^\.\.?\//.test(imported.module) || (end - from) % 2 === 0) {
    return undefined;
  }
  const names = imported.path === '' ? [] : [imported.path];
  for (let k = from + 1; k < end; k += 2) {
    if (!a.is(k, '.') || !a.isId(k + 1)) {
      return undefined;
    }
    names.push(a.tokens.text(k + 1));
  }
  const target = joinPath(folderOf(file), imported.module.replace(/\.(?:[cm]?[jt]s|[jt]sx)$/, ''));
  return target !== undefined && names.length > 0 ? `import:${target}#${names.join('.')}` : undefined;
}
