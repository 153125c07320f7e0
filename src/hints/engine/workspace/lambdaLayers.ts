/**
 * Lambda layers a Node.js function imports by absolute path. Lambda unpacks a layer's content under `/opt`
 * (https://docs.aws.amazon.com/lambda/latest/dg/packaging-layers.html), so a handler takes a layer's own
 * module as `require('/opt/nodejs/database')`; the project keeps that module in a layer folder of its own
 * (`layers/common/nodejs/database.js`, Amplify's `amplify/backend/function/<layer>/lib/nodejs/database.js`).
 * Such an import names the module below every `nodejs` folder of the workspace, and, as for any import, only
 * an answer all of them agree on counts. A Python layer's modules sit below its `python` folder, which Lambda puts
 * on the import path (`/opt/python`): a handler imports them by their plain name (`from common.db import table`).
 */

/** The absolute path a Node.js layer's modules are required by. */
const LAYER_MODULE = '/opt/nodejs/';
/** The folders that hold a layer's modules by runtime: Lambda puts `/opt/nodejs/node_modules` and `/opt/python` on the paths it searches. */
type LayerRuntime = 'nodejs' | 'python';
/** Layer folders read: far past the layers one project has. A workspace with more resolves no layer import. */
const MAX_LAYER_FOLDERS = 64;

/** The `nodejs` or `python` folder a workspace file lies below (the deepest, outside `node_modules`), or undefined. */
function layerFolderOf(file: string, runtime: LayerRuntime): string | undefined {
  if (!file.includes(`${runtime}/`) || file.includes('node_modules/')) {
    return undefined;
  }
  const at = file.lastIndexOf(`/${runtime}/`);
  return at >= 0 ? file.slice(0, at + runtime.length + 1) : file.startsWith(`${runtime}/`) ? runtime : undefined;
}

/** The layer folders of the workspace's files, gathered file by file; none past `MAX_LAYER_FOLDERS`, where an answer could leave a disagreeing one out. */
export class LayerFolders {
  private readonly found = new Set<string>();

  constructor(private readonly runtime: LayerRuntime) {}

  add(file: string): void {
    const folder = layerFolderOf(file, this.runtime);
    if (folder !== undefined) {
      this.addFolder(folder);
    }
  }

  /** A folder whose content a build puts in the runtime's folder of a layer (a SAM layer's `ContentUri`). */
  addFolder(folder: string): void {
    if (this.found.size <= MAX_LAYER_FOLDERS) {
      this.found.add(folder);
    }
  }

  folders(): string[] {
    return this.found.size > MAX_LAYER_FOLDERS ? [] : [...this.found];
  }
}

/** The paths without extension `/opt/nodejs/<path>` may name: `<path>` below each layer folder; undefined for another module. */
export function layerBases(folders: readonly string[], specifier: string): string[] | undefined {
  if (!specifier.startsWith(LAYER_MODULE) || folders.length === 0) {
    return undefined;
  }
  const rest = specifier.slice(LAYER_MODULE.length);
  if (rest === '' || rest.split('/').some((part) => part === '' || part === '.' || part === '..')) {
    return undefined;
  }
  return folders.map((folder) => `${folder}/${rest}`);
}

/** Whether a module is a layer's, as `/opt/nodejs/<path>` (no other absolute path is a workspace module). */
export function isLayerModule(module: string): boolean {
  return module.startsWith(LAYER_MODULE) && module.length > LAYER_MODULE.length;
}

/** A deep import with its script extension written (`libs/db-lib/index.mjs`), as ES modules name a file. */
const DEEP_FILE_IMPORT = /^[\w][\w.-]*(?:\/[\w.-]+)+\.(?:mjs|cjs|js)$/;

/**
 * The paths a bare deep import of a file (`import { post } from 'libs/db-lib/index.mjs'`) may name: that path
 * below each folder the importing file lies in, nearest first. Node finds such a module in a `node_modules`
 * folder, and a function's layer puts its modules in `/opt/nodejs/node_modules`, built from a folder of the
 * project that the import names from its own folder up (`functionStack/libs/db-lib/index.mjs`). Undefined for
 * a package's name or a path without its extension, which an installed package may answer.
 */
export function deepFileBases(folders: readonly string[], specifier: string): string[] | undefined {
  if (!DEEP_FILE_IMPORT.test(specifier) || specifier.split('/').some((part) => part === '.' || part === '..')) {
    return undefined;
  }
  return folders.map((folder) => (folder === '' ? specifier : `${folder}/${specifier}`));
}
