/**
 * JavaScript and TypeScript imports: `import x, { a as b } from 'm'`, `import * as ns from 'm'`,
 * `const x = require('m')` with its destructured forms, and `await import('m')` into a declaration.
 */
import { codeOf } from '../../tokenCodes';
import type { CodeAnalyzer } from '../analyzer';
import { defaultExportPath } from '../values';

const OPEN_PAREN = codeOf('(');
const IMPORT = codeOf('import');
const REQUIRE = codeOf('require');

/** The module's ES imports, `require` calls and awaited dynamic imports, as the analyzer's imports. */
export function collectImports(a: CodeAnalyzer): void {
  const codes = a.tokens.codes;
  for (let i = 0; i < codes.length; i++) {
    // The word first: most tokens are neither, and that test is the cheapest.
    if (codes[i] === IMPORT && codes[i + 1] !== OPEN_PAREN && !a.isAccess(i - 1)) {
      esImport(a, i);
    } else if ((codes[i] === REQUIRE || codes[i] === IMPORT) && codes[i + 1] === OPEN_PAREN && a.isString(i + 2) && !a.isAccess(i - 1)) {
      requireCall(a, i);
    }
  }
}

function esImport(a: CodeAnalyzer, start: number): void {
  // `import x = require('m')` is read with the other `require` calls.
  if (a.is(start + 2, '=')) {
    return;
  }
  let j = start + 1;
  const limit = Math.min(a.tokens.length, start + 200);
  const specifiers: { local: string; path: string | undefined }[] = [];
  let named: { close: number } | undefined;
  while (j < limit && !a.isString(j) && !a.is(j, ';')) {
    if (a.is(j, '{')) {
      const close = a.partner[j];
      if (close < 0) {
        return;
      }
      named = { close };
      for (let k = j + 1; k < close; k++) {
        const name = a.id(k);
        if (!name || name === 'type') {
          continue;
        }
        if (a.id(k + 1) === 'as' && a.id(k + 2)) {
          specifiers.push({ local: a.id(k + 2)!, path: name });
          k += 2;
        } else if (a.is(k + 1, ',') || k + 1 === close) {
          specifiers.push({ local: name, path: name });
        }
      }
      j = close + 1;
      continue;
    }
    if (a.is(j, '*') && a.id(j + 1) === 'as' && a.id(j + 2)) {
      specifiers.push({ local: a.id(j + 2)!, path: '' });
      j += 3;
      continue;
    }
    const name = a.id(j);
    if (name && name !== 'from' && name !== 'type') {
      specifiers.push({ local: name, path: undefined });
    }
    j++;
  }
  if (!a.isString(j)) {
    return;
  }
  const module = a.tokens.text(j);
  a.noteModule(module);
  // A project module's default export is its own name: the workspace tells it from the module itself (`import * as`).
  const defaultPath = /^\.\.?(?:\/|$)/.test(module) ? 'default' : defaultExportPath(module);
  for (const specifier of specifiers) {
    a.addImport(specifier.local, module, specifier.path ?? defaultPath, start);
  }
  if (named) {
    const names = new Set(specifiers.filter((s) => s.path !== undefined).map((s) => s.path!));
    a.namedImports.push({ module, names, closeBrace: named.close });
  }
}

/**
 * `const X = require('m')` / `const { A, B: C } = require('m')`, and the dynamic imports of ES modules, which
 * resolve to the module's namespace (`const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb')`,
 * `const { default: Redis } = await import('ioredis')`).
 */
function requireCall(a: CodeAnalyzer, index: number): void {
  const module = a.tokens.text(index + 2);
  a.noteModule(module);
  const dynamic = a.tokens.codes[index] === IMPORT;
  const assigned = dynamic && a.tokens.text(index - 1) === 'await' ? index - 1 : index;
  if (!a.is(assigned - 1, '=') || (dynamic && !a.is(index + 3, ')'))) {
    return;
  }
  const before = assigned - 2;
  if (a.id(before)) {
    a.addImport(a.id(before)!, module, dynamic ? '' : defaultExportPath(module), index);
    return;
  }
  if (a.is(before, '}')) {
    const open = a.partner[before];
    for (let k = open + 1; k > 0 && k < before; k++) {
      const name = a.id(k);
      if (!name) {
        continue;
      }
      const path = dynamic && name === 'default' ? defaultExportPath(module) : name;
      if (a.is(k + 1, ':') && a.id(k + 2)) {
        a.addImport(a.id(k + 2)!, module, path, index);
        k += 2;
      } else {
        a.addImport(name, module, path, index);
      }
    }
  }
}
