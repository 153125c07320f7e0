/**
 * What a Terraform file tells the workspace about passwords handed between modules: the `random_password` results
 * it gives a password argument, the names of its outputs that hand a password out (a child module's, which only its
 * caller reads), and the module blocks that call a folder of the workspace, by name. With these a root module's
 * output of `module.db.master_password` is read as a password output when the `db` block's folder outputs a
 * password under that name.
 */
import { passwordOutputs, randomPasswordsUsed } from '../iac/terraformPasswordOutputs';
import { attributeOf, blocksOf, HclBody } from './hcl';
import { folderOf } from './paths';
import { localModuleFolder } from './terraformGroups';
import type { FileContribution } from './types';

/** The part of a file's contribution about passwords handed between its module and others (see the module's comment). */
export function passwordHandOffs(file: string, source: string, root: HclBody): Pick<FileContribution, 'randomPasswords' | 'passwordOutputNames' | 'moduleFolders'> {
  const randomPasswords = randomPasswordsUsed(source);
  const passwordOutputNames = passwordOutputs(source).map((output) => output.name);
  const moduleFolders: Record<string, string> = {};
  for (const block of blocksOf(root, 'module')) {
    const written = attributeOf(block.body, 'source');
    const folder = written?.kind === 'string' && block.labels.length === 1 ? localModuleFolder(folderOf(file), written.value) : undefined;
    if (folder !== undefined && block.labels[0] !== '__proto__') {
      moduleFolders[block.labels[0]] = folder;
    }
  }
  return {
    ...(randomPasswords.length > 0 ? { randomPasswords } : {}),
    ...(passwordOutputNames.length > 0 ? { passwordOutputNames } : {}),
    ...(Object.keys(moduleFolders).length > 0 ? { moduleFolders } : {}),
  };
}
