/**
 * Project modules that stand in for the real ones in tests: under a test folder (`tests/`, `__mocks__/`,
 * `spec/`) or named as a double (`conftest.py`, `mocks.py`, `fake_redis.py`, `dynamo.mock.ts`,
 * `mockClients.ts`, test wiring such as `testInjector.ts`). What such a module gives is a fake, or a client wired
 * for a test: a file that imports it gets no hint from it, whether the workspace reads the module or the call's own
 * shape names the request.
 * So does a module a JavaScript test replaces (`jest.mock('../config/redis', () => ({ … }))`, `vi.mock`):
 * every name the file imports from it is the mock's.
 */
import { folderOf, joinPath } from '../workspace/paths';
import type { CodeAnalyzer } from './analyzer';
import { insideCallArguments } from './enclosingCalls';
import { perFile } from './fileMemo';
import { closeAngle } from './typeArguments';

/** Folders (and modules) that hold tests and their doubles, in lower case. */
const TEST_FOLDERS = new Set(['test', 'tests', '__tests__', '__mocks__', 'mock', 'mocks', 'fake', 'fakes', 'stubs', 'testing', 'spec', 'specs']);

/** Names of doubles, in lower case: `conftest`, `test_x`, `x_test`, `fake_x`, `x_mock`, `x.mock`, `x.spec`. */
const DOUBLE_NAME = /^(?:conftest|stub)$|^(?:test|mock|fake|stub)_|_(?:tests?|mocks?|fakes?)$|\.(?:test|spec|mocks?|fakes?)$/;

/** `mockRedis`, `fakeDynamo`, `testInjector`: a camel-case double or test wiring (case matters: `mockery` and `testament` are none). */
const CAMEL_DOUBLE = /^(?:mock|fake|stub|test)[A-Z]/;

/** What every name above holds: a path without any of these is no double, which one search tells. */
const MAYBE_DOUBLE = /test|mock|fake|stub|spec/i;

/** A variable named as a double (`ddbMock`, `fake_table`, `stubClient`, `spy`): what it holds is no real client. */
const DOUBLE_VARIABLE = /^(?:mock|fake|stub|spy)(?:[A-Z_]|$)|(?:Mock|Fake|Stub|Spy|_mock|_fake|_stub)$/;

export function isDoubleVariable(name: string): boolean {
  return DOUBLE_VARIABLE.test(name);
}

/** A name in a call that makes a double: a library (`mockredis`, `fakeredis`), a class (`FakeRedis`, `MagicMock`), a factory (`make_stub`). */
const DOUBLE_MAKER = /mock|fake|dummy|stub/i;

export function namesDoubleMaker(name: string): boolean {
  return DOUBLE_MAKER.test(name);
}

function isDoubleName(name: string): boolean {
  const lower = name.toLowerCase();
  return TEST_FOLDERS.has(lower) || DOUBLE_NAME.test(lower) || CAMEL_DOUBLE.test(name);
}

/** Whether a module, by the names of its path (folders, then the module without its extension), is a test double. */
function isTestDouble(parts: readonly string[]): boolean {
  return parts.some(isDoubleName);
}

/** A workspace file (`tests/fakes.py`, `src/__mocks__/dynamo.ts`) that is a test double. */
export function isTestDoubleFile(file: string): boolean {
  if (!MAYBE_DOUBLE.test(file)) {
    return false;
  }
  const parts = file.split('/');
  parts.push(parts.pop()!.replace(/\.[^.]*$/, ''));
  return isTestDouble(parts);
}

/**
 * The folders and module names an import leads to: a relative one from the folder of `fromFile` (the
 * importing file's workspace path, when known), any other as written.
 */
function importedParts(module: string, family: 'python' | 'js', fromFile: string | undefined): string[] {
  if (family === 'python') {
    const dots = module.length - module.replace(/^\.+/, '').length;
    const names = module.slice(dots).split('.').filter((name) => name !== '');
    // One dot is the file's own package, each further dot the package above.
    const folders = dots > 0 && fromFile !== undefined ? folderOf(fromFile).split('/').filter((name) => name !== '') : [];
    return [...folders.slice(0, Math.max(0, folders.length - (dots - 1))), ...names];
  }
  const joined = fromFile !== undefined && /^\.\.?(?:\/|$)/.test(module) ? joinPath(folderOf(fromFile), module) : undefined;
  return (joined ?? module).split('/').filter((name) => name !== '' && name !== '.' && name !== '..');
}

/**
 * An import of a test double: the module as the file names it (`tests.fakes`, `.mocks`, `../test/helpers/dynamo`,
 * `./setup` from a file in `test/`) and the name read from it (`fake_table`, `mockClient`, a Python submodule:
 * `from . import mocks`).
 */
export function isTestDoubleImport(module: string, path: string, family: 'python' | 'js', fromFile?: string): boolean {
  if (!MAYBE_DOUBLE.test(module) && !MAYBE_DOUBLE.test(path) && !(fromFile !== undefined && MAYBE_DOUBLE.test(fromFile))) {
    return false;
  }
  const parts = importedParts(module, family, fromFile);
  if (path !== '') {
    parts.push(...path.split('.'));
  }
  return isTestDouble(parts);
}

/** Objects whose calls replace a module for the test file that makes them: Jest's and Vitest's. */
const MOCKERS = new Set(['jest', 'vi']);
const MOCK_CALLS = new Set(['mock', 'doMock', 'setMock', 'unstable_mockModule']);

/** The modules each file replaces, read once per file. */
const mockedModules = new WeakMap<CodeAnalyzer, ReadonlySet<string>>();

/** A module as written, without what Node and TypeScript add: `../config/redis.js`, `../config/redis/index` and `../config/redis` are one. */
function moduleKey(module: string): string {
  return module.replace(/\.[cm]?[jt]sx?$/, '').replace(/\/index$/, '');
}

function readMocked(a: CodeAnalyzer): ReadonlySet<string> {
  const modules = new Set<string>();
  if (a.language.family !== 'js' || !a.text.includes('mock')) {
    return modules;
  }
  for (let k = 0; k + 4 < a.tokens.length; k++) {
    if (MOCKERS.has(a.id(k) ?? '') && a.isAccess(k + 1) && MOCK_CALLS.has(a.id(k + 2) ?? '') && a.is(k + 3, '(') && a.isString(k + 4)) {
      modules.add(moduleKey(a.tokens.text(k + 4)));
    }
  }
  return modules;
}

/** Whether a JavaScript file replaces the module it imports as `module` with a mock (`jest.mock('../config/redis')`). */
export function mocksModule(a: CodeAnalyzer, module: string): boolean {
  let modules = mockedModules.get(a);
  if (!modules) {
    modules = readMocked(a);
    mockedModules.set(a, modules);
  }
  return modules.size > 0 && modules.has(moduleKey(module));
}

/** Test files by name or folder (`tests/`, `test_orders.py`, `store.spec.ts`): their calls pass fakes and the values they assert on. */
const TEST_FILE = /(?:^|\/)(?:tests?|__tests__|spec)\/|(?:^|\/)(?:test_[^/]*|[^/]*_test)\.py$|\.(?:test|spec)\.[cm]?[jt]sx?$/;

export function isTestFilePath(file: string): boolean {
  return TEST_FILE.test(file);
}

/** FakeItEasy's `A.CallTo(() => fake.Method(...))` (and `CallToSet`), read only in C# files that write it (one search per file). */
const writesCallTo = perFile((a) => a.language.family === 'csharp' && a.text.includes('A.CallTo'));

/**
 * Whether the C# call whose receiver starts at `start` is a FakeItEasy call specification, the lambda given to
 * `A.CallTo(...)` to configure or assert a fake's method: "the expressions are not evaluated by FakeItEasy"
 * (https://fakeiteasy.github.io/docs/stable/specifying-a-call-to-configure/), so nothing is called there;
 * or an NSubstitute one (`substituteCallSpecification`).
 */
export function fakeCallSpecification(a: CodeAnalyzer, start: number): boolean {
  return (
    (writesCallTo(a) &&
      insideCallArguments(a, start, (name) => (a.idIs(name, 'CallTo') || a.idIs(name, 'CallToSet')) && a.isAccess(name - 1) && a.idIs(name - 2, 'A'))) ||
    substituteCallSpecification(a, start)
  );
}

/** NSubstitute, read only in C# files that name it (one search per file). */
const namesNSubstitute = perFile((a) => a.language.family === 'csharp' && a.text.includes('NSubstitute'));

/** NSubstitute's extensions that set what a substitute's call returns or throws. */
const SUBSTITUTE_RESULTS = new Set(['Returns', 'ReturnsForAnyArgs', 'ReturnsNull', 'ReturnsNullForAnyArgs', 'Throws', 'ThrowsForAnyArgs', 'ThrowsAsync', 'ThrowsAsyncForAnyArgs']);

/** How many tokens a receiver chain and its type arguments may span before the call's `(`. */
const MAX_CALL_REACH = 48;

/**
 * Whether the C# call whose receiver starts at `start` is an NSubstitute specification: a substitute's method
 * called only to set its result (`context.LoadAsync<Menu>(Arg.Any<string>()).Returns(menu)`). NSubstitute records
 * such a call as the one to configure and sends nothing (https://nsubstitute.github.io/help/set-return-value/).
 */
function substituteCallSpecification(a: CodeAnalyzer, start: number): boolean {
  if (!namesNSubstitute(a)) {
    return false;
  }
  let k = start;
  for (const limit = start + MAX_CALL_REACH; k < limit && k < a.tokens.length && !a.is(k, '('); k++) {
    if (a.is(k, '<')) {
      const close = closeAngle(a, k);
      if (close < 0) {
        return false;
      }
      k = close;
    } else if (!a.isId(k) && !a.isAccess(k)) {
      return false;
    }
  }
  const close = a.is(k, '(') ? a.partner[k] : -1;
  return close > k && a.isAccess(close + 1) && SUBSTITUTE_RESULTS.has(a.id(close + 2) ?? '') && a.is(close + 3, '(');
}
