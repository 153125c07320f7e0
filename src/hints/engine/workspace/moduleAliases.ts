/**
 * The `module-alias` package's aliases: a `package.json`'s `_moduleAliases` (`"@services": "src/services"`),
 * which `require('module-alias/register')` installs so that `require('@services/aws')` loads
 * `src/services/aws` (https://github.com/ilearnio/module-alias#usage). Targets are written from the folder of
 * that `package.json`; an alias names a module by itself or as the start of a path (`@models`, `@models/User`).
 * The nearest `package.json` above a file that declares aliases decides, as the one the app registers.
 */
import { IacNode, lastValueOf } from '../iac/tree';
import { folderOf, foldersUp, joinPath } from './paths';
import { PackageManifest } from './types';

/** Aliases kept from one manifest: far past real apps, and they bound each look-up. */
const MAX_ALIASES = 64;
const MAX_PATH_LENGTH = 512;

/** The `_moduleAliases` map of a `package.json` root, as alias to target; undefined for none. */
export function readModuleAliases(root: IacNode | undefined): Record<string, string> | undefined {
  const field = lastValueOf(root, '_moduleAliases');
  if (field?.kind !== 'map') {
    return undefined;
  }
  const aliases: Record<string, string> = {};
  for (const { key, value } of field.entries.slice(0, MAX_ALIASES)) {
    const target = value.kind === 'scalar' && value.literal.kind === 'str' ? value.literal.value : undefined;
    if (key !== '__proto__' && key.length > 0 && key.length <= MAX_PATH_LENGTH && target !== undefined && target.length <= MAX_PATH_LENGTH) {
      aliases[key] = target;
    }
  }
  return Object.keys(aliases).length > 0 ? aliases : undefined;
}

/** The module aliases of the workspace's `package.json` files, by folder. */
export class ModuleAliases {
  private readonly byFolder = new Map<string, Record<string, string>>();

  constructor(manifests: ReadonlyMap<string, PackageManifest>) {
    manifests.forEach((manifest, file) => {
      if (manifest.moduleAliases && !/(?:^|\/)node_modules\//.test(file)) {
        this.byFolder.set(folderOf(file), manifest.moduleAliases);
      }
    });
  }

  /** The path without extension that `specifier`, required by `codeFile`, names through an alias; undefined when no alias maps it. */
  bases(codeFile: string, specifier: string): string[] | undefined {
    if (this.byFolder.size === 0) {
      return undefined;
    }
    const folder = foldersUp(folderOf(codeFile)).find((each) => this.byFolder.has(each));
    const aliases = folder === undefined ? undefined : this.byFolder.get(folder)!;
    // The longest alias that is the whole specifier or its start before a `/`.
    let best: string | undefined;
    for (const alias of Object.keys(aliases ?? {})) {
      if ((specifier === alias || specifier.startsWith(`${alias}/`)) && (best === undefined || alias.length > best.length)) {
        best = alias;
      }
    }
    if (best === undefined) {
      return undefined;
    }
    const joined = joinPath(folder!, `${aliases![best]}${specifier.slice(best.length)}`);
    return joined === undefined ? undefined : [joined];
  }
}
