/**
 * What git tracks in the workspace folders that are repositories, read from each one's index through the
 * workspace file system, keyed like the file selection (`0/config/application.properties`): `.gitignore`
 * leaves out only untracked files, in the editor as in the CLI walk (`engine/gitIndex.ts`).
 */
import * as vscode from 'vscode';
import { gitDirWritten, MAX_INDEX_BYTES, objectHashBytes, parseGitIndex, TrackedFiles } from '../engine/gitIndex';

/** The tracked files of every workspace folder whose root holds `.git`; folders whose index cannot be read add none. */
export async function readTrackedFiles(): Promise<TrackedFiles> {
  const paths: string[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    for (const tracked of (await folderTracked(folder.uri)) ?? []) {
      paths.push(`${folder.index}/${tracked}`);
    }
  }
  return new TrackedFiles(paths);
}

async function folderTracked(root: vscode.Uri): Promise<string[] | undefined> {
  const fs = vscode.workspace.fs;
  try {
    const dotGit = vscode.Uri.joinPath(root, '.git');
    const dotGitType = (await fs.stat(dotGit)).type;
    // A worktree or submodule has a `.git` file that names its git folder.
    const written = dotGitType & vscode.FileType.File ? gitDirWritten(new TextDecoder().decode(await fs.readFile(dotGit))) : '.git';
    if (written === undefined) {
      return undefined;
    }
    const gitDir = written.startsWith('/') ? root.with({ path: written }) : vscode.Uri.joinPath(root, written);
    const index = vscode.Uri.joinPath(gitDir, 'index');
    const stat = await fs.stat(index);
    if (!(stat.type & vscode.FileType.File) || stat.size > MAX_INDEX_BYTES) {
      return undefined;
    }
    const config = await Promise.resolve(fs.readFile(vscode.Uri.joinPath(gitDir, 'config'))).then(
      (bytes) => new TextDecoder().decode(bytes),
      () => undefined,
    );
    return parseGitIndex(await fs.readFile(index), objectHashBytes(config));
  } catch {
    return undefined;
  }
}
