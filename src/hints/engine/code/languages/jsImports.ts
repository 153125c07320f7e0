/**
 * JavaScript and TypeScript imports: `import x, { a as b } from 'm'`, `import * as ns from 'm'`,
 * `const x = require('m')` with its destructured forms, `await import('m')` into a declaration, and
 * TypeScript's `import x = require('m')` and `import x = ns.Member` (an alias of an imported name's member).
 * Module names are read as `jsModule` gives them (`aws-sdk/clients/dynamodb.js` is `aws-sdk/clients/dynamodb`).
 */
import { codeOf } from '../../tokenCodes';
import type { CodeAnalyzer } from '../analyzer';
import { calledRequiredMember, calledRequireModule, isProjectPath } from '../calledRequire';
import { jsModule, SST_PLATFORM_MODULE } from '../values';
import { JS_MODULES } from '../../services';
import { DATA_API_CLIENT_MODULE } from '../../rdsDataApi';

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
  if (isSstPlatformFile(a.text)) {
    if (!a.imports.has('aws')) {
      a.addImport('aws', '@pulumi/aws', '');
    }
    if (!a.imports.has('sst')) {
      a.addImport('sst', SST_PLATFORM_MODULE, '');
    }
  }
}

/**
 * SST v3 preloads the Pulumi AWS provider as the global namespace `aws` of `sst.config.ts` and of the infra files
 * its `run` loads, and its own components as the global `sst`, neither imported (https://sst.dev/docs/providers,
 * "Preloaded"; https://sst.dev/docs/reference/global).
 * Such a file references SST's platform types, calls `$config(...)`, or makes SST's own components (`new sst.aws.Vpc`).
 */
function isSstPlatformFile(text: string): boolean {
  return text.includes('sst') && (text.includes('.sst/platform/config.d.ts') || /\$config\s*\(|\bnew\s+sst\.aws\.[A-Z]/.test(text));
}

function esImport(a: CodeAnalyzer, start: number): void {
  // `import x = require('m')` is read with the other `require` calls.
  if (a.is(start + 2, '=')) {
    importAlias(a, start);
    return;
  }
  let j = start + 1;
  const limit = Math.min(a.tokens.length, start + 200);
  const specifiers: { local: string; path: string | undefined; namespace?: true }[] = [];
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
      specifiers.push({ local: a.id(j + 2)!, path: undefined, namespace: true });
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
  const { module, whole, exportAssigned } = jsModule(a.tokens.text(j));
  a.noteModule(module);
  // A project module's default export is its own name: the workspace tells it from the module itself (`import * as`).
  const defaultPath = /^\.\.?(?:\/|$)/.test(module) ? 'default' : whole;
  for (const specifier of specifiers) {
    const path = specifier.namespace ? (exportAssigned ? whole : '') : (specifier.path ?? defaultPath);
    a.addImport(specifier.local, module, path, start);
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
  const { module, whole } = jsModule(a.tokens.text(index + 2));
  a.noteModule(module);
  const dynamic = a.tokens.codes[index] === IMPORT;
  const assigned = dynamic && a.tokens.text(index - 1) === 'await' ? index - 1 : index;
  if (!a.is(assigned - 1, '=') || !a.is(index + 3, ')')) {
    return;
  }
  if (callsRequiredFactory(a, index)) {
    return;
  }
  const before = assigned - 2;
  if (a.id(before)) {
    a.addImport(a.id(before)!, module, dynamic ? '' : memberPath(a, index + 4, whole), index);
    return;
  }
  if (a.is(before, '}')) {
    const open = a.partner[before];
    for (let k = open + 1; k > 0 && k < before; k++) {
      const name = a.id(k);
      if (!name) {
        continue;
      }
      const path = dynamic && name === 'default' ? whole : name;
      if (a.is(k + 1, ':') && a.id(k + 2)) {
        a.addImport(a.id(k + 2)!, module, path, index);
        k += 2;
      } else {
        a.addImport(name, module, path, index);
      }
    }
  }
}

/**
 * `require('data-api-client')({...})` at `index`, or a client library's factory called where it is required
 * (`require('redis').createClient(url)`, `require('ioredis').createClient()`): the declaration holds what the
 * factory makes, not the module, and is left to the declaration's reading of the call; so is a project module's
 * member, or its export, called so (`require('../data-service/redis').createClient()`, `require('./store')()`),
 * which the chain reads in that module.
 */
export function callsRequiredFactory(a: CodeAnalyzer, index: number): boolean {
  const member = calledRequiredMember(a, index);
  const called = calledRequireModule(a, index);
  return called === DATA_API_CLIENT_MODULE || (called !== undefined && isProjectPath(called)) || (member !== undefined && (Object.hasOwn(JS_MODULES, jsModule(member).module) || isProjectPath(member)));
}

/**
 * The path of `require('m').A.B` from the module's whole: the members read off the call. A chain that goes
 * on into a call of a project module's member (`require('./db').getClient()`) is the whole.
 */
function memberPath(a: CodeAnalyzer, from: number, whole: string): string {
  let path = whole;
  let k = from;
  for (; a.isAccess(k) && a.isId(k + 1); k += 2) {
    path = path ? `${path}.${a.tokens.text(k + 1)}` : a.tokens.text(k + 1);
  }
  return a.is(k, '(') || a.is(k, '[') ? whole : path;
}

/**
 * TypeScript's `import DocumentClient = DynamoDB.DocumentClient;`: the alias names a member of an imported
 * name, so it is imported from the same module with the longer path. Anything else after `=` (a `require`,
 * read apart, or a name that is no import) binds nothing here.
 */
function importAlias(a: CodeAnalyzer, start: number): void {
  const local = a.id(start + 1);
  const first = a.id(start + 3);
  const imported = first !== undefined ? a.imports.get(first) : undefined;
  if (!local || !imported || !a.is(start + 4, '.')) {
    return;
  }
  let path = imported.path;
  for (let k = start + 4; a.is(k, '.') && a.isId(k + 1); k += 2) {
    path = path ? `${path}.${a.tokens.text(k + 1)}` : a.tokens.text(k + 1);
  }
  a.addImport(local, imported.module, path, start);
}
