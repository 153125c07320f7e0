/**
 * The packages of a JavaScript monorepo (npm, yarn and pnpm workspaces, Turborepo, SST): a `package.json`
 * names its folder, so that `import { redis } from '@project/shared'` in another package reaches the files
 * Node would load through the workspace's `node_modules` link (https://nodejs.org/api/packages.html):
 * the `exports` map when there is one (subpath patterns included), else `types`, `module` or `main` for the
 * package itself and the subpath as a path under its folder. An entry that points into the build output
 * (the `outDir` of the package's tsconfig; without one `dist`, `lib` or `build`, where tsc, Babel and bundlers
 * write by convention) also names the source it is compiled from (`src/index.ts`, the `rootDir`). Packages
 * under `node_modules` are never the workspace's own.
 */
import { readJson } from '../iac/json';
import { IacNode, lastValueOf } from '../iac/tree';
import { LineIndex } from '../text';
import { readModuleAliases } from './moduleAliases';
import { folderOf, isWithin, joinPath } from './paths';
import { PackageManifest } from './types';

/** Subpaths and targets kept from one manifest: far past real packages, and they bound each look-up. */
const MAX_SUBPATHS = 256;
const MAX_TARGETS = 8;
const MAX_PATH_LENGTH = 512;
/** Nested conditions (`{ "import": { "types": … } }`) read at most this deep. */
const MAX_CONDITION_DEPTH = 4;
/** npm's limit on a package name. */
const MAX_NAME_LENGTH = 214;
/** Fields that name the package's own entry when it has no `exports`, in the order TypeScript and bundlers prefer. */
const ENTRY_FIELDS = ['types', 'typings', 'module', 'main'];
/** Declaration files name the module they declare: `dist/index.d.ts` is `dist/index`. */
const DECLARATION = /\.d\.(?:ts|mts|cts)$/;

/** A relative path a manifest may point to (`./dist/index.js`, `lib/main.js`), without its leading `./`. */
function targetOf(node: IacNode | undefined): string | undefined {
  const value = node?.kind === 'scalar' && node.literal.kind === 'str' ? node.literal.value : undefined;
  if (value === undefined || value.length === 0 || value.length > MAX_PATH_LENGTH || /^(?:\/|\w+:)/.test(value)) {
    return undefined;
  }
  return value.replace(/^\.\//, '');
}

/** Every path a conditional export may give (`import`, `require`, `types`, `default`, nested or in a list): the workspace's files tell which exist. */
function conditionTargets(node: IacNode, depth: number, into: string[]): void {
  if (into.length >= MAX_TARGETS || depth > MAX_CONDITION_DEPTH) {
    return;
  }
  if (node.kind === 'scalar') {
    const target = targetOf(node);
    if (target !== undefined) {
      into.push(target);
    }
  } else if (node.kind === 'list') {
    node.items.forEach((item) => conditionTargets(item, depth + 1, into));
  } else if (node.kind === 'map') {
    node.entries.forEach(({ value }) => conditionTargets(value, depth + 1, into));
  }
}

/** The `exports` field as subpaths (`.`, `./db`, `./*`) to targets; a string or a map of conditions is the package itself. */
function readExports(node: IacNode): Record<string, string[]> {
  const subpaths: Record<string, string[]> = {};
  const entries = node.kind === 'map' ? node.entries : [];
  if (node.kind !== 'map' || !entries.some(({ key }) => key.startsWith('.'))) {
    const targets: string[] = [];
    conditionTargets(node, 0, targets);
    subpaths['.'] = targets;
    return subpaths;
  }
  for (const { key, value } of entries) {
    if (Object.keys(subpaths).length >= MAX_SUBPATHS) {
      break;
    }
    if (key.startsWith('.') && key.length <= MAX_PATH_LENGTH && !Object.hasOwn(subpaths, key)) {
      const targets: string[] = [];
      conditionTargets(value, 0, targets);
      subpaths[key] = targets;
    }
  }
  return subpaths;
}

/** What a `package.json` tells about importing its package; undefined when it names no package. */
export function readPackageJson(text: string): PackageManifest | undefined {
  const root = readJson(text, new LineIndex(text)).root;
  const nameNode = lastValueOf(root, 'name');
  const name = nameNode?.kind === 'scalar' && nameNode.literal.kind === 'str' ? nameNode.literal.value : undefined;
  if (root?.kind !== 'map' || name === undefined || name.length > MAX_NAME_LENGTH || !/^(?:@[\w.~-]+\/)?[\w.~-]+$/.test(name) || name.startsWith('.')) {
    return undefined;
  }
  const manifest: PackageManifest = { name, entries: ENTRY_FIELDS.flatMap((field) => targetOf(lastValueOf(root, field)) ?? []) };
  const exported = lastValueOf(root, 'exports');
  if (exported && !(exported.kind === 'scalar' && exported.literal.kind === 'none')) {
    manifest.exports = readExports(exported);
  }
  const aliases = readModuleAliases(root);
  if (aliases) {
    manifest.moduleAliases = aliases;
  }
  return manifest;
}

/** The targets of the subpath pattern Node picks: an exact key, else the `*` pattern with the longest prefix. */
function exportTargets(exports: Record<string, string[]>, subpath: string): string[] {
  if (Object.hasOwn(exports, subpath)) {
    return exports[subpath];
  }
  let best: { targets: string[]; captured: string; prefix: number } | undefined;
  for (const [pattern, targets] of Object.entries(exports)) {
    const star = pattern.indexOf('*');
    if (star < 0 || pattern.indexOf('*', star + 1) >= 0 || (best && star <= best.prefix)) {
      continue;
    }
    const prefix = pattern.slice(0, star);
    const suffix = pattern.slice(star + 1);
    if (subpath.length >= prefix.length + suffix.length && subpath.startsWith(prefix) && subpath.endsWith(suffix)) {
      best = { targets, captured: subpath.slice(prefix.length, subpath.length - suffix.length), prefix: star };
    }
  }
  return best ? best.targets.map((target) => target.split('*').join(best.captured)) : [];
}

/** Build output folders a package without a tsconfig `outDir` may import from (`main: "lib/index.js"` built by `babel src --out-dir lib`). */
const CONVENTIONAL_OUT_DIRS = ['dist', 'lib', 'build'];

interface WorkspacePackage {
  folder: string;
  manifest: PackageManifest;
  /** Where the package's build output goes and the sources it is built from, as its tsconfig says (or the conventional folders and `src`). */
  outDirs: string[];
  rootDir: string;
}

/** The packages of the workspace by name: which folder a bare import names. */
export class WorkspacePackages {
  private readonly byName = new Map<string, WorkspacePackage[]>();

  /** `manifests`: the `package.json` files by path; `buildDirs`: the output and source folders a folder's tsconfig names, as workspace paths. */
  constructor(manifests: ReadonlyMap<string, PackageManifest>, buildDirs: (folder: string) => { outDir?: string; rootDir?: string }) {
    manifests.forEach((manifest, file) => {
      if (/(?:^|\/)node_modules\//.test(file)) {
        return;
      }
      const folder = folderOf(file);
      const dirs = buildDirs(folder);
      const outDirs = dirs.outDir !== undefined ? [dirs.outDir] : CONVENTIONAL_OUT_DIRS.flatMap((name) => joinPath(folder, name) ?? []);
      const rootDir = dirs.rootDir ?? joinPath(folder, 'src');
      if (outDirs.length === 0 || rootDir === undefined) {
        return;
      }
      const known = this.byName.get(manifest.name) ?? [];
      known.push({ folder, manifest, outDirs, rootDir });
      this.byName.set(manifest.name, known);
    });
  }

  /** The paths without extension (or with a script extension) that a bare `specifier` may name; undefined when no workspace package has its name. */
  bases(specifier: string): string[] | undefined {
    const match = /^((?:@[^/]+\/)?[^/]+)(?:\/(.+))?$/.exec(specifier);
    const packages = match ? this.byName.get(match[1]) : undefined;
    if (!match || !packages) {
      return undefined;
    }
    const subpath = match[2] ?? '';
    return packages.flatMap((pkg) => {
      const { manifest } = pkg;
      const targets = manifest.exports ? exportTargets(manifest.exports, subpath === '' ? '.' : `./${subpath}`) : subpath !== '' ? [subpath] : manifest.entries.length > 0 ? manifest.entries : ['index'];
      return targets.flatMap((target) => this.sourcesOf(pkg, target.replace(DECLARATION, '')));
    });
  }

  /** A target under the package's folder, and the source it is compiled from when it lies in the build output. */
  private sourcesOf(pkg: WorkspacePackage, target: string): string[] {
    const joined = joinPath(pkg.folder, target);
    if (joined === undefined || joined === pkg.folder || !isWithin(pkg.folder, joined)) {
      return [];
    }
    const outDir = pkg.outDirs.find((dir) => joined.startsWith(`${dir}/`));
    const built = outDir === undefined ? undefined : joined.slice(outDir.length + 1);
    const source = built === undefined || pkg.rootDir === outDir ? undefined : joinPath(pkg.rootDir, built);
    return source === undefined ? [joined] : [joined, source];
  }
}
