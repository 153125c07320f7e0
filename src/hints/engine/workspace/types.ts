/**
 * The workspace model: the DynamoDB tables, databases, caches and functions that a workspace's
 * infrastructure as code defines, and the names that lead from code to them. Pure: no `vscode`,
 * no file system. Files are named by workspace-relative paths with `/` separators.
 */
import type { SecretConstant } from './secretConstants';
import type { SettingDict } from './pythonSettingDicts';
import type { SettingConstant } from './jsSettingConstants';
import type { Literal } from '../model';
import { Span } from '../types';
import type { CallArguments, ItemHelper, CdkClassMembers, CdkClassShape, CdkWrappedProps, ClientPassingCall, ExportedCall, ExportedClient, ModuleSource, PynamodbClassKind, RequestClasses, RequestClients, RouteCall, ServiceCall, ClassItemMethods, ForwardedCall } from './codeTypes';
import type { GoItemMethod, GoPackageDeclarations, GoPackageFile, GoPackageMembers } from './goTypes';
import type { SpringEntityShape, SpringRepositoryShape } from './springTypes';
import type { ForwardedInput, InputConditional, ModuleInputTarget, TerraformObject, TerraformValue, TerragruntIncludePath, TerragruntParent, TerragruntSettings } from './terraformTypes';

export type { GoCallRef, GoFieldType, GoInputFunction, GoItemMethod, GoPackageDeclarations, GoPackageFile, GoPackageMembers, GoStructTypes } from './goTypes';
export type { SpringEntityShape, SpringRepositoryShape } from './springTypes';
export type { ImportRef, RequestClasses, RouteCall, ServiceCall, PassedArgument, ClientPassingCall, SqlOptionsFlavor, RequestClientSource, RequestClients, CdkMemberType, CdkClassMembers, CdkClassShape, CdkWrappedProps, ModuleSource, ExportedClient, PynamodbClassKind, ExportedCall, BodyClient, YieldedClient, CallArguments, ItemHelper, ExistenceCheck, KeyPart, ClassItemMethod, ClassItemMethods, ForwardedCall } from './codeTypes';
export type { ForwardedInput, InputCondition, InputConditional, ModuleInputTarget, TerraformObject, TerraformScalar, TerraformValue, TerragruntIncludePath, TerragruntParent, TerragruntSettings, TerragruntVarFile } from './terraformTypes';

/** A place in another file, with its line and column (0-based) so adapters need not read that file. */
export interface SourceRef {
  file: string;
  span: Span;
  line: number;
  character: number;
}

export type KeyType = 'S' | 'N' | 'B';

export interface KeyAttribute {
  name: string;
  /** From AttributeDefinitions / `attribute` blocks / CDK `AttributeType`; undefined when not written literally. */
  type?: KeyType;
}

export interface Projection {
  type: 'ALL' | 'KEYS_ONLY' | 'INCLUDE';
  /** `NonKeyAttributes` for INCLUDE. */
  attributes: string[];
}

export interface TableIndex {
  name: string;
  kind: 'gsi' | 'lsi';
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
  /** Undefined when the template does not say (the service default differs per format: see the reader). */
  projection?: Projection;
  definedAt: SourceRef;
}

export type IacFormat = 'cloudformation' | 'terraform' | 'cdk' | 'sst';

export interface TableDefinition {
  /** Logical id (CloudFormation), `aws_dynamodb_table.<name>` / `module.<name>` (Terraform), construct id (CDK). */
  logicalName: string;
  /** The physical table name where the template sets it literally. */
  physicalName?: string;
  /** Where the template builds it with variables (`!Sub "${App}-${Stage}-orders"`): its literal pieces (`workspace/namePatterns.ts`). */
  namePattern?: readonly string[];
  format: IacFormat;
  /** Undefined when the key schema is not written literally: then no key check may run. */
  partitionKey?: KeyAttribute;
  sortKey?: KeyAttribute;
  /** The key schema is read whole and has no sort key: a Query by the partition key matches one item at most. */
  hashOnly?: true;
  /** Complete only when `indexesKnown`: a template that builds its index list dynamically leaves it false. */
  indexes: TableIndex[];
  indexesKnown: boolean;
  billingMode?: 'PROVISIONED' | 'PAY_PER_REQUEST';
  streamViewType?: string;
  ttlAttribute?: string;
  /**
   * Defined in a resource fragment, a file a Serverless service includes in its `resources` (`${file(...)}`, a
   * module `serverless.ts` spreads in), not a stack of its own: with the `self:` path its `TableName` is written as, if one.
   */
  fragment?: { variable?: string };
  definedAt: SourceRef;
}

export type DatabaseKind = 'rds-instance' | 'rds-cluster' | 'elasticache-replication-group' | 'elasticache-cluster' | 'elasticache-serverless';

export interface DatabaseDefinition {
  kind: DatabaseKind;
  logicalName: string;
  format: IacFormat;
  engine?: string;
  engineVersion?: string;
  /** Hint-relevant settings written literally, by their name in the template (`StorageEncrypted`, `multi_az`). */
  settings: Record<string, string | number | boolean>;
  definedAt: SourceRef;
}

/** What an environment variable of a function is wired to. */
export type EnvironmentValue =
  | { kind: 'table'; logicalName: string }
  | { kind: 'literal'; value: string }
  /** A table another module of an SST app exports (see `FileContribution.sstExports`): the module as written, the path there. */
  | { kind: 'exported'; module: string; path: string }
  /** A Serverless service's value the reader cannot follow, which a table of a resource fragment may match. */
  | ServiceOrigin;

/**
 * Where a Serverless service's value the reader cannot follow comes from: the `self:` paths it passes through, and
 * the logical id it references (`Ref`, `Fn::GetAtt`), which a table of a resource fragment of the service may match
 * (`serviceFragments.ts`).
 */
export interface ServiceOrigin {
  kind: 'service';
  paths: readonly string[];
  logicalName?: string;
}

export interface FunctionDefinition {
  logicalName: string;
  format: IacFormat;
  /**
   * The code the function runs, as workspace-relative paths: a folder (SAM `CodeUri`, Terraform
   * `source_dir`, CDK `Code.fromAsset`) or a file (CDK `entry`, a handler resolved to a file).
   */
  codePaths: string[];
  /** `index.handler`, `app.lambda_handler`, `com.example.Handler::handleRequest`. */
  handler?: string;
  environment: Record<string, EnvironmentValue>;
  /** Variables the function sets to values the reader cannot follow (`!If`, `var.x` without a default). */
  unknownEnvironment?: string[];
  /** Serverless: what those of them a resource fragment's table may match come from (`serviceFragments.ts`). */
  serviceOrigins?: Record<string, ServiceOrigin>;
  /** The environment as a whole is not written literally (`environment_variables = local.env`): any variable may be set. */
  environmentUnreadable?: boolean;
  /**
   * CDK paths relative to the folder `cdk` runs in (where cdk.json is), such as `Code.fromAsset('lambda')`:
   * that folder is one of those above the stack file, so the model looks for the code under each of them.
   */
  codePathsFromApp?: string[];
  /** Terraform: the `archive_file` data source whose output is the function's package, found in the module's folder. */
  archive?: string;
  definedAt: SourceRef;
}

/** What one IaC file contributes; the model is the union of all files' contributions. */
export interface FileContribution {
  /** A Spring Boot configuration file's literal passwords by canonical key (`app.redis.password`, `springSecrets.ts`). */
  springSecrets?: Record<string, SecretConstant>;
  /** The module's password literals by import path (Python `db_password = "..."`, `secretConstants.ts`; JavaScript and TypeScript exports, `jsSecretConstants.ts`). */
  secretConstants?: Record<string, SecretConstant>;
  /** The module's exported literal settings by import path (`config.database.public`, `getEnvConfig().protect`; `jsSettingConstants.ts`). */
  settingConstants?: Record<string, SettingConstant>;
  /** A Python settings module's dicts of connection settings by name (`DB_CONFIG = {...}`; `pythonSettingDicts.ts`). */
  settingDicts?: Record<string, { value: SettingDict; line: number; start: number; end: number }>;
  tables: TableDefinition[];
  databases: DatabaseDefinition[];
  functions: FunctionDefinition[];
  /**
   * SAM Python layers that `sam build` builds (`Metadata: BuildMethod: python3.12`): their `ContentUri` folders, whose
   * modules the build puts below the layer's `python` folder, where a handler imports them by their plain name.
   */
  pythonLayerRoots?: string[];
  /** Environment variables set on every function of the file (SAM `Globals.Function.Environment`). */
  globalEnvironment?: Record<string, EnvironmentValue>;
  /** Global variables set to values the reader cannot follow. */
  unknownGlobalEnvironment?: string[];
  /** Serverless: what those of them a resource fragment's table may match come from (`serviceFragments.ts`). */
  serviceOrigins?: Record<string, ServiceOrigin>;
  /** Terraform `archive_file` data sources of the file: name to the source folders or files they pack. */
  archives?: Record<string, string[]>;
  /**
   * Terraform `variable` blocks of the file whose `default` is a single value or a list of them: what
   * `var.name` stands for in the other files of the module's folder. Never a variable whose name says it
   * holds a secret.
   */
  variableDefaults?: Record<string, TerraformValue>;
  /** Terraform `locals` of the file written as such a value: what `local.name` stands for in the module's other files. */
  localValues?: Record<string, TerraformValue>;
  /** Terraform `variable` blocks of the file whose `default` is an object or map: its attributes (see TerraformObject). */
  variableObjects?: Record<string, TerraformObject>;
  /** Terraform `locals` of the file written as an object or map: its attributes, for `local.name.key` in the module's other files. */
  localObjects?: Record<string, TerraformObject>;
  /** Terraform `variable` blocks of the file whose `default` is a map of objects: each element's attributes (a `for_each` over it). */
  variableObjectMaps?: Record<string, Record<string, TerraformObject>>;
  /** The Terraform variables the file declares, each with the words of its `type` (none without one, null when too long to read). */
  variableTypes?: Record<string, string[] | null>;
  /**
   * A Terraform variable definitions file (`*.tfvars`): whether Terraform loads it without being told
   * (`terraform.tfvars`, `*.auto.tfvars`), and the variables it sets, each to a single value or a list of
   * them, or null for anything else (an expression, a map, a secret); and those it sets to an object or map, with its attributes.
   */
  tfvars?: { loadedByItself: boolean; assignments: Record<string, TerraformValue | null>; objects?: Record<string, TerraformObject>; objectMaps?: Record<string, Record<string, TerraformObject>>; secretsAt?: Record<string, SourceRef> };
  /**
   * Terraform security groups (`aws_security_group.web`) that resources or modules of the file refer to: what
   * they may serve, as `iac/groupUse.ts` bits (0: resources other than databases and caches; a database, a cache,
   * or both for a module that may hold either).
   */
  groupUses?: Record<string, number>;
  /** Terraform security groups that modules of the file whose source is a folder of the workspace refer to: those folders. */
  groupModules?: Record<string, string[]>;
  /**
   * A Terraform file with resources or modules: the kinds of data store they may hold, as `iac/groupUse.ts` bits
   * (a database or cache resource its kind, a module from outside the workspace both, 0 none); with `localModules`,
   * the module folders of the workspace it uses.
   */
  dataStores?: number;
  localModules?: string[];
  /** Terraform security groups that an `output` block of the file names: a caller or another configuration may attach them. */
  groupOutputs?: string[];
  /** The file looks security groups up (`data "aws_security_group"`, `"aws_security_groups"`), so it may attach any group of the workspace. */
  groupLookups?: true;
  /** CloudFormation: the export names (as `workspace/stackExports.ts` patterns) of the template's security groups, by logical id. */
  groupExports?: Record<string, string[]>;
  /** CloudFormation: each `Fn::ImportValue` name of the template's resources, with what the importing resources may serve (`iac/groupUse.ts` bits). */
  valueImports?: Record<string, number>;
  /**
   * Terraform: the module's inputs that a database resource of the file takes as a whole argument
   * (`transit_encryption_enabled = var.transit_encryption_enabled`), with that resource type and argument;
   * null for an input two arguments take.
   */
  moduleInputs?: Record<string, ModuleInputTarget | null>;
  /**
   * Terraform: the module's inputs that a `module` block of the file passes whole to a module folder of the
   * workspace (`deletion_protection = var.deletion_protection` in a block whose source is `../aurora`): that
   * folder and its input, where the caller's input of that name arrives in turn.
   */
  moduleForwards?: Record<string, ForwardedInput[]>;
  /**
   * Terraform: the inputs each `module` block of the file writes, by the module folder of the workspace its source
   * names (one list per block): a folder every caller of which sets an input does not run that input's default.
   */
  moduleCalls?: Record<string, string[][]>;
  /**
   * Terraform: of those blocks, in the same order, the inputs each passes as a whole variable of its own module
   * (`sg_rules = var.sg_rules`), by input: the caller's variable name.
   */
  moduleCallVariables?: Record<string, Record<string, string>[]>;
  /** A Terragrunt configuration (`terragrunt.hcl`, `root.hcl`): what it sets for those that include it. */
  terragrunt?: TerragruntSettings;
  /** Terraform: the file's locals that are a conditional on one input of the module (`retention_days = var.prod ? 7 : 0`). */
  localConditions?: Record<string, InputConditional>;
  /**
   * Terraform: arguments of the file's database resources written as a whole local that another file of the
   * module declares (`backup_retention_period = local.retention_days`), by that local's name.
   */
  localArguments?: Record<string, ModuleInputTarget[]>;
  /**
   * Tables of the file's Terraform module that an `aws_dynamodb_global_secondary_index` resource adds an
   * index to, by logical name (`aws_dynamodb_table.name`); `*` when the resource names its table some other way.
   */
  indexedElsewhere?: string[];
  /**
   * A Java or C# CDK file adds an index to a table it does not define (one a factory method of another file
   * returns): no Java or C# CDK table of the workspace is known to list all its indexes.
   */
  cdkIndexedElsewhere?: true;
  /** CloudFormation nested stacks of the file: the parameters it passes to each child template, by the child's path. */
  nestedStackParameters?: Record<string, Record<string, PassedParameter>>;
  /**
   * A Python, JavaScript or TypeScript module that may export a client: its module-level statements, read
   * for the clients they make only when another file imports from the module.
   */
  module?: ModuleSource;
  /**
   * CDK: the classes and interfaces the file declares at module level, by name, with the members another
   * file reads through a value typed with one (`props.tables.notes`).
   */
  cdkClasses?: Record<string, CdkClassMembers>;
  /**
   * CDK: the module-level classes that extend a construct class (`class OrdersTable extends dynamodb.TableV2`,
   * Python `class CoreTable(dynamodb.Table)`), by name, each with that construct: their instances are one.
   */
  cdkConstructSubclasses?: Record<string, string>;
  /**
   * CDK: of those subclasses, the ones whose constructor hands the props it is given on to the construct
   * (`super(scope, id, { ...props, billing: … })`), each with the props written after the spread (normalized).
   */
  cdkSubclassProps?: Record<string, string[]>;
  /** CDK: the module-level classes that wrap a construct made from a member of their props (`workspace/cdkWrappedProps.ts`). */
  cdkWrappedProps?: Record<string, CdkWrappedProps>;
  /**
   * An SST app's stack file: the tables it gives other files, by the path they reach them by (`StorageStack.table`
   * for what a stack function returns, `table` for an exported constant), each as its logical name in the file.
   */
  sstExports?: Record<string, string>;
  /** A Go file (not a test, not vendored): its package and what it declares or calls that other Go files read. */
  goPackage?: GoPackageFile;
  /** A `go.mod`: the path of the module whose root is the file's folder. */
  goModule?: string;
  /** A `tsconfig.json` (or a `tsconfig.*.json` another extends): how it maps non-relative imports to files. */
  tsconfig?: TsconfigFile;
  /** A `package.json` that names a package: which files an import of that name reaches in a monorepo (`packages.ts`). */
  packageJson?: PackageManifest;
  /** A Java or C# file: the client fields its classes let subclasses read, by language and qualified class name (`classFields.ts`). */
  classFields?: Record<string, Record<string, ExportedClient>>;
  /** A Java or C# file: per class, its visible members declared with a type that may be another project class, as the class keys it may stand for (`classHolders.ts`). */
  classHolders?: Record<string, Record<string, string[]>>;
  /** A Java or C# file: per class, its visible methods that call a method of a field declared with another project class, by method name (`classForwards.ts`). */
  classForwards?: Record<string, Record<string, ForwardedCall[]>>;
  /** A Java or C# file: per class, the interfaces it implements, each as the class keys its written name may stand for (`classForwards.ts`). */
  classInterfaces?: Record<string, string[][]>;
  /** A Java or C# file: the simple names of the interfaces its classes implement, once per class, read from its text (`classForwards.ts`). */
  implementedInterfaceNames?: string[];
  /** A C# file: the namespaces its `global using` directives bring into every file of its project (`GlobalUsings.cs`). */
  csharpGlobalUsings?: string[];
  /** A Java or C# file: the classes an object mapper maps, by language and simple name, and whether each has a version attribute (`mappedClasses.ts`). */
  mappedClasses?: Record<string, boolean>;
  /** A Java or C# file: the base class (simple name) each mapped class with no version attribute of its own extends, whose members the mapper maps too (`mappedClasses.ts`). */
  mappedClassBases?: Record<string, string>;
  /** A Java or C# file: its classes' item helpers, by `classKey` (`classItemMethods.ts`). */
  classItemMethods?: Record<string, ClassItemMethods>;
  /** A Java file: its Spring Data DynamoDB repository interfaces, by simple name (`springRepositories.ts`). */
  springRepositories?: Record<string, SpringRepositoryShape>;
  /** A Java file: the packages its `@EnableDynamoDBRepositories` names (or its own, where it names none), whose plain repositories are DynamoDB's. */
  springRepositoryPackages?: string[];
  /** A Java file: the keys and properties of its DynamoDBMapper entity classes, by simple name (`springRepositories.ts`). */
  springEntities?: Record<string, SpringEntityShape>;
  /**
   * A JavaScript or TypeScript file (not a test double): the clients its middleware hangs on the request or
   * the server instance (`req.redis = client`, `ctx.redis = client`, `fastify.decorate('redis', client)`,
   * a `Request` interface that declares `redis: Redis`), by property name, for handlers in other files.
   */
  requestClients?: RequestClients;
  /** A JavaScript, TypeScript or Python file: its calls of other modules' functions and classes, with the clients they pass (`passedClients.ts`). */
  passedClients?: ClientPassingCall[];
  /** A NestJS controller: the methods of injected services its routes call (`code/nestRoutes.ts`). */
  routeCalls?: RouteCall[];
  /** A NestJS file: the services each method of its classes calls (`code/nestRoutes.ts`). */
  serviceCalls?: ServiceCall[];
  /** A Python file: the imported classes it makes per request, and those its classes' constructors make (`code/webHandlers.ts`). */
  requestClasses?: RequestClasses;
  /** A CDK file (not a test): its constructions of classes imported from project modules, with the props they pass (`cdkInstantiations.ts`). */
  cdkInstantiations?: CdkInstantiation[];
  /** A file that imports Pulumi: other Pulumi files may construct its component classes and call its functions (`cdkInstantiations.ts`), so it is one an import can reach. */
  pulumiModule?: true;
}

/** A parameter value a parent stack passes to a nested stack (a string, as CloudFormation passes them); null when it passes one the model does not know. */
export type PassedParameter = string | null;

/**
 * How code names a table: what the code analyzer can tell about a request's `TableName`. `sst`: the name of
 * an SST app's table as its SDK reads it (`Resource.Notes.name`), which the app's names make unique.
 */
/** `pattern`: a name the code builds from pieces (`code/builtNames.ts`); `name` writes each unknown part as `*`. */
export type TableNameRef = { kind: 'literal'; name: string } | { kind: 'env'; variable: string } | { kind: 'sst'; name: string } | { kind: 'pattern'; name: string; pieces: readonly string[] };

/** A prop a CDK construction passes (see `CdkInstantiation`): its literal and where it is written. */
export interface PassedValue {
  literal: Literal;
  at: SourceRef;
  /** As written (shortened). */
  text: string;
}

/** An object literal or keyword arguments a construction passes: each prop's value, null when not a literal; `open`: a spread may pass others. */
export interface PassedObject {
  props: Record<string, PassedValue | null>;
  open?: true;
}

/**
 * A construction of a class imported from a module that may be the project's (`new DatabaseStack(app, 'Db', { … })`,
 * Python `DatabaseStack(app, "Db", multi_az=False)`): the module as written and the name read from it, where the
 * class is named, each positional argument that is an object literal (null for any other), and Python's keywords.
 */
export interface CdkInstantiation {
  module: string;
  path: string;
  at: SourceRef;
  args: (PassedObject | null)[];
  keywords?: PassedObject;
}

/** What the analysis of one file asks of the workspace model. */
export interface WorkspaceView {
  /**
   * The table a name in this code file refers to; undefined when unknown or ambiguous (two
   * functions running this file wire the variable to different tables): precision first.
   */
  resolveTable(codeFile: string, ref: TableNameRef): TableDefinition | undefined;
  /** The literal that every function running this code file sets an environment variable to; undefined otherwise. */
  environmentLiteral?(codeFile: string, variable: string): string | undefined;
  /**
   * The default of `variable "name"` declared in another `.tf` file of the same folder as `file` (one
   * Terraform module), or undefined when none is declared there or its default is not a single value or
   * a list of them.
   */
  terraformVariableDefault?(file: string, name: string): TerraformValue | undefined;
  /**
   * What the `.tfvars` files of the folder of `file` set `var.name` to, instead of its default: the value
   * of the last file Terraform loads by itself that sets it, null when a file sets it to an unknown value
   * or a file loaded only on request (`-var-file`) sets it, undefined when no such file sets it.
   */
  terraformVariableAssigned?(file: string, name: string): TerraformValue | null | undefined;
  /** Where a `.tfvars` file of the folder writes the literal a secret's variable takes (see terraformVariableAssigned). */
  terraformSecretAssignedAt?(file: string, name: string): SourceRef | undefined;
  /** The default of `variable "name"` declared in another `.tf` file of the folder of `file`, when it is an object or map. */
  terraformVariableObject?(file: string, name: string): TerraformObject | undefined;
  /**
   * The object or map the `.tfvars` files of the folder of `file` set `var.name` to (the whole value, as
   * Terraform replaces a default with it): that of the file that decides (see terraformVariableAssigned),
   * null when that value is something else or unknown, undefined when no such file sets it.
   */
  terraformObjectAssigned?(file: string, name: string): TerraformObject | null | undefined;
  /** The default of `variable "name"` declared in another `.tf` file of the folder, when it is a map of objects: each element's attributes. */
  terraformVariableObjectMap?(file: string, name: string): Readonly<Record<string, TerraformObject>> | undefined;
  /** The map of objects the `.tfvars` files of the folder set `var.name` to, as `terraformObjectAssigned` decides: null when it is something else or unknown. */
  terraformObjectMapAssigned?(file: string, name: string): Readonly<Record<string, TerraformObject>> | null | undefined;
  /** The words of the `type` of `variable "name"` declared in another `.tf` file of the folder (none without one, null unread), undefined when none declares it. */
  terraformVariableType?(file: string, name: string): readonly string[] | null | undefined;
  /** The same for `local.name`: its value in another `.tf` file of the folder, written as such a value. */
  terraformLocalValue?(file: string, name: string): TerraformValue | undefined;
  /** The same for `local.name` written as an object or map in another `.tf` file of the folder: its attributes. */
  terraformLocalObject?(file: string, name: string): TerraformObject | undefined;
  /**
   * What the other `.tf` files of the folder of `file` do with a security group (`aws_security_group.web`): the
   * kinds of data store they attach it to, as `iac/groupUse.ts` bits (0: only resources that are not databases or
   * caches, or module folders that hold none; both kinds for another module), undefined when none refers to it.
   */
  terraformGroupUse?(file: string, group: string): number | undefined;
  /**
   * The kinds of data store the `.tf` files of the folder of `file` declare, as `iac/groupUse.ts` bits (both for
   * a module that may make either), undefined when the workspace has no Terraform resource or module there.
   */
  terraformFolderDataStores?(file: string): number | undefined;
  /**
   * Whether a security group of the folder of `file` may be attached beyond that folder: an `output` of the
   * folder names it, or a `.tf` file of the workspace looks groups up by a data source.
   */
  terraformGroupHandedOut?(file: string, group: string): boolean;
  /**
   * For a `module` block of `file` whose source is a folder of the workspace: whether that folder (or a module
   * folder it uses) may hold a database or cache; undefined for a source outside the workspace.
   */
  terraformModuleHoldsDataStore?(file: string, source: string): boolean | undefined;
  /**
   * For a `module` block of `file` whose source is a folder of the workspace (`../modules/cache`): the
   * resource argument each input of that module reaches; undefined when the folder defines none.
   */
  terraformModuleInputs?(file: string, source: string): ReadonlyMap<string, ModuleInputTarget> | undefined;
  /**
   * For a Terragrunt configuration `file` that includes `path`: what that parent's var-files and inputs decide;
   * undefined when the workspace holds no such parent or cannot tell (an unreadable var-file, a nested include).
   */
  terragruntIncluded?(file: string, path: TerragruntIncludePath): TerragruntParent | undefined;
  /**
   * What the resources of the workspace's templates that import security group `group` of template `file` (through
   * its `Outputs` export) may serve, as `iac/groupUse.ts` bits; undefined when it is not exported or nothing imports it.
   */
  stackGroupUse?(file: string, group: string): number | undefined;
  /** The parameters the workspace's parent stacks pass to `file` as a nested stack; undefined when none does. */
  passedParameters?(file: string): Readonly<Record<string, PassedParameter>> | undefined;
  /**
   * The client a workspace module exports, as `codeFile` imports it: `module` as written there (`webapp.cache`,
   * `.cache`, `../lib/dynamo`) and `path` the name read from it (`redis_connection`, `cache.client`, `default`,
   * `''` for the module itself). Undefined when the module is no workspace file, is ambiguous, or the name
   * holds no client.
   */
  importedClient?(codeFile: string, module: string, path: string): ExportedClient | undefined;
  /**
   * The client library name a workspace module imports and passes on, as `codeFile` imports it
   * (`PutCommand` from `../lib/db`, which imports it from `@aws-sdk/lib-dynamodb`): the library's module and
   * the name there. Undefined when the module is no workspace file, is ambiguous, or passes on no such name.
   */
  importedName?(codeFile: string, module: string, path: string): { module: string; name: string } | undefined;
  /**
   * The CDK class or interface a workspace module declares, as `codeFile` imports it (`module` and `path` as
   * for `importedClient`), with its members resolved through the files that declare their types. Undefined
   * when the module is no workspace file, is ambiguous, or declares no such class with a known member.
   */
  importedCdkClass?(codeFile: string, module: string, path: string): CdkClassShape | undefined;
  /**
   * The client a function of a workspace module gives when `codeFile` calls it (imported as `path` from
   * `module`; `''`: a JavaScript module that is a function itself): a top-level Python function read in its
   * module with these strings put for its parameters, an exported JavaScript function read as it is.
   */
  importedCall?(codeFile: string, module: string, path: string, args: CallArguments): ExportedCall | undefined;
  /**
   * What a function a workspace module exports, as `codeFile` imports it, does with one table's items, or with
   * `method`, that method of the class it exports so (`readModifyWriteHelpers.ts`).
   */
  importedItemHelper?(codeFile: string, module: string, path: string, method?: string): ItemHelper | undefined;
  /**
   * What the method `method` of the class that the NestJS providers of the workspace bind to the injection token
   * `key` (`{ provide: 'IUserRepository', useClass: DynamoUserRepository }`) does with one table's items.
   */
  providedItemHelper?(key: string, method: string): ItemHelper | undefined;
  /** Whether any module of the workspace names an item read or a variable put as an item (`itemHelpers.ts`). */
  itemHelpersExist?(): boolean;
  /** Whether the workspace's Python modules name a Redis cache backend of Django and no other (`code/djangoCache.ts`). */
  djangoRedisCaches?(): boolean;
  /**
   * The client fields of a class a workspace module exports, as `codeFile` imports it (`RedisClient` from
   * `./redis.client`, `BaseRepository` from `app.repositories.base`): for the subclasses `codeFile` declares.
   * Undefined when the module is no workspace file, is ambiguous, or the name is no class with client fields.
   */
  importedClassFields?(codeFile: string, module: string, path: string): Readonly<Record<string, ExportedClient>> | undefined;
  /**
   * The password literal a Python module of the workspace binds at its top level to the name `path`, or a JavaScript
   * or TypeScript module exports under it, as `codeFile` imports it (`rds_config.db_password` after `import rds_config`,
   * `dbConfig.PASSWORD` after `require('./db.config')`), with where it is written.
   */
  importedSecret?(codeFile: string, module: string, path: string): { value: string; at: SourceRef } | undefined;
  /**
   * The literal password a Spring Boot configuration file of the workspace writes under a property key
   * (`app.redis.password`), with where it is written: the file nearest `codeFile` (its own service's) that writes it.
   */
  springSecret?(codeFile: string, key: string): { value: string; at: SourceRef } | undefined;
  /**
   * The literal setting a JavaScript or TypeScript module of the workspace exports under the dotted import path `path`
   * (`config.database.public`, `getEnvConfig().protect`: see `jsSettingConstants.ts`), as `codeFile` imports it, with where it is written.
   */
  importedSetting?(codeFile: string, module: string, path: string): { value: boolean | number | string | null; at: SourceRef } | undefined;
  /** A dict of settings a Python settings module binds, as a code file imports it (`from config import DB_CONFIG`). */
  importedDict?(codeFile: string, module: string, path: string): { value: SettingDict; at: SourceRef } | undefined;
  /**
   * The fields of that class (Python) that its methods set only from parameters of unknown value (untyped, or
   * typed botocore `BaseClient`): for the subclasses `codeFile` declares, which read them as of unknown origin.
   */
  importedClassUnknownFields?(codeFile: string, module: string, path: string): readonly string[] | undefined;
  /**
   * What a class a workspace module declares is to PynamoDB (`Order` from `app.models`, a subclass of
   * `pynamodb.models.Model` there), as `codeFile` imports it. Undefined when the module is no workspace file,
   * is ambiguous, or the name is no PynamoDB class.
   */
  importedPynamodbClass?(codeFile: string, module: string, path: string): PynamodbClassKind | undefined;
  /**
   * What the other files of a Go package declare (those of `codeFile`'s folder that name the same package):
   * struct types with their client fields, functions and variables that give a client. A name declared by
   * two of them is left out.
   */
  goPackage?(codeFile: string, packageName: string): GoPackageDeclarations | undefined;
  /** The client fields a Java or C# class of the workspace lets its subclasses read, by `classKey` (language and qualified name). */
  classFields?(codeFile: string, key: string): Readonly<Record<string, ExportedClient>> | undefined;
  /**
   * The namespaces the `global using` directives of the workspace's C# files bring into `codeFile`: those of files in
   * its folder or a folder above it, as a project's `GlobalUsings.cs` at its root reaches the project's files.
   */
  csharpGlobalUsings?(codeFile: string): readonly string[];
  /** Whether the mapped class `key` (language and simple name) has a version attribute; undefined when no file, or two, declare it. */
  mappedClass?(codeFile: string, key: string): boolean | undefined;
  /** The item helpers of the Java or C# class `key` (`classKey`), or of the one class implementing the interface `key`; undefined when none, or two. */
  classItemHelper?(codeFile: string, key: string): ClassItemMethods | undefined;
  /** Whether any Java or C# file of the workspace declares item helpers. */
  classItemHelpersExist?(): boolean;
  /** The Spring Data DynamoDB repository interface, or the entity class, of that simple name; undefined when no file, or two, declare it. */
  springRepository?(codeFile: string, name: string): SpringRepositoryShape | undefined;
  springEntity?(codeFile: string, name: string): SpringEntityShape | undefined;
  /**
   * The exported declarations of the Go package `codeFile` imports by `importPath`, where a `go.mod` of the
   * workspace declares a module whose path leads to a folder of indexed Go files of one package. Undefined
   * for any other import (the standard library, a third-party module, a vendored copy).
   */
  goImport?(codeFile: string, importPath: string): GoPackageMembers | undefined;
  /** The item helpers of the other files of `codeFile`'s Go package (`importPath` `''`), or the exported ones of an imported package (`goModules.ts`). */
  goItemMethods?(codeFile: string, packageName: string, importPath: string): Record<string, GoItemMethod> | undefined;
  /** Whether any Go file of the workspace names a GetItem or PutItem call. */
  goItemHelpersExist?(): boolean;
  /**
   * Whether another Go file calls function `name` of `codeFile`'s package inside a loop or function that pages a
   * DynamoDB read; when `method`, whether one calls a method `name` there on a value that is no SDK client (an interface).
   */
  goCalledWhilePaging?(codeFile: string, packageName: string, name: string, method: boolean): boolean;
  /** The same for a loop or function that reads a batch's `UnprocessedKeys` or `UnprocessedItems`: a batch wrapper's callers that retry it. */
  goCalledWhileRetrying?(codeFile: string, packageName: string, name: string, method: boolean): boolean;
  /**
   * Whether another Go file hands the result of `name` (a function of `codeFile`'s package, or a method when
   * `method`) whole to a go-redis factory. A method counts only when no other file declares an options method of that name.
   */
  goOptionsUsed?(codeFile: string, packageName: string, name: string, method: boolean): boolean;
  /**
   * The client that the middleware of the other files of the workspace hangs on the request under `name`
   * (`req.redis`): undefined when none does, null when they hang something the model cannot tell or clients
   * that differ.
   */
  requestClient?(codeFile: string, name: string): ExportedClient | null | undefined;
  /** The calls other files of the workspace make of `name` (a function or class `codeFile` declares at module level), with the clients they pass. */
  clientPassingCalls?(codeFile: string, name: string): readonly ClientPassingCall[];
  /** The functions of `codeFile` that the workspace's templates name as Lambda handlers (`src/orders.list` → `list`). */
  lambdaHandlers?(codeFile: string): readonly string[];
  /** The methods of the class `className` that `codeFile` declares which NestJS routes of other files call. */
  routeCalledMethods?(codeFile: string, className: string): readonly string[];
  /** The names of the classes `codeFile` declares that other Python modules make on every request. */
  perRequestClasses?(codeFile: string): readonly string[];
  /** The functions of `codeFile` that other Python modules give FastAPI as dependencies, run on every request. */
  perRequestDependencies?(codeFile: string): readonly string[];
  /** The constructions other files (not tests) make of `className`, a class `codeFile` declares at module level, with the props they pass. */
  cdkInstantiations?(codeFile: string, className: string): readonly CdkInstantiation[];
}

/** What a TypeScript config tells about module resolution, as written (`tsconfig.ts`). */
export interface TsconfigFile {
  /** A config it extends, as written. */
  extends?: string;
  baseUrl?: string;
  /** Patterns (`@libs/*`, `config`) to their targets, as written. */
  paths?: Record<string, string[]>;
  /** Where the compiled files go and the folder of the sources they come from, as written. */
  outDir?: string;
  rootDir?: string;
}

/** What a `package.json` tells about importing its package, as written (`packages.ts`). */
export interface PackageManifest {
  name: string;
  /** `types`, `typings`, `module` and `main`, in that order, those present: the package's own entry without `exports`. */
  entries: string[];
  /** The `exports` map as subpaths (`.`, `./db`, `./*`) to every target its conditions give. */
  exports?: Record<string, string[]>;
}
