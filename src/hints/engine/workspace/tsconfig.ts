/**
 * TypeScript's path aliases: a `tsconfig.json`'s `compilerOptions.baseUrl` and `paths`, read so that an
 * import such as `@libs/db` maps to the workspace files TypeScript would look in
 * (https://www.typescriptlang.org/tsconfig/#paths). The nearest `tsconfig.json` above the importing file
 * decides; its `extends` of a relative config is followed one level. Only certain answers count: an
 * alias whose targets the workspace does not hold resolves to nothing, never to a package of the same name.
 */
import { folderOf, foldersUp, joinPath } from './paths';
import { TsconfigFile } from './types';

/** Patterns and targets kept from one file: far past real configs, and they bound each look-up. */
const MAX_PATTERNS = 256;
const MAX_TARGETS = 8;
const MAX_PATH_LENGTH = 512;

const SLASH = 47;
const STAR = 42;
const QUOTE = 34;
const BACKSLASH = 92;
const NEWLINE = 10;

/**
 * JSON with comments and trailing commas, as TypeScript reads its configs, made plain JSON in one pass:
 * comments become spaces, a comma before `}` or `]` goes.
 */
function plainJson(text: string): string {
  const out: string[] = [];
  /** Index in `out` of the last character that is not white space or a comment. */
  let lastSignificant = -1;
  let at = 0;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (code === QUOTE) {
      let end = at + 1;
      while (end < text.length && text.charCodeAt(end) !== QUOTE && text.charCodeAt(end) !== NEWLINE) {
        end += text.charCodeAt(end) === BACKSLASH ? 2 : 1;
      }
      out.push(text.slice(at, end + 1));
      lastSignificant = out.length - 1;
      at = end + 1;
    } else if (code === SLASH && text.charCodeAt(at + 1) === SLASH) {
      const end = text.indexOf('\n', at);
      at = end < 0 ? text.length : end;
    } else if (code === SLASH && text.charCodeAt(at + 1) === STAR) {
      const end = text.indexOf('*/', at + 2);
      out.push(' ');
      at = end < 0 ? text.length : end + 2;
    } else {
      const char = text[at];
      if ((char === '}' || char === ']') && lastSignificant >= 0 && out[lastSignificant] === ',') {
        out[lastSignificant] = ' ';
      }
      out.push(char);
      if (!/\s/.test(char)) {
        lastSignificant = out.length - 1;
      }
      at++;
    }
  }
  return out.join('');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPath(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_PATH_LENGTH;
}

/** What a `tsconfig*.json` tells about module resolution; undefined when it is no JSON object. */
export function readTsconfig(text: string): TsconfigFile | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(plainJson(text));
  } catch {
    return undefined;
  }
  if (!isRecord(parsed)) {
    return undefined;
  }
  const config: TsconfigFile = {};
  if (isPath(parsed.extends)) {
    config.extends = parsed.extends;
  }
  const options = parsed.compilerOptions;
  if (isRecord(options) && isPath(options.baseUrl)) {
    config.baseUrl = options.baseUrl;
  }
  if (isRecord(options) && isRecord(options.paths)) {
    const paths: Record<string, string[]> = {};
    for (const [pattern, targets] of Object.entries(options.paths).slice(0, MAX_PATTERNS)) {
      if (pattern !== '__proto__' && isPath(pattern) && Array.isArray(targets)) {
        paths[pattern] = targets.slice(0, MAX_TARGETS).filter(isPath);
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

/** The tsconfig files of the workspace, by path: which files a non-relative import may name. */
export class TsconfigPaths {
  /** Per `tsconfig.json`: how it resolves (null: it cannot, e.g. a `baseUrl` outside the workspace). */
  private readonly resolutions = new Map<string, Resolution | null>();

  constructor(private readonly configs: ReadonlyMap<string, TsconfigFile>) {}

  /**
   * The paths without extension that `specifier`, imported by `codeFile`, may name, in TypeScript's order;
   * undefined when no config maps it. A matching `paths` pattern decides alone: its targets, or nothing.
   */
  bases(codeFile: string, specifier: string): string[] | undefined {
    if (this.configs.size === 0) {
      return undefined;
    }
    const config = foldersUp(folderOf(codeFile))
      .map((folder) => (folder === '' ? 'tsconfig.json' : `${folder}/tsconfig.json`))
      .find((file) => this.configs.has(file));
    const resolution = config === undefined ? undefined : this.resolution(config);
    if (!resolution) {
      return undefined;
    }
    const mapped = resolution.paths && this.mapped(resolution.paths, specifier);
    if (mapped) {
      return mapped;
    }
    const underBase = resolution.baseUrl === undefined ? undefined : joinPath(resolution.baseUrl, specifier);
    return underBase ? [underBase] : undefined;
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
