/** What git tracks in the repository around a walked folder, read from its index with the walk's file system (see `engine/gitIndex.ts`). */
import * as path from 'node:path';
import { gitDirWritten, MAX_INDEX_BYTES, objectHashBytes, parseGitIndex, TrackedFiles } from '../hints/engine/gitIndex';
import type { WalkFs } from './files';

/** The files git tracks in the repository whose work tree is `root`, by path from the root; undefined when its index cannot be read. */
export function trackedFiles(root: string, fs: Pick<WalkFs, 'lstatSync' | 'readFileSync'>): TrackedFiles | undefined {
  try {
    const dotGit = path.join(root, '.git');
    // A worktree or submodule has a `.git` file that names its git folder.
    const written = fs.lstatSync(dotGit).isFile() ? gitDirWritten(fs.readFileSync(dotGit, 'utf8')) : '.git';
    const gitDir = written === undefined ? undefined : path.resolve(root, written);
    const index = gitDir && path.join(gitDir, 'index');
    const stat = index ? fs.lstatSync(index) : undefined;
    if (!gitDir || !index || !stat?.isFile() || stat.size > MAX_INDEX_BYTES) {
      return undefined;
    }
    const paths = parseGitIndex(fs.readFileSync(index), objectHashBytes(readConfig(gitDir, fs)));
    return paths && new TrackedFiles(paths);
  } catch {
    return undefined;
  }
}

function readConfig(gitDir: string, fs: Pick<WalkFs, 'readFileSync'>): string | undefined {
  try {
    return fs.readFileSync(path.join(gitDir, 'config'), 'utf8');
  } catch {
    return undefined;
  }
}
