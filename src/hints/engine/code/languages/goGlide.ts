/**
 * Valkey GLIDE for Go: its clients as Redis clients of the flavor `glide-sync` (each command waits for its reply),
 * and the options of the configuration a client is made with. As its sources define them
 * (github.com/valkey-io/valkey-glide, go/glide_client.go, go/config/config.go):
 * - v2 (`github.com/valkey-io/valkey-glide/go/v2`, package `glide`): `glide.NewClient(cfg)` and `NewClusterClient(cfg)`
 *   make a `*glide.Client` and a `*glide.ClusterClient`; v1 (`.../go/api`, package `api`): `api.NewGlideClient(cfg)` and
 *   `NewGlideClusterClient(cfg)`, of the interfaces `GlideClientCommands` and `GlideClusterClientCommands`.
 * - The configuration is a builder from `config.NewClientConfiguration()` (v1: `api.NewGlideClientConfiguration()`):
 *   `WithUseTLS(true)` turns TLS on (off unless set), `WithCredentials(NewServerCredentials(username, password))` (or
 *   `NewServerCredentialsWithDefaultUsername(password)`) sends AUTH.
 */
import { OptionContext } from '../../model';
import type { CodeAnalyzer } from '../analyzer';
import { segments } from '../braces';
import { contextFrom, positionalOption } from '../options';
import { Value } from '../values';
import type { GoClientLibrary, GoImport } from './goLibrary';

/** The service its packages stand for in `goPackages`. */
const GLIDE_GO = 'glide';

const IMPORT_PATH = /^github\.com\/valkey-io\/valkey-glide\/go(?:\/v2)?(\/api|\/config)?$/;

/** What importing GLIDE's client, v1 `api` or v2 `config` package brings in. */
function glideGoImport(path: string): GoImport | undefined {
  const match = IMPORT_PATH.exec(path);
  return match ? { service: GLIDE_GO, name: match[1] ? match[1].slice(1) : 'glide' } : undefined;
}

const CLIENT: Value = { t: 'client', kind: 'redis', flavor: 'glide-sync' };
const CLIENT_TYPES = new Set(['Client', 'ClusterClient', 'GlideClient', 'GlideClusterClient', 'GlideClientCommands', 'GlideClusterClientCommands']);
const FACTORIES = new Set(['NewClient', 'NewClusterClient', 'NewGlideClient', 'NewGlideClusterClient']);
const CONFIGURATIONS = new Set(['NewClientConfiguration', 'NewClusterClientConfiguration', 'NewGlideClientConfiguration', 'NewGlideClusterClientConfiguration']);

/** `*glide.Client`, `api.GlideClientCommands` as a declared type. */
function glideGoType(type: string): Value | undefined {
  return CLIENT_TYPES.has(type) ? CLIENT : undefined;
}

/** What a package function gives: `NewClient` and its kin a client. */
function glideGoResult(name: string): Value | undefined {
  return FACTORIES.has(name) ? CLIENT : undefined;
}

/** How many builder steps are read: more than any configuration has. */
const MAX_STEPS = 32;

/**
 * `glide.NewClient(cfg)` at the name token: the options of the configuration, written in the argument as one
 * builder chain (`config.NewClientConfiguration().WithAddress(...).WithUseTLS(true)`) or held by a variable of the
 * function declared with one, with the steps the code adds to it before the call (`cfg.WithCredentials(...)`, under
 * an `if` or not). A configuration the code does not show leaves the options unknown.
 */
function glideGoPackageCall(a: CodeAnalyzer, nameIndex: number): void {
  const open = nameIndex + 1;
  if (!FACTORIES.has(a.tokens.text(nameIndex)) || !a.is(open, '(') || a.partner[open] < 0) {
    return;
  }
  const [start, end] = segments(a, open)[0] ?? [-1, -1];
  const context: OptionContext = { kind: 'redis-client', type: 'glide-sync', options: [], complete: true, anchor: a.tokenSpan(nameIndex) };
  if (start >= 0 && a.isId(start) && end === start + 1) {
    const binding = a.scopes.lookup(a.tokens.text(start), start);
    if (!binding || binding.expression < 0 || !builderSteps(a, binding.expression, context)) {
      return;
    }
    // `cfg.WithCredentials(...)` statements between the declaration and the call.
    for (let k = binding.expression; k < start; k++) {
      if (a.idIs(k, a.tokens.text(start)) && a.scopes.lookup(a.tokens.text(k), k) === binding && a.isAccess(k + 1) && !a.isAccess(k - 1)) {
        builderSteps(a, k, context);
      }
    }
  } else if (start < 0 || !builderSteps(a, start, context)) {
    return;
  }
  a.contexts.push(context);
}

/**
 * The options of a builder chain from `from` (a `pkg.NewClientConfiguration()` call or a name that holds one): each
 * `WithX(value)` step as option `X`, and the password of the credentials given. Whether the chain is a configuration.
 */
function builderSteps(a: CodeAnalyzer, from: number, context: OptionContext): boolean {
  let k = from;
  if (a.isId(k) && a.isAccess(k + 1) && a.isId(k + 2) && CONFIGURATIONS.has(a.tokens.text(k + 2)) && a.is(k + 3, '(')) {
    if (a.goPackages.get(a.tokens.text(k)) !== GLIDE_GO) {
      return false;
    }
    k = a.partner[k + 3] + 1;
  } else if (a.isId(k) && a.isAccess(k + 1)) {
    k += 1;
  } else {
    return false;
  }
  for (let steps = 0; steps < MAX_STEPS && a.isAccess(k) && a.isId(k + 1) && a.is(k + 2, '(') && a.partner[k + 2] > k; steps++) {
    const name = a.tokens.text(k + 1);
    const [start, end] = segments(a, k + 2)[0] ?? [-1, -1];
    if (name.startsWith('With') && start >= 0) {
      const option = positionalOption(a, start, end, name.slice('With'.length));
      context.options.push(option);
      if (name === 'WithCredentials') {
        context.options.push(...credentialOptions(a, start, end));
      } else if (name === 'WithAddress') {
        context.options.push(...addressHost(a, end));
      }
    }
    k = a.partner[k + 2] + 1;
  }
  return true;
}

/** The host of `&config.NodeAddress{Host: "localhost"}`: a local server, which the TLS rules leave alone. */
function addressHost(a: CodeAnalyzer, end: number): OptionContext['options'] {
  const brace = end - 1;
  const literal = a.is(brace, '}') ? a.partner[brace] : -1;
  if (literal < 0 || !a.idIs(literal - 1, 'NodeAddress')) {
    return [];
  }
  return contextFrom(a, literal, brace, 'redis-client', 'glide-sync', a.tokenSpan(literal - 1)).options.filter((option) => option.norm === 'host');
}

/** The password of `config.NewServerCredentials(username, password)` or `NewServerCredentialsWithDefaultUsername(password)`. */
function credentialOptions(a: CodeAnalyzer, start: number, end: number): OptionContext['options'] {
  const name = start + 2;
  const open = name + 1;
  if (!a.isId(start) || !a.isAccess(start + 1) || !a.is(open, '(') || a.partner[open] + 1 !== end) {
    return [];
  }
  const position = a.idIs(name, 'NewServerCredentials') ? 1 : a.idIs(name, 'NewServerCredentialsWithDefaultUsername') ? 0 : -1;
  const [first, stop] = segments(a, open)[position] ?? [-1, -1];
  return first >= 0 ? [positionalOption(a, first, stop, 'password')] : [];
}

/** Valkey GLIDE for Go, to the Go analyzer (`goLibrary.ts`). */
export const GLIDE_LIBRARY: GoClientLibrary = {
  services: [GLIDE_GO],
  importOf: glideGoImport,
  clientType: glideGoType,
  factoryResult: glideGoResult,
  packageCall: glideGoPackageCall,
};
