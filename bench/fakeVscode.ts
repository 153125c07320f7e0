/**
 * Just enough of the `vscode` module for loading the built bundle and calling activate() in plain
 * Node: every API is a function that returns a disposable, every class an inert constructor.
 */
import Module from 'node:module';

const disposable = { dispose(): void {} };

function inert(): unknown {
  return new Proxy(function () {}, {
    get: (_target, key) => (key === 'dispose' ? () => undefined : key === 'then' ? undefined : inert()),
    apply: () => disposable,
    construct: () => inert() as object,
  });
}

export function installFakeVscode(): void {
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = loader._load;
  const fake = inert();
  loader._load = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? fake : original.call(this, request, ...rest);
  };
}

export function fakeContext(): unknown {
  return { subscriptions: [], extensionUri: inert(), globalState: inert(), workspaceState: inert() };
}
