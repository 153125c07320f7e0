/**
 * The workspace model: the union of what each IaC file contributes, kept current file by file, and the
 * view a code analysis asks of it. Names resolve to a table only when the answer is certain: a literal
 * name matches one table's physical name; an environment variable goes through the functions that run
 * the code file, and two of them wiring it to different tables give no answer.
 */
import { SpringSettings } from './springSecrets';
import { tableFittingPattern } from './namePatterns';
import { NO_ARGUMENTS } from '../code/projectImports';
import { contributes } from './contribution';
import { Claim, claimOf, handlerFunction } from './functionCode';
import { InstantiationAnswers } from './cdkInstantiations';
import { GoModuleIndex } from './goModules';
import { ImportedClients } from './importedClients';
import { importTarget } from './importTargets';
import { PassedClientIndex } from './passedClients';
import { dependencyIndex, requestClassIndex, routeCalledIndex } from './routeCalls';
import { tsconfigPathsOf } from './tsconfig';
import { importedConstant } from './importedConstants';
import { folderOf, isWithin, joinPath, withoutExtension } from './paths';
import { ClassAnswers } from './classAnswers';
import { push } from '../multimap';
import { buildUnion, scopedName, Union } from './workspaceUnion';
import { withFactoryFunctions } from './cdkLambdaExpansion';
import { withPassedTables } from './typedCdkPassed';
import { fragmentTable } from './serviceFragments';
import { scopedByService } from './serviceFunctionModules';
import { BodyClient, CallArguments, CdkClassMembers, CdkInstantiation, CdkWrappedProps, ClientPassingCall, CdkClassShape, DatabaseDefinition, EnvironmentValue, ExportedCall, ExportedClient, FileContribution, FunctionDefinition, GoItemMethod, GoPackageDeclarations, GoPackageMembers, ItemHelper, ModuleSource, PassedParameter, PynamodbClassKind, RdsSetting, RequestClasses, RouteCall, ServiceCall, SourceRef, TableDefinition, TableNameRef, WorkspaceView } from './types';
import type { SettingDict } from './pythonSettingDicts';

/** What changed: the model's new version and the files whose contribution changed. */
export interface WorkspaceChange {
  version: number;
  files: readonly string[];
}

/** What one function sets a variable to: a value, something the templates do not say, or nothing. */
type Setting = EnvironmentValue | 'unknown' | undefined;

export class WorkspaceModel extends ClassAnswers implements WorkspaceView {
  /** Per file: its contribution, and its JSON once an update needed to compare it. */
  private readonly contributions = new Map<string, { contribution: FileContribution; fingerprint?: string }>();
  private readonly listeners = new Set<(change: WorkspaceChange) => void>();
  private currentVersion = 0;
  private union: Union | undefined;
  /** The clients code modules export, by import; rebuilt on the first question after a change. */
  private imports: ImportedClients | undefined;
  /** The calls that pass clients to other files' functions and classes, by the files they may lead to: built on first use. */
  private passedClients: PassedClientIndex | undefined;
  /** The service methods NestJS routes call, by declaring file and class: built on first use. */
  private routeCalled: Map<string, Set<string>> | undefined;
  /** The Python classes made per request, by declaring file: built on first use. */
  private requestClasses: { classes: Map<string, Set<string>>; dependencies: Map<string, Set<string>> } | undefined;
  /** The Go modules and packages of the workspace; rebuilt on the first question after a change. */
  private goIndex: GoModuleIndex | undefined;
  /** The CDK constructions of project classes, by the file that makes them, and answers by `file\0class`: built on first use. */
  private instantiations: InstantiationAnswers | undefined;
  /** The Spring configuration files that write each password key, built on the first question after a change. */
  private springSettings: SpringSettings | undefined;
  /** Files changed inside `batch`, announced when it ends. */
  private pending: Set<string> | undefined;

  /** Grows by one with every change; a cached analysis made at an older version is stale. */
  get version(): number {
    return this.currentVersion;
  }

  /** Sets what a file contributes (undefined or an empty contribution: nothing). Returns whether the model changed. */
  update(file: string, contribution: FileContribution | undefined): boolean {
    if (!contribution || !contributes(contribution)) {
      return this.remove(file);
    }
    // Compared only when the file contributed before: a first build never serialises anything.
    const previous = this.contributions.get(file);
    let fingerprint: string | undefined;
    if (previous) {
      previous.fingerprint ??= JSON.stringify(previous.contribution);
      fingerprint = JSON.stringify(contribution);
      if (previous.fingerprint === fingerprint) {
        return false;
      }
    }
    this.contributions.set(file, { contribution, fingerprint });
    this.changed(file);
    return true;
  }

  /** Forgets a file (deleted, or no longer a template). Returns whether the model changed. */
  remove(file: string): boolean {
    if (!this.contributions.delete(file)) {
      return false;
    }
    this.changed(file);
    return true;
  }

  /** Runs many updates and announces them as one change (the first indexing of a workspace). */
  batch(run: () => void): void {
    const outer = this.pending === undefined;
    this.pending ??= new Set();
    try {
      run();
    } finally {
      if (outer) {
        const files = [...this.pending];
        this.pending = undefined;
        if (files.length > 0) {
          this.announce(files);
        }
      }
    }
  }

  /** Calls `listener` after each change; returns how to stop. */
  onDidChange(listener: (change: WorkspaceChange) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private changed(file: string): void {
    this.currentVersion++;
    this.union = undefined;
    this.imports = undefined;
    this.passedClients = undefined;
    this.routeCalled = undefined;
    this.requestClasses = undefined;
    this.goIndex = undefined;
    this.forgetClasses();
    this.instantiations = undefined;
    this.springSettings = undefined;
    if (this.pending) {
      this.pending.add(file);
    } else {
      this.announce([file]);
    }
  }

  private announce(files: string[]): void {
    const change = { version: this.currentVersion, files };
    for (const listener of [...this.listeners]) {
      listener(change);
    }
  }

  protected contributionsByFile(): ReadonlyMap<string, { contribution: FileContribution }> {
    return this.contributions;
  }

  /** What one file contributes, as `update` was given it. */
  contributionOf(file: string): FileContribution | undefined {
    return this.contributions.get(file)?.contribution;
  }

  /** The files that contribute, in path order. */
  files(): string[] {
    return [...this.contributions.keys()].sort();
  }

  tables(): readonly TableDefinition[] {
    return this.built().tables;
  }

  databases(): readonly DatabaseDefinition[] {
    return this.built().databases;
  }

  functions(): readonly FunctionDefinition[] {
    return this.built().functions;
  }

  /** Whether the workspace defines no table, database or function. */
  isEmpty(): boolean {
    const union = this.built();
    return union.tables.length === 0 && union.databases.length === 0 && union.functions.length === 0;
  }

  protected built(): Union {
    this.union ??= buildUnion(withPassedTables(withFactoryFunctions(this.files().map((file) => [file, this.contributions.get(file)!.contribution]), tsconfigPathsOf(this.contributions))));
    return this.union;
  }

  /** The functions that run a code file: those whose handler or entry is the file, else those whose code folder holds it. */
  functionsRunning(codeFile: string): readonly FunctionDefinition[] {
    const union = this.built();
    const cached = union.running.get(codeFile);
    if (cached) {
      return cached;
    }
    const claims = new Map<Claim, FunctionDefinition[]>();
    for (const fn of union.functions) {
      const claim = claimOf(union.locations.get(fn) ?? [], fn.handler, codeFile);
      if (claim) {
        push(claims, claim, fn);
      }
    }
    const running = claims.get('entry') ?? claims.get('folder') ?? [];
    union.running.set(codeFile, running);
    return running;
  }

  /** The functions of a code file that the templates name as the handlers of the Lambda functions whose entry it is. */
  lambdaHandlers(codeFile: string): readonly string[] {
    const union = this.built();
    const names = this.functionsRunning(codeFile).map((fn) => {
      const locations = union.locations.get(fn) ?? [];
      return claimOf(locations, fn.handler, codeFile) === 'entry' ? handlerFunction(fn.handler, locations.includes(codeFile)) : undefined;
    });
    return [...new Set(names.filter((name): name is string => name !== undefined))];
  }

  /** What a function sets a variable to, its own environment first, then its template's globals. */
  private setting(fn: FunctionDefinition, variable: string): Setting {
    if (Object.hasOwn(fn.environment, variable)) {
      return fn.environment[variable];
    }
    if (fn.unknownEnvironment?.includes(variable)) {
      return fn.serviceOrigins?.[variable] ?? 'unknown';
    }
    const template = this.contributions.get(this.ownerOf(fn).definedAt.file)?.contribution;
    if (template?.globalEnvironment && Object.hasOwn(template.globalEnvironment, variable)) {
      return template.globalEnvironment[variable];
    }
    if (template?.unknownGlobalEnvironment?.includes(variable) || fn.environmentUnreadable) {
      return (!fn.environmentUnreadable && template?.serviceOrigins?.[variable]) || 'unknown';
    }
    return undefined;
  }

  /** The function as its service file scopes it (`scopedByService`). */
  private ownerOf(fn: FunctionDefinition): FunctionDefinition {
    return fn.serviceModule ? scopedByService(fn, this.built(), () => this.files()) : fn;
  }

  /** The table a function's environment value names, if exactly one. */
  private tableOf(defined: FunctionDefinition, value: EnvironmentValue): TableDefinition | undefined {
    const union = this.built();
    const fn = this.ownerOf(defined);
    // A Serverless service's value that a resource fragment's table may match, or, from a function module, one of the service file's tables.
    if (value.kind === 'service') {
      if (fn.serviceModule && fn === defined) {
        return undefined;
      }
      const own = fn.serviceModule && value.logicalName !== undefined ? union.byScopedName.get(scopedName(fn, value.logicalName)) : undefined;
      return own?.length === 1 ? own[0] : fragmentTable(union.tables, fn, value);
    }
    if (value.kind === 'rds-endpoint' || value.kind === 'rds-secret') {
      return undefined;
    }
    const candidates = value.kind === 'literal' ? union.byPhysicalName.get(value.value) : value.kind === 'table' ? union.byScopedName.get(value.file === undefined ? scopedName(fn, value.logicalName) : `${value.file}\0${value.logicalName}`) : this.exportedTables(fn, value);
    return candidates?.length === 1 ? candidates[0] : undefined;
  }

  /** The tables an SST stack module exports by a path, the module written relative to the function's file (`./storage`, `./storage/index`). */
  private exportedTables(fn: FunctionDefinition, { module, path }: { module: string; path: string }): TableDefinition[] | undefined {
    const union = this.built();
    const target = module.startsWith('.') ? joinPath(folderOf(fn.definedAt.file), module) : undefined;
    const exporter = target === undefined ? undefined : (union.sstExports.get(withoutExtension(target)) ?? union.sstExports.get(`${target}/index`));
    const logicalName = exporter && Object.hasOwn(exporter.tables, path) ? exporter.tables[path] : undefined;
    return logicalName === undefined ? undefined : union.byScopedName.get(`${exporter!.file}\0${logicalName}`);
  }

  /** What the resources importing a template's exported security group may serve; see `WorkspaceView.stackGroupUse`. */
  stackGroupUse(file: string, group: string): number | undefined {
    return this.built().stackExports.groupUse(file, group);
  }

  /** The parameters the workspace's parent stacks pass to a template as a nested stack. */
  passedParameters(file: string): Readonly<Record<string, PassedParameter>> | undefined {
    return this.built().passedParameters.get(file);
  }

  /** What the other files of a Go file's package declare; see `WorkspaceView.goPackage`. */
  goPackage(codeFile: string, packageName: string): GoPackageDeclarations | undefined {
    return this.goModules().package(codeFile, packageName);
  }

  /** The item helpers of a Go package's other files, or an imported package's; see `WorkspaceView.goItemMethods`. */
  goItemMethods(codeFile: string, packageName: string, importPath: string): Record<string, GoItemMethod> | undefined {
    return this.goModules().itemMethods(codeFile, packageName, importPath);
  }

  /** Whether any Go file names a GetItem or PutItem call; see `WorkspaceView.goItemHelpersExist`. */
  goItemHelpersExist(): boolean {
    return this.goModules().itemHelpersExist();
  }

  /** The exported declarations of a Go package of the workspace's modules; see `WorkspaceView.goImport`. */
  goImport(_codeFile: string, importPath: string): GoPackageMembers | undefined {
    return this.goModules().imported(importPath);
  }

  /** Whether another Go file calls a function of a file's package while paging; see `WorkspaceView.goCalledWhilePaging`. */
  goCalledWhilePaging(codeFile: string, packageName: string, name: string, method: boolean): boolean {
    return this.goModules().calledWhilePaging(codeFile, packageName, name, method);
  }

  /** Whether another Go file calls a function of a file's package where a batch's unprocessed items are read; see `WorkspaceView.goCalledWhileRetrying`. */
  goCalledWhileRetrying(codeFile: string, packageName: string, name: string, method: boolean): boolean {
    return this.goModules().calledWhileRetrying(codeFile, packageName, name, method);
  }

  /** Whether another Go file makes a go-redis client of what a function or method returns; see `WorkspaceView.goOptionsUsed`. */
  goOptionsUsed(codeFile: string, packageName: string, name: string, method: boolean): boolean {
    return this.goModules().optionsUsed(codeFile, packageName, name, method);
  }

  private goModules(): GoModuleIndex {
    this.goIndex ??= new GoModuleIndex([...this.contributions].map(([file, { contribution }]): [string, FileContribution] => [file, contribution]));
    return this.goIndex;
  }

  /** The client a code file imports from a module of the workspace; see `WorkspaceView.importedClient`. */
  importedClient(codeFile: string, module: string, path: string): ExportedClient | undefined {
    return this.imported().resolve(codeFile, module, path);
  }

  /** See `WorkspaceView.importedSender`. */
  importedSender(codeFile: string, module: string, path: string): ExportedClient | undefined {
    return this.imported().resolveSender(codeFile, module, path);
  }

  /** The client library name a code file imports from a module of the workspace; see `WorkspaceView.importedName`. */
  importedName(codeFile: string, module: string, path: string): { module: string; name: string } | undefined {
    return this.imported().resolveName(codeFile, module, path);
  }

  /** The CDK class a code file imports from a module of the workspace; see `WorkspaceView.importedCdkClass`. */
  importedCdkClass(codeFile: string, module: string, path: string): CdkClassShape | undefined {
    return this.imported().resolveCdkClass(codeFile, module, path);
  }

  /** The client a code file gets by calling a function of a workspace module; see `WorkspaceView.importedCall`. */
  importedCall(codeFile: string, module: string, path: string, args: CallArguments): ExportedCall | undefined {
    return this.imported().resolveCall(codeFile, module, path, args);
  }

  /** What a function a code file imports from a module of the workspace does with one table's items; see `WorkspaceView.importedItemHelper`. */
  importedItemHelper(codeFile: string, module: string, path: string, method?: string): ItemHelper | undefined {
    return this.imported().resolveItemHelper(codeFile, module, path, method);
  }

  /** What the method `method` of the class NestJS providers bind to `key` does with one table's items, when every provider of the token (test files' aside) binds one class; see `WorkspaceView.providedItemHelper`. */
  providedItemHelper(key: string, method: string): ItemHelper | undefined {
    const bindings = this.built().requestClients.get(key) ?? [];
    const sources = bindings.flatMap(({ file, sources }) => sources.map((source) => ({ file, source })));
    const classes = sources.map(({ file, source }) => (source && 'useClass' in source ? this.imported().declaringFile(file, source.module, source.path) : undefined));
    const first = classes[0];
    if (first === undefined || classes.some((each) => each === undefined || each.file !== first.file || each.name !== first.name)) {
      return undefined;
    }
    return this.imported().classItemHelper(first.file, first.name, method);
  }

  /** Whether the Python modules name a Redis cache backend of Django and no other; see `WorkspaceView.djangoRedisCaches`. */
  djangoRedisCaches(): boolean {
    return this.imported().djangoRedisCaches();
  }

  /** See `WorkspaceView.cdkPasswordMembers`. */
  cdkPasswordMembers(): ReadonlySet<string> {
    return this.built().cdkPasswordMembers;
  }

  /** Whether any module of the workspace may hold item helpers; see `WorkspaceView.itemHelpersExist`. */
  itemHelpersExist(): boolean {
    return this.imported().itemHelpersExist();
  }

  /** A password literal a module binds at its top level (Python) or exports (JavaScript, TypeScript), as a code file imports it; see `WorkspaceView.importedSecret`. */
  importedSecret(codeFile: string, module: string, path: string): { value: string; at: SourceRef } | undefined {
    return importedConstant((file) => this.contributionOf(file), tsconfigPathsOf(this.contributions), codeFile, module, path, (contribution) => contribution.secretConstants);
  }

  /** The workspace's Spring configuration: passwords, servers and `@ConfigurationProperties` prefixes; see `WorkspaceView.spring`. */
  spring(): SpringSettings {
    return (this.springSettings ??= new SpringSettings(this.contributions));
  }

  /** A literal setting a module exports, as a code file reads it; see `WorkspaceView.importedSetting`. */
  importedSetting(codeFile: string, module: string, path: string): { value: boolean | number | string | null; at: SourceRef } | undefined {
    return importedConstant((file) => this.contributionOf(file), tsconfigPathsOf(this.contributions), codeFile, module, path, (contribution) => contribution.settingConstants);
  }

  /** What a name another module binds says about a table's name, as a code file imports it; see `WorkspaceView.importedTableName`. */
  importedTableName(codeFile: string, module: string, path: string): TableNameRef | undefined {
    return importedConstant((file) => this.contributionOf(file), tsconfigPathsOf(this.contributions), codeFile, module, path, (contribution) => contribution.nameConstants)?.value;
  }

  /** A dict of settings a Python settings module binds, as a code file imports it; see `WorkspaceView.importedDict`. */
  importedDict(codeFile: string, module: string, path: string): { value: SettingDict; at: SourceRef } | undefined {
    return importedConstant((file) => this.contributionOf(file), tsconfigPathsOf(this.contributions), codeFile, module, path, (contribution) => contribution.settingDicts);
  }

  /** The client fields of a class a code file imports from a module of the workspace; see `WorkspaceView.importedClassFields`. */
  importedClassFields(codeFile: string, module: string, path: string): Readonly<Record<string, ExportedClient>> | undefined {
    return this.imported().resolveClassFields(codeFile, module, path);
  }

  importedMethodClient(codeFile: string, module: string, path: string, method: string): BodyClient['bodyClient'] | undefined {
    return this.imported().resolveMethodClient(codeFile, module, path, method);
  }

  /** What a class a code file imports from a module of the workspace is to PynamoDB; see `WorkspaceView.importedPynamodbClass`. */
  importedPynamodbClass(codeFile: string, module: string, path: string): PynamodbClassKind | undefined {
    return this.imported().resolvePynamodbClass(codeFile, module, path);
  }

  /** The fields of unknown origin of a class a code file imports from a module of the workspace; see `WorkspaceView.importedClassUnknownFields`. */
  importedClassUnknownFields(codeFile: string, module: string, path: string): readonly string[] | undefined {
    return this.imported().resolveClassUnknownFields(codeFile, module, path);
  }

  /** The client a call of a workspace function gives with these strings (none by default), not a tuple of clients. */
  private calledClient(codeFile: string, module: string, path: string, args: CallArguments = NO_ARGUMENTS): ExportedClient | undefined {
    const called = this.importedCall(codeFile, module, path, args);
    return called && 'kind' in called ? called : undefined;
  }

  /** The CDK construct a call of a project function gives (`create_dynamodb_table(self)` of a module that makes and returns a table). */
  private calledConstruct(codeFile: string, module: string, path: string): { construct: string } | undefined {
    const construct = this.importedCdkClass(codeFile, module, path)?.construct;
    return construct !== undefined ? { construct } : undefined;
  }

  /** The client the middleware of the other files hangs on the request as `name`; see `WorkspaceView.requestClient`. */
  requestClient(codeFile: string, name: string): ExportedClient | null | undefined {
    let agreed: ExportedClient | undefined;
    let agreedKey = '';
    for (const { file, sources } of this.built().requestClients.get(name) ?? []) {
      for (const source of file === codeFile ? [] : sources) {
        // A client imported from a project module, as the file that hangs it imports it.
        // A provider's class (`useClass`) is no client.
        const client = source && ('client' in source ? source.client : source.useClass ? undefined : source.call ? this.calledClient(file, source.module, source.path) : this.importedClient(file, source.module, source.path));
        const key = client ? JSON.stringify(client) : '';
        if (!client || (agreed && key !== agreedKey)) {
          return null;
        }
        agreed = client;
        agreedKey = key;
      }
    }
    return agreed;
  }

  /** See `WorkspaceView.clientPassingCalls`. */
  clientPassingCalls(codeFile: string, name: string): readonly ClientPassingCall[] {
    if (!this.passedClients) {
      const callers = new Map([...this.contributions].flatMap(([file, { contribution }]) => (contribution.passedClients ? [[file, contribution.passedClients] as const] : [])));
      const paths = tsconfigPathsOf(this.contributions);
      this.passedClients = new PassedClientIndex(callers, {
        target: (file, module, path) => importTarget(file, module, path, paths),
        known: (file) => this.contributions.has(file),
        imported: (file, { module, path, call, args }) => (call ? (this.calledClient(file, module, path, args) ?? this.calledConstruct(file, module, path)) : this.importedClient(file, module, path)),
        source: (file) => this.contributions.get(file)?.contribution.module,
      });
    }
    return this.passedClients.callsOf(codeFile, name);
  }

  /** See `WorkspaceView.routeCalledMethods`. */
  routeCalledMethods(codeFile: string, className: string): readonly string[] {
    if (!this.routeCalled) {
      const controllers = new Map<string, readonly RouteCall[]>();
      const services = new Map<string, readonly ServiceCall[]>();
      this.contributions.forEach(({ contribution }, file) => {
        if (contribution.routeCalls) {
          controllers.set(file, contribution.routeCalls);
        }
        if (contribution.serviceCalls) {
          services.set(file, contribution.serviceCalls);
        }
      });
      const paths = tsconfigPathsOf(this.contributions);
      this.routeCalled = routeCalledIndex(controllers, (file, module, path) => importTarget(file, module, path, paths), (file) => this.contributions.has(file), services);
    }
    return [...(this.routeCalled.get(`${codeFile}\0${className}`) ?? [])];
  }

  /** See `WorkspaceView.perRequestClasses`. */
  perRequestClasses(codeFile: string): readonly string[] {
    return [...(this.requestIndexes().classes.get(codeFile) ?? [])];
  }

  /** See `WorkspaceView.perRequestDependencies`. */
  perRequestDependencies(codeFile: string): readonly string[] {
    return [...(this.requestIndexes().dependencies.get(codeFile) ?? [])];
  }

  /** See `WorkspaceView.cdkInstantiations`. */
  cdkInstantiations(codeFile: string, className: string): readonly CdkInstantiation[] {
    if (!this.instantiations) {
      const paths = tsconfigPathsOf(this.contributions);
      this.instantiations = new InstantiationAnswers(this.contributions, { target: (file, module, path) => importTarget(file, module, path, paths), known: (file) => this.contributions.has(file) });
    }
    return this.instantiations.of(codeFile, className);
  }


  private requestIndexes(): { classes: Map<string, Set<string>>; dependencies: Map<string, Set<string>> } {
    if (!this.requestClasses) {
      const files = new Map<string, RequestClasses>();
      this.contributions.forEach(({ contribution }, file) => contribution.requestClasses && files.set(file, contribution.requestClasses));
      const paths = tsconfigPathsOf(this.contributions);
      const target = (file: string, module: string, path: string): ReturnType<typeof importTarget> => importTarget(file, module, path, paths);
      const known = (file: string): boolean => this.contributions.has(file);
      this.requestClasses = { classes: requestClassIndex(files, target, known), dependencies: dependencyIndex(files, target, known) };
    }
    return this.requestClasses;
  }

  private imported(): ImportedClients {
    if (!this.imports) {
      const sources = new Map<string, ModuleSource>();
      const classes = new Map<string, Record<string, CdkClassMembers>>();
      const subclasses = new Map<string, Record<string, string>>();
      const subclassProps = new Map<string, Record<string, string[]>>();
      const wrappedProps = new Map<string, Record<string, CdkWrappedProps>>();
      this.contributions.forEach(({ contribution }, file) => {
        if (contribution.module) {
          sources.set(file, contribution.module);
        }
        if (contribution.cdkClasses) {
          classes.set(file, contribution.cdkClasses);
        }
        if (contribution.cdkConstructSubclasses) {
          subclasses.set(file, contribution.cdkConstructSubclasses);
        }
        if (contribution.cdkSubclassProps) {
          subclassProps.set(file, contribution.cdkSubclassProps);
        }
        if (contribution.cdkWrappedProps) {
          wrappedProps.set(file, contribution.cdkWrappedProps);
        }
      });
      this.imports = new ImportedClients(sources, classes, tsconfigPathsOf(this.contributions), subclasses, subclassProps, wrappedProps, (file, name) => this.clientPassingCalls(file, name));
    }
    return this.imports;
  }

  /** The table a name in a code file refers to; undefined unless every way to read it agrees on one table. */
  resolveTable(codeFile: string, ref: TableNameRef): TableDefinition | undefined {
    const union = this.built();
    if (ref.kind === 'pattern') {
      return tableFittingPattern(union.tables, ref.pieces);
    }
    if (ref.kind !== 'env') {
      const tables = (ref.kind === 'literal' ? union.byPhysicalName : union.bySstName).get(ref.name);
      // A literal no template writes whole may be one a template builds (`!Sub "${Stage}-orders"` for `live-orders`).
      const built = ref.kind === 'literal' && tables === undefined ? tableFittingPattern(union.tables, [ref.name]) : undefined;
      return tables?.length === 1 ? tables[0] : built;
    }
    return this.agreedSetting(codeFile, ref.variable, (fn, setting) => this.tableOf(fn, setting));
  }

  /** The literal every function that runs a code file (or, for a file none runs, its project's) sets a variable to. */
  environmentLiteral(codeFile: string, variable: string): string | undefined {
    return this.agreedSetting(codeFile, variable, (_fn, setting) => (setting.kind === 'literal' ? setting.value : undefined));
  }

  /** Whether every function running this code file sets an environment variable to an RDS endpoint's address (or `kind`); see `WorkspaceView.environmentIsRdsEndpoint`. */
  environmentIsRdsEndpoint(codeFile: string, variable: string, kind: RdsSetting = 'rds-endpoint'): boolean {
    return this.agreedSetting(codeFile, variable, (_fn, setting) => (setting.kind === kind ? true : undefined)) === true;
  }

  /** What `read` makes of each function's setting of a variable; undefined unless every function that sets it agrees. */
  private agreedSetting<T>(codeFile: string, variable: string, read: (fn: FunctionDefinition, setting: EnvironmentValue) => T | undefined): T | undefined {
    const union = this.built();
    const running = this.functionsRunning(codeFile);
    // A file no function runs (a shared module, a script, a test) gets the value only when every function
    // of its project that sets the variable agrees: another app of the repository setting the same name says nothing.
    const candidates = running.length > 0 ? running : union.functions.filter((fn) => isWithin(union.projects.get(fn) ?? '', codeFile) && this.explicitlySets(fn, variable));
    let found: T | undefined;
    for (const fn of candidates) {
      const setting = this.setting(fn, variable);
      if (setting === undefined) {
        continue;
      }
      const value = setting === 'unknown' ? undefined : read(fn, setting);
      if (value === undefined || (found !== undefined && found !== value)) {
        return undefined;
      }
      found = value;
    }
    return found;
  }

  /** Whether a function names the variable itself or through its template's globals (an unreadable environment does not count). */
  private explicitlySets(fn: FunctionDefinition, variable: string): boolean {
    if (Object.hasOwn(fn.environment, variable) || fn.unknownEnvironment?.includes(variable)) {
      return true;
    }
    const template = this.contributions.get(fn.definedAt.file)?.contribution;
    return Object.hasOwn(template?.globalEnvironment ?? {}, variable) || template?.unknownGlobalEnvironment?.includes(variable) === true;
  }
}
