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

/** Per file: the function scopes that are entries, and the names of the file's functions handed over as handlers. */
const entries = new FileMemo<'entries', { framework: boolean; named: Set<string> }>();
const calledByEntries = new FileMemo<number, boolean>();

/** Whether the function scope `scope` runs once per process: a command entry, or a function only entries call. */
export function runsAsCommand(a: CodeAnalyzer, scope: number): boolean {
  if (!FRAMEWORK_IMPORTS[a.language.family]) {
    return false;
  }
  const file = entries.get(a, 'entries', () => readEntries(a));
  return file.framework && (isEntry(a, scope, file.named) || calledByEntries.get(a, scope, () => onlyEntriesCall(a, scope, file.named)));
}

function readEntries(a: CodeAnalyzer): { framework: boolean; named: Set<string> } {
  const framework = FRAMEWORK_IMPORTS[a.language.family]!.test(a.text);
  const named = new Set<string>();
  const calls = HANDLER_CALLS[a.language.family];
  for (let k = 0; framework && calls && k + 2 < a.tokens.length; k++) {
    const open = a.isId(k) && calls.test(a.tokens.text(k)) && a.isAccess(k - 1) ? handlerOpen(a, k) : -1;
    // A handler named by the file's function (`.action(purge)`, `.WithParsed<ListKeys>(RunListKeys)`).
    if (open > 0 && a.isId(open + 1) && a.is(open + 2, ')')) {
      named.add(a.tokens.text(open + 1));
    }
  }
  return { framework, named };
}

/** The `(` of a handler call whose name is at `name`, after C#'s type arguments (`WithParsed<Purge>(`), or -1. */
function handlerOpen(a: CodeAnalyzer, name: number): number {
  let open = name + 1;
  if (a.language.family === 'csharp' && a.is(open, '<')) {
    while (open < a.tokens.length && open < name + 16 && !a.is(open, '>')) {
      open++;
    }
    open++;
  }
  return a.is(open, '(') ? open : -1;
}

/** Whether the function scope is itself an entry: decorated as a command, or written in place as a handler. */
function isEntry(a: CodeAnalyzer, scope: number, named: ReadonlySet<string>): boolean {
  const fn = a.functions.get(scope);
  if (!fn) {
    return false;
  }
  const name = functionName(a, fn);
  if (name >= 0 && named.has(a.tokens.text(name))) {
    return true;
  }
  if (a.language.family === 'python') {
    const def = a.idIs(fn.params - 2, 'def') ? fn.params - 2 : -1;
    return def >= 0 && decoratorNames(a, a.idIs(def - 1, 'async') ? def - 1 : def).some((decorator) => PYTHON_COMMAND_DECORATOR.test(decorator));
  }
  // A handler written in place: the function's first token (its parameters, or `async` / `function` before them)
  // is the first argument of the handler call.
  let first = fn.params;
  first -= a.idIs(first - 1, 'function') ? 1 : 0;
  first -= a.idIs(first - 1, 'async') ? 1 : 0;
  const open = first - 1;
  if (!a.is(open, '(')) {
    return false;
  }
  let callee = open - 1;
  if (a.is(callee, '>')) {
    while (callee > 0 && callee > open - 16 && !a.is(callee, '<')) {
      callee--;
    }
    callee--;
  }
  return a.isId(callee) && a.isAccess(callee - 1) && HANDLER_CALLS[a.language.family]!.test(a.tokens.text(callee)) && handlerOpen(a, callee) === open;
}

/** Whether every use of the function's name in the file is a call in an entry's own body, outside loops; one at least. */
function onlyEntriesCall(a: CodeAnalyzer, scope: number, named: ReadonlySet<string>): boolean {
  const fn = a.functions.get(scope);
  const nameAt = fn ? functionName(a, fn) : -1;
  if (nameAt < 0) {
    return false;
  }
  const name = a.tokens.text(nameAt);
  let calls = 0;
  for (let k = 0; k < a.tokens.length; k++) {
    if (k === nameAt || !a.idIs(k, name) || namesType(a, k)) {
      continue;
    }
    const caller = a.scopes.enclosing(k, ['function']);
    const inLoop = a.scopes.enclosing(k, ['loop', 'function']) !== caller;
    if (!a.is(k + 1, '(') || caller <= 0 || caller === scope || inLoop || !isEntry(a, caller, named)) {
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
