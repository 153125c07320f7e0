/**
 * The Node build's parts in production builds (dist/hints.js, dist/study.js): each part itself is read from the web
 * build beside it (dist/browser/extension.js), where it is packed once for both hosts, as the study catalog is
 * (webBuildCatalog.node.ts). Shipping second, Node-only copies took a third of the .vsix and most of the Node host's
 * JavaScript budget. A web build's part requires nothing but the VS Code API and what `modules` answers (esbuild.mjs
 * checks this), so the Node host runs it as the web worker host does, compiled under the loader's file name.
 */
import { runInThisContext } from 'node:vm';
import { unpackedFromWebBuild } from './webBuildCatalog.node';

type PartModule<T> = { exports: Partial<T> };

/**
 * Runs the web build's part behind `tag` and gives its exports, once `ready` says they are whole; `what` names the part
 * in the error a damaged install gets, `filename` the file its stack traces name, and `modules` answers its requires
 * other than `vscode`.
 */
export function runWebBuildPart<T>(tag: string, what: string, filename: string, ready: (exports: Partial<T>) => boolean, modules: Readonly<Record<string, unknown>> = {}): T {
  const { text, file } = unpackedFromWebBuild(tag, what);
  const run = runInThisContext(`(function (module, exports, require) {${text}\n})`, { filename }) as (
    module: PartModule<T>,
    exports: PartModule<T>['exports'],
    require: (id: string) => unknown,
  ) => void;
  const part: PartModule<T> = { exports: {} };
  run(part, part.exports, (id) => {
    if (Object.hasOwn(modules, id)) {
      return modules[id];
    }
    if (id !== 'vscode') {
      throw new Error(`${what} required ${id}`);
    }
    return require('vscode') as unknown;
  });
  if (!ready(part.exports)) {
    throw new Error(`${what} in ${file} cannot start: reinstall the extension`);
  }
  return part.exports as T;
}
