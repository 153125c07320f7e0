/**
 * Chalice apps and blueprints (`app = Chalice(app_name="shop")`, `routes = Blueprint(__name__)`): Chalice deploys
 * an app's routes as one Lambda function behind API Gateway, so each request to a route is an invocation and a
 * route's body runs once per invocation, as a handler's does (https://aws.github.io/chalice/topics/routing,
 * https://aws.github.io/chalice/topics/blueprints). A blueprint's routes, registered on the app in another module,
 * run in that same function.
 */
import type { CodeAnalyzer } from './analyzer';
import { perFile } from './fileMemo';
import { decoratedWith } from './languages/pythonDecorators';
import { tokensNamed } from './tokenIndex';

/** The classes of the `chalice` package whose instances take routes. */
const ROUTE_OWNERS = ['Chalice', 'Blueprint'];

/** The names the module binds at its top level to a `Chalice(...)` or `Blueprint(...)` of the `chalice` package. */
const chaliceApps = perFile((a: CodeAnalyzer): ReadonlySet<string> => {
  const apps = new Set<string>();
  if (!a.text.includes('chalice')) {
    return apps;
  }
  for (const owner of ROUTE_OWNERS) {
    for (const k of tokensNamed(a, owner)) {
      const qualified = a.isAccess(k - 1);
      const module = qualified ? (a.idIs(k - 2, 'chalice') && !a.isAccess(k - 3) ? a.imports.get('chalice') : undefined) : a.imports.get(owner);
      const call = qualified ? k - 2 : k;
      if (module?.module !== 'chalice' || !a.is(k + 1, '(') || !a.is(call - 1, '=') || !a.isId(call - 2) || a.isAccess(call - 3)) {
        continue;
      }
      if (a.scopes.enclosing(call, ['function', 'class']) < 0) {
        apps.add(a.tokens.text(call - 2));
      }
    }
  }
  return apps;
});

/** Whether the `def` at `def` is a route of a Chalice app or blueprint of the module (`@app.route("/orders")` above it). */
export function isChaliceRoute(a: CodeAnalyzer, def: number): boolean {
  const apps = chaliceApps(a);
  return apps.size > 0 && decoratedWith(a, def, (k) => a.idIs(k, 'route') && a.is(k + 1, '(') && a.isAccess(k - 1) && apps.has(a.tokens.text(k - 2)) && !a.isAccess(k - 3));
}
