/**
 * Which code files a function runs: the places its template names (a folder or a file), and within a
 * folder the file its handler names (`src/app.handler` → `src/app.*`, `app.handlers.main` →
 * `app/handlers.py`, `com.example.Handler::handleRequest` → `…/com/example/Handler.java`).
 */
import { extensionOf, isWithin, joinPath, withoutExtension } from './paths';

/** How closely a function claims a file: its handler or entry file, or only a file somewhere in its code folder. */
export type Claim = 'entry' | 'folder';

/** Extensions of code a handler's module can be written in (TypeScript is compiled to the module's `.js`). */
const MODULE_EXTENSIONS = new Set(['js', 'mjs', 'cjs', 'ts', 'mts', 'cts', 'jsx', 'tsx', 'py']);

/** The module paths a handler names, relative to the code folder, without extension. */
function handlerModules(handler: string): string[] {
  const dot = handler.lastIndexOf('.');
  if (handler.includes('::') || dot <= 0) {
    return [];
  }
  const module = handler.slice(0, dot);
  // Python also names packages with dots: `app.handlers.main` is `app/handlers.py`.
  const dotted = module.includes('/') ? module : module.split('.').join('/');
  return dotted === module ? [module] : [module, dotted];
}

/**
 * The function or method a handler names in its file: `src/app.lambdaHandler` → `lambdaHandler`, Python's
 * `app.handlers.main` → `main`, Java's `com.example.Orders::handle` → `handle`, .NET's
 * `Shop::Shop.Functions::GetOrder` → `GetOrder`, or a bare name when the function's code is the file
 * itself (a CDK `NodejsFunction`'s `entry` with `handler: 'list'`).
 */
export function handlerFunction(handler: string | undefined, codeIsTheFile: boolean): string | undefined {
  if (!handler) {
    return undefined;
  }
  const parts = handler.split('::');
  const dot = handler.lastIndexOf('.');
  const name =
    parts.length > 1
      ? parts.length <= 3 && parts.every(Boolean)
        ? parts[parts.length - 1]
        : undefined
      : dot > 0
        ? handler.slice(dot + 1)
        : dot < 0 && codeIsTheFile
          ? handler
          : undefined;
  return name && /^[A-Za-z_$][\w$]*$/.test(name) ? name : undefined;
}

/** `com.example.Handler::handleRequest` (Java) → `com/example/Handler.java`; `Assembly::Ns.Type::Method` (.NET) → `Type.cs`. */
function handlerClassFile(handler: string): string | undefined {
  const parts = handler.split('::');
  if (parts.length === 2 && parts[0]) {
    return `${parts[0].split('.').join('/')}.java`;
  }
  return parts.length === 3 && parts[1] ? `${parts[1].slice(parts[1].lastIndexOf('.') + 1)}.cs` : undefined;
}

/** How a function whose code lies at `locations` (folders or files) with `handler` claims `codeFile`, if it does. */
export function claimOf(locations: readonly string[], handler: string | undefined, codeFile: string): Claim | undefined {
  let claim: Claim | undefined;
  const stem = withoutExtension(codeFile);
  const moduleFile = MODULE_EXTENSIONS.has(extensionOf(codeFile));
  const classFile = handler ? handlerClassFile(handler) : undefined;
  const modules = handler ? handlerModules(handler) : [];
  for (const location of locations) {
    if (location === codeFile) {
      return 'entry';
    }
    if (!isWithin(location, codeFile)) {
      continue;
    }
    if (moduleFile && modules.some((module) => joinPath(location, module) === stem)) {
      return 'entry';
    }
    if (classFile && (codeFile === classFile || codeFile.endsWith(`/${classFile}`))) {
      return 'entry';
    }
    claim = 'folder';
  }
  return claim;
}
