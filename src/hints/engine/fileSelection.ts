/**
 * Which files of a tree the hints read, shared by the CLI's walk and the editor's workspace check:
 * the kinds and excluded folders of documentKinds, minus what .gitignore files exclude. Paths are
 * `/`-separated; each .gitignore applies below the folder that holds it.
 */
import ignore, { Ignore } from 'ignore';
import { documentKind, DocumentKind, isExcludedFolder } from './documentKinds';
import type { TrackedFiles } from './gitIndex';

interface IgnoreLayer {
  /** The folder holding the .gitignore, `/`-separated, without a trailing slash. */
  base: string;
  rules: Ignore;
  /** Its lines, each alone, made the first time a pattern that names a folder decides a path below it. */
  patterns?: Ignore[];
  text: string;
}

/** `full` relative to `base`, or undefined when it is not below it. */
function below(base: string, full: string): string | undefined {
  if (base === '') {
    return full.replace(/^\/+/, '');
  }
  return full.startsWith(`${base}/`) ? full.slice(base.length + 1) : undefined;
}

export class GitignoreRules {
  private readonly layers: IgnoreLayer[];

  constructor(layers: readonly IgnoreLayer[] = []) {
    this.layers = [...layers];
  }

  /** The rules plus a .gitignore found in `folder` (for a walk that goes down one folder). */
  with(folder: string, gitignoreText: string): GitignoreRules {
    return new GitignoreRules([...this.layers, { base: folder.replace(/\/+$/, ''), rules: ignore().add(gitignoreText), text: gitignoreText }]);
  }

  /**
   * Whether a path is ignored by a pattern that names it, as git decides: the deepest .gitignore with such a
   * pattern wins, so a nested `!pattern` re-includes. Its folders are judged on their own (the walk judges
   * each folder it enters; `ignoresFileOrFolder` judges them all).
   */
  ignores(full: string, isDirectory: boolean): boolean {
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const layer = this.layers[i];
      const relative = below(layer.base, full);
      if (!relative) {
        continue;
      }
      const target = isDirectory ? `${relative}/` : relative;
      const verdict = layer.rules.checkIgnore(target);
      if (!(verdict.ignored || verdict.unignored)) {
        continue;
      }
      // The usual case: the deciding pattern names the path itself.
      if (!verdict.rule || !matchesAFolderAbove(layer.rules, relative, verdict.rule)) {
        return verdict.ignored;
      }
      const own = ownVerdict(layer, target);
      if (own !== undefined) {
        return own;
      }
    }
    return false;
  }

  /** Whether a path is ignored itself or through one of its folders (for a flat list such as `findFiles`). */
  ignoresFileOrFolder(full: string): boolean {
    if (this.ignores(full, false)) {
      return true;
    }
    for (let slash = full.indexOf('/', 1); slash > 0; slash = full.indexOf('/', slash + 1)) {
      if (this.ignores(full.slice(0, slash), true)) {
        return true;
      }
    }
    return false;
  }
}

/**
 * Whether `rule` of `rules` matches a folder above the path (`lib` matches `lib/stack.ts` too). Such a match
 * is the folder's verdict, not the path's: a deeper .gitignore may re-include the folder (`!lib/`), and git
 * ignores what is inside an ignored folder anyway (the walk and `ignoresFileOrFolder` judge the folders).
 */
function matchesAFolderAbove(rules: Ignore, relative: string, rule?: unknown): boolean {
  for (let slash = relative.indexOf('/'); slash > 0; slash = relative.indexOf('/', slash + 1)) {
    const verdict = rules.checkIgnore(relative.slice(0, slash + 1));
    if ((verdict.ignored || verdict.unignored) && (rule === undefined || verdict.rule === rule)) {
      return true;
    }
  }
  return false;
}

/** What the last of a layer's patterns that names the path itself, not a folder above it, says; undefined when none does. */
function ownVerdict(layer: IgnoreLayer, target: string): boolean | undefined {
  layer.patterns ??= layer.text.split(/\r?\n/).map((line) => ignore().add(line));
  const relative = target.replace(/\/$/, '');
  let decided: boolean | undefined;
  for (const pattern of layer.patterns) {
    const verdict = pattern.checkIgnore(target);
    if ((verdict.ignored || verdict.unignored) && !matchesAFolderAbove(pattern, relative)) {
      decided = verdict.ignored;
    }
  }
  return decided;
}

/** Why a file found in a tree is not read, when the reason is the selection itself. */
export type SelectionVerdict = { read: true; kind: DocumentKind } | { read: false; reason: 'not-a-hint-file' | 'excluded-folder' | 'gitignore' };

/**
 * The selection for one file found in a walk or by `findFiles`, judged by its full `/`-separated path; `.gitignore`
 * leaves out only what git does not track (`tracked`, keyed like `full`).
 */
export function selectFile(full: string, rules: GitignoreRules, tracked?: TrackedFiles): SelectionVerdict {
  const kind = documentKind(undefined, full);
  if (!kind) {
    return { read: false, reason: 'not-a-hint-file' };
  }
  if (full.split('/').some(isExcludedFolder)) {
    return { read: false, reason: 'excluded-folder' };
  }
  if (rules.ignoresFileOrFolder(full) && !tracked?.tracks(full)) {
    return { read: false, reason: 'gitignore' };
  }
  return { read: true, kind };
}

/** The metadata folders pip installs beside each package (`PyYAML-6.0.1.dist-info`, `six-1.16.0.egg-info`). */
const INSTALL_METADATA = /\.(?:dist|egg)-info$/;
/** Entries of a RECORD that are no package of the folder's own: metadata, caches, and paths outside it. */
const NOT_INSTALLED_HERE = /^(?:\.\.|__pycache__$|bin$)/;

/** Whether a folder name is an installed Python distribution's metadata, whose RECORD lists what it installed beside it. */
export function isInstallMetadata(name: string): boolean {
  return INSTALL_METADATA.test(name);
}

/** The file of a metadata folder that lists what it installed: a wheel's `RECORD`, an egg's `installed-files.txt`. */
export function installRecordOf(metadataFolder: string): string {
  return metadataFolder.endsWith('.dist-info') ? 'RECORD' : 'installed-files.txt';
}

/** The install records of a tree, as globs (for `findFiles`). */
export const INSTALL_RECORD_GLOBS: readonly string[] = ['**/*.dist-info/RECORD', '**/*.egg-info/installed-files.txt'];

/**
 * The top-level folders and modules a distribution installed beside its metadata folder, from its RECORD
 * (`yaml/__init__.py,sha256=…,1234` lists `yaml`; `six.py,…` lists `six.py`) or an egg's list, relative to its
 * metadata folder (`../yaml/__init__.py`): third-party code that a Lambda function's deployment folder holds next to
 * the project's own (`pip install -t .`), which is not the project's.
 */
export function installedTopLevels(record: string): Set<string> {
  const names = new Set<string>();
  for (const written of record.split('\n')) {
    const line = written.startsWith('../') ? written.slice(3) : written;
    // A path with a comma is quoted in RECORD (CSV); such names are no packages.
    const path = line.startsWith('"') ? '' : line.slice(0, line.indexOf(',') < 0 ? line.length : line.indexOf(','));
    const top = path.split('/')[0].trim();
    if (top !== '' && !isInstallMetadata(top) && !NOT_INSTALLED_HERE.test(top)) {
      names.add(top);
    }
  }
  return names;
}

/** The install records of a tree, gathered from a flat list of files (`findFiles`): what they installed, by `/`-separated path. */
export class InstalledPackages {
  private readonly paths = new Set<string>();

  /** `record` is a metadata folder's RECORD (or an egg's `installed-files.txt`), `/`-separated, with its text. */
  add(record: string, text: string): void {
    const metadata = record.slice(0, record.lastIndexOf('/'));
    const folder = metadata.slice(0, metadata.lastIndexOf('/') + 1);
    installedTopLevels(text).forEach((name) => this.paths.add(`${folder}${name}`));
  }

  /** Whether a file is one of those installed, or inside a package folder one installed. */
  covers(full: string): boolean {
    if (this.paths.size === 0) {
      return false;
    }
    for (let slash = full.indexOf('/'); slash > 0; slash = full.indexOf('/', slash + 1)) {
      if (this.paths.has(full.slice(0, slash))) {
        return true;
      }
    }
    return this.paths.has(full);
  }
}

/**
 * Build files and the folder their tool writes beside them: Maven's `target` and Gradle's `build` hold copies of the
 * project's resources (`target/classes/application.yml`, `build/resources/main/application.yml`) and generated
 * sources, which are not the project's own files. A folder of that name elsewhere is an ordinary folder.
 */
const BUILD_OUTPUTS: ReadonlyMap<string, string> = new Map([
  ['pom.xml', 'target'],
  ['build.gradle', 'build'],
  ['build.gradle.kts', 'build'],
]);

/** The build files, as globs (for `findFiles`). */
export const BUILD_FILE_GLOBS: readonly string[] = [...BUILD_OUTPUTS.keys()].map((name) => `**/${name}`);

/** The output folders the build files among a folder's file names make there (`target` beside `pom.xml`). */
export function buildOutputsBeside(fileNames: Iterable<string>): Set<string> {
  const outputs = new Set<string>();
  for (const name of fileNames) {
    const output = BUILD_OUTPUTS.get(name);
    if (output !== undefined) {
      outputs.add(output);
    }
  }
  return outputs;
}

/** The build output folders of a tree, gathered from a flat list of its build files (`findFiles`), by `/`-separated path. */
export class BuildOutputs {
  private readonly folders = new Set<string>();

  /** `buildFile` is a `pom.xml`, `build.gradle` or `build.gradle.kts`, `/`-separated. */
  add(buildFile: string): void {
    const slash = buildFile.lastIndexOf('/');
    buildOutputsBeside([buildFile.slice(slash + 1)]).forEach((output) => this.folders.add(`${buildFile.slice(0, slash + 1)}${output}`));
  }

  /** Whether a file is inside one of the build output folders. */
  covers(full: string): boolean {
    for (let slash = full.indexOf('/'); slash > 0 && this.folders.size > 0; slash = full.indexOf('/', slash + 1)) {
      if (this.folders.has(full.slice(0, slash))) {
        return true;
      }
    }
    return false;
  }
}
