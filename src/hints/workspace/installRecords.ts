/**
 * The build files of the workspace folders (`pom.xml`, `build.gradle`), whose output folders beside them the
 * selection leaves out as the CLI walk does, and the install records of the workspace folders (`.dist-info/RECORD`, an egg's `installed-files.txt`): what pip installed
 * beside the code, which the workspace check and the workspace model leave out as the CLI walk does.
 */
import * as vscode from 'vscode';
import { EXCLUDED_FOLDERS_GLOB } from '../engine/documentKinds';
import { BUILD_FILE_GLOBS, BuildOutputs, INSTALL_RECORD_GLOBS, InstalledPackages } from '../engine/fileSelection';

/** Reads every install record, keyed by `keyOf` (undefined: outside the workspace folders), with `read`'s text. */
export async function readInstalledPackages(
  keyOf: (uri: vscode.Uri) => string | undefined,
  read: (uri: vscode.Uri) => Thenable<string | undefined>,
  token?: vscode.CancellationToken,
): Promise<InstalledPackages> {
  const installed = new InstalledPackages();
  for (const glob of INSTALL_RECORD_GLOBS) {
    for (const uri of await vscode.workspace.findFiles(glob, EXCLUDED_FOLDERS_GLOB, undefined, token)) {
      const key = keyOf(uri);
      const text = key === undefined ? undefined : await read(uri);
      if (key !== undefined && text !== undefined) {
        installed.add(key, text);
      }
    }
  }
  return installed;
}

/** Reads where the build files of the workspace are, keyed by `keyOf` (undefined: outside the workspace folders). */
export async function readBuildOutputs(keyOf: (uri: vscode.Uri) => string | undefined, token?: vscode.CancellationToken): Promise<BuildOutputs> {
  const outputs = new BuildOutputs();
  for (const glob of BUILD_FILE_GLOBS) {
    for (const uri of await vscode.workspace.findFiles(glob, EXCLUDED_FOLDERS_GLOB, undefined, token)) {
      const key = keyOf(uri);
      if (key !== undefined) {
        outputs.add(key);
      }
    }
  }
  return outputs;
}
