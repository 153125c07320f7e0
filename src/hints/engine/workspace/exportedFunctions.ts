/**
 * The functions of a workspace module that other files call, read for the client they give: a Python
 * module's top-level functions, with the strings a call passes (`get_client("dynamodb")`,
 * `get_dynamodb_table("orders")`), and a JavaScript or TypeScript module's exported functions, whatever
 * they are passed (`getRedisClient()`, `await getClient()`). The module's statements are analysed once,
 * with its own imports of the workspace answered too, and each function once per set of strings, however
 * many files call it so.
 */
import { BudgetExceeded } from '../budget';
import { CodeAnalyzer } from '../code/analyzer';
import { javascript, typescript } from '../code/languages/javascript';
import { python } from '../code/languages/python';
import { expressionEnd } from '../code/braces';
import { jsConstruction, pythonConstruction } from '../code/handlerClients';
import { calledWith } from '../code/parametrisedCalls';
import type { ProjectContext } from '../code/projectImports';
import { exportedClient } from '../code/projectImports';
import { LineIndex } from '../text';
import type { ModuleFunction } from './codeExports';
import { CallArguments, ExportedCall, ModuleSource } from './types';

const LANGUAGES = { python, javascript, typescript };

export class ModuleFunctions {
  private readonly a: CodeAnalyzer;
  /** What each call gave, by function and strings: `null` for nothing, and while it is read (a cycle gives nothing). */
  private readonly results = new Map<string, ExportedCall | null>();

  constructor(source: ModuleSource, project: ProjectContext) {
    this.a = new CodeAnalyzer(source.text, LANGUAGES[source.language], new LineIndex(source.text), project);
    this.a.bind();
  }

  /** The client the function `fn` (as the module's exports read it) gives for these strings; undefined for nothing. */
  call(fn: ModuleFunction, args: CallArguments): ExportedCall | undefined {
    const key = `${fn.scope}\0${JSON.stringify(args)}`;
    const known = this.results.get(key);
    if (known !== undefined) {
      return known ?? undefined;
    }
    this.results.set(key, null);
    let client: ExportedCall | undefined;
    try {
      client = this.read(fn, args);
    } catch (error) {
      // A time budget ends the whole reading (the caller drops this module's analysis); any other failure gives nothing.
      if (error instanceof BudgetExceeded) {
        throw error;
      }
    }
    this.results.set(key, client ?? null);
    return client;
  }

  private read(fn: ModuleFunction, args: CallArguments): ExportedCall | undefined {
    const substituted = calledWith(this.a, fn, args);
    const value = substituted ? substituted.value : this.a.returnValue(fn);
    if (value?.t === 'sequence') {
      // `return ddb, cache`: the clients a caller unpacks (`ddb, cache = make_clients()`).
      return { elements: value.elements.map((element) => (element && exportedClient(this.a, element)) ?? null) };
    }
    const client = value && exportedClient(this.a, value);
    return client && madeAnew(this.a, fn) ? { ...client, perCall: true } : client;
  }
}

/**
 * Whether every expression the function returns is a client it makes there and then (`return new
 * DynamoDB.DocumentClient()`, `=> createClient(...)`, `return boto3.client("s3")`), so that each call makes
 * another; a name it returns (a shared client, a lazy singleton) does not count.
 */
function madeAnew(a: CodeAnalyzer, fn: ModuleFunction): boolean {
  const starts = a.returnStarts(fn);
  const construction = a.language.family === 'python' ? pythonConstruction : jsConstruction;
  return (
    starts.length > 0 &&
    starts.every((start) => {
      const made = construction(a, a.idIs(start, 'await') ? start + 1 : start);
      return made !== undefined && made.end === expressionEnd(a, start);
    })
  );
}
