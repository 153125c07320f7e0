/**
 * Whether a client a handler makes depends on the invocation: its construction names the handler's parameters or
 * a name bound inside the handler, unless that name only holds what every invocation reads alike (the process
 * environment, a .NET configuration object, Go's SDK configuration load, a settings loader of the file, a literal). Such a client cannot be made
 * once outside the handler as it is written, so making it per invocation is no finding.
 */
import { DAX_GO_CONFIG_LOADS } from '../daxClients';
import type { CodeAnalyzer } from './analyzer';
import { expressionEnd } from './braces';
import { eventSourceRead } from './eventSourceFields';
import { callsSettingsLoader } from './configurationLoaders';
import { convertedArgument } from './envConversions';
import type { Construction } from './handlerClients';
import { requestGlobal } from './invocationData';
import { goImportSpecs } from './languages/goPackageStructs';
/**
 * Whether the construction names the handler's parameters or a name bound inside it (what this invocation holds).
 * With `sdkConfigOptions`, a Go SDK configuration the function loads itself counts as made anew on each call whatever
 * its options name (`config.WithRegion(region)` of a maker's parameter): the caller's arguments are then read instead.
 */
export function dependsOnInvocation(a: CodeAnalyzer, made: Construction, params: number, end: number, sdkConfigOptions = false): boolean {
  return (
    namesInvocation(a, made.name + 1, made.end, params, end, true, sdkConfigOptions) ||
    (made.session !== undefined && namesInvocation(a, made.session[0], made.session[1], params, end, true, sdkConfigOptions))
  );
}

/**
 * Whether a name of [from, to) is bound in the handler (from `params` to `end`): a parameter, or a local
 * unless `locals` allows one that only reads the environment the function runs in (`region =
 * os.environ["REGION"]`), which every invocation of an execution environment shares; `'environment'` allows
 * such a read alone (not a configuration load, whose own options are read with it).
 */
function namesInvocation(a: CodeAnalyzer, from: number, to: number, params: number, end: number, locals: boolean | 'environment', sdkConfigOptions = false): boolean {
  for (let k = from; k < to; k++) {
    if (!a.isId(k) || a.isAccess(k - 1) || a.is(k + 1, ':') || a.is(k + 1, '=')) {
      continue;
    }
    // Where the event comes from (`req.RequestContext.DomainName`), the same source on every call.
    const source = eventSourceRead(a, k);
    if (source > k) {
      k = source - 1;
      continue;
    }
    const binding = a.scopes.lookup(a.tokens.text(k), k);
    // A name the expression declares itself (the parameter of Go's options function, `func(o *dynamodb.Options) {...}`) holds nothing of the call.
    const ownName = binding !== undefined && binding.token >= from && binding.token < to;
    const shared = (expression: number): boolean =>
      readsEnvironment(a, expression, params, end) ||
      defaultSessionRegion(a, expression) ||
      readsEventSource(a, expression, params, end) ||
      (locals === true &&
        (loadsGoSdkConfig(a, expression, params, end, sdkConfigOptions) ||
          readsConfiguration(a, expression, params, end) ||
          callsSettingsLoader(a, expression, (from, to) => !namesInvocation(a, from, to, params, end, false))));
    const alike = (): boolean => locals !== false && binding!.expression < 0 && goAssignedAlike(a, binding!.token, params, end, (expression) => shared(expression) || !namesInvocation(a, expression, expressionEnd(a, expression), params, end, false));
    if (binding && !ownName && !literalLocal(a, binding.expression) && !configurationParameter(a, binding.token, params) && binding.token >= params && binding.token < end && !(locals && shared(binding.expression)) && !alike() && !(locals === true && !inParameterList(a, binding.token, params) && derivedAlike(a, binding.expression, params, end))) {
      return true;
    }
    if (requestGlobal(a, k)) {
      return true;
    }
  }
  return false;
}

/** Locals followed back through one another at most (`config` from `endpoint` from `process.env`). */
const MAX_DERIVED_DEPTH = 2;
let derivedDepth = 0;

/** Whether the name at `token` is declared in the parameter list at `params` (its default is the caller's to override). */
function inParameterList(a: CodeAnalyzer, token: number, params: number): boolean {
  return a.is(params, '(') && token > params && token < a.partner[params];
}

/**
 * Whether a local's value, computed in place without a call (`const config = endpoint ? { endpoint } : { region }`),
 * names only what every invocation holds alike: literals, and locals that are alike themselves (`endpoint =
 * process.env.ENDPOINT`); read as the construction's own arguments are.
 */
function derivedAlike(a: CodeAnalyzer, expression: number, params: number, end: number): boolean {
  if (expression < 0 || derivedDepth >= MAX_DERIVED_DEPTH) {
    return false;
  }
  const to = expressionEnd(a, expression);
  for (let k = expression; k < to; k++) {
    if (a.is(k, '(') || a.idIs(k, 'await') || a.idIs(k, 'yield')) {
      return false;
    }
  }
  derivedDepth++;
  try {
    return !namesInvocation(a, expression, to, params, end, true);
  } finally {
    derivedDepth--;
  }
}

/** Assignments of a Go `var` read at most: more than a function's branches set. */
const MAX_GO_ASSIGNMENTS = 8;

/**
 * Go: a local declared with no value (`var cfg aws.Config`) and then set, alone or among others (`cfg, err =
 * config.LoadDefaultConfig(ctx)`, in each branch of an `if`), holds what its assignments give: alike for every call
 * when each is (`alike`), and there is one at least.
 */
function goAssignedAlike(a: CodeAnalyzer, token: number, params: number, end: number, alike: (expression: number) => boolean): boolean {
  // A parameter (`func h(ctx context.Context, cfg aws.Config)`) holds the caller's value, whatever is assigned later.
  const inParameters = a.is(params, '(') && token < a.partner[params];
  if (a.language.family !== 'go' || inParameters || !a.isId(token) || a.is(token + 1, '=') || a.is(token + 1, ':=') || !(a.idIs(token - 1, 'var') || a.is(token - 1, ','))) {
    return false;
  }
  const name = a.tokens.text(token);
  const scope = a.scopes.declaringScope(name, token);
  let assignments = 0;
  for (let k = token + 1; k < end; k++) {
    if (!a.idIs(k, name) || a.isAccess(k - 1) || a.scopes.declaringScope(name, k) !== scope) {
      continue;
    }
    // `cfg = ...` or `cfg, err = ...`: the names of the target list, then its `=`.
    let eq = k + 1;
    while (a.is(eq, ',') && a.isId(eq + 1)) {
      eq += 2;
    }
    if (!a.is(eq, '=') || !(a.startsLine(k) || a.is(k - 1, ','))) {
      continue;
    }
    if (++assignments > MAX_GO_ASSIGNMENTS || !alike(eq + 1)) {
      return false;
    }
  }
  return assignments > 0 && params >= 0;
}

/** Whether a local is bound to a string or number written in place (`region := "eu-west-1"`): the same on every call. */
function literalLocal(a: CodeAnalyzer, expression: number): boolean {
  return expression >= 0 && (a.isString(expression) || /^\d/.test(a.tokens.text(expression))) && expressionEnd(a, expression) === expression + 1;
}

/**
 * .NET configuration types: what an `IConfiguration` or `IOptions<T>` parameter gives is the application's settings,
 * the same for every request or instance (`ConnectionMultiplexer.Connect(configuration.GetConnectionString("Redis"))`).
 */
const CSHARP_CONFIGURATION_TYPES = new Set(['IConfiguration', 'IConfigurationRoot', 'IOptions', 'IOptionsMonitor', 'IOptionsSnapshot']);

/** Whether the binding at `token` is a C# parameter of the list at `params` declared with a configuration type. */
function configurationParameter(a: CodeAnalyzer, token: number, params: number): boolean {
  if (a.language.family !== 'csharp' || !a.is(params, '(') || token <= params || token >= a.partner[params]) {
    return false;
  }
  // `IOptions<RedisSettings> options`: the generic type's name stands before its arguments.
  let type = token - 1;
  if (a.is(type, '>')) {
    while (type > params && !a.is(type, '<')) {
      type--;
    }
    type--;
  }
  return CSHARP_CONFIGURATION_TYPES.has(a.id(type) ?? '') && !a.isAccess(type - 1);
}

/**
 * Whether a C# local's value is read from a configuration parameter and nothing else of the call
 * (`configuration.GetConnectionString("Redis")`, `RegionEndpoint.GetBySystemName(options.Value.Region)`).
 */
function readsConfiguration(a: CodeAnalyzer, start: number, params: number, end: number): boolean {
  if (a.language.family !== 'csharp' || start < 0) {
    return false;
  }
  const to = expressionEnd(a, start);
  let named = false;
  for (let k = start; k < to && !named; k++) {
    const binding = a.isId(k) && !a.isAccess(k - 1) ? a.scopes.lookup(a.tokens.text(k), k) : undefined;
    named = binding !== undefined && configurationParameter(a, binding.token, params);
  }
  return named && !namesInvocation(a, start, to, params, end, false);
}

/** Reads of the process environment: `os.environ[...]`, `os.getenv(...)`, `process.env.X`, Go's `os.Getenv(...)`, Java's `System.getenv(...)`. */
const ENVIRONMENT_READS: readonly (readonly [string, string])[] = [
  ['os', 'environ'],
  ['os', 'getenv'],
  ['process', 'env'],
  ['os', 'Getenv'],
  ['System', 'getenv'],
];

/**
 * Whether the value from `start` is a read of the environment alone (no name of the handler in it: `os.environ[event["key"]]`),
 * or such a read parsed by a conversion (`strconv.Atoi(os.Getenv("REDIS_DB"))`, `envConversions.ts`).
 */
function readsEnvironment(a: CodeAnalyzer, start: number, params: number, end: number): boolean {
  const read = start < 0 ? -1 : Math.max(convertedArgument(a, start), start);
  if (read < 0 || !ENVIRONMENT_READS.some(([root, member]) => a.idIs(read, root) && a.isAccess(read + 1) && a.idIs(read + 2, member))) {
    return false;
  }
  return !namesInvocation(a, read + 3, expressionEnd(a, start), params, end, false);
}

/** Whether the value from `start` reads where the event comes from and nothing else of the call (`strings.Split(req.RequestContext.DomainName, ".")[2]`). */
function readsEventSource(a: CodeAnalyzer, start: number, params: number, end: number): boolean {
  if (start < 0) {
    return false;
  }
  const to = expressionEnd(a, start);
  let source = false;
  for (let k = start; k < to && !source; k++) {
    source = a.isId(k) && eventSourceRead(a, k) > k;
  }
  return source && !namesInvocation(a, start, to, params, end, false);
}

/**
 * Whether the value from `start` is the Region of a default boto3 session (`boto3.session.Session().region_name`,
 * `boto3.Session().region_name`): read from the environment and configuration files, alike for every invocation.
 */
function defaultSessionRegion(a: CodeAnalyzer, start: number): boolean {
  if (a.language.family !== 'python' || start < 0) {
    return false;
  }
  let k = start;
  for (const step of ['boto3', 'session']) {
    if (a.idIs(k, step) && a.isAccess(k + 1)) {
      k += 2;
    }
  }
  return a.idIs(k, 'Session') && a.is(k + 1, '(') && a.partner[k + 1] === k + 2 && a.isAccess(k + 3) && a.idIs(k + 4, 'region_name') && expressionEnd(a, start) === k + 5;
}

/** Go's SDK configuration loads: the package path, its default name, the function, and whether a context comes first. */
const GO_SDK_CONFIG_LOADS: readonly (readonly [string, string, string, boolean])[] = [
  ['github.com/aws/aws-sdk-go-v2/config', 'config', 'LoadDefaultConfig', true],
  ['github.com/aws/aws-sdk-go/aws/session', 'session', 'NewSession', false],
  ['github.com/aws/aws-sdk-go/aws/session', 'session', 'NewSessionWithOptions', false],
  // Deprecated, and still in v1 handlers: a session without the error NewSession returns.
  ['github.com/aws/aws-sdk-go/aws/session', 'session', 'New', false],
  ...DAX_GO_CONFIG_LOADS,
];

const goConfigImports = new WeakMap<CodeAnalyzer, readonly (readonly [string, string])[]>();

/** The file's imports of Go's SDK configuration packages, with the name each goes by: read once per file, when asked. */
function goSdkConfigImports(a: CodeAnalyzer): readonly (readonly [string, string])[] {
  let found = goConfigImports.get(a);
  if (!found) {
    found = goImportSpecs(a).flatMap((spec) => GO_SDK_CONFIG_LOADS.filter(([path]) => path === spec.path).slice(0, 1).map(([path, name]) => [path, spec.alias ?? name] as const));
    goConfigImports.set(a, found);
  }
  return found;
}

/**
 * Whether the value from `start` is Go's shared SDK configuration (`config.LoadDefaultConfig(ctx)`,
 * `session.Must(session.NewSession())`), the same for every invocation unless its options name the invocation's
 * data: a client built from it is made anew on each call for nothing. The context is the load's own.
 */
function loadsGoSdkConfig(a: CodeAnalyzer, start: number, params: number, end: number, anyOptions: boolean): boolean {
  if (a.language.family !== 'go' || start < 0 || !a.isId(start) || !a.isAccess(start + 1)) {
    return false;
  }
  if (a.idIs(start + 2, 'Must') && a.is(start + 3, '(')) {
    start += 4;
  }
  const open = start + 3;
  const alias = a.tokens.text(start);
  const load = GO_SDK_CONFIG_LOADS.find(([path, , name]) => a.idIs(start + 2, name) && goSdkConfigImports(a).some(([imported, as]) => imported === path && as === alias));
  if (!load || !a.is(open, '(') || a.partner[open] < 0 || !a.isAccess(start + 1)) {
    return false;
  }
  let from = open + 1;
  const close = a.partner[open];
  if (load[3]) {
    while (from < close && !a.is(from, ',')) {
      from = a.partner[from] > from ? a.partner[from] + 1 : from + 1;
    }
  }
  // `session.NewSession(&aws.Config{Endpoint: aws.String(endpoint)})` after `endpoint := os.Getenv(...)`: the same for every call.
  return anyOptions || !namesInvocation(a, from, close, params, end, 'environment');
}
