/**
 * Test code: a test, or a set-up or tear-down that a test framework runs around each test. There a FLUSHALL
 * resets a disposable server and a loop seeds it, which is what such code is for; the server-load rules
 * (`redis-keys`, `redis-flush`, `redis-loop-round-trips`) say nothing of it. Hovers stay.
 */
import type { CodeAnalyzer } from './analyzer';
import { FunctionScope } from './language';

/** JUnit 4 and 5, TestNG. */
const JAVA_ANNOTATIONS = new Set([
  'Test', 'ParameterizedTest', 'RepeatedTest', 'BeforeEach', 'AfterEach', 'BeforeAll', 'AfterAll',
  'Before', 'After', 'BeforeClass', 'AfterClass', 'BeforeMethod', 'AfterMethod',
]);
/** xUnit, NUnit, MSTest. */
const CSHARP_ATTRIBUTES = new Set([
  'Fact', 'Theory', 'Test', 'TestCase', 'SetUp', 'TearDown', 'OneTimeSetUp', 'OneTimeTearDown',
  'TestMethod', 'TestInitialize', 'TestCleanup', 'ClassInitialize', 'ClassCleanup',
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

/** Whether a token runs inside a test or a test set-up or tear-down, in any function around it. */
export function inTestCode(a: CodeAnalyzer, token: number): boolean {
  for (let scope = a.scopes.scopeAt(token); scope > 0; scope = a.scopes.parent(scope)) {
    const fn = a.scopes.kind(scope) === 'function' ? a.functions.get(scope) : undefined;
    if (fn && isTestFunction(a, fn)) {
      return true;
    }
  }
  return false;
}

function isTestFunction(a: CodeAnalyzer, fn: FunctionScope): boolean {
  switch (a.language.family) {
    case 'js':
      return passedToTestCall(a, fn);
    case 'python':
      return pythonTest(a, fn.params);
    case 'go':
      return (a.is(fn.params, '(') && /^(?:Test|Benchmark|Fuzz)(?:[A-Z_0-9]|$)/.test(a.id(fn.params - 1) ?? '') && a.idIs(fn.params - 2, 'func')) || passedToGinkgo(a, fn);
    case 'java':
      return a.is(fn.params, '(') && a.isId(fn.params - 1) && memberMarked(a, fn.params - 1, (k) => a.is(k - 1, '@') && JAVA_ANNOTATIONS.has(a.tokens.text(k)));
    case 'csharp':
      return a.is(fn.params, '(') && a.isId(fn.params - 1) && memberMarked(a, fn.params - 1, (k) => (a.is(k - 1, '[') || a.is(k - 1, ',')) && CSHARP_ATTRIBUTES.has(a.tokens.text(k)));
    default:
      return false;
  }
}

/** `beforeEach(async () => { ... })`, `it('reads', function () { ... })`. */
function passedToTestCall(a: CodeAnalyzer, fn: FunctionScope): boolean {
  const open = a.parent[a.scopes.range(fn.scope)[0]];
  return open > 0 && a.is(open, '(') && JS_TEST_CALLS.has(a.id(open - 1) ?? '') && !a.isAccess(open - 2);
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
