/**
 * The top-level functions of a Python workspace module, read for the strings a file that imports one
 * calls it with (`get_client("dynamodb")`, `get_dynamodb_table("orders")`): the module's statements are
 * analysed once, with its own imports of the workspace answered too, and each function once per set of
 * strings, however many files call it so.
 */
import { BudgetExceeded } from '../budget';
import { CodeAnalyzer } from '../code/analyzer';
import { python } from '../code/languages/python';
import { calledWith } from '../code/parametrisedCalls';
import type { ProjectContext } from '../code/projectImports';
import { exportedClient } from '../code/projectImports';
import { LineIndex } from '../text';
import { CallArguments, ExportedClient, ModuleSource } from './types';

export class ModuleFunctions {
  private readonly a: CodeAnalyzer;
  /** What each call gave, by function and strings: `null` for nothing, and while it is read (a cycle gives nothing). */
  private readonly results = new Map<string, ExportedClient | null>();

  constructor(source: ModuleSource, project: ProjectContext) {
    this.a = new CodeAnalyzer(source.text, python, new LineIndex(source.text), project);
    this.a.bind();
  }

  /** The client the function `name` gives for these strings; undefined for nothing, or for no such function. */
  call(name: string, args: CallArguments): ExportedClient | undefined {
    const key = `${name}\0${JSON.stringify(args)}`;
    const known = this.results.get(key);
    if (known !== undefined) {
      return known ?? undefined;
    }
    this.results.set(key, null);
    let client: ExportedClient | undefined;
    try {
      client = this.read(name, args);
    } catch (error) {
      // A time budget ends the whole reading (the caller drops this module's analysis); any other failure gives nothing.
      if (error instanceof BudgetExceeded) {
        throw error;
      }
    }
    this.results.set(key, client ?? null);
    return client;
  }

  private read(name: string, args: CallArguments): ExportedClient | undefined {
    const bindings = this.a.scopes.bindingsIn(0).get(name);
    const fn = bindings?.length === 1 ? bindings[0].fixed : undefined;
    if (fn?.t !== 'function' || fn.accessor || fn.wrapped) {
      return undefined;
    }
    const substituted = calledWith(this.a, fn, args);
    const value = substituted ? substituted.value : this.a.returnValue(fn);
    return value && exportedClient(this.a, value);
  }
}
