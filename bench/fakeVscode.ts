/**
 * Just enough of the `vscode` module for loading the built bundle and calling activate() in plain
 * Node: every API is a function that returns a disposable, every class an inert constructor.
 */
import Module from 'node:module';

/** Anything: callable, constructible, disposable; `get(key, fallback)` (configuration) answers the fallback. */
function inert(): unknown {
  return new Proxy(function () {}, {
    get: (_target, key) => {
      switch (key) {
        case 'dispose':
          return () => undefined;
        case 'then':
          return undefined;
        case 'get':
          return (_key: string, fallback: unknown) => fallback;
        default:
          return inert();
      }
    },
    set: () => true,
    apply: () => inert(),
    construct: () => inert() as object,
  });
}

/** The namespaces and classes activate() may touch; esbuild's interop copies a module's own keys. */
const API_NAMES = [
  'commands', 'window', 'workspace', 'env', 'l10n', 'languages', 'extensions', 'Uri', 'EventEmitter', 'ThemeIcon',
  'TreeItem', 'TreeItemCollapsibleState', 'Disposable', 'ViewColumn', 'StatusBarAlignment', 'MarkdownString', 'Range',
  'Position', 'Diagnostic', 'DiagnosticSeverity', 'CodeAction', 'CodeActionKind', 'WorkspaceEdit', 'Hover',
  'ProgressLocation', 'RelativePattern', 'CancellationTokenSource', 'ConfigurationTarget', 'QuickPickItemKind',
];

export function installFakeVscode(): void {
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = loader._load;
  const fake = Object.fromEntries(API_NAMES.map((name) => [name, inert()]));
  // Status-bar text is built from translated strings at activation.
  fake.l10n = { t: (message: string, ...args: unknown[]) => message.replace(/\{(\d+)\}/g, (_match, index: string) => String(args[Number(index)])) };
  loader._load = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? fake : original.call(this, request, ...rest);
  };
}

export function fakeContext(): unknown {
  return { subscriptions: [], extensionUri: inert(), globalState: inert(), workspaceState: inert() };
}
