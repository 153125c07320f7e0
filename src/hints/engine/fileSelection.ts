/**
 * Which files of a tree the hints read, shared by the CLI's walk and the editor's workspace check:
 * the kinds and excluded folders of documentKinds, minus what .gitignore files exclude. Paths are
 * `/`-separated; each .gitignore applies below the folder that holds it.
 */
import ignore, { Ignore } from 'ignore';
import { documentKind, DocumentKind, isExcludedFolder } from './documentKinds';

interface IgnoreLayer {
  /** The folder holding the .gitignore, `/`-separated, without a trailing slash. */
  base: string;
  rules: Ignore;
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
    return new GitignoreRules([...this.layers, { base: folder.replace(/\/+$/, ''), rules: ignore().add(gitignoreText) }]);
  }

  /** As git decides: the deepest .gitignore with a matching pattern wins, so a nested `!pattern` re-includes. */
  ignores(full: string, isDirectory: boolean): boolean {
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const layer = this.layers[i];
      const relative = below(layer.base, full);
      if (!relative) {
        continue;
      }
      const verdict = layer.rules.test(isDirectory ? `${relative}/` : relative);
      if (verdict.ignored || verdict.unignored) {
        return verdict.ignored;
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

/** Why a file found in a tree is not read, when the reason is the selection itself. */
export type SelectionVerdict = { read: true; kind: DocumentKind } | { read: false; reason: 'not-a-hint-file' | 'excluded-folder' | 'gitignore' };

/** The selection for one file found in a walk or by `findFiles`, judged by its full `/`-separated path. */
export function selectFile(full: string, rules: GitignoreRules): SelectionVerdict {
  const kind = documentKind(undefined, full);
  if (!kind) {
    return { read: false, reason: 'not-a-hint-file' };
  }
  if (full.split('/').some(isExcludedFolder)) {
    return { read: false, reason: 'excluded-folder' };
  }
  if (rules.ignoresFileOrFolder(full)) {
    return { read: false, reason: 'gitignore' };
  }
  return { read: true, kind };
}
