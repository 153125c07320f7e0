/**
 * The union of what the workspace's files contribute, with the indexes the model's questions read: tables by
 * name, functions by the code they run, Terraform values by folder, module inputs and forwards, the parameters
 * parent stacks pass, and the clients request middleware hangs. Built in one pass over the contributions.
 */
import { combinedTarget } from './moduleInputs';
import { agreed, resolvedChild } from './nestedStacks';
import { commonFolder, folderOf, foldersUp, joinPath, withoutExtension } from './paths';
import { StackExportIndex } from './stackExports';
import { TerraformGroupIndex } from './terraformGroups';
import { DatabaseDefinition, FileContribution, ForwardedInput, SourceRef, FunctionDefinition, InputConditional, ModuleInputTarget, PassedParameter, RequestClientSource, TableDefinition, TerraformObject, TerraformValue, TerragruntSettings } from './types';
import { push } from '../multimap';

/** The union of the contributions, rebuilt on the first question after a change. */
/** What one `.tfvars` file of a folder sets a variable to, with the object or map of objects when it sets one. */
export interface TfvarsEntry {
  file: string;
  loadedByItself: boolean;
  value: TerraformValue | null;
  object?: TerraformObject;
  objectMap?: Readonly<Record<string, TerraformObject>>;
  /** Where the file writes a secret's literal, for a variable whose value is `WRITTEN_SECRET`. */
  secretAt?: SourceRef;
}

export interface Union {
  tables: TableDefinition[];
  databases: DatabaseDefinition[];
  functions: FunctionDefinition[];
  byPhysicalName: Map<string, TableDefinition[]>;
  /** SST tables by the name the app gives them (construct id or component name), which its SDK reads them by. */
  bySstName: Map<string, TableDefinition[]>;
  /** Tables by the scope their logical name is known in (`file\0name`, or `folder\0name` for Terraform modules). */
  byScopedName: Map<string, TableDefinition[]>;
  /** The tables SST stack files export, by the file's path without its extension. */
  sstExports: Map<string, { file: string; tables: Record<string, string> }>;
  /** Per function: the folders and files of its code, resolved. */
  locations: Map<FunctionDefinition, string[]>;
  /** Each function's project: the deepest folder holding its template and its code. */
  projects: Map<FunctionDefinition, string>;
  /** Which functions run a code file, by the file. */
  running: Map<string, FunctionDefinition[]>;
  /** Terraform variable defaults and locals by `folder\0name`, with the file that declares each. */
  variableDefaults: Map<string, { file: string; value: TerraformValue }[]>;
  localValues: Map<string, { file: string; value: TerraformValue }[]>;
  /** Terraform variable defaults written as an object or map, by `folder\0name`, with the file that declares each. */
  variableObjects: Map<string, { file: string; value: TerraformObject }[]>;
  /** Terraform locals written as an object or map, by `folder\0name`, with the file that declares each. */
  localObjects: Map<string, { file: string; value: TerraformObject }[]>;
  localTemplates: Map<string, { file: string; value: string }[]>;
  /** The words of each declared Terraform variable's type, by `folder\0name`, with the file that declares it. */
  variableTypes: Map<string, { file: string; value: readonly string[] | null }[]>;
  /** Terraform variable defaults written as a map of objects, by `folder\0name`, with the file that declares each. */
  variableObjectMaps: Map<string, { file: string; value: Readonly<Record<string, TerraformObject>> }[]>;
  /** The attribute defaults of each variable's element type (see FileContribution.variableElementDefaults), by `folder\0name`. */
  variableElementDefaults: Map<string, TerraformObject>;
  /** What the folder's `.tfvars` files set each variable to, by `folder\0name` (see FileContribution.tfvars), with the object when one is set. */
  tfvars: Map<string, TfvarsEntry[]>;
  /** The names each `.tfvars` file sets, by the file: what a Terragrunt var-file overrides. */
  tfvarsNames: Map<string, readonly string[]>;
  /** Terragrunt configurations by file: what each sets for those that include it. */
  terragrunt: Map<string, TerragruntSettings>;
  /** Terraform security groups and module folders: what a folder's files do with a group, what a module folder holds. */
  terraformGroups: TerraformGroupIndex;
  /** CloudFormation security groups that templates export, and what the resources importing them may serve. */
  stackExports: StackExportIndex;
  /** By Terraform module folder: the argument each input reaches (null: more than one), and the module folders it is passed to. */
  moduleInputs: Map<string, Map<string, ModuleInputTarget | null>>;
  moduleForwards: Map<string, Map<string, ForwardedInput[]>>;
  /** By Terraform module folder: the inputs each `module` block of the workspace whose source it is writes. */
  moduleCalls: Map<string, (readonly string[])[]>;
  /** By Terraform module folder: per calling `module` block, its folder and the inputs it passes as a whole variable of that folder's. */
  moduleCallVariables: Map<string, { folder: string; variables: Readonly<Record<string, string>> }[]>;
  /** What the parent stacks pass to each nested template, by its path, as they agree on it. */
  passedParameters: Map<string, Record<string, PassedParameter>>;
  /** What the files' middleware hangs on the request, by property name, with the file that hangs it. */
  requestClients: Map<string, { file: string; sources: readonly RequestClientSource[] }[]>;
  /** `folder\0name` of each `template_file` data source a task definition of the folder renders into its containers. */
  containerTemplates: Set<string>;
  /** `folder\0name` of each `random_password` whose result a file of the folder gives a database or cache password argument. */
  randomPasswords: Set<string>;
  /** `folder\0type.name` of each Terraform parameter group whose family is a string: that family. */
  parameterGroupFamilies: Map<string, string>;
  /** `folder\0output` for each Terraform output that hands out a password. */
  passwordOutputs: Set<string>;
  /** `folder\0module` for each Terraform module block whose source is a folder of the workspace: that folder. */
  moduleFolders: Map<string, string>;
  /** The password members CDK modules that make RDS databases write in plain text (see FileContribution.cdkPasswordMembers). */
  cdkPasswordMembers: Set<string>;
}

export function scopedName(definition: TableDefinition | FunctionDefinition, logicalName: string): string {
  const file = definition.definedAt.file;
  // A Terraform module is its folder: a function in lambda.tf reaches a table in dynamodb.tf.
  return `${definition.format === 'terraform' ? folderOf(file) : file}\0${logicalName}`;
}

/** The union of `contributions` (file and contribution, in the model's file order). */
export function buildUnion(contributions: readonly [string, FileContribution][]): Union {
  const union: Union = {
    tables: [],
    databases: [],
    functions: [],
    byPhysicalName: new Map(),
    bySstName: new Map(),
    sstExports: new Map(),
    byScopedName: new Map(),
    locations: new Map(),
    projects: new Map(),
    running: new Map(),
    variableDefaults: new Map(),
    localValues: new Map(),
    variableObjects: new Map(),
    localObjects: new Map(),
    localTemplates: new Map(),
    variableTypes: new Map(),
    variableObjectMaps: new Map(),
    variableElementDefaults: new Map(),
    tfvars: new Map(),
    tfvarsNames: new Map(),
    terragrunt: new Map(),
    terraformGroups: new TerraformGroupIndex(),
    stackExports: new StackExportIndex(),
    moduleInputs: new Map(),
    moduleForwards: new Map(),
    moduleCalls: new Map(),
    moduleCallVariables: new Map(),
    passedParameters: new Map(),
    requestClients: new Map(),
    containerTemplates: new Set(),
    randomPasswords: new Set(),
    parameterGroupFamilies: new Map(),
    passwordOutputs: new Set(),
    moduleFolders: new Map(),
    cdkPasswordMembers: new Set(),
  };
  const archives = new Map<string, string[]>();
  const indexedElsewhere = new Set<string>();
  const localConditions = new Map<string, InputConditional[]>();
  const localArguments = new Map<string, ModuleInputTarget[]>();
  const passed: { parent: string; child: string; values: Record<string, PassedParameter> }[] = [];
  let cdkIndexedElsewhere = false;
  for (const [file, contribution] of contributions) {
    union.tables.push(...contribution.tables);
    contribution.indexedElsewhere?.forEach((name) => indexedElsewhere.add(`${folderOf(file)}\0${name}`));
    cdkIndexedElsewhere ||= contribution.cdkIndexedElsewhere === true;
    union.databases.push(...contribution.databases);
    if (contribution.sstExports) {
      union.sstExports.set(withoutExtension(file), { file, tables: contribution.sstExports });
    }
    union.functions.push(...contribution.functions);
    contribution.containerTemplates?.forEach((name) => union.containerTemplates.add(`${folderOf(file)}\0${name}`));
    contribution.cdkPasswordMembers?.forEach((member) => union.cdkPasswordMembers.add(member));
    contribution.randomPasswords?.forEach((name) => union.randomPasswords.add(`${folderOf(file)}\0${name}`));
    Object.entries(contribution.parameterGroupFamilies ?? {}).forEach(([group, family]) => union.parameterGroupFamilies.set(`${folderOf(file)}\0${group}`, family));
    contribution.passwordOutputNames?.forEach((name) => union.passwordOutputs.add(`${folderOf(file)}\0${name}`));
    Object.entries(contribution.moduleFolders ?? {}).forEach(([name, folder]) => union.moduleFolders.set(`${folderOf(file)}\0${name}`, folder));
    for (const [name, paths] of Object.entries(contribution.archives ?? {})) {
      archives.set(`${folderOf(file)}\0${name}`, paths);
    }
    for (const [name, value] of Object.entries(contribution.variableDefaults ?? {})) {
      push(union.variableDefaults, `${folderOf(file)}\0${name}`, { file, value });
    }
    for (const [name, value] of Object.entries(contribution.localValues ?? {})) {
      push(union.localValues, `${folderOf(file)}\0${name}`, { file, value });
    }
    for (const [name, value] of Object.entries(contribution.variableObjects ?? {})) {
      push(union.variableObjects, `${folderOf(file)}\0${name}`, { file, value });
    }
    for (const [name, value] of Object.entries(contribution.localObjects ?? {})) {
      push(union.localObjects, `${folderOf(file)}\0${name}`, { file, value });
    }
    for (const [name, value] of Object.entries(contribution.localTemplates ?? {})) {
      push(union.localTemplates, `${folderOf(file)}\0${name}`, { file, value });
    }
    for (const [name, value] of Object.entries(contribution.variableTypes ?? {})) {
      push(union.variableTypes, `${folderOf(file)}\0${name}`, { file, value });
    }
    for (const [name, value] of Object.entries(contribution.variableObjectMaps ?? {})) {
      push(union.variableObjectMaps, `${folderOf(file)}\0${name}`, { file, value });
    }
    for (const [name, value] of Object.entries(contribution.variableElementDefaults ?? {})) {
      union.variableElementDefaults.set(`${folderOf(file)}\0${name}`, value);
    }
    for (const [name, value] of Object.entries(contribution.tfvars?.assignments ?? {})) {
      const object = contribution.tfvars!.objects?.[name];
      const objectMap = contribution.tfvars!.objectMaps?.[name];
      const secretAt = contribution.tfvars!.secretsAt?.[name];
      push(union.tfvars, `${folderOf(file)}\0${name}`, { file, loadedByItself: contribution.tfvars!.loadedByItself, value, ...(object ? { object } : {}), ...(objectMap ? { objectMap } : {}), ...(secretAt ? { secretAt } : {}) });
    }
    if (contribution.tfvars) {
      union.tfvarsNames.set(file, Object.keys(contribution.tfvars.assignments));
    }
    if (contribution.terragrunt) {
      union.terragrunt.set(file, contribution.terragrunt);
    }
    union.terraformGroups.add(file, contribution);
    union.stackExports.add(file, contribution);
    for (const [input, target] of Object.entries(contribution.moduleInputs ?? {})) {
      noteModuleInput(union, folderOf(file), input, target);
    }
    for (const [name, conditional] of Object.entries(contribution.localConditions ?? {})) {
      push(localConditions, `${folderOf(file)}\0${name}`, conditional);
    }
    for (const [name, targets] of Object.entries(contribution.localArguments ?? {})) {
      targets.forEach((target) => push(localArguments, `${folderOf(file)}\0${name}`, target));
    }
    for (const [input, targets] of Object.entries(contribution.moduleForwards ?? {})) {
      const forwards = union.moduleForwards.get(folderOf(file)) ?? new Map<string, ForwardedInput[]>();
      union.moduleForwards.set(folderOf(file), forwards.set(input, [...(forwards.get(input) ?? []), ...targets]));
    }
    for (const [folder, calls] of Object.entries(contribution.moduleCalls ?? {})) {
      union.moduleCalls.set(folder, [...(union.moduleCalls.get(folder) ?? []), ...calls]);
    }
    for (const [folder, calls] of Object.entries(contribution.moduleCallVariables ?? {})) {
      calls.forEach((variables) => push(union.moduleCallVariables, folder, { folder: folderOf(file), variables }));
    }
    for (const [name, sources] of Object.entries(contribution.requestClients ?? {})) {
      push(union.requestClients, name, { file, sources });
    }
    for (const [child, values] of Object.entries(contribution.nestedStackParameters ?? {})) {
      passed.push({ parent: file, child, values });
    }
  }
  // A child an uploaded copy's URL names is resolved once every file of the workspace is known.
  const files = contributions.map(([file]) => file);
  for (const { parent, child, values } of passed) {
    const target = resolvedChild(child, files.filter((file) => file !== parent));
    const other = target === undefined ? undefined : union.passedParameters.get(target);
    if (target !== undefined) {
      union.passedParameters.set(target, other ? agreed(other, values) : values);
    }
  }
  liftValuesFolders(union);
  // An argument written as a local that another file of the module declares as a conditional on an input.
  for (const [key, targets] of localArguments) {
    const declared = localConditions.get(key);
    if (declared?.length === 1) {
      const folder = key.slice(0, key.indexOf('\0'));
      targets.forEach((target) => noteModuleInput(union, folder, declared[0].input, { ...target, when: declared[0].when }));
    }
  }
  // A table of a Terraform module where an index resource adds to it (or to a table it does not name) has more indexes than its block lists.
  // So has a Java or C# CDK table when some Java or C# file adds an index to a table it does not define.
  union.tables = union.tables.map((table) => {
    const folder = folderOf(table.definedAt.file);
    const elsewhere = table.format === 'terraform' && (indexedElsewhere.has(`${folder}\0${table.logicalName}`) || indexedElsewhere.has(`${folder}\0*`));
    const typedCdk = cdkIndexedElsewhere && table.format === 'cdk' && /\.(?:java|cs)$/.test(table.definedAt.file);
    return elsewhere || typedCdk ? { ...table, indexesKnown: false } : table;
  });
  for (const table of union.tables) {
    if (table.physicalName !== undefined) {
      push(union.byPhysicalName, table.physicalName, table);
    }
    push(union.byScopedName, scopedName(table, table.logicalName), table);
    if (table.format === 'sst') {
      push(union.bySstName, table.logicalName, table);
    }
  }
  for (const fn of union.functions) {
    const locations = [...fn.codePaths];
    if (fn.archive !== undefined) {
      locations.push(...(archives.get(`${folderOf(fn.definedAt.file)}\0${fn.archive}`) ?? []));
    }
    // `cdk` runs in some folder above the stack file: look for the code under each of them.
    for (const relative of fn.codePathsFromApp ?? []) {
      for (const folder of foldersUp(folderOf(fn.definedAt.file))) {
        const path = joinPath(folder, relative);
        if (path !== undefined) {
          locations.push(path);
        }
      }
    }
    union.locations.set(fn, locations);
    union.projects.set(fn, commonFolder([folderOf(fn.definedAt.file), ...locations]));
  }
  return union;
}

function noteModuleInput(union: Union, folder: string, input: string, target: ModuleInputTarget | null): void {
  const inputs = union.moduleInputs.get(folder) ?? new Map<string, ModuleInputTarget | null>();
  union.moduleInputs.set(folder, inputs);
  inputs.set(input, inputs.has(input) ? combinedTarget(inputs.get(input)!, target) : target);
}

/**
 * `.tfvars` files kept in a folder that declares no variable, below the module they set (`elasticache/dev/large.tfvars`,
 * `envs/prod.tfvars`): a plan of the nearest folder above that declares variables loads them only with `-var-file`,
 * so each also counts as such a file of that folder, whose variables it then leaves unknown. A values folder with no
 * such folder above, beside the module in a project's folder instead (`service/prod/terraform.tfvars` next to
 * `service/terraform/`, planned with `-var-file=../prod/terraform.tfvars`), counts so for each sibling folder that
 * declares the variable; at the workspace's top, folders side by side are as likely unrelated projects.
 */
function liftValuesFolders(union: Union): void {
  const declared = new Set<string>();
  for (const byName of [union.variableDefaults, union.variableTypes, union.variableObjects, union.variableObjectMaps]) {
    byName.forEach((_, key) => declared.add(key));
  }
  const declaring = new Set([...declared].map((key) => key.slice(0, key.indexOf('\0'))));
  const declaringBeside = new Map<string, string[]>();
  declaring.forEach((folder) => folderOf(folder) !== '' && push(declaringBeside, folderOf(folder), folder));
  for (const [key, entries] of [...union.tfvars]) {
    const split = key.indexOf('\0');
    const folder = key.slice(0, split);
    const name = key.slice(split + 1);
    if (folder === '' || declaring.has(folder)) {
      continue;
    }
    const above = foldersUp(folderOf(folder)).find((candidate) => declaring.has(candidate));
    const modules = above !== undefined ? [above] : (declaringBeside.get(folderOf(folder)) ?? []).filter((sibling) => declared.has(`${sibling}\0${name}`));
    for (const module of modules) {
      entries.forEach((entry) => push(union.tfvars, `${module}\0${name}`, { ...entry, loadedByItself: false }));
    }
  }
}
