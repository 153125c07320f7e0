/**
 * The questions the analysis of one file asks of the workspace model (`workspaceModel.ts` answers them, `fileView.ts`
 * binds them to one file), apart from the data the files contribute (`types.ts`).
 */
import type { BodyClient, CallArguments, CdkClassShape, ClassItemMethods, ClientPassingCall, ExportedCall, ExportedClient, ItemHelper, PynamodbClassKind } from './codeTypes';
import type { GoItemMethod, GoPackageDeclarations, GoPackageMembers } from './goTypes';
import type { SettingDict } from './pythonSettingDicts';
import type { SpringSettings } from './springSecrets';
import type { SpringEntityShape, SpringRepositoryShape } from './springTypes';
import type { ModuleInputTarget, TerraformObject, TerraformValue, TerragruntIncludePath, TerragruntParent } from './terraformTypes';
import type { CdkInstantiation, PassedParameter, RdsSetting, SourceRef, TableDefinition, TableNameRef } from './types';

/** What the analysis of one file asks of the workspace model. */
export interface WorkspaceView {
  /**
   * The table a name in this code file refers to; undefined when unknown or ambiguous (two
   * functions running this file wire the variable to different tables): precision first.
   */
  resolveTable(codeFile: string, ref: TableNameRef): TableDefinition | undefined;
  /** The literal that every function running this code file sets an environment variable to; undefined otherwise. */
  environmentLiteral?(codeFile: string, variable: string): string | undefined;
  /** Whether every function running this code file sets an environment variable to the endpoint address of an RDS instance, cluster or proxy (or, `rds-secret`, to its generated secret). */
  environmentIsRdsEndpoint?(codeFile: string, variable: string, kind?: RdsSetting): boolean;
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
  /** The same for `local.name` written as a URL template in another `.tf` file of the folder: its text between the quotes. */
  terraformLocalTemplate?(file: string, name: string): string | undefined;
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
  /** Whether a task definition of the folder of `file` takes the text a `template_file` data source of that name renders as its containers. */
  terraformContainerTemplate?(file: string, name: string): boolean;
  /** Whether a file of the folder of `file` gives the result of `random_password.name` a database or cache password argument. */
  terraformRandomPasswordUsed?(file: string, name: string): boolean;
  /** The family a `.tf` file of the folder of `file` writes, as a string, for the parameter group `reference` (`aws_db_parameter_group.main`). */
  terraformParameterGroupFamily?(file: string, reference: string): string | undefined;
  /**
   * Whether a `module` block of the workspace names the folder of `file` as its source: the folder is then a child
   * module, whose outputs go to the block that calls it, and neither state nor `terraform_remote_state` shows them.
   */
  terraformCalledAsModule?(file: string): boolean;
  /** Whether the folder the `module` block `module` of the folder of `file` calls hands out a password as its output `output`. */
  terraformChildPasswordOutput?(file: string, module: string, output: string): boolean;
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
  /** The client method that a function a code file imports sends when called (`ExportedClient.sends`: `getAsync: promisify(client.get).bind(client)`), as `importedClient` resolves names. */
  importedSender?(codeFile: string, module: string, path: string): ExportedClient | undefined;
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
  /** The Django cache facade's methods that the workspace's own cache backend or django-redis client classes define (`code/djangoCache.ts`). */
  djangoCacheOverrides?(): ReadonlySet<string>;
  /** The password members CDK modules that make RDS databases write in plain text (`workspace/cdkPasswordMembers.ts`). */
  cdkPasswordMembers?(): ReadonlySet<string>;
  /** Whether the workspace's C# code registers `IDistributedCache` on Redis and on no other store (`code/distributedCache.ts`). */
  redisDistributedCache?(): boolean;
  /** Whether the workspace's JavaScript and TypeScript code registers cache-manager on a Redis store and on no other (`code/cacheManagerCaches.ts`). */
  redisCacheManager?(): boolean;
  /**
   * The client fields of a class a workspace module exports, as `codeFile` imports it (`RedisClient` from
   * `./redis.client`, `BaseRepository` from `app.repositories.base`): for the subclasses `codeFile` declares.
   * Undefined when the module is no workspace file, is ambiguous, or the name is no class with client fields.
   */
  importedClassFields?(codeFile: string, module: string, path: string): Readonly<Record<string, ExportedClient>> | undefined;
  /**
   * The client the method `method` of what a workspace module's `path` makes, as `codeFile` imports it (an instance of
   * the class it exports, or the object its exported factory returns), makes or opens in its body on each call: a SQL
   * connection or pool (`code/sqlHelpers.ts`'s held instances), or an SDK or Redis client (`code/instanceMethodClients.ts`).
   */
  importedMethodClient?(codeFile: string, module: string, path: string, method: string): BodyClient['bodyClient'] | undefined;
  /**
   * The password literal a Python module of the workspace binds at its top level to the name `path`, or a JavaScript
   * or TypeScript module exports under it, as `codeFile` imports it (`rds_config.db_password` after `import rds_config`,
   * `dbConfig.PASSWORD` after `require('./db.config')`), with where it is written.
   */
  importedSecret?(codeFile: string, module: string, path: string): { value: string; at: SourceRef } | undefined;
  /**
   * The workspace's Spring Boot configuration (`springSecrets.ts`): the literal password a file writes under a property
   * key (`app.redis.password`), the file nearest the code (its own service's) first; every server the files (each
   * profile, tests aside) write under a key, placeholders of other keys followed (`spring.data.redis.host:
   * ${redis.host}`), undefined when one cannot be told; the prefix a `@ConfigurationProperties` class binds.
   */
  spring?(): Pick<SpringSettings, 'secret' | 'hostValues' | 'propertyPrefix'>;
  /**
   * The literal setting a JavaScript or TypeScript module of the workspace exports under the dotted import path `path`
   * (`config.database.public`, `getEnvConfig().protect`: see `jsSettingConstants.ts`), as `codeFile` imports it, with where it is written.
   */
  importedSetting?(codeFile: string, module: string, path: string): { value: boolean | number | string | null; at: SourceRef } | undefined;
  /**
   * What a name another module of the workspace binds says about a table's name, as `codeFile` imports it (`TABLE_NAME`
   * after `import { TABLE_NAME } from '../db'`, where that module exports `process.env.TABLE_NAME`): the literal or the
   * environment variable, read as this file reads it (`nameConstants.ts`).
   */
  importedTableName?(codeFile: string, module: string, path: string): TableNameRef | undefined;
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
  /** The client a Kotlin top-level property of the package holds (`val ddbClient by lazy { ... }`, `kotlinHolders.ts`). */
  kotlinTopLevel?(codeFile: string, packageName: string, name: string): ExportedClient | undefined;
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
