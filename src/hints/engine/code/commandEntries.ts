/**
 * Functions a command-line framework runs once per process, as `main` runs: a tool's `purge` command opens its Redis
 * client, works and closes it, and the process ends. That is the program's whole life, not a connection per call
 * (Go's cobra and urfave/cli hooks are `languages/goCommandEntries.ts`). Read in a file that imports the framework:
 *
 * - Python: a function decorated as a click or typer command or group (`@click.command()`, `@cli.command()`,
 *   `@app.command()`, `@click.group()`);
 * - JavaScript and TypeScript: the handler given to commander's `.action(...)`, written in place or named;
 * - C#: the handler given to CommandLineParser's `WithParsed` / `WithParsedAsync` or System.CommandLine's
 *   `SetHandler` / `SetAction`, written in place or named (a method group);
 *
 * and a function of the file that an entry calls in its own body, outside loops, where every use of its name in the
 * file is such a call (`async o => await RunPurge(o)`).
 */
import type { CodeAnalyzer } from './analyzer';
import { FileMemo } from './fileMemo';
import { functionName } from './helperFunctions';
import { callOpenAfter } from './typeArguments';
import { decoratorNames } from './languages/pythonDecorators';

/** The framework imports that make a file a command-line tool's, per language family. */
const FRAMEWORK_IMPORTS: Partial<Record<string, RegExp>> = {
  python: /^[ \t]*(?:import[ \t]+(?:click|typer)\b|from[ \t]+(?:click|typer)\b)/m,
  js: /(?:require\(\s*|from\s*)['"]commander['"]/,
  csharp: /^[ \t]*using[ \t]+(?:System\.)?CommandLine\b/m,
};
/** Python decorators whose last name makes a command (`@cli.command()`, `@app.command("sync")`, `@click.group()`). */
const PYTHON_COMMAND_DECORATOR = /(?:^|\.)(?:command|group)$/;
/** The calls that take a command's handler. */
const HANDLER_CALLS: Partial<Record<string, RegExp>> = {
  js: /^action$/,
  csharp: /^(?:WithParsed|WithParsedAsync|SetHandler|SetAction)$/,
};

/** What a file of a command-line tool says of its entries, read once. */
interface FileEntries {
  framework: boolean;
  /** Names of the file's functions handed over as handlers (`.action(purge)`, `.WithParsed<ListKeys>(RunListKeys)`). */
  named: Set<string>;
  /** The `(` of each handler call, whose first argument a handler written in place starts. */
  handlerOpens: Set<number>;
  /** Each name's uses in the file, built on first need: a use's function is read once per name, not once per file pass. */
  uses?: Map<string, number[]>;
}

const entries = new FileMemo<'entries', FileEntries>();
const calledByEntries = new FileMemo<number, boolean>();

/** Whether the function scope `scope` runs once per process: a command entry, or a function only entries call. */
export function runsAsCommand(a: CodeAnalyzer, scope: number): boolean {
  if (!FRAMEWORK_IMPORTS[a.language.family]) {
    return false;
  }
  const file = entries.get(a, 'entries', () => readEntries(a));
  return file.framework && (isEntry(a, scope, file) || calledByEntries.get(a, scope, () => onlyEntriesCall(a, scope, file)));
}

function readEntries(a: CodeAnalyzer): FileEntries {
  const file: FileEntries = { framework: FRAMEWORK_IMPORTS[a.language.family]!.test(a.text), named: new Set(), handlerOpens: new Set() };
  const calls = HANDLER_CALLS[a.language.family];
  for (let k = 0; file.framework && calls && k + 2 < a.tokens.length; k++) {
    // `WithParsed<Purge>(`: past C#'s type arguments.
    const open = a.isId(k) && calls.test(a.tokens.text(k)) && a.isAccess(k - 1) ? callOpenAfter(a, k) : -1;
    if (open < 0) {
      continue;
    }
    file.handlerOpens.add(open);
    if (a.isId(open + 1) && a.is(open + 2, ')')) {
      file.named.add(a.tokens.text(open + 1));
    }
  }
  return file;
}

/** Whether the function scope is itself an entry: decorated as a command, or written in place or named as a handler. */
function isEntry(a: CodeAnalyzer, scope: number, file: FileEntries): boolean {
  const fn = a.functions.get(scope);
  if (!fn) {
    return false;
  }
  const name = functionName(a, fn);
  if (name >= 0 && file.named.has(a.tokens.text(name))) {
    return true;
  }
  if (a.language.family === 'python') {
    const def = a.idIs(fn.params - 2, 'def') ? fn.params - 2 : -1;
    return def >= 0 && decoratorNames(a, a.idIs(def - 1, 'async') ? def - 1 : def).some((decorator) => PYTHON_COMMAND_DECORATOR.test(decorator));
  }
  // A handler written in place: the function's first token (its parameters, or `async` / `function` before them)
  // is the first argument of a handler call.
  let first = fn.params;
  first -= a.idIs(first - 1, 'function') ? 1 : 0;
  first -= a.idIs(first - 1, 'async') ? 1 : 0;
  return file.handlerOpens.has(first - 1);
}

/** Each identifier's token indexes in the file, in order. */
function usesByName(a: CodeAnalyzer): Map<string, number[]> {
  const uses = new Map<string, number[]>();
  for (let k = 0; k < a.tokens.length; k++) {
    if (a.isId(k)) {
      const name = a.tokens.text(k);
      const list = uses.get(name);
      if (list) {
        list.push(k);
      } else {
        uses.set(name, [k]);
      }
    }
  }
  return uses;
}

/** Whether every use of the function's name in the file is a call in an entry's own body, outside loops; one at least. */
function onlyEntriesCall(a: CodeAnalyzer, scope: number, file: FileEntries): boolean {
  const fn = a.functions.get(scope);
  const nameAt = fn ? functionName(a, fn) : -1;
  if (nameAt < 0) {
    return false;
  }
  file.uses ??= usesByName(a);
  let calls = 0;
  for (const k of file.uses.get(a.tokens.text(nameAt)) ?? []) {
    if (k === nameAt || namesType(a, k)) {
      continue;
    }
    const caller = a.scopes.enclosing(k, ['function']);
    const inLoop = a.scopes.enclosing(k, ['loop', 'function']) !== caller;
    if (!a.is(k + 1, '(') || caller <= 0 || caller === scope || inLoop || !isEntry(a, caller, file)) {
      return false;
    }
    calls++;
  }
  return calls > 0;
}

/** C# declarations that name a type. */
const TYPE_DECLARATIONS = new Set(['class', 'struct', 'record', 'interface', 'enum', 'new']);

/**
 * C#: whether the name at `k` names a type of the same name, not the method (`ClientKeys options`,
 * `WithParsed<ClientKeys>(`, `class ClientKeys`, `new ClientKeys()`): an options class may share its command's name.
 */
function namesType(a: CodeAnalyzer, k: number): boolean {
  if (a.language.family !== 'csharp') {
    return false;
  }
  if (a.isId(k + 1) || TYPE_DECLARATIONS.has(a.id(k - 1) ?? '')) {
    return true;
  }
  // Among type arguments: back over `A, B,` to the `<` that opens them.
  let before = k - 1;
  while (a.is(before, ',') && a.isId(before - 1)) {
    before -= 2;
  }
  return a.is(before, '<') && (a.is(k + 1, '>') || a.is(k + 1, ','));
}
