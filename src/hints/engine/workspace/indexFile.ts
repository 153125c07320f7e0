/**
 * One entry point for the adapters: a file of the workspace, by its kind, to what it contributes to
 * the workspace model. Each format has its own reader; code files count only when they import the CDK,
 * may export a client for other files to import, or (Go) declare or call what the rest of their module uses;
 * a `go.mod` tells its module's path, a `tsconfig.json` its path aliases, a `package.json` the package a monorepo's other packages import, a `.tfvars` file the values it gives a Terraform module's variables.
 * Bounded like the analysis: oversized, minified or binary text is skipped, a time budget may stop a
 * file, and it never throws.
 */
import { Budget, BudgetExceeded, withBudget } from '../budget';
import { DocumentKind } from '../documentKinds';
import { looksLikeCloudFormation } from '../iac/cloudformation';
import { mayBeServerless } from '../iac/serverless';
import { assessText, DEFAULT_LIMITS, LineIndex } from '../text';
import { indexCdk, mayHoldCdk } from './cdk';
import { mayHoldPulumi, pulumiInstantiations } from './pulumiInstantiations';
import { indexTypedCdk, mayHoldTypedCdk } from './typedCdk';
import { indexCloudFormation, indexServiceTree } from './cloudformation';
import { CodeAnalyzer } from '../code/analyzer';
import { javascript, typescript } from '../code/languages/javascript';
import { isServerlessScript, mayDefineService, serviceTree } from '../code/serverlessScript';
import { goModulePath } from './goModules';
import { indexGoPackage, mayContributeGo } from './goPackages';
import { distributedCacheStores } from '../code/distributedCache';
import { cacheManagerStores } from '../code/cacheManagerCaches';
import { djangoCacheMethods } from '../code/djangoCache';
import { globalUsings, indexClassFields, mayLendClassFields, mayUseGlobally } from './classFields';
import { kotlinHolderContribution, mayHoldKotlinClients } from './kotlinHolders';
import { implementedNames, mayForwardCalls, mayImplement } from './classForwards';
import { daggerForwards, mayDeclareDaggerGraph } from './daggerGraphs';
import { indexMappedClasses, mayMapClasses } from './mappedClasses';
import { indexClassItemMethods, indexKotlinClassItems, mayIndexClassItemMethods, mayIndexKotlinClassItems } from './classItemMethods';
import { indexSpringRepositories, mayDeclareKotlinRepositories, mayDeclareRepositories } from './springRepositories';
import { mayExportClients, moduleSource } from './moduleSources';
import { pythonSecretConstants } from './secretConstants';
import { jsSettingConstants } from './jsSettingConstants';
import { pythonSettingConstants } from './pythonSettingConstants';
import { pythonSettingDicts } from './pythonSettingDicts';
import { pythonPathRoots } from './pythonPathEntries';
import { jsSecretConstants } from './jsSecretConstants';
import { cdkPasswordMembers } from './cdkPasswordMembers';
import { jsNameConstants, pythonNameConstants } from './nameConstants';
import { indexAppStateClients, indexRequestClients, mayHangClients } from './requestClients';
import { indexPassedClients, mayPassClients } from './passedClients';
import { indexRequestClasses, indexRouteCalls, mayCallServices, mayMakeRequestClasses } from './routeCalls';
import { contributes, emptyContribution } from './contribution';
import { indexTerraform } from './terraform';
import { indexTfvars } from './tfvars';
import { readPackageJson } from './packages';
import { readTsconfig } from './tsconfig';
import { indexResourceModule, mayHoldServiceResources } from './serviceFragments';
import { maySetSpringSecrets, springSettings } from './springSecrets';
import { springPropertyClasses } from './springPropertyClasses';
import { FileContribution } from './types';

export interface IndexOptions {
  /** Past this budget the file contributes nothing; none: unbounded. */
  budget?: Budget;
  /** Told about an internal failure that indexing swallowed (tests and the CLI's debugging). */
  onError?: (error: unknown) => void;
}

/**
 * Kinds whose files can contribute: templates, CDK apps and client-exporting modules in TypeScript, JavaScript
 * or Python, Go files whose declarations and calls other Go files of their module use, `go.mod` files, and
 * Java and C# files whose classes lend client fields to subclasses in other files or define CDK tables and functions,
 * Kotlin files that declare Spring Data DynamoDB repositories or their entities, and TypeScript configs.
 */
const CONTRIBUTING_KINDS: ReadonlySet<DocumentKind> = new Set(['terraform', 'tfvars', 'yaml', 'json', 'properties', 'typescript', 'javascript', 'python', 'go', 'gomod', 'tsconfig', 'packagejson', 'java', 'kotlin', 'csharp']);

/** Whether files of a kind can contribute at all: adapters need not read the others. */
export function kindMayContribute(kind: DocumentKind): boolean {
  return CONTRIBUTING_KINDS.has(kind);
}

/**
 * How to read a file of this kind and text, or undefined when it cannot contribute, told without reading
 * it further: most code files cannot.
 */
function readerFor(file: string, kind: DocumentKind, text: string): (() => FileContribution | undefined) | undefined {
  if (maySetSpringSecrets(file, kind)) {
    return () => {
      const { secrets, hosts } = springSettings(kind, text);
      return secrets || hosts ? { ...emptyContribution(), ...(secrets ? { springSecrets: secrets } : {}), ...(hosts ? { springHosts: hosts } : {}) } : undefined;
    };
  }
  switch (kind) {
    case 'terraform':
      return () => indexTerraform(file, text, new LineIndex(text));
    case 'tfvars':
      return () => indexTfvars(file, text, new LineIndex(text));
    case 'yaml':
    case 'json':
      return looksLikeCloudFormation(text) || mayBeServerless(text) ? () => indexCloudFormation(file, text, new LineIndex(text)) : undefined;
    case 'typescript':
    case 'javascript':
    case 'python': {
      const reads = {
        cdk: mayHoldCdk(text),
        pulumi: mayHoldPulumi(text),
        exportsClients: mayExportClients(file, kind, text),
        hangsClients: mayHangClients(file, kind, text),
        passesClients: mayPassClients(file, kind, text),
        callsServices: mayCallServices(file, kind, text),
        makesRequestClasses: mayMakeRequestClasses(file, kind, text),
        service: kind !== 'python' && isServerlessScript(file) && mayDefineService(text),
        serviceResources: kind !== 'python' && !isServerlessScript(file) && mayHoldServiceResources(text),
      };
      const read =
        reads.cdk || reads.pulumi || reads.exportsClients || reads.hangsClients || reads.passesClients || reads.callsServices || reads.makesRequestClasses || reads.service || reads.serviceResources
          ? () => readCode(file, kind, text, reads)
          : undefined;
      const secretConstants = kind === 'python' ? pythonSecretConstants(text) : jsSecretConstants(text);
      const settingConstants = kind === 'python' ? pythonSettingConstants(file, text) : jsSettingConstants(file, text);
      const settingDicts = kind === 'python' ? pythonSettingDicts(file, text) : undefined;
      const pythonLayerRoots = kind === 'python' ? pythonPathRoots(file, text) : undefined;
      const nameConstants = kind === 'python' ? pythonNameConstants(text) : jsNameConstants(text);
      const cacheStores = kind === 'python' ? [] : cacheManagerStores(file, text);
      const cacheMethods = kind === 'python' ? djangoCacheMethods(text) : [];
      const passwordMembers = kind === 'python' ? undefined : cdkPasswordMembers(text);
      const constants = {
        ...(secretConstants ? { secretConstants } : {}),
        ...(settingConstants ? { settingConstants } : {}),
        ...(settingDicts ? { settingDicts } : {}),
        ...(pythonLayerRoots ? { pythonLayerRoots } : {}),
        ...(nameConstants ? { nameConstants } : {}),
        ...(cacheStores.length > 0 ? { cacheManagerStores: cacheStores } : {}),
        ...(cacheMethods.length > 0 ? { djangoCacheMethods: cacheMethods } : {}),
        ...(passwordMembers ? { cdkPasswordMembers: passwordMembers } : {}),
      };
      return secretConstants || settingConstants || settingDicts || pythonLayerRoots || nameConstants || passwordMembers || cacheStores.length > 0 || cacheMethods.length > 0 ? () => ({ ...(read?.() ?? emptyContribution()), ...constants }) : read;
    }
    case 'go': {
      const read = mayContributeGo(file, text) ? () => indexGoPackage(text) : undefined;
      // A Go CDK app's tables and functions (`typedCdk.ts`); a test's constructs are never deployed.
      return mayHoldTypedCdk('go', text) && !file.endsWith('_test.go') ? () => ({ ...(read?.() ?? emptyContribution()), ...indexTypedCdk(file, 'go', text) }) : read;
    }
    case 'java':
    case 'csharp':
    case 'kotlin':
      return withPropertyClasses(kind, text, jvmReader(file, kind, text));
    case 'gomod':
      return () => {
        const goModule = goModulePath(text);
        return goModule === undefined ? undefined : { ...emptyContribution(), goModule };
      };
    case 'tsconfig':
      return () => {
        const tsconfig = readTsconfig(text);
        return tsconfig === undefined ? undefined : { ...emptyContribution(), tsconfig };
      };
    case 'packagejson':
      return () => {
        const packageJson = readPackageJson(text);
        return packageJson === undefined ? undefined : { ...emptyContribution(), packageJson };
      };
    default:
      return undefined;
  }
}

/** Java, C# and Kotlin files: the classes and clients other files read (see `readerFor`). */
function jvmReader(file: string, kind: 'java' | 'csharp' | 'kotlin', text: string): (() => FileContribution | undefined) | undefined {
  if (kind === 'java' || kind === 'csharp') {
    return mayLendClassFields(file, kind, text) || mayImplement(file, kind, text) || mayMapClasses(file, kind, text) || (kind === 'java' && mayDeclareRepositories(text)) || (kind === 'csharp' && (mayUseGlobally(text) || distributedCacheStores(text).length > 0)) || mayHoldTypedCdk(kind, text) || mayIndexClassItemMethods(kind, text) || (kind === 'java' && mayDeclareDaggerGraph(file, text)) ? () => indexJvmClasses(file, kind, text) : undefined;
  }
  // Spring Data DynamoDB repositories and their entities, repository classes' item helpers with the classes a mapper maps, and the holders of clients other files read (`kotlinHolders.ts`).
  return mayDeclareKotlinRepositories(text) || mayIndexKotlinClassItems(file, text) || mayHoldKotlinClients(file, text) ? () => indexKotlinRepositories(file, text) : undefined;
}

/** A reader that also keeps the file's `@ConfigurationProperties` classes (`springPropertyClasses.ts`), where it may bind any. */
function withPropertyClasses(kind: DocumentKind, text: string, read: (() => FileContribution | undefined) | undefined): (() => FileContribution | undefined) | undefined {
  if (kind === 'csharp' || !text.includes('@ConfigurationProperties')) {
    return read;
  }
  return () => {
    const prefixes = springPropertyClasses(text);
    const contribution = read?.();
    return prefixes ? { ...(contribution ?? emptyContribution()), springPropertyPrefixes: prefixes } : contribution;
  };
}

/**
 * A code file: the CDK constructs it defines, the Pulumi components it makes from project modules, the module-level statements that may export a client, the clients
 * its middleware hangs on the request, and the clients it passes to other modules' functions and classes.
 */
function readCode(
  file: string,
  kind: 'python' | 'javascript' | 'typescript',
  text: string,
  reads: { cdk: boolean; pulumi: boolean; exportsClients: boolean; hangsClients: boolean; passesClients: boolean; callsServices: boolean; makesRequestClasses: boolean; service: boolean; serviceResources: boolean },
): FileContribution {
  const contribution =
    (reads.cdk && indexCdk(file, text, kind === 'python' ? 'python' : 'js', new LineIndex(text))) ||
    (reads.service && kind !== 'python' && indexServiceScript(file, kind, text)) ||
    (reads.serviceResources && kind !== 'python' && indexResourceModule(file, kind, text)) ||
    emptyContribution();
  const made = reads.pulumi && !contribution.cdkInstantiations ? pulumiInstantiations(file, text, kind === 'python' ? 'python' : 'js') : undefined;
  const module = reads.exportsClients ? moduleSource(file, kind, text) : undefined;
  const requestClients = reads.hangsClients ? (kind === 'python' ? indexAppStateClients(text) : indexRequestClients(file, kind, text)) : undefined;
  const passedClients = reads.passesClients ? indexPassedClients(kind, text) : undefined;
  const nestCalls = reads.callsServices && kind !== 'python' ? indexRouteCalls(kind, text) : undefined;
  const requestClasses = reads.makesRequestClasses ? indexRequestClasses(text) : undefined;
  return {
    ...contribution,
    ...(made ? { cdkInstantiations: made } : {}),
    ...(reads.pulumi ? { pulumiModule: true } : {}),
    ...(module ? { module } : {}),
    ...(requestClients ? { requestClients } : {}),
    ...(passedClients ? { passedClients } : {}),
    ...nestCalls,
    ...(requestClasses ? { requestClasses } : {}),
  };
}

/** A Java or C# file: the client fields its classes lend subclasses, the calls they hand on and the interfaces they implement, the classes an object mapper maps, its repositories' item helpers, C#'s `global using`s, and the CDK tables and functions it defines. */
function indexJvmClasses(file: string, kind: 'java' | 'csharp', text: string): FileContribution | undefined {
  const reads = { lends: mayLendClassFields(file, kind, text), forwards: mayForwardCalls(file, kind, text) };
  const fields = withDaggerForwards(file, kind, text, reads.lends || reads.forwards ? indexClassFields(kind, text, reads) : undefined);
  const implemented = mayImplement(file, kind, text) ? implementedNames(kind, text) : [];
  const mappedClasses = mayMapClasses(file, kind, text) ? indexMappedClasses(kind, text) : undefined;
  const csharpGlobalUsings = kind === 'csharp' && mayUseGlobally(text) ? globalUsings(text) : [];
  const csharpDistributedCaches = kind === 'csharp' ? distributedCacheStores(text) : [];
  const cdk = mayHoldTypedCdk(kind, text) ? indexTypedCdk(file, kind, text) : undefined;
  const spring = kind === 'java' ? indexSpringRepositories(file, text) : undefined;
  const classItemMethods = indexClassItemMethods(file, kind, text);
  if (!mappedClasses && csharpGlobalUsings.length === 0 && csharpDistributedCaches.length === 0 && !cdk && !spring && !classItemMethods && implemented.length === 0) {
    return fields;
  }
  return { ...(fields ?? emptyContribution()), ...(implemented.length > 0 ? { implementedInterfaceNames: implemented } : {}), ...mappedClasses, ...(classItemMethods ? { classItemMethods } : {}), ...(csharpGlobalUsings.length > 0 ? { csharpGlobalUsings } : {}), ...(csharpDistributedCaches.length > 0 ? { csharpDistributedCaches } : {}), ...cdk, ...spring };
}

/** The class fields' contribution with the handed-on calls of the file's Dagger components and modules merged in (`daggerGraphs.ts`). */
function withDaggerForwards(file: string, kind: 'java' | 'csharp', text: string, fields: FileContribution | undefined): FileContribution | undefined {
  const dagger = kind === 'java' && mayDeclareDaggerGraph(file, text) ? daggerForwards(text) : {};
  if (Object.keys(dagger).length === 0) {
    return fields;
  }
  const forwards = { ...fields?.classForwards };
  for (const [key, methods] of Object.entries(dagger)) {
    forwards[key] = { ...forwards[key], ...methods };
  }
  return { ...(fields ?? emptyContribution()), classFields: fields?.classFields ?? {}, classForwards: forwards };
}

function indexKotlinRepositories(file: string, text: string): FileContribution | undefined {
  const spring = mayDeclareKotlinRepositories(text) ? indexSpringRepositories(file, text, 'kotlin') : undefined;
  const items = mayIndexKotlinClassItems(file, text) ? indexKotlinClassItems(file, text) : undefined;
  const holder = mayHoldKotlinClients(file, text) ? kotlinHolderContribution(text) : undefined;
  return spring || items || holder ? { ...emptyContribution(), ...spring, ...items, ...holder } : undefined;
}

/** The tables and functions of a Serverless service a `serverless.ts` or `serverless.js` defines. */
function indexServiceScript(file: string, kind: 'javascript' | 'typescript', text: string): FileContribution | undefined {
  const lines = new LineIndex(text);
  const a = new CodeAnalyzer(text, kind === 'typescript' ? typescript : javascript, lines);
  a.bind();
  const root = serviceTree(a);
  return root ? indexServiceTree(file, lines, root) : undefined;
}

/**
 * What one file contributes to the workspace model, or undefined when it contributes nothing. `file` is
 * the workspace-relative path that the model's references will carry.
 */
export function indexFile(file: string, kind: DocumentKind, text: string, options: IndexOptions = {}): FileContribution | undefined {
  try {
    const reader = readerFor(file, kind, text);
    if (!reader || assessText(text, DEFAULT_LIMITS, file)) {
      return undefined;
    }
    const contribution = withBudget(options.budget, reader);
    return contribution && contributes(contribution) ? contribution : undefined;
  } catch (error) {
    if (!(error instanceof BudgetExceeded)) {
      options.onError?.(error);
    }
    return undefined;
  }
}
