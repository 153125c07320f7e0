/**
 * ASGI apps that Mangum adapts to AWS Lambda (`handler = Mangum(app)`, `mangum.Mangum(app)`): each HTTP request
 * reaches one of the app's routes inside a Lambda invocation, so a route's body runs once per invocation, as a
 * handler's does, and what it opens (a client, a database connection) is opened again on every invocation.
 */
import type { CodeAnalyzer } from './analyzer';
import { perFile } from './fileMemo';
import { decoratedWith } from './languages/pythonDecorators';
import { tokensNamed } from './tokenIndex';

/** The route decorators of FastAPI and Starlette apps (`@app.get("/orders")`, `@app.route(...)`). */
const ROUTE_DECORATORS = new Set(['route', 'api_route', 'get', 'post', 'put', 'patch', 'delete', 'head', 'options']);

/** The names of the module's apps that a `Mangum(...)` of the `mangum` package takes as its first argument. */
const mangumApps = perFile((a: CodeAnalyzer): ReadonlySet<string> => {
  const apps = new Set<string>();
  if (!a.text.includes('Mangum')) {
    return apps;
  }
  for (const k of tokensNamed(a, 'Mangum')) {
    const qualified = a.isAccess(k - 1);
    const module = qualified ? (a.idIs(k - 2, 'mangum') && !a.isAccess(k - 3) ? a.imports.get('mangum') : undefined) : a.imports.get('Mangum');
    const first = k + 2;
    if (module?.module !== 'mangum' || !a.is(k + 1, '(') || !a.isId(first) || !(a.is(first + 1, ')') || a.is(first + 1, ','))) {
      continue;
    }
    apps.add(a.tokens.text(first));
  }
  return apps;
});

/** Whether the `def` at `def` is a route of an app the module hands to Mangum (`@app.post("/clients")` above it). */
export function isMangumRoute(a: CodeAnalyzer, def: number): boolean {
  const apps = mangumApps(a);
  return (
    apps.size > 0 &&
    decoratedWith(a, def, (k) => a.is(k + 1, '(') && ROUTE_DECORATORS.has(a.tokens.text(k)) && a.isAccess(k - 1) && apps.has(a.tokens.text(k - 2)) && !a.isAccess(k - 3))
  );
}
