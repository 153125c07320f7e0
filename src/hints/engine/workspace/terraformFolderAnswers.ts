/**
 * What the workspace model answers about a Terraform module's folder: variables declared, assigned by `.tfvars`
 * or defaulted in another file of the folder, its locals, its security groups and data stores, and the inputs of
 * a local module. `WorkspaceModel` builds the union these read.
 */
import { WRITTEN_SECRET } from './contribution';
import { moduleInputsOf } from './moduleInputs';
import { folderOf, foldersUp, joinPath } from './paths';
import { localModuleFolder } from './terraformGroups';
import { withElementDefaults } from './terraformObjects';
import { decidingEntry } from './tfvars';
import { ModuleInputTarget, SourceRef, TerraformObject, TerraformValue, TerragruntIncludePath, TerragruntParent, TerragruntVarFile } from './types';
import { TfvarsEntry, Union } from './workspaceUnion';

/** The value another file of `file`'s folder declares for a name. */
function declaredElsewhere<T>(values: Map<string, { file: string; value: T }[]>, file: string, name: string): T | undefined {
  return values.get(`${folderOf(file)}\0${name}`)?.find((declared) => declared.file !== file)?.value;
}

/**
 * An input that reaches a resource's `engine`, with the string its folder's variable defaults to: the engine is
 * what the other rules of the resource depend on, and a block that leaves it out gets that default. Its version
 * input's string default (`variable "engine_version" { default = "5.7" }`) is the version a caller's engine runs
 * where the block leaves that input out.
 */
function withEngineDefault(target: ModuleInputTarget, input: string, defaultOf: (input: string) => TerraformValue | undefined): ModuleInputTarget {
  if (target.argument !== 'engine') {
    return target;
  }
  const fallback = defaultOf(input);
  const version = target.versionInput === undefined || target.version !== undefined ? undefined : defaultOf(target.versionInput);
  return { ...target, ...(typeof fallback === 'string' ? { byDefault: fallback } : {}), ...(typeof version === 'string' && version !== '' ? { version } : {}) };
}

export abstract class TerraformFolderAnswers {
  /** The union of the workspace's contributions, built on first use after a change. */
  protected abstract built(): Union;

  /** A Terraform variable's default from another file of the module's folder (Terraform allows one declaration). */
  terraformVariableDefault(file: string, name: string): TerraformValue | undefined {
    return declaredElsewhere(this.built().variableDefaults, file, name);
  }

  /**
   * What the `.tfvars` and `.tfvars.json` files of the folder set a variable to, in Terraform's loading order
   * (see `loadingOrder`), a later one winning; a file it loads only on request may win over all.
   */
  terraformVariableAssigned(file: string, name: string): TerraformValue | null | undefined {
    const deciding = this.decidingTfvars(file, name);
    if (deciding === null && this.built().tfvars.get(`${folderOf(file)}\0${name}`)!.every((entry) => entry.value === WRITTEN_SECRET)) {
      // Whichever file a plan names, the secret it takes is a literal in source control.
      return WRITTEN_SECRET;
    }
    return deciding === undefined ? (this.setByEveryCaller(file, name) ? null : undefined) : (deciding?.value ?? null);
  }

  /** Where the literal is written that a secret's variable takes from the folder's `.tfvars` files (see terraformVariableAssigned). */
  terraformSecretAssignedAt(file: string, name: string): SourceRef | undefined {
    if (this.terraformVariableAssigned(file, name) !== WRITTEN_SECRET) {
      return undefined;
    }
    const deciding = this.decidingTfvars(file, name);
    return (deciding ?? this.built().tfvars.get(`${folderOf(file)}\0${name}`)?.[0])?.secretAt;
  }

  /**
   * Whether `file`'s folder is a module that `module` blocks of the workspace call, every one of them writing input `name`:
   * then its default runs nowhere the workspace shows (what the callers pass is judged at each block).
   */
  private setByEveryCaller(file: string, name: string): boolean {
    const calls = this.built().moduleCalls.get(folderOf(file));
    return calls !== undefined && calls.length > 0 && calls.every((inputs) => inputs.includes(name));
  }

  /** The object the `.tfvars` files of the folder set a variable to, as `terraformVariableAssigned` decides. */
  terraformObjectAssigned(file: string, name: string): TerraformObject | null | undefined {
    const deciding = this.decidingTfvars(file, name);
    return deciding === undefined ? undefined : (deciding?.object ?? null);
  }

  /**
   * The map of objects the `.tfvars` files of the folder set a variable to, as `terraformVariableAssigned` decides;
   * else, in a module folder every `module` block of the workspace sets that input for, the maps they pass (a caller's
   * `rules = var.rules`, with its own `.tfvars` or default), all of their elements together: null when one passes
   * something else.
   */
  terraformObjectMapAssigned(file: string, name: string): Readonly<Record<string, TerraformObject>> | null | undefined {
    const deciding = this.decidingTfvars(file, name);
    if (deciding !== undefined) {
      return deciding?.objectMap ? this.withTypeDefaults(folderOf(file), name, deciding.objectMap) : null;
    }
    const passed = this.setByEveryCaller(file, name) ? this.mapsCallersPass(folderOf(file), name) : undefined;
    return passed ? this.withTypeDefaults(folderOf(file), name, passed) : passed;
  }

  /** A map of objects `var.name` of `folder` takes, each element with the attributes its type defaults (`optional(bool, true)`) where it leaves them out. */
  private withTypeDefaults(folder: string, name: string, map: Readonly<Record<string, TerraformObject>>): Readonly<Record<string, TerraformObject>> {
    return withElementDefaults(map, this.built().variableElementDefaults.get(`${folder}\0${name}`));
  }

  /** The elements of the maps of objects the callers of the module `folder` pass as `input`, keyed by caller and key; null unless every caller's is known. */
  private mapsCallersPass(folder: string, input: string): Readonly<Record<string, TerraformObject>> | null {
    const calls = this.built().moduleCallVariables.get(folder) ?? [];
    const elements: Record<string, TerraformObject> = {};
    for (const [index, call] of calls.entries()) {
      const variable = Object.hasOwn(call.variables, input) ? call.variables[input] : undefined;
      const deciding = variable === undefined ? undefined : decidingEntry(this.built().tfvars.get(`${call.folder}\0${variable}`), (candidate) => this.loneTfvars(call.folder, candidate));
      const map = deciding === undefined ? variable && this.built().variableObjectMaps.get(`${call.folder}\0${variable}`)?.[0]?.value : deciding?.objectMap;
      if (!map) {
        return null;
      }
      Object.entries(map).forEach(([key, object]) => (elements[`${index}\0${key}`] = object));
    }
    return calls.length > 0 ? elements : null;
  }

  /** A Terraform variable's default written as a map of objects in another file of the module's folder. */
  terraformVariableObjectMap(file: string, name: string): Readonly<Record<string, TerraformObject>> | undefined {
    const map = declaredElsewhere(this.built().variableObjectMaps, file, name);
    return map && this.withTypeDefaults(folderOf(file), name, map);
  }

  /** The `.tfvars` entry whose value a variable takes (see `decidingEntry`). */
  private decidingTfvars(file: string, name: string): TfvarsEntry | null | undefined {
    const folder = folderOf(file);
    return decidingEntry(this.built().tfvars.get(`${folder}\0${name}`), (candidate) => this.loneTfvars(folder, candidate));
  }

  /** Whether `candidate` is a `.tfvars` file of `folder` itself and the only one of the workspace there or in a folder below it. */
  private loneTfvars(folder: string, candidate: string): boolean {
    if (folderOf(candidate) !== folder) {
      return false;
    }
    const prefix = folder === '' ? '' : `${folder}/`;
    return [...this.built().tfvarsNames.keys()].every((file) => file === candidate || !file.startsWith(prefix));
  }

  /** A Terraform variable's default written as an object or map in another file of the module's folder. */
  terraformVariableObject(file: string, name: string): TerraformObject | undefined {
    return declaredElsewhere(this.built().variableObjects, file, name);
  }

  /** The words of a Terraform variable's type declared in another file of the module's folder. */
  terraformVariableType(file: string, name: string): readonly string[] | null | undefined {
    return declaredElsewhere(this.built().variableTypes, file, name);
  }

  /** A Terraform local's value from another file of the module's folder (a module declares each local once). */
  terraformLocalValue(file: string, name: string): TerraformValue | undefined {
    return declaredElsewhere(this.built().localValues, file, name);
  }

  /** A Terraform local written as an object or map in another file of the module's folder: its attributes. */
  terraformLocalObject(file: string, name: string): TerraformObject | undefined {
    return declaredElsewhere(this.built().localObjects, file, name);
  }

  /** A Terraform local written as a URL template in another file of the module's folder: its text between the quotes. */
  terraformLocalTemplate(file: string, name: string): string | undefined {
    return declaredElsewhere(this.built().localTemplates, file, name);
  }

  /** What the module's other files do with a security group: see WorkspaceView. */
  terraformGroupUse(file: string, group: string): number | undefined {
    return this.built().terraformGroups.groupUse(file, group);
  }

  /** The kinds of data store the module folder of `file` declares: see WorkspaceView. */
  terraformFolderDataStores(file: string): number | undefined {
    return this.built().terraformGroups.folderDataStores(folderOf(file));
  }

  /** Whether a task definition of the folder of `file` renders the `template_file` data source `name` into its containers: see WorkspaceView. */
  terraformContainerTemplate(file: string, name: string): boolean {
    return this.built().containerTemplates.has(`${folderOf(file)}\0${name}`);
  }

  /** Whether a file of the folder of `file` gives the result of `name` (`random_password.db`) a password argument: see WorkspaceView. */
  terraformRandomPasswordUsed(file: string, name: string): boolean {
    return this.built().randomPasswords.has(`${folderOf(file)}\0${name}`);
  }

  /** The family a file of the folder of `file` writes for the parameter group `reference`: see WorkspaceView. */
  terraformParameterGroupFamily(file: string, reference: string): string | undefined {
    return this.built().parameterGroupFamilies.get(`${folderOf(file)}\0${reference}`);
  }

  /** Whether a `module` block of the workspace calls the folder of `file`: see WorkspaceView. */
  terraformCalledAsModule(file: string): boolean {
    return (this.built().moduleCalls.get(folderOf(file))?.length ?? 0) > 0;
  }

  /** Whether the module folder a `module` block of the folder of `file` calls outputs a password under `output`: see WorkspaceView. */
  terraformChildPasswordOutput(file: string, module: string, output: string): boolean {
    const built = this.built();
    const child = built.moduleFolders.get(`${folderOf(file)}\0${module}`);
    return child !== undefined && built.passwordOutputs.has(`${child}\0${output}`);
  }

  /** Whether a security group of the folder of `file` may be attached beyond it: see WorkspaceView. */
  terraformGroupHandedOut(file: string, group: string): boolean {
    return this.built().terraformGroups.handedOut(folderOf(file), group);
  }

  /** Whether the module folder a `source` of `file` names may hold a database or cache: see WorkspaceView. */
  terraformModuleHoldsDataStore(file: string, source: string): boolean | undefined {
    const folder = localModuleFolder(folderOf(file), source);
    return folder === undefined ? undefined : this.built().terraformGroups.mayHoldDataStore(folder);
  }

  /**
   * What the parent a Terragrunt configuration `file` includes decides: the variables its var-files set and whether
   * it passes inputs or var-files at all. Undefined where the workspace cannot tell: no such configuration in the
   * workspace, a parent that includes another, a var-file it cannot read.
   */
  terragruntIncluded(file: string, path: TerragruntIncludePath): TerragruntParent | undefined {
    const { terragrunt, tfvarsNames } = this.built();
    const parentFile = 'find' in path ? this.foundAbove(file, path.find, (candidate) => terragrunt.has(candidate)) : joinPath(folderOf(file), path.relative);
    const parent = parentFile === undefined ? undefined : terragrunt.get(parentFile);
    if (parentFile === undefined || !parent || parent.includes || !parent.varFiles) {
      return undefined;
    }
    const overridden = new Set<string>();
    for (const varFile of parent.varFiles) {
      const varFilePath = this.varFilePath(file, parentFile, varFile);
      const names = varFilePath === undefined ? undefined : tfvarsNames.get(varFilePath);
      if (!names) {
        return undefined;
      }
      names.forEach((name) => overridden.add(name));
    }
    return { overridden, setsVariables: parent.inputs || parent.varFiles.length > 0, setsInputs: parent.inputs };
  }

  /** Where a var-file of the parent `parentFile` of `file` is, as a workspace path. */
  private varFilePath(file: string, parentFile: string, varFile: TerragruntVarFile): string | undefined {
    if (varFile.from === 'found') {
      return this.foundAbove(file, varFile.path, (candidate) => this.built().tfvarsNames.has(candidate));
    }
    return joinPath(folderOf(varFile.from === 'own' ? parentFile : file), varFile.path);
  }

  /**
   * What `find_in_parent_folders(name)` finds for `file`: the file of that name in the nearest folder above the file's
   * own that has one, as `known` tells; undefined when none does, or the name is a path the workspace does not hold.
   */
  private foundAbove(file: string, name: string, known: (candidate: string) => boolean): string | undefined {
    const folder = folderOf(file);
    if (folder === '') {
      return undefined;
    }
    for (const above of foldersUp(folderOf(folder))) {
      const candidate = joinPath(above, name);
      if (candidate !== undefined && known(candidate)) {
        return candidate;
      }
    }
    return undefined;
  }

  /** The arguments the inputs of a module block reach, when its source is a module folder of the workspace. */
  terraformModuleInputs(file: string, source: string): ReadonlyMap<string, ModuleInputTarget> | undefined {
    const folder = localModuleFolder(folderOf(file), source);
    const { moduleInputs, moduleForwards } = this.built();
    const inputs = folder === undefined ? undefined : moduleInputsOf(folder, { direct: (name) => moduleInputs.get(name), forwards: (name) => moduleForwards.get(name) });
    if (!inputs) {
      return undefined;
    }
    const known = new Map<string, ModuleInputTarget>();
    const defaultOf = (name: string): TerraformValue | undefined => this.built().variableDefaults.get(`${folder}\0${name}`)?.[0]?.value;
    inputs.forEach((target, input) => target && known.set(input, withEngineDefault(target, input, defaultOf)));
    return known;
  }
}
