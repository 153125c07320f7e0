/**
 * Test code: a test, a set-up or tear-down that a test framework runs around each test, a benchmark (Go's
 * `BenchmarkX`, a JMH `@Benchmark`, a BenchmarkDotNet `[Benchmark]`, which repeats one command to time it), any code of a Go
 * `_test.go` file (which `go build` ignores: only `go test` compiles it, helpers included), or a file that imports
 * a Testcontainers library (its clients talk to containers it starts and throws away, whatever the file's name:
 * `internal/test/containers.go` with a `FlushAll` helper the tests call), or a JavaScript function that refuses to
 * run outside tests (`if (!isTest) throw ...`). There a FLUSHALL resets a disposable
 * server and a loop seeds it, which is what such code is for; the server-load rules (`redis-keys`,
 * `redis-flush`, `redis-loop-round-trips`) say nothing of it. Hovers stay.
 */
import type { CodeAnalyzer } from './analyzer';
import { perFile } from './fileMemo';
import { FunctionScope } from './language';

/** JUnit 4 and 5, TestNG; JMH's benchmarks. */
const JAVA_ANNOTATIONS = new Set([
  'Test', 'Benchmark', 'ParameterizedTest', 'RepeatedTest', 'BeforeEach', 'AfterEach', 'BeforeAll', 'AfterAll',
  'Before', 'After', 'BeforeClass', 'AfterClass', 'BeforeMethod', 'AfterMethod',
]);
/** xUnit, NUnit, MSTest; BenchmarkDotNet's benchmarks and their set-ups. */
const CSHARP_ATTRIBUTES = new Set([
  'Fact', 'Theory', 'Test', 'TestCase', 'SetUp', 'TearDown', 'OneTimeSetUp', 'OneTimeTearDown',
  'TestMethod', 'TestInitialize', 'TestCleanup', 'ClassInitialize', 'ClassCleanup',
  'Benchmark', 'GlobalSetup', 'GlobalCleanup', 'IterationSetup', 'IterationCleanup',
]);
/** Jest, Mocha, Vitest, node:test: functions passed to these run as tests or around them. */
const JS_TEST_CALLS = new Set(['it', 'test', 'beforeEach', 'afterEach', 'beforeAll', 'afterAll', 'before', 'after']);
/** Ginkgo: function literals passed to these run as specs or around them (`BeforeEach(func() { ... })`). */
const GINKGO_CALLS = new Set([
  'It', 'Specify', 'BeforeEach', 'AfterEach', 'JustBeforeEach', 'JustAfterEach', 'BeforeAll', 'AfterAll',
  'BeforeSuite', 'AfterSuite', 'SynchronizedBeforeSuite', 'SynchronizedAfterSuite', 'DeferCleanup',
]);
/** unittest and pytest set-up and tear-down methods; `test_*` functions are tests. */
const PYTHON_FIXTURE_NAMES = new Set([
  'setUp', 'tearDown', 'setUpClass', 'tearDownClass', 'asyncSetUp', 'asyncTearDown', 'setup_method',
  'teardown_method', 'setup_function', 'teardown_function', 'setup_class', 'teardown_class',
]);
/** How far back from a method's name its annotations or attributes may start. */
const MEMBER_LOOKBACK = 40;
/**
 * Testcontainers modules as import strings name them: Go (`github.com/testcontainers/testcontainers-go`, its
 * `modules/redis`) and Node (`testcontainers`, `@testcontainers/redis`).
 */
const TESTCONTAINERS_MODULE = /^(?:github\.com\/testcontainers\/|@testcontainers\/|testcontainers(?:\/|$))/;
/** Statements that name a package by dotted names: Python `from`/`import`, Java `import`, C# `using`. */
const IMPORT_KEYWORDS = new Set(['import', 'from', 'using']);
/** How far back along its line a dotted package name may start (`import static org.testcontainers...`). */
const IMPORT_LOOKBACK = 16;

/** Whether a token runs inside a test or a test set-up or tear-down, in any function around it, or in a Testcontainers file. */
export function inTestCode(a: CodeAnalyzer, token: number): boolean {
  if (a.testOnlyFile || importsTestcontainers(a)) {
    return true;
  }
  for (let scope = a.scopes.scopeAt(token); scope > 0; scope = a.scopes.parent(scope)) {
    const fn = a.scopes.kind(scope) === 'function' ? a.functions.get(scope) : undefined;
    if (fn && isTestFunction(a, fn)) {
      return true;
    }
  }
  return false;
}

/**
 * Whether the file imports a Testcontainers library: a module string (Go, Node) or the dotted package name of
 * an import statement (Python `from testcontainers.redis import ...`, Java `org.testcontainers`, C#
 * `Testcontainers.Redis`, `DotNet.Testcontainers`). Read once per file.
 */
const importsTestcontainers = perFile((a) => /testcontainers/i.test(a.text) && namesTestcontainers(a));

function namesTestcontainers(a: CodeAnalyzer): boolean {
  for (let k = 0; k < a.tokens.length; k++) {
    if (a.isString(k) ? TESTCONTAINERS_MODULE.test(a.tokens.text(k)) : a.isId(k) && a.tokens.text(k).toLowerCase() === 'testcontainers' && inImportStatement(a, k)) {
      return true;
    }
  }
  return false;
}

/** Whether the line of a token starts with `import`, `from` or `using`, within a few tokens back. */
function inImportStatement(a: CodeAnalyzer, token: number): boolean {
  let k = token;
  for (let steps = 0; k > 0 && !a.startsLine(k) && steps < IMPORT_LOOKBACK; steps++) {
    k--;
  }
  return a.startsLine(k) && IMPORT_KEYWORDS.has(a.id(k) ?? '');
}

function isTestFunction(a: CodeAnalyzer, fn: FunctionScope): boolean {
  switch (a.language.family) {
    case 'js':
      return passedToTestCall(a, fn) || refusedOutsideTests(a, fn);
    case 'python':
      return pythonTest(a, fn.params);
    case 'go':
      return (a.is(fn.params, '(') && /^(?:Test|Benchmark|Fuzz)(?:[A-Z_0-9]|$)/.test(a.id(fn.params - 1) ?? '') && a.idIs(fn.params - 2, 'func')) || passedToGinkgo(a, fn) || takesTestingHandle(a, fn);
    case 'java':
      return a.is(fn.params, '(') && a.isId(fn.params - 1) && memberMarked(a, fn.params - 1, (k) => a.is(k - 1, '@') && JAVA_ANNOTATIONS.has(a.tokens.text(k)));
    case 'csharp':
      return a.is(fn.params, '(') && a.isId(fn.params - 1) && memberMarked(a, fn.params - 1, (k) => (a.is(k - 1, '[') || a.is(k - 1, ',')) && CSHARP_ATTRIBUTES.has(a.tokens.text(k)));
    default:
      return false;
  }
}

/**
 * `beforeEach(async () => { ... })`, `it('reads', function () { ... })`, or a function of the file passed to one
 * by name (`const wipe = async () => { ... }` then `beforeEach(wipe)`).
 */
function passedToTestCall(a: CodeAnalyzer, fn: FunctionScope): boolean {
  const open = a.parent[a.scopes.range(fn.scope)[0]];
  if (open > 0 && a.is(open, '(') && isTestCall(a, open)) {
    return true;
  }
  const name = declaredName(a, fn.params);
  return name !== undefined && namesPassedToTestCalls(a).has(name);
}

function isTestCall(a: CodeAnalyzer, open: number): boolean {
  return JS_TEST_CALLS.has(a.id(open - 1) ?? '') && !a.isAccess(open - 2);
}

/** Words of a flag that says the code runs under tests: `isTest`, `IS_TEST`, `config.isTestEnv`, `runningTests`, `TESTING`. */
const TEST_WORDS = new Set(['test', 'tests', 'testing']);

function isTestFlag(name: string): boolean {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().split('_').some((word) => TEST_WORDS.has(word));
}

/**
 * A function that refuses to run outside tests: its body opens with `if (!isTest) throw ...` or `if
 * (process.env.NODE_ENV !== 'test') throw ...` (a package's `flushRedis()` for its test suites to reset with).
 */
function refusedOutsideTests(a: CodeAnalyzer, fn: FunctionScope): boolean {
  const open = fn.body + 2;
  if (fn.body < 0 || !a.is(fn.body, '{') || !a.idIs(fn.body + 1, 'if') || !a.is(open, '(')) {
    return false;
  }
  const close = a.partner[open];
  const thrown = a.is(close + 1, '{') ? close + 2 : close + 1;
  if (close < 0 || !a.idIs(thrown, 'throw')) {
    return false;
  }
  // `!flag`, the whole condition.
  if (a.is(open + 1, '!') && isTestFlag(a.id(close - 1) ?? '') && a.dottedPath(open + 2).end === close) {
    return true;
  }
  // `env !== 'test'` or `'test' !== env`, the whole condition.
  const test = (k: number) => a.isString(k) && /^['"`]test['"`]$/.test(a.tokens.text(k));
  const pathEnd = a.dottedPath(open + 1).end;
  return (pathEnd > open + 1 && inequalityEnd(a, pathEnd) + 1 === close && test(close - 1)) || (test(open + 1) && a.dottedPath(inequalityEnd(a, open + 2)).end === close);
}

/** The token after an inequality operator at `k` (`!=`, `!==`), or -1. */
function inequalityEnd(a: CodeAnalyzer, k: number): number {
  if (!a.is(k, '!=')) {
    return -1;
  }
  return a.is(k + 1, '=') ? k + 2 : k + 1;
}

/** The name a function is declared with: `function wipe(`, `const wipe = (`, `const wipe = async (`, `const wipe = async function (`. */
function declaredName(a: CodeAnalyzer, params: number): string | undefined {
  let k = a.idIs(params - 1, 'function') ? params - 2 : params - 1;
  if (a.isId(k) && a.idIs(k - 1, 'function')) {
    return a.tokens.text(k);
  }
  k = a.idIs(k, 'async') ? k - 1 : k;
  return a.is(k, '=') && a.isId(k - 1) && (a.idIs(k - 2, 'const') || a.idIs(k - 2, 'let')) ? a.tokens.text(k - 1) : undefined;
}

/** A test call given a plain name (`beforeEach(wipe)`, `it('reads', check)`): the text test that spares other files the token walk. */
const NAME_PASSED_TO_TEST_CALL = /(?<![.\w$])(?:it|test|beforeEach|afterEach|beforeAll|afterAll|before|after)\s*\((?:\s*(?:'[^'\n]*'|"[^"\n]*"|`[^`\n]*`)\s*,)?\s*[A-Za-z_$][\w$]*\s*[,)]/;

/** Per file, the names a test call is given as an argument of its own: `beforeEach(wipe)`, `afterAll(close)`, `it('reads', check)`. */
const namesPassedToTestCalls = perFile((a) => {
  const names = new Set<string>();
  if (!NAME_PASSED_TO_TEST_CALL.test(a.text)) {
    return names;
  }
  for (let k = 1; k < a.tokens.length; k++) {
    if (a.is(k, '(') && isTestCall(a, k)) {
      const close = a.partner[k];
      for (let arg = k + 1; close > k && arg < close; arg = a.skipGroup(arg)) {
        if (a.isId(arg) && a.parent[arg] === k && (a.is(arg - 1, '(') || a.is(arg - 1, ',')) && (a.is(arg + 1, ')') || a.is(arg + 1, ','))) {
          names.add(a.tokens.text(arg));
        }
      }
    }
  }
  return names;
});

/** The `testing` package's handles a Go test helper takes: `t *testing.T`, `b *testing.B`, `f *testing.F`, `tb testing.TB`. */
const GO_TESTING_HANDLES = new Set(['T', 'B', 'F', 'TB']);

/** A Go test helper (`func seed(ctx context.Context, t *testing.T, ...)`): only tests can call it. */
function takesTestingHandle(a: CodeAnalyzer, fn: FunctionScope): boolean {
  const close = a.is(fn.params, '(') ? a.partner[fn.params] : -1;
  for (let k = fn.params + 1; k < close - 2; k++) {
    if (a.idIs(k, 'testing') && a.isAccess(k + 1) && GO_TESTING_HANDLES.has(a.id(k + 2) ?? '')) {
      return true;
    }
  }
  return false;
}

/** `BeforeEach(func() { ... })`, `It("reads", func(ctx SpecContext) { ... })`: a function literal among the call's arguments. */
function passedToGinkgo(a: CodeAnalyzer, fn: FunctionScope): boolean {
  const open = a.parent[a.scopes.range(fn.scope)[0]];
  return open > 0 && a.is(open, '(') && GINKGO_CALLS.has(a.id(open - 1) ?? '') && !a.isAccess(open - 2);
}

/** `def test_reads(...)`, `def setUp(self)`, or a function under `@pytest.fixture` / `@fixture`. */
function pythonTest(a: CodeAnalyzer, params: number): boolean {
  const name = a.is(params, '(') && a.idIs(params - 2, 'def') ? a.id(params - 1) : undefined;
  if (!name) {
    return false;
  }
  if (name.startsWith('test_') || name === 'test' || PYTHON_FIXTURE_NAMES.has(name)) {
    return true;
  }
  // Decorator lines just above the `def` (or `async def`).
  for (let k = params - 3, steps = 0; k >= 0 && steps < MEMBER_LOOKBACK; k--, steps++) {
    if (a.idIs(k, 'fixture') && (a.is(k - 1, '@') || (a.is(k - 1, '.') && a.is(k - 3, '@')))) {
      return true;
    }
    if (a.startsLine(k) && !a.is(k, '@') && !a.idIs(k, 'async')) {
      return false;
    }
  }
  return false;
}

/**
 * Whether the member whose name is at `name` carries a marker among the tokens before it, back to the end
 * of the previous member (`;`, `}`) or the class body's `{`.
 */
function memberMarked(a: CodeAnalyzer, name: number, marker: (k: number) => boolean): boolean {
  for (let k = name - 1, steps = 0; k >= 0 && steps < MEMBER_LOOKBACK; k--, steps++) {
    if (a.is(k, ';') || a.is(k, '{') || a.is(k, '}')) {
      return false;
    }
    if (a.is(k, ')') || a.is(k, ']')) {
      // Annotation arguments (`@Timeout(5)`) and attribute lists (`[Fact, Trait("a", "b")]`): look inside the brackets too.
      if (a.is(k, ']') && a.partner[k] >= 0 && hasMarkerInside(a, a.partner[k], k, marker)) {
        return true;
      }
      k = a.partner[k] >= 0 ? a.partner[k] : k;
      continue;
    }
    if (a.isId(k) && marker(k)) {
      return true;
    }
  }
  return false;
}

function hasMarkerInside(a: CodeAnalyzer, open: number, close: number, marker: (k: number) => boolean): boolean {
  for (let k = open + 1; k < close; k = a.skipGroup(k)) {
    if (a.isId(k) && marker(k)) {
      return true;
    }
  }
  return false;
}
