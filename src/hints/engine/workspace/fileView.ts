/**
 * What one file's analysis asks of the workspace model, bound to that file: a Terraform file's values from
 * the rest of its module (`OutsideValues`), and a code file's imports, classes and callers (`ProjectContext`).
 */
import type { ProjectContext } from '../code/projectImports';
import type { OutsideValues } from '../iac/terraformOutside';
import { folderOf } from './paths';
import type { WorkspaceView } from './types';

/** No Django cache class defines a facade method. */
const NO_METHODS: ReadonlySet<string> = new Set();

/** A workspace path written relative to `folder`, as a module source is (`../../modules/db`). */
function fromFolder(folder: string, path: string): string {
  const up = folder === '' ? 0 : folder.split('/').length;
  return up === 0 ? `./${path}` : `${'../'.repeat(up)}${path}`;
}

/** The Terraform file `file`'s view of its module and the workspace. */
export function terraformOutside(view: WorkspaceView, file: string): OutsideValues {
  return {
    variable: (name) => view.terraformVariableDefault?.(file, name),
    assigned: (name) => view.terraformVariableAssigned?.(file, name),
    assignedSecretAt: (name) => view.terraformSecretAssignedAt?.(file, name),
    object: (name) => view.terraformVariableObject?.(file, name),
    assignedObject: (name) => view.terraformObjectAssigned?.(file, name),
    variableType: (name) => view.terraformVariableType?.(file, name),
    objectMap: (name) => view.terraformVariableObjectMap?.(file, name),
    assignedObjectMap: (name) => view.terraformObjectMapAssigned?.(file, name),
    local: (name) => view.terraformLocalValue?.(file, name),
    localObject: (name) => view.terraformLocalObject?.(file, name),
    localTemplate: (name) => view.terraformLocalTemplate?.(file, name),
    groupUse: (group) => view.terraformGroupUse?.(file, group),
    folderDataStores: () => view.terraformFolderDataStores?.(file),
    containerTemplate: (name) => view.terraformContainerTemplate?.(file, name) ?? false,
    randomPasswordUsed: (name) => view.terraformRandomPasswordUsed?.(file, name) ?? false,
    parameterGroupFamily: (reference) => view.terraformParameterGroupFamily?.(file, reference),
    calledAsModule: () => view.terraformCalledAsModule?.(file) ?? false,
    childPasswordOutput: (module, output) => view.terraformChildPasswordOutput?.(file, module, output) ?? false,
    groupHandedOut: (group) => view.terraformGroupHandedOut?.(file, group) ?? true,
    moduleInputs: (source) => view.terraformModuleInputs?.(file, source),
    moduleHoldsDataStore: (source) => view.terraformModuleHoldsDataStore?.(file, source),
    terragruntIncluded: (path) => view.terragruntIncluded?.(file, path),
    repositoryPath: (path) => fromFolder(folderOf(file), path),
  };
}

/** The code file `file`'s view of the other modules of the workspace. */
export function projectContext(view: WorkspaceView, file: string): ProjectContext {
  return {
    file,
    importedClient: (module, path) => view.importedClient?.(file, module, path),
    importedSender: (module, path) => view.importedSender?.(file, module, path),
    importedName: (module, path) => view.importedName?.(file, module, path),
    importedCdkClass: (module, path) => view.importedCdkClass?.(file, module, path),
    importedCall: (module, path, args) => view.importedCall?.(file, module, path, args),
    importedItemHelper: (module, path, method) => view.importedItemHelper?.(file, module, path, method),
    providedItemHelper: (key, method) => view.providedItemHelper?.(key, method),
    itemHelpersExist: () => view.itemHelpersExist?.() ?? false,
    djangoRedisCaches: () => view.djangoRedisCaches?.() ?? false,
    djangoCacheOverrides: () => view.djangoCacheOverrides?.() ?? NO_METHODS,
    cdkPasswordMembers: () => view.cdkPasswordMembers?.(),
    redisDistributedCache: () => view.redisDistributedCache?.() ?? false,
    redisCacheManager: () => view.redisCacheManager?.() ?? false,
    importedClassFields: (module, path) => view.importedClassFields?.(file, module, path),
    importedMethodClient: (module, path, method) => view.importedMethodClient?.(file, module, path, method),
    importedSecret: (module, path) => view.importedSecret?.(file, module, path),
    springSecret: (key) => view.spring?.().secret(file, key),
    springHostValues: (key) => view.spring?.().hostValues(key),
    springPropertyPrefix: (className) => view.spring?.().propertyPrefix(className),
    environmentIsRdsEndpoint: (variable) => view.environmentIsRdsEndpoint?.(file, variable) ?? false,
    environmentIsRdsSecret: (variable) => view.environmentIsRdsEndpoint?.(file, variable, 'rds-secret') ?? false,
    importedSetting: (module, path) => view.importedSetting?.(file, module, path),
    importedDict: (module, path) => view.importedDict?.(file, module, path),
    importedTableName: (module, path) => view.importedTableName?.(file, module, path),
    importedClassUnknownFields: (module, path) => view.importedClassUnknownFields?.(file, module, path),
    importedPynamodbClass: (module, path) => view.importedPynamodbClass?.(file, module, path),
    goPackage: (packageName) => view.goPackage?.(file, packageName),
    classFields: (key) => view.classFields?.(file, key),
    kotlinTopLevel: (packageName, name) => view.kotlinTopLevel?.(file, packageName, name),
    mappedClass: (key) => view.mappedClass?.(file, key),
    classItemHelper: (key) => view.classItemHelper?.(file, key),
    classItemHelpersExist: () => view.classItemHelpersExist?.() ?? false,
    springRepository: (name) => view.springRepository?.(file, name),
    springEntity: (name) => view.springEntity?.(file, name),
    csharpGlobalUsings: () => view.csharpGlobalUsings?.(file) ?? [],
    goImport: (importPath) => view.goImport?.(file, importPath),
    goItemMethods: (packageName, importPath) => view.goItemMethods?.(file, packageName, importPath),
    goItemHelpersExist: () => view.goItemHelpersExist?.() ?? false,
    goCalledWhilePaging: (packageName, name, method) => view.goCalledWhilePaging?.(file, packageName, name, method) ?? false,
    goCalledWhileRetrying: (packageName, name, method) => view.goCalledWhileRetrying?.(file, packageName, name, method) ?? false,
    goOptionsUsed: (packageName, name, method) => view.goOptionsUsed?.(file, packageName, name, method) ?? false,
    requestClient: (name) => view.requestClient?.(file, name),
    clientPassingCalls: (name) => view.clientPassingCalls?.(file, name) ?? [],
    lambdaHandlers: () => view.lambdaHandlers?.(file) ?? [],
    routeCalledMethods: (className) => view.routeCalledMethods?.(file, className) ?? [],
    perRequestClasses: () => view.perRequestClasses?.(file) ?? [],
    perRequestDependencies: () => view.perRequestDependencies?.(file) ?? [],
    cdkInstantiations: (className) => view.cdkInstantiations?.(file, className) ?? [],
  };
}
