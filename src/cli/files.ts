/**
 * Walks the paths given to the CLI. It reads regular files, and symlinks whose target stays inside
 * the folder being walked; everything else it would have read (FIFOs, sockets, devices, links that
 * leave the tree, broken links and loops, unreadable folders) is reported with its reason. The file
 * system is injected so that tests can fake what root cannot see (unreadable folders).
 */
import * as nodeFs from 'node:fs';
import * as path from 'node:path';
import { documentKind, DocumentKind, isExcludedFolder } from '../hints/engine/documentKinds';
import { buildOutputsBeside, GitignoreRules, installedTopLevels, installRecordOf, isInstallMetadata } from '../hints/engine/fileSelection';
import type { TrackedFiles } from '../hints/engine/gitIndex';
import { trackedFiles } from './gitIndex';

export interface FileEntry {
  path: string;
  kind: DocumentKind;
  size: number;
}

export interface SkippedPath {
  path: string;
  reason: string;
}

export interface WalkResult {
  files: FileEntry[];
  skipped: SkippedPath[];
  /** Paths named on the command line that do not exist. */
  missing: string[];
  /** Folders left out by name (node_modules, .git…) and folders and files left out by .gitignore. */
  ignored: { excludedFolders: number; gitignoredFolders: number; gitignoredFiles: number; vendoredPackages: number; buildOutputs: number };
}

/** The parts of `node:fs` the walk uses. */
export type WalkFs = Pick<typeof nodeFs, 'lstatSync' | 'statSync' | 'realpathSync' | 'readdirSync' | 'readFileSync' | 'existsSync'>;

const posix = (full: string): string => full.split(path.sep).join('/');

/** What a non-regular, non-folder file is, for the skip message. */
function specialKind(stat: nodeFs.Stats): string | undefined {
  if (stat.isFIFO()) {
    return 'a FIFO (named pipe), not a regular file';
  }
  if (stat.isSocket()) {
    return 'a socket, not a regular file';
  }
  if (stat.isCharacterDevice() || stat.isBlockDevice()) {
    return 'a device, not a regular file';
  }
  return stat.isFile() || stat.isDirectory() ? undefined : 'not a regular file';
}

function errorReason(error: unknown, what: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ELOOP':
      return 'a symlink loop';
    case 'ENOENT':
      return 'a broken symlink (its target does not exist)';
    case 'EACCES':
    case 'EPERM':
      return `${what} cannot be read (permission denied)`;
    default:
      return `${what} cannot be read (${code ?? (error as Error).message})`;
  }
}

/** The largest install record read: a distribution of thousands of files lists them in under a megabyte. */
const MAX_RECORD_BYTES = 4 * 1024 * 1024;

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

export function collectFiles(inputs: readonly string[], fs: WalkFs = nodeFs): WalkResult {
  const result: WalkResult = { files: [], skipped: [], missing: [], ignored: { excludedFolders: 0, gitignoredFolders: 0, gitignoredFiles: 0, vendoredPackages: 0, buildOutputs: 0 } };
  const seen = new Set<string>();
  const add = (full: string, real: string, kind: DocumentKind, size: number): void => {
    if (!seen.has(real)) {
      seen.add(real);
      result.files.push({ path: full, kind, size });
    }
  };
  const skip = (full: string, reason: string): void => {
    result.skipped.push({ path: full, reason });
  };
  const loadGitignore = (rules: GitignoreRules, dir: string): GitignoreRules => {
    const file = path.join(dir, '.gitignore');
    try {
      return fs.lstatSync(file).isFile() ? rules.with(posix(dir), fs.readFileSync(file, 'utf8')) : rules;
    } catch {
      return rules;
    }
  };

  /** A symlink met in a walk of `root`: read only when its target is a regular file inside the tree. */
  const followLink = (full: string, root: string, kind: DocumentKind | undefined): void => {
    let real: string;
    try {
      real = fs.realpathSync(full);
    } catch (error) {
      if (kind) {
        skip(full, errorReason(error, 'the link'));
      }
      return;
    }
    if (!isInside(root, real)) {
      if (kind) {
        skip(full, 'a symlink that leaves the folder being checked');
      }
      return;
    }
    let target: nodeFs.Stats;
    try {
      target = fs.statSync(real);
    } catch (error) {
      if (kind) {
        skip(full, errorReason(error, 'the link target'));
      }
      return;
    }
    if (target.isDirectory()) {
      // Its files are checked where they live, inside the same tree; following it could loop.
      return;
    }
    if (kind) {
      const special = specialKind(target);
      if (special) {
        skip(full, `a symlink to ${special}`);
      } else {
        add(full, real, kind, target.size);
      }
    }
  };

  /** What pip installed in `dir` beside the project's own code (`pip install -t .` in a Lambda folder), by name. */
  const installedBeside = (dir: string, entries: readonly nodeFs.Dirent[]): Set<string> => {
    const names = new Set<string>();
    for (const entry of entries) {
      if (!entry.isDirectory() || !isInstallMetadata(entry.name)) {
        continue;
      }
      const record = path.join(dir, entry.name, installRecordOf(entry.name));
      try {
        const stat = fs.lstatSync(record);
        if (stat.isFile() && stat.size <= MAX_RECORD_BYTES) {
          installedTopLevels(fs.readFileSync(record, 'utf8')).forEach((name) => names.add(name));
        }
      } catch {
        // No list: nothing is known to be installed here.
      }
    }
    return names;
  };

  /** The repository around a walked folder, and what git tracks there (read on the first path .gitignore lists). */
  interface Repository {
    root: string;
    tracked?: TrackedFiles | null;
  }
  const trackedIn = (repository: Repository | undefined): TrackedFiles | undefined => {
    if (repository && repository.tracked === undefined) {
      repository.tracked = trackedFiles(repository.root, fs) ?? null;
    }
    return repository?.tracked ?? undefined;
  };
  /** `full` from the repository's root, `/`-separated. */
  const fromRoot = (repository: Repository, full: string): string => posix(path.relative(repository.root, full));

  /**
   * Walks a folder. Under a folder .gitignore lists (`trackedOnly`), only what git tracks is read: .gitignore
   * applies to untracked files alone, and nothing re-includes an untracked file below an ignored folder.
   */
  const walk = (dir: string, root: string, inherited: GitignoreRules, repository?: Repository, trackedOnly = false): void => {
    const rules = trackedOnly ? inherited : loadGitignore(inherited, dir);
    let entries: nodeFs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      skip(dir, `${errorReason(error, 'the folder')}; none of its files were checked`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const vendored = installedBeside(dir, entries);
    const outputs = buildOutputsBeside(entries.filter((entry) => entry.isFile()).map((entry) => entry.name));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (vendored.has(entry.name)) {
        result.ignored.vendoredPackages++;
        continue;
      }
      if (entry.isDirectory()) {
        if (isExcludedFolder(entry.name)) {
          result.ignored.excludedFolders++;
        } else if (outputs.has(entry.name)) {
          result.ignored.buildOutputs++;
        } else if (trackedOnly || rules.ignores(posix(full), true)) {
          if (repository && trackedIn(repository)?.holdsTracked(fromRoot(repository, full))) {
            walk(full, root, rules, repository, true);
          } else {
            result.ignored.gitignoredFolders++;
          }
        } else {
          walk(full, root, rules, repository);
        }
        continue;
      }
      const kind = documentKind(undefined, entry.name);
      if (kind && (trackedOnly || rules.ignores(posix(full), false)) && !(repository && trackedIn(repository)?.tracks(fromRoot(repository, full)))) {
        result.ignored.gitignoredFiles++;
        continue;
      }
      if (entry.isSymbolicLink()) {
        followLink(full, root, kind);
      } else if (kind) {
        let stat: nodeFs.Stats;
        try {
          stat = fs.lstatSync(full);
        } catch (error) {
          skip(full, errorReason(error, 'the file'));
          continue;
        }
        const special = specialKind(stat);
        if (special) {
          skip(full, special);
        } else {
          add(full, full, kind, stat.size);
        }
      }
    }
  };

  for (const input of inputs) {
    const full = path.resolve(input);
    let stat: nodeFs.Stats;
    try {
      stat = fs.lstatSync(full);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') {
        result.missing.push(input);
      } else {
        skip(full, errorReason(error, 'the path'));
      }
      continue;
    }
    let real = full;
    if (stat.isSymbolicLink()) {
      // A link named on the command line is followed: the user chose it.
      try {
        real = fs.realpathSync(full);
        stat = fs.statSync(real);
      } catch (error) {
        skip(full, errorReason(error, 'the link'));
        continue;
      }
    }
    if (stat.isDirectory()) {
      const repositoryAt = repositoryRoot(real, fs);
      walk(real, real, ancestorRules(real, fs), repositoryAt === undefined ? undefined : { root: repositoryAt });
      continue;
    }
    const special = specialKind(stat);
    const kind = documentKind(undefined, full);
    if (special) {
      skip(full, special);
    } else if (!kind) {
      skip(full, 'not a file type the hints read');
    } else {
      // A file named explicitly is checked even if it is ignored.
      add(full, real, kind, stat.size);
    }
  }
  return result;
}

/** The nearest folder at or above `dir` that holds `.git`, or undefined outside a repository. */
export function repositoryRoot(dir: string, fs: Pick<WalkFs, 'existsSync'>): string | undefined {
  for (let current = dir; ; current = path.dirname(current)) {
    if (fs.existsSync(path.join(current, '.git'))) {
      return current;
    }
    if (path.dirname(current) === current) {
      return undefined;
    }
  }
}

/** The .gitignore rules that apply to `dir` from its enclosing repository root down (not `dir`'s own). */
function ancestorRules(dir: string, fs: WalkFs): GitignoreRules {
  const root = repositoryRoot(dir, fs);
  let rules = new GitignoreRules();
  if (root === undefined) {
    return rules;
  }
  // The folders from the root down to `dir`'s parent.
  const chain: string[] = [];
  if (dir !== root) {
    for (let current = path.dirname(dir); ; current = path.dirname(current)) {
      chain.unshift(current);
      if (current === root) {
        break;
      }
    }
  }
  for (const folder of chain) {
    try {
      rules = rules.with(posix(folder), fs.readFileSync(path.join(folder, '.gitignore'), 'utf8'));
    } catch {
      // No .gitignore in this folder.
    }
  }
  return rules;
}
