/** Python imports: `import a.b as c`, `from .m import (x, y as z)`, relative ones by their dots, each bound where it is written. */
import { codeOf } from '../../tokenCodes';
import type { CodeAnalyzer } from '../analyzer';

const IMPORT = codeOf('import');
const FROM = codeOf('from');

export function collectImports(a: CodeAnalyzer): void {
  const codes = a.tokens.codes;
  for (let i = 0; i < codes.length; i++) {
    if ((codes[i] === IMPORT || codes[i] === FROM) && a.startsLine(i) && !a.isAccess(i - 1)) {
      pythonImport(a, i);
    }
  }
}

function pythonImport(a: CodeAnalyzer, start: number): void {
  // A line-ending backslash joins the next line to the statement (`from service import orders, \` then `users`):
  // the lexer leaves it out and the next line's first token does not start a line.
  const sameStatement = (k: number): boolean => k < a.tokens.length && (!a.startsLine(k) || a.insideParens(k, start));
  if (a.idIs(start, 'import')) {
    let j = start + 1;
    while (sameStatement(j)) {
      const path = a.dottedPath(j);
      if (!path.text) {
        break;
      }
      j = path.end;
      let local = path.text.split('.')[0];
      if (a.id(j) === 'as' && a.id(j + 1)) {
        local = a.id(j + 1)!;
        j += 2;
        a.addImport(local, path.text, '', start);
      } else {
        // `import redis.asyncio` binds `redis`; the submodule is reached by attribute access.
        a.noteModule(path.text);
        a.addImport(local, local, '', start);
      }
      if (!a.is(j, ',')) {
        break;
      }
      j++;
    }
    return;
  }
  const { module, end } = fromModule(a, start);
  if (!module) {
    return;
  }
  a.noteModule(module);
  for (let j = end + 1; sameStatement(j); ) {
    if (a.is(j, '(') || a.is(j, ')') || a.is(j, ',')) {
      j++;
      continue;
    }
    const name = a.id(j);
    if (!name) {
      break;
    }
    if (a.id(j + 1) === 'as' && a.id(j + 2)) {
      a.addImport(a.id(j + 2)!, module, name, start);
      j += 3;
    } else {
      a.addImport(name, module, name, start);
      j++;
    }
  }
}

/** The module a `from … import` at `start` names (`.db`, `..`, `app.models`), and its `import` token; an empty module when it names none. */
function fromModule(a: CodeAnalyzer, start: number): { module: string; end: number } {
  // A relative import's dots (`from .db import table`, `from .. import settings`) start its module's name.
  let dotsEnd = start + 1;
  while (a.is(dotsEnd, '.')) {
    dotsEnd++;
  }
  const dots = a.text.slice(a.tokens.starts[start + 1], a.tokens.starts[dotsEnd]).replace(/\s+/g, '');
  const path = a.idIs(dotsEnd, 'import') ? { text: '', end: dotsEnd } : a.dottedPath(dotsEnd);
  const module = dots + path.text;
  return module && a.id(path.end) === 'import' ? { module, end: path.end } : { module: '', end: path.end };
}

/** The modules whose public names a module takes in whole at its top level (`from .dynamo import *`), in order. */
export function starImports(a: CodeAnalyzer): string[] {
  const modules: string[] = [];
  const codes = a.tokens.codes;
  for (let i = 0; i < codes.length; i++) {
    if (codes[i] === FROM && a.startsLine(i) && a.parent[i] === -1 && !a.isAccess(i - 1)) {
      const { module, end } = fromModule(a, i);
      if (module && a.is(end + 1, '*')) {
        modules.push(module);
      }
    }
  }
  return modules;
}

/** Words that are never a module's name: keywords, and the constants and builtins a star import cannot shadow in practice. */
const NOT_IMPORTED = new Set(['and', 'as', 'assert', 'async', 'await', 'break', 'case', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'match', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield', 'True', 'False', 'None', 'self', 'cls', 'print', 'len', 'str', 'int', 'float', 'bool', 'dict', 'list', 'set', 'tuple', 'range', 'isinstance', 'Exception', 'super', 'open', 'sorted', 'enumerate', 'zip', 'map', 'filter', 'min', 'max', 'sum', 'any', 'all', 'getattr', 'setattr', 'hasattr', 'type', 'object', 'ValueError', 'KeyError', 'TypeError']);

/**
 * `from app_lib import *`: a name the module uses but never binds nor imports by name comes from its star
 * imports, and is read as imported from the last of them (a later star import's names shadow an earlier one's).
 * Where that module does not export the name, the workspace answers nothing for it.
 */
export function bindStarImportedNames(a: CodeAnalyzer): void {
  if (!a.text.includes('import *')) {
    return;
  }
  const codes = a.tokens.codes;
  let last: { module: string; at: number } | undefined;
  for (let i = 0; i < codes.length; i++) {
    if (codes[i] === FROM && a.startsLine(i) && a.parent[i] === -1 && !a.isAccess(i - 1)) {
      const { module, end } = fromModule(a, i);
      if (module && a.is(end + 1, '*')) {
        last = { module, at: i };
      }
    }
  }
  if (!last) {
    return;
  }
  const bound = new Set<string>();
  for (let scope = 0; scope < a.scopes.size; scope++) {
    a.scopes.bindingsIn(scope).forEach((_, name) => bound.add(name));
  }
  const seen = new Set<string>();
  for (let i = 0; i < codes.length; i++) {
    const name = a.id(i);
    if (name === undefined || seen.has(name) || a.isAccess(i - 1) || (a.is(i + 1, '=') && a.parent[i] >= 0)) {
      continue;
    }
    seen.add(name);
    if (!bound.has(name) && !a.imports.has(name) && !NOT_IMPORTED.has(name)) {
      a.addImport(name, last.module, name, last.at);
    }
  }
}
