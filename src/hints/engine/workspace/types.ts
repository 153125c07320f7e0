/**
 * The workspace model: the DynamoDB tables, databases, caches and functions that a workspace's
 * infrastructure as code defines, and the names that lead from code to them. Pure: no `vscode`,
 * no file system. Files are named by workspace-relative paths with `/` separators.
 */
import type { SecretConstant } from './secretConstants';
import type { NameConstant } from './nameConstants';
import type { SettingDict } from './pythonSettingDicts';
import type { SettingConstant } from './jsSettingConstants';
import type { Literal } from '../model';
import { Span } from '../types';
import type { CdkClassMembers, CdkWrappedProps, ClientPassingCall, ExportedClient, KotlinHolderSource, ModuleSource, RequestClasses, RequestClients, RouteCall, ServiceCall, ClassItemMethods, ForwardedCall } from './codeTypes';
import type { GoPackageFile } from './goTypes';
import type { SpringEntityShape, SpringRepositoryShape } from './springTypes';
import type { ForwardedInput, InputConditional, ModuleInputTarget, TerraformObject, TerraformValue, TerragruntSettings } from './terraformTypes';

export type { WorkspaceView } from './workspaceView';
export type { GoCallRef, GoFieldType, GoInputFunction, GoItemMethod, GoPackageDeclarations, GoPackageFile, GoPackageMembers, GoStructTypes } from './goTypes';
export type { SpringEntityShape, SpringRepositoryShape } from './springTypes';
export type { ImportRef, KotlinHolderSource, RequestClasses, RouteCall, ServiceCall, PassedArgument, ClientPassingCall, SqlOptionsFlavor, RequestClientSource, RequestClients, CdkMemberType, CdkClassMembers, CdkClassShape, CdkWrappedProps, ModuleSource, ExportedClient, PynamodbClassKind, ExportedCall, BodyClient, YieldedClient, CallArguments, ItemHelper, RequestForwarding, ExistenceCheck, KeyPart, ClassItemMethod, ClassItemMethods, ForwardedCall, HandOn } from './codeTypes';
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

/** What an environment variable can say of an RDS database: its endpoint's address, or its generated secret's ARN or name. */
export type RdsSetting = 'rds-endpoint' | 'rds-secret';

/** What an environment variable of a function is wired to. */
export type EnvironmentValue =
  /** A table of the function's own file, or of `file` (a factory of another file made the function: `cdkLambdaExpansion.ts`). */
  | { kind: 'table'; logicalName: string; file?: string }
  | { kind: 'literal'; value: string }
  /** The endpoint address of an RDS instance, cluster or proxy the same template, configuration or app defines. */
  | { kind: 'rds-endpoint' }
  /** The ARN or name of the secret RDS keeps an instance's or cluster's master user in, whose JSON holds its `host` (`RdsSetting`). */
  | { kind: 'rds-secret' }
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
  /** The workspace files the service's `resources` includes (`${file(...)}`): a fragment among them is the service's own. */
  includes?: readonly string[];
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
  /** Serverless: defined in a module of its own that `serverless.ts` imports (`serviceFunctionModules.ts`), not in the service file. */
  serviceModule?: true;
  /** An ECS container whose image is built from the code folder (`containerEnvironments.ts`), not a Lambda function. */
  container?: true;
  definedAt: SourceRef;
}

/** What one IaC file contributes; the model is the union of all files' contributions. */
export interface FileContribution {
  /** A Spring Boot configuration file's literal passwords by canonical key (`app.redis.password`, `springSecrets.ts`). */
  springSecrets?: Record<string, SecretConstant>;
  /** A Spring Boot configuration file's server values (`app.cache.host`), every profile's, by canonical key (`springSecrets.ts`). */
  springHosts?: Record<string, string[]>;
  /** A Java or Kotlin file's `@ConfigurationProperties` classes by name, with their prefixes (`springPropertyClasses.ts`). */
  springPropertyPrefixes?: Record<string, string>;
  /** The module's password literals by import path (Python `db_password = "..."`, `secretConstants.ts`; JavaScript and TypeScript exports, `jsSecretConstants.ts`). */
  secretConstants?: Record<string, SecretConstant>;
  /** The password members a CDK module that makes RDS databases writes in plain text (`SecretValue.unsafePlainText(config.db_pass)`; `cdkPasswordMembers.ts`). */
  cdkPasswordMembers?: string[];
  /** The module's exported literal settings by import path (`config.database.public`, `getEnvConfig().protect`; `jsSettingConstants.ts`). */
  settingConstants?: Record<string, SettingConstant>;
  /** The module's names bound to a plain string or an environment variable read, by import path (`nameConstants.ts`): a table's name for the modules that import it. */
  nameConstants?: Record<string, NameConstant>;
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
  /** Terraform `template_file` data sources whose `rendered` text a task definition of the file takes as its `container_definitions`. */
  containerTemplates?: string[];
  /** Terraform `random_password` resources whose result the file gives a database or cache password argument. */
  randomPasswords?: string[];
  /** Terraform parameter groups of the file whose `family` is a string: `type.name` to that family (`terraformGroupFamilies.ts`). */
  parameterGroupFamilies?: Record<string, string>;
  /** Terraform `output` blocks of the file that hand out a database or cache password, by name. */
  passwordOutputNames?: string[];
  /** Terraform `module` blocks of the file whose source is a folder of the workspace: that folder, by the block's name. */
  moduleFolders?: Record<string, string>;
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
  /** Terraform `locals` of the file written as a URL template with interpolations: its text between the quotes, for `local.name` in the module's other files. */
  localTemplates?: Record<string, string>;
  /** Terraform `variable` blocks of the file whose `default` is a map of objects: each element's attributes (a `for_each` over it). */
  variableObjectMaps?: Record<string, Record<string, TerraformObject>>;
  /** Terraform `variable` blocks of the file typed as a collection of objects whose type defaults attributes (`map(object({ x = optional(bool, true) }))`): those defaults. */
  variableElementDefaults?: Record<string, TerraformObject>;
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
  /** Java and C# CDK: how the file's classes hand tables to one another (`typedCdkClasses.ts`). */
  cdkClassLinks?: CdkClassLinks;
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
  /** A C# file: the `IDistributedCache` stores it registers, Redis or another (`code/distributedCache.ts`). */
  csharpDistributedCaches?: ('redis' | 'other')[];
  /** A JavaScript or TypeScript file: the cache-manager stores it registers, Redis or another (`code/cacheManagerCaches.ts`). */
  cacheManagerStores?: ('redis' | 'other')[];
  /** A Python file: the methods its Django cache backend and django-redis client classes define (`code/djangoCache.ts`). */
  djangoCacheMethods?: string[];
  /** A Java or C# file: the classes an object mapper maps, by language and simple name, and whether each has a version attribute (`mappedClasses.ts`). */
  mappedClasses?: Record<string, boolean>;
  /** A Java or C# file: the base class (simple name) each mapped class with no version attribute of its own extends, whose members the mapper maps too (`mappedClasses.ts`). */
  mappedClassBases?: Record<string, string>;
  /** A Kotlin file whose objects, companion objects or top-level properties may hold clients for other files (`kotlinHolders.ts`). */
  kotlinHolder?: KotlinHolderSource;
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
  /** CDK: the Lambda functions the file's module-level functions and classes make from their parameters, by name (`cdkLambdaTemplates.ts`). */
  cdkLambdaTemplates?: Record<string, LambdaTemplate>;
  /** CDK: the file's calls of such factories, of other files or its own, with what they pass (`cdkLambdaTemplates.ts`). */
  cdkLambdaCalls?: LambdaFactoryCall[];
  /** A CDK file (not a test): its constructions of classes imported from project modules, with the props they pass (`cdkInstantiations.ts`). */
  cdkInstantiations?: CdkInstantiation[];
  /** A file that imports Pulumi: other Pulumi files may construct its component classes and call its functions (`cdkInstantiations.ts`), so it is one an import can reach. */
  pulumiModule?: true;
}

/**
 * A parameter value a parent stack passes to a nested stack (a string, as CloudFormation passes them); null when it
 * passes one the model does not know; the choices, where several parents of one child do not agree.
 */
export type PassedParameter = string | null | PassedChoices;

/** What parents that disagree pass: the values known, and whether some parent leaves the child's default. */
export interface PassedChoices {
  readonly anyOf: readonly string[];
  readonly atDefault: boolean;
}

/** A parameter a CDK Lambda factory reads: its position, and the members below it (`props.environment` of the third: 2, `environment`). */
export interface LambdaParameter {
  position: number;
  members: string[];
}

/** An environment a factory takes from a parameter, and whether it comes after the variables the factory writes beside it. */
export interface LambdaTemplateSpread {
  parameter: LambdaParameter;
  last: boolean;
}

/**
 * A Lambda function a factory makes from its parameters: the function as the factory's file reads it, each parameter
 * its strings read marked there (`cdkLambdaTemplates.ts` `parameterMark`), the environments it takes from parameters,
 * and the function's index in the file's `functions`, which the calls replace.
 */
export interface LambdaTemplate {
  construction: boolean;
  fn: FunctionDefinition;
  spreads: LambdaTemplateSpread[];
  base: number;
}

/** What a call passes to a Lambda factory, as the calling file reads it; what it cannot read is left out (null). */
export type FactoryArgument =
  | { kind: 'text'; value: string }
  | { kind: 'location'; path: string; fromApp: boolean }
  | { kind: 'environment'; value: EnvironmentValue }
  | { kind: 'table'; logicalName: string }
  | { kind: 'object'; entries: Record<string, FactoryArgument>; open: boolean }
  /** An object's entry whose value cannot be read: the key is set, to something the model does not know. */
  | { kind: 'unknown' };

/** A call of a Lambda factory: the module it is imported from (none: the file's own), its name there, and its arguments. */
export interface LambdaFactoryCall {
  module?: string;
  name: string;
  construction: boolean;
  args: (FactoryArgument | null)[];
  definedAt: SourceRef;
}

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
  /** module-alias's `_moduleAliases`, alias to target (`moduleAliases.ts`). */
  moduleAliases?: Record<string, string>;
}

/** What a construction of a Java or C# class passes at one position: a table of its file, a field of an object of another class, or its own constructor's parameter. */
export type CdkPassedValue = { kind: 'table'; logicalName: string } | { kind: 'member'; class: string; field: string } | { kind: 'parameter'; class: string; index: number };

/** What a Java or C# CDK file says about tables handed between classes; the model joins the files (`typedCdkPassed.ts`). */
export interface CdkClassLinks {
  /** The classes the file declares: a class two files declare gives nothing. */
  classes: string[];
  /** `Class.field` to the logical name of the one table of the file assigned to it. */
  fields: Record<string, string>;
  /** Constructions of classes, with what each argument passes (null: nothing followed). */
  constructions: { class: string; args: (CdkPassedValue | null)[] }[];
  /** Variables of the file's functions (by position in `functions`) set to the name of a table a constructor parameter holds. */
  passed: { fn: number; variable: string; class: string; index: number }[];
}
