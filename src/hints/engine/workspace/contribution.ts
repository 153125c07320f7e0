/** What every IaC reader of the workspace model needs: source references, key types, and which settings to keep. */
import { LineIndex } from '../text';
import { Span } from '../types';
import { FileContribution, KeyType, SourceRef } from './types';

export function sourceRef(file: string, lines: LineIndex, span: Span): SourceRef {
  const { line, character } = lines.position(span.start);
  return { file, span: { start: span.start, end: span.end }, line, character };
}

/** `S`, `N`, `B` as DynamoDB writes them, or SAM's and CDK's `String`, `Number`, `Binary` (any case). */
export function keyTypeOf(written: string | undefined): KeyType | undefined {
  switch (written?.toUpperCase()) {
    case 'S':
    case 'STRING':
      return 'S';
    case 'N':
    case 'NUMBER':
      return 'N';
    case 'B':
    case 'BINARY':
      return 'B';
    default:
      return undefined;
  }
}

/** Settings copied into the model: never a password or token (it stays where it is written), never `__proto__`. */
export function keepsSetting(name: string): boolean {
  return !/password|secret|token|credential/i.test(name) && name !== '__proto__';
}

/**
 * What the model holds for a secret written as a literal (a Terraform variable's default `"hunter2"`): that
 * a literal is written, never the literal itself, so that a file reading the variable knows its secret is in
 * source control.
 */
export const WRITTEN_SECRET = '(a literal secret)';

/**
 * An environment variable name as Lambda accepts it (a letter, then letters, digits and `_`); other keys
 * are never set at run time, and are not used as record keys.
 */
export function isEnvironmentName(name: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_]+$/.test(name);
}

export function emptyContribution(): FileContribution {
  return { tables: [], databases: [], functions: [] };
}

/** Whether a contribution adds anything to the model. */
export function contributes(contribution: FileContribution): boolean {
  return (
    contribution.module !== undefined ||
    Object.keys(contribution.cdkClasses ?? {}).length > 0 ||
    Object.keys(contribution.cdkConstructSubclasses ?? {}).length > 0 ||
    Object.keys(contribution.cdkWrappedProps ?? {}).length > 0 ||
    Object.keys(contribution.cdkLambdaTemplates ?? {}).length > 0 ||
    (contribution.cdkLambdaCalls?.length ?? 0) > 0 ||
    Object.keys(contribution.sstExports ?? {}).length > 0 ||
    contribution.goPackage !== undefined ||
    Object.keys(contribution.requestClients ?? {}).length > 0 ||
    (contribution.passedClients?.length ?? 0) > 0 ||
    (contribution.cdkInstantiations?.length ?? 0) > 0 ||
    contribution.pulumiModule !== undefined ||
    (contribution.routeCalls?.length ?? 0) > 0 ||
    (contribution.serviceCalls?.length ?? 0) > 0 ||
    contribution.requestClasses !== undefined ||
    contribution.goModule !== undefined ||
    (contribution.pythonLayerRoots?.length ?? 0) > 0 ||
    contribution.tsconfig !== undefined ||
    contribution.packageJson !== undefined ||
    Object.keys(contribution.classFields ?? {}).length > 0 ||
    Object.keys(contribution.secretConstants ?? {}).length > 0 ||
    (contribution.cdkPasswordMembers?.length ?? 0) > 0 ||
    Object.keys(contribution.springSecrets ?? {}).length > 0 ||
    Object.keys(contribution.springHosts ?? {}).length > 0 ||
    Object.keys(contribution.springPropertyPrefixes ?? {}).length > 0 ||
    Object.keys(contribution.settingConstants ?? {}).length > 0 ||
    Object.keys(contribution.settingDicts ?? {}).length > 0 ||
    Object.keys(contribution.nameConstants ?? {}).length > 0 ||
    Object.keys(contribution.classHolders ?? {}).length > 0 ||
    Object.keys(contribution.classForwards ?? {}).length > 0 ||
    Object.keys(contribution.classInterfaces ?? {}).length > 0 ||
    (contribution.implementedInterfaceNames?.length ?? 0) > 0 ||
    Object.keys(contribution.mappedClasses ?? {}).length > 0 ||
    Object.keys(contribution.mappedClassBases ?? {}).length > 0 ||
    Object.keys(contribution.classItemMethods ?? {}).length > 0 ||
    contribution.kotlinHolder !== undefined ||
    Object.keys(contribution.springRepositories ?? {}).length > 0 ||
    (contribution.springRepositoryPackages?.length ?? 0) > 0 ||
    Object.keys(contribution.springEntities ?? {}).length > 0 ||
    (contribution.csharpGlobalUsings?.length ?? 0) > 0 ||
    (contribution.csharpDistributedCaches?.length ?? 0) > 0 ||
    (contribution.cacheManagerStores?.length ?? 0) > 0 ||
    (contribution.djangoCacheMethods?.length ?? 0) > 0 ||
    contribution.tables.length > 0 ||
    contribution.databases.length > 0 ||
    contribution.functions.length > 0 ||
    Object.keys(contribution.globalEnvironment ?? {}).length > 0 ||
    (contribution.unknownGlobalEnvironment?.length ?? 0) > 0 ||
    Object.keys(contribution.archives ?? {}).length > 0 ||
    (contribution.containerTemplates?.length ?? 0) > 0 ||
    (contribution.randomPasswords?.length ?? 0) > 0 ||
    Object.keys(contribution.parameterGroupFamilies ?? {}).length > 0 ||
    (contribution.passwordOutputNames?.length ?? 0) > 0 ||
    Object.keys(contribution.moduleFolders ?? {}).length > 0 ||
    Object.keys(contribution.variableDefaults ?? {}).length > 0 ||
    Object.keys(contribution.localValues ?? {}).length > 0 ||
    Object.keys(contribution.variableObjects ?? {}).length > 0 ||
    Object.keys(contribution.localObjects ?? {}).length > 0 ||
    Object.keys(contribution.localTemplates ?? {}).length > 0 ||
    Object.keys(contribution.variableTypes ?? {}).length > 0 ||
    Object.keys(contribution.variableObjectMaps ?? {}).length > 0 ||
    Object.keys(contribution.variableElementDefaults ?? {}).length > 0 ||
    contribution.tfvars !== undefined ||
    contribution.terragrunt !== undefined ||
    Object.keys(contribution.groupUses ?? {}).length > 0 ||
    Object.keys(contribution.groupModules ?? {}).length > 0 ||
    contribution.dataStores !== undefined ||
    (contribution.groupOutputs?.length ?? 0) > 0 ||
    contribution.groupLookups !== undefined ||
    Object.keys(contribution.moduleInputs ?? {}).length > 0 ||
    Object.keys(contribution.moduleForwards ?? {}).length > 0 ||
    Object.keys(contribution.moduleCalls ?? {}).length > 0 ||
    Object.keys(contribution.moduleCallVariables ?? {}).length > 0 ||
    Object.keys(contribution.localConditions ?? {}).length > 0 ||
    Object.keys(contribution.localArguments ?? {}).length > 0 ||
    Object.keys(contribution.nestedStackParameters ?? {}).length > 0 ||
    Object.keys(contribution.groupExports ?? {}).length > 0 ||
    Object.keys(contribution.valueImports ?? {}).length > 0 ||
    (contribution.indexedElsewhere?.length ?? 0) > 0 ||
    contribution.cdkIndexedElsewhere === true ||
    contribution.cdkClassLinks !== undefined
  );
}
