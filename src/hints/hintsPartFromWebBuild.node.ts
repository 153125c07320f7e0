/**
 * The Node build's hints part in production builds (dist/hints.js): the part itself, the engine and its
 * rules, is read from the web build beside it (dist/browser/extension.js), where it is packed once for
 * both hosts, as the study catalog is (content/webBuildCatalog.node.ts, which reads both). Shipping a second, Brotli-packed
 * copy for Node took a third of the .vsix. The web build's part requires nothing but the VS Code API
 * (esbuild.mjs checks this), so the Node host runs it as the web worker host does, compiled under this
 * file's name. Unpacking it costs about 0.1 s once per window, after activation (registerHints.ts).
 */
import { runInThisContext } from 'node:vm';
import { unpackedFromWebBuild } from '../content/webBuildCatalog.node';
import { HINTS_PART_TAG } from '../content/webBuildPacks';
import type * as HintsPart from './hintsPart';

type PartModule = { exports: Partial<typeof HintsPart> };

function hintsPartFromWebBuild(): typeof HintsPart {
  const { text, file } = unpackedFromWebBuild(HINTS_PART_TAG, 'the design hints');
  const run = runInThisContext(`(function (module, exports, require) {${text}\n})`, { filename: __filename }) as (
    module: PartModule,
    exports: PartModule['exports'],
    require: (id: string) => unknown,
  ) => void;
  const part: PartModule = { exports: {} };
  run(part, part.exports, (id) => {
    if (id !== 'vscode') {
      throw new Error(`the hints part required ${id}`);
    }
    return require('vscode') as unknown;
  });
  if (typeof part.exports.startHints !== 'function') {
    throw new Error(`the design hints in ${file} cannot start: reinstall the extension`);
  }
  return part.exports as typeof HintsPart;
}

export const { startHints } = hintsPartFromWebBuild();
