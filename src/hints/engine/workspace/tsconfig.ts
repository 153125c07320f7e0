/**
 * TypeScript's path aliases: a `tsconfig.json`'s `compilerOptions.baseUrl` and `paths`, read so that an
 * import such as `@libs/db` maps to the workspace files TypeScript would look in
 * (https://www.typescriptlang.org/tsconfig/#paths). The nearest `tsconfig.json` above the importing file
 * decides, else a JavaScript project's `jsconfig.json` of that folder, which is a tsconfig with `allowJs`
 * (https://code.visualstudio.com/docs/languages/jsconfig); its `extends` of a relative config is followed one level. Only certain answers count: an
 * alias whose targets the workspace does not hold resolves to nothing, never to a package of the same name.
 * An import no alias maps may name a package of the workspace itself (`packages.ts`), as Node finds it.
 */
import { readJson } from '../iac/json';
import { IacNode, lastValueOf } from '../iac/tree';
import { LineIndex } from '../text';
import { folderOf, foldersUp, joinPath } from './paths';
import { deepFileBases, layerBases, LayerFolders } from './lambdaLayers';
import { ModuleAliases } from './moduleAliases';
import { WorkspacePackages } from './packages';
import { FileContribution, PackageManifest, TsconfigFile } from './types';

/** Patterns and targets kept from one file: far past real configs, and they bound each look-up. */
const MAX_PATTERNS = 256;
const MAX_TARGETS = 8;
const MAX_PATH_LENGTH = 512;

/** A map's entry by key; the last one, as `JSON.parse` keeps it. */
/** The path of a folder's own `tsconfig.json`. */
function configFileIn(folder: string): string {
  return folder === '' ? 'tsconfig.json' : `${folder}/tsconfig.json`;
}

function jsconfigIn(folder: string): string {
  return folder === '' ? 'jsconfig.json' : `${folder}/jsconfig.json`;
}

function isPath(value: string): boolean {
  return value.length > 0 && value.length <= MAX_PATH_LENGTH;
}

/** A string scalar that can be a path. */
function pathOf(node: IacNode | undefined): string | undefined {
  const value = node?.kind === 'scalar' && node.literal.kind === 'str' ? node.literal.value : undefined;
  return value !== undefined && isPath(value) ? value : undefined;
}

/** What a `tsconfig*.json` tells about module resolution; undefined when it is no JSON object. Read as JSONC, as TypeScript does. */
export function readTsconfig(text: string): TsconfigFile | undefined {
  const root = readJson(text, new LineIndex(text)).root;
  if (root?.kind !== 'map') {
    return undefined;
  }
  const config: TsconfigFile = {};
  const extended = pathOf(lastValueOf(root, 'extends'));
  if (extended !== undefined) {
    config.extends = extended;
  }
  const options = lastValueOf(root, 'compilerOptions');
  const baseUrl = pathOf(lastValueOf(options, 'baseUrl'));
  if (baseUrl !== undefined) {
    config.baseUrl = baseUrl;
  }
  for (const key of ['outDir', 'rootDir'] as const) {
    const dir = pathOf(lastValueOf(options, key));
    if (dir !== undefined) {
      config[key] = dir;
    }
  }
  const written = lastValueOf(options, 'paths');
  if (written?.kind === 'map') {
    const paths: Record<string, string[]> = {};
    for (const { key: pattern, value: targets } of written.entries) {
      if (Object.keys(paths).length >= MAX_PATTERNS && !Object.hasOwn(paths, pattern)) {
        break;
      }
      if (pattern !== '__proto__' && isPath(pattern) && targets.kind === 'list') {
        paths[pattern] = targets.items.slice(0, MAX_TARGETS).flatMap((target) => pathOf(target) ?? []);
      }
    }
    config.paths = paths;
  }
  return config;
}

/** The folder `paths` targets are written from, and the patterns; or the `baseUrl` alone. */
interface Resolution {
  baseUrl?: string;
  paths?: { root: string; patterns: Record<string, string[]> };
}

function stars(text: string): number {
  return text.split('*').length - 1;
}

/** The path aliases of the tsconfig files among the workspace's contributions, the packages its `package.json` files name, and its Lambda layer folders. */
export function tsconfigPathsOf(contributions: ReadonlyMap<string, { contribution: FileContribution }>): TsconfigPaths {
  const configs = new Map<string, TsconfigFile>();
  const manifests = new Map<string, PackageManifest>();
  const layers = new LayerFolders('nodejs');
  const pythonLayers = new LayerFolders('python');
  contributions.forEach(({ contribution }, file) => {
    layers.add(file);
    pythonLayers.add(file);
    contribution.pythonLayerRoots?.forEach((root) => pythonLayers.addFolder(root));
    if (contribution.tsconfig) {
      configs.set(file, contribution.tsconfig);
    }
    if (contribution.packageJson) {
      manifests.set(file, contribution.packageJson);
    }
  });
  return new TsconfigPaths(configs, manifests, layers.folders(), pythonLayers.folders());
}

/** The tsconfig files of the workspace, by path: which files a non-relative import may name. */
export class TsconfigPaths {
  /** Per `tsconfig.json`: how it resolves (null: it cannot, e.g. a `baseUrl` outside the workspace). */
  private readonly resolutions = new Map<string, Resolution | null>();
  private readonly packages: WorkspacePackages;
  private readonly aliases: ModuleAliases;

  constructor(
    private readonly configs: ReadonlyMap<string, TsconfigFile>,
    manifests: ReadonlyMap<string, PackageManifest> = new Map(),
    /** The workspace's Lambda layer folders (`lambdaLayers.ts`), where `/opt/nodejs/…` leads. */
    private readonly layers: readonly string[] = [],
    /** The workspace's Python layer folders (`layers/common/python`), where a Python handler's absolute imports also lead. */
    readonly pythonLayers: readonly string[] = [],
  ) {
    this.packages = new WorkspacePackages(manifests, (folder) => this.buildDirs(folder));
    this.aliases = new ModuleAliases(manifests);
  }

  /**
   * The paths without extension that `specifier`, imported by `codeFile`, may name, in TypeScript's order;
   * undefined when nothing maps it. A matching `paths` pattern decides alone: its targets, or nothing. Then an
   * alias of module-alias (`moduleAliases.ts`), and a Lambda layer's `/opt/nodejs/…`, below each layer folder. Past the `baseUrl`, a workspace package of that
   * name (the workspace's files tell which of the two exists); with neither, a bare import of a file by its path and
   * extension below the folders the file lies in (`deepFileBases`).
   */
  bases(codeFile: string, specifier: string): string[] | undefined {
    const config = this.configs.size === 0 ? undefined : this.nearestConfig(codeFile);
    const resolution = config === undefined ? undefined : this.resolution(config);
    const inPackages = this.packages.bases(specifier);
    // A config read only in part may hold aliases, yet none would map a workspace package's own name away from it.
    if (resolution === null) {
      return inPackages;
    }
    const mapped = resolution?.paths && this.mapped(resolution.paths, specifier);
    if (mapped) {
      return mapped;
    }
    const aliased = this.aliases.bases(codeFile, specifier);
    if (aliased) {
      return aliased;
    }
    const layer = layerBases(this.layers, specifier);
    if (layer) {
      return layer;
    }
    const underBase = resolution?.baseUrl === undefined ? undefined : joinPath(resolution.baseUrl, specifier);
    return underBase || inPackages ? [...(underBase ? [underBase] : []), ...(inPackages ?? [])] : deepFileBases(foldersUp(folderOf(codeFile)), specifier);
  }

  /** The nearest folder's `tsconfig.json`, else its `jsconfig.json` (a JavaScript project's, which TypeScript reads the same way). */
  private nearestConfig(codeFile: string): string | undefined {
    return foldersUp(folderOf(codeFile))
      .flatMap((folder) => [configFileIn(folder), jsconfigIn(folder)])
      .find((file) => this.configs.has(file));
  }

  /** The `outDir` and `rootDir` of a folder's own `tsconfig.json` (or the config it extends), as workspace paths. */
  private buildDirs(folder: string): { outDir?: string; rootDir?: string } {
    const file = configFileIn(folder);
    const own = this.configs.get(file);
    if (!own) {
      return {};
    }
    const extended = this.extended(file, own);
    const base = extended === undefined ? undefined : this.configs.get(extended);
    const dir = (key: 'outDir' | 'rootDir'): string | undefined => {
      const written = own[key] !== undefined ? { from: folder, path: own[key] } : base?.[key] !== undefined ? { from: folderOf(extended!), path: base[key] } : undefined;
      return written && joinPath(written.from, written.path);
    };
    const outDir = dir('outDir');
    const rootDir = dir('rootDir');
    return { ...(outDir !== undefined ? { outDir } : {}), ...(rootDir !== undefined ? { rootDir } : {}) };
  }

  /** The targets of the pattern TypeScript picks for `specifier`: an exact one, else the wildcard with the longest prefix. */
  private mapped(paths: { root: string; patterns: Record<string, string[]> }, specifier: string): string[] | undefined {
    let targets: readonly string[] | undefined;
    let captured = '';
    let longest = -1;
    for (const [pattern, patternTargets] of Object.entries(paths.patterns)) {
      const count = stars(pattern);
      if (count === 0 && pattern === specifier) {
        targets = patternTargets;
        captured = '';
        break;
      }
      const star = pattern.indexOf('*');
      if (count !== 1 || star <= longest) {
        continue;
      }
      const prefix = pattern.slice(0, star);
      const suffix = pattern.slice(star + 1);
      if (specifier.length >= prefix.length + suffix.length && specifier.startsWith(prefix) && specifier.endsWith(suffix)) {
        targets = patternTargets;
        captured = specifier.slice(prefix.length, specifier.length - suffix.length);
        longest = star;
      }
    }
    if (!targets) {
      return undefined;
    }
    return targets.flatMap((target) => {
      const count = stars(target);
      const path = count === 0 ? target : count === 1 ? target.replace('*', captured) : undefined;
      const joined = path === undefined ? undefined : joinPath(paths.root, path);
      return joined ? [joined] : [];
    });
  }

  /** How a `tsconfig.json` resolves, its own options before those of the config it extends. */
  private resolution(file: string): Resolution | null {
    let resolution = this.resolutions.get(file);
    if (resolution === undefined) {
      const own = this.configs.get(file)!;
      const folder = folderOf(file);
      const extended = this.extended(file, own);
      const base = extended === undefined ? undefined : this.configs.get(extended);
      const baseFolder = extended === undefined ? '' : folderOf(extended);
      const baseUrl = own.baseUrl !== undefined ? joinPath(folder, own.baseUrl) : base?.baseUrl !== undefined ? joinPath(baseFolder, base.baseUrl) : undefined;
      const writtenUrl = own.baseUrl ?? base?.baseUrl;
      const patterns = own.paths ?? base?.paths;
      // Without a `baseUrl`, targets are written from the folder of the config that holds `paths`.
      const pathsFolder = own.paths ? folder : baseFolder;
      const unreadBase = own.extends !== undefined && base === undefined && own.paths === undefined;
      if ((writtenUrl !== undefined && baseUrl === undefined) || unreadBase) {
        resolution = null;
      } else {
        resolution = {
          ...(baseUrl !== undefined ? { baseUrl } : {}),
          ...(patterns ? { paths: { root: baseUrl ?? pathsFolder, patterns } } : {}),
        };
      }
      this.resolutions.set(file, resolution);
    }
    return resolution;
  }

  /** The workspace config a config extends by a relative path (`./tsconfig.base.json`, `../tsconfig.base`), if the model holds it. */
  private extended(file: string, config: TsconfigFile): string | undefined {
    const written = config.extends;
    if (written === undefined || !/^\.\.?\//.test(written)) {
      return undefined;
    }
    const joined = joinPath(folderOf(file), written.toLowerCase().endsWith('.json') ? written : `${written}.json`);
    return joined !== undefined && joined !== file && this.configs.has(joined) ? joined : undefined;
  }
}
