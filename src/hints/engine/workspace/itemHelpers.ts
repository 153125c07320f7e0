/**
 * The functions of a workspace module that read or write one table's items for their callers (`getUser(id)`
 * returning the item a GetItem read, `saveUser(user)` putting its parameter), or send the request their parameter
 * holds (`scanTable(params)`), or read one Redis key per call (`get(key)` of a cache layer), read for the callers in
 * other modules (`readModifyWriteHelpers.ts`, `importedRequestForwards.ts`, `redisReadHelpers.ts`). A module is
 * analysed in full once, and only when a file calls one of its functions and its module-level text names a DynamoDB
 * item read or write, a request handed on (`REQUEST_FORWARD`) or a Redis library (`REDIS_MODULE`).
 */
import { BudgetExceeded } from '../budget';
import { CodeAnalyzer } from '../code/analyzer';
import { javascript, typescript } from '../code/languages/javascript';
import { python } from '../code/languages/python';
import type { ProjectContext } from '../code/projectImports';
import { writesWithoutCondition } from '../code/readModifyWrite';
import { existenceChecks } from '../code/checkThenPutHelpers';
import { functionName } from '../code/helperFunctions';
import { itemHelpers } from '../code/readModifyWriteHelpers';
import { batchableItemHelpers } from '../code/importedItemLoops';
import { LineIndex } from '../text';
import { ITEM_CALL, REQUEST_FORWARD } from './moduleText';
import { redisReadHelpers } from '../code/redisReadHelpers';
import { requestForwardings } from '../code/importedRequestForwards';
import { ItemHelper, ModuleSource } from './types';

const LANGUAGES = { python, javascript, typescript };

/** A module that may hold a Redis client (`ioredis`, `redis`, a `Redis` type, Valkey, a cache-manager store). */
const REDIS_MODULE = /redis|valkey|cache-manager/i;

/** Whether a module's text may hold a helper: an item read or write, a request handed on, or a Redis client. */
function mayHoldHelpers(text: string): boolean {
  return ITEM_CALL.test(text) || REQUEST_FORWARD.test(text) || REDIS_MODULE.test(text);
}

/** A module's helpers: functions by scope, methods by `Class.method`. */
type Helpers = ReadonlyMap<number | string, ItemHelper>;

export class ModuleItemHelpers {
  /** By file (`null`: none, or the module fails to read). */
  private readonly modules = new Map<string, Helpers | null>();
  private any: boolean | undefined;

  /** `project(file)`: the answers a module's own imports of the workspace get. */
  constructor(
    private readonly sources: ReadonlyMap<string, ModuleSource>,
    private readonly project: (file: string) => ProjectContext,
  ) {}

  /** Whether any module's text names an item read or a variable put as an item, or a Redis client. */
  exist(): boolean {
    this.any ??= [...this.sources.values()].some((source) => mayHoldHelpers(source.text));
    return this.any;
  }

  /** What the function of `file` whose scope is `scope` does with one table's items, if anything. */
  helper(file: string, scope: number): ItemHelper | undefined {
    return this.helpersOf(file)?.get(scope);
  }

  /** What the method `method` of the class `className` that `file` declares does with one table's items, if anything. */
  method(file: string, className: string, method: string): ItemHelper | undefined {
    return this.helpersOf(file)?.get(`${className}.${method}`);
  }

  private helpersOf(file: string): Helpers | undefined {
    let helpers = this.modules.get(file);
    if (helpers === undefined) {
      helpers = null;
      // Set first: a module that reaches itself through its imports reads as none.
      this.modules.set(file, null);
      const source = this.sources.get(file);
      if (source && mayHoldHelpers(source.text)) {
        try {
          helpers = read(source, this.project(file));
        } catch (error) {
          if (error instanceof BudgetExceeded) {
            this.modules.delete(file);
            throw error;
          }
        }
      }
      this.modules.set(file, helpers);
    }
    return helpers ?? undefined;
  }
}

function read(source: ModuleSource, project: ProjectContext): Helpers | null {
  const a = new CodeAnalyzer(source.text, LANGUAGES[source.language], new LineIndex(source.text), project);
  a.run();
  const gets = a.operations.filter((occurrence) => occurrence.call && occurrence.operation === 'dynamodb:GetItem');
  const puts = a.operations.filter((occurrence) => occurrence.operation === 'dynamodb:PutItem' && writesWithoutCondition(occurrence));
  const byScope = itemHelpers(a, gets, puts);
  for (const [scope, checks] of existenceChecks(a, gets)) {
    byScope.set(scope, { ...byScope.get(scope), checks });
  }
  for (const scope of batchableItemHelpers(a)) {
    byScope.set(scope, { ...byScope.get(scope), itemRequest: true });
  }
  for (const [scope, forwards] of requestForwardings(a)) {
    byScope.set(scope, { ...byScope.get(scope), forwards });
  }
  for (const [scope, redisRead] of redisReadHelpers(a)) {
    byScope.set(scope, { ...byScope.get(scope), redisRead });
  }
  const helpers = new Map<number | string, ItemHelper>(byScope);
  // A method is also known by its class's name and its own, for callers that hold an instance (`this.users.get(id)`).
  for (const [scope, helper] of byScope) {
    const fn = a.functions.get(scope);
    const name = fn ? functionName(a, fn) : -1;
    const owner = name >= 0 ? a.scopes.enclosing(name, ['class']) : -1;
    const className = owner > 0 ? a.scopes.nameOfClass(owner) : undefined;
    if (className !== undefined) {
      helpers.set(`${className}.${a.tokens.text(name)}`, helper);
    }
  }
  return helpers.size > 0 ? helpers : null;
}
