/**
 * CDK apps in TypeScript, JavaScript and Python for the workspace model: DynamoDB `Table` and `TableV2`
 * with the indexes added by `addGlobalSecondaryIndex` / `addLocalSecondaryIndex`, RDS and ElastiCache
 * constructs, and Lambda functions (`Function`, `NodejsFunction`, `PythonFunction`) with their code and
 * their environment, including `addEnvironment`. A construct is known by its import, and a variable
 * (`table.tableName`) by the construct bound to it in the scopes that can see it.
 */
import { cdkAnnotationType } from '../code/values';
import { Family, TOKEN_KIND } from '../lexer';
import { LineIndex } from '../text';
import { normalizeName } from '../types';
import { INSTANCE_ADDRESS, namesRdsSecret, ownsAttachedSecret, RDS_ENDPOINT_MEMBERS } from './rdsEndpointMembers';
import { CdkClassReader } from './cdkClasses';
import { enclosingFactory, readsParameter, substituted } from './cdkLambdaFactories';
import { environmentSpreads, factoryCalls, markedParameters, PassedReader, superConstructions, templateOwner } from './cdkLambdaTemplates';
import { cdkTable, cdkText } from './cdkTables';
import { cdkDatabase } from './cdkDatabases';
import { cdkInstantiations } from './cdkInstantiations';
import { cdkContainers, ContainerReader } from './containerEnvironments';
import { asTemplateNode, CdkSource, CdkValue, entry } from './cdkSource';
import { TemplateIndexer } from './cloudformation';
import { emptyContribution, isEnvironmentName, sourceRef } from './contribution';
import { folderOf, joinPath, withoutExtension } from './paths';
import { exportedStacks, SST_COMPONENTS, SST_CONSTRUCTS, SST_TABLE_MEMBERS, SstImports, SstKind, sstApiFunctions, sstFunction, sstTable } from './sst';
import { DatabaseKind, EnvironmentValue, FileContribution, FunctionDefinition, LambdaTemplate, SourceRef, TableDefinition, TableIndex } from './types';

const { ID } = TOKEN_KIND;

type ConstructKind = 'table' | 'table-v2' | 'cfn-table' | 'function' | 'nodejs-function' | 'python-function' | DatabaseKind | SstKind;

const CONSTRUCTS = new Map<string, ConstructKind>(Object.entries({
  'aws_dynamodb.Table': 'table',
  'aws_dynamodb.TableV2': 'table-v2',
  'aws_dynamodb.CfnTable': 'cfn-table',
  'aws_lambda.Function': 'function',
  'aws_lambda_nodejs.NodejsFunction': 'nodejs-function',
  'aws_lambda_python_alpha.PythonFunction': 'python-function',
  'aws_rds.DatabaseInstance': 'rds-instance',
  'aws_rds.DatabaseInstanceFromSnapshot': 'rds-instance',
  'aws_rds.DatabaseInstanceReadReplica': 'rds-instance',
  'aws_rds.CfnDBInstance': 'rds-instance',
  'aws_rds.DatabaseCluster': 'rds-cluster',
  'aws_rds.DatabaseClusterFromSnapshot': 'rds-cluster',
  'aws_rds.ServerlessCluster': 'rds-cluster',
  'aws_rds.ServerlessClusterFromSnapshot': 'rds-cluster',
  'aws_rds.CfnDBCluster': 'rds-cluster',
  'aws_elasticache.CfnReplicationGroup': 'elasticache-replication-group',
  'aws_elasticache.CfnCacheCluster': 'elasticache-cluster',
  'aws_elasticache.CfnServerlessCache': 'elasticache-serverless',
} satisfies Record<string, ConstructKind>));

/** Members of a table that name it to the API: its name, or its ARN (which `TableName` accepts too). */
const TABLE_MEMBERS = new Set(['tableName', 'tableArn', 'table_name', 'table_arn']);

const INDEX_METHODS = new Map<string, TableIndex['kind']>(Object.entries({
  addGlobalSecondaryIndex: 'gsi',
  add_global_secondary_index: 'gsi',
  addLocalSecondaryIndex: 'lsi',
  add_local_secondary_index: 'lsi',
} satisfies Record<string, TableIndex['kind']>));
const ENVIRONMENT_METHODS = new Set(['addEnvironment', 'add_environment']);

interface Construct {
  kind: ConstructKind;
  id?: string;
  /** The props: the object argument in JavaScript, the keyword arguments in Python. */
  props: CdkValue | undefined;
  definedAt: SourceRef;
  indexes: { props: CdkValue | undefined; kind: TableIndex['kind'] }[];
  environment: { name: string | undefined; value: CdkValue }[];
  /** A CDK class's qualified name (`aws_dynamodb.Table`). */
  type?: string;
  /** The id argument as written (a factory's parameter, replaced per call: `cdkLambdaFactories.ts`), and the construct's first token. */
  idValue?: CdkValue;
  at: number;
}

interface Binding {
  token: number;
  construct: Construct;
}

/** `aws-cdk-lib`, `@aws-cdk/…` and `aws_cdk` all hold it, SST's constructs and components build on it; literal prefixes, so one linear pass. */
const CDK_MODULE = /aws[-_]cdk|sst\/constructs|sst\.aws\./;

/** Whether a file may define CDK constructs, before it is lexed: most code files are not CDK apps. */
export function mayHoldCdk(text: string): boolean {
  return CDK_MODULE.test(text);
}

class CdkIndexer {
  private readonly source: CdkSource;
  private readonly constructs: Construct[] = [];
  /** Bindings by name and scope (`name\0scope`), in the order of their tokens. */
  private readonly bindings = new Map<string, Binding[]>();
  /** Object literals bound to a local name (`const env = { DB_HOST: ... }`, Python `env = {...}`), by name and scope, in token order. */
  private readonly objects = new Map<string, { token: number; value: CdkValue }[]>();
  /** What `use(Stack)` and imports bind, read on the first variable no construct of the file explains. */
  private sstImports: SstImports | undefined;

  constructor(
    private readonly file: string,
    text: string,
    family: Family,
    private readonly lines: LineIndex,
  ) {
    this.source = new CdkSource(text, family, lines);
  }

  index(): FileContribution {
    const { source } = this;
    const { tokens } = source;
    for (let i = 0; i < tokens.length; i++) {
      const start = source.python ? i : source.is(i, 'new') ? i + 1 : -1;
      if (start < 0 || tokens.kinds[start] !== ID || (source.python && i > 0 && (source.is(i - 1, '.') || source.is(i - 1, 'def') || source.is(i - 1, 'class')))) {
        continue;
      }
      const found = this.construct(start);
      if (found) {
        this.bind(i, found.construct);
        i = found.close;
      }
    }
    // A class that extends a Lambda construct makes it with its `super(scope, id, props)`.
    const lambdaKind = (qualified: string): ConstructKind | undefined => (/^aws_lambda(_nodejs|_python_alpha)?\./.test(qualified) ? CONSTRUCTS.get(qualified) : undefined);
    for (const { at, kind, args } of superConstructions(source, lambdaKind)) {
      const id = args[1]?.kind === 'string' ? args[1].value : undefined;
      this.constructs.push({ kind, props: args[2], definedAt: sourceRef(this.file, this.lines, source.span(at, at)), indexes: [], environment: [], idValue: args[1], at, ...(id === undefined ? {} : { id }) });
    }
    for (let i = 1; i < tokens.length; i++) {
      const name = tokens.kinds[i] === ID && source.is(i - 1, '.') && source.is(i + 1, '(') ? tokens.text(i) : '';
      if (INDEX_METHODS.has(name) || ENVIRONMENT_METHODS.has(name)) {
        this.method(i, name);
      } else if (tokens.kinds[i] === ID && source.is(i + 1, '=') && (source.is(i + 2, '{') || this.isPathCall(i + 2)) && (source.is(i - 1, 'const') || source.is(i - 1, 'let') || source.is(i - 1, 'var') || (source.python && source.startsStatement(i)))) {
        this.bindObject(i);
      }
    }
    return this.contribution();
  }

  /** Whether a `path.join(…)` call (a code location) or a call of a project module's function (`createTable(this)`, which may make a table) starts at token `k`. */
  private isPathCall(k: number): boolean {
    const { names, next } = this.source.dottedNames(k);
    const imported = names.length === 1 && this.source.projectImports.has(names[0]);
    return this.source.is(next, '(') && (imported || ['path.join', 'path.resolve', 'os.path.join'].includes(this.source.qualified(names) ?? ''));
  }

  /** `const env = { ... }` or `const folder = path.join(…)` at `name`: an environment or a code location a function may take by that name. */
  private bindObject(name: number): void {
    const { source } = this;
    const close = source.is(name + 2, '{') ? source.partner[name + 2] : source.partner[source.dottedNames(name + 2).next];
    if (close < 0) {
      return;
    }
    const key = `${source.tokens.text(name)}\0${source.scopeChain(name)[0] ?? 0}`;
    const list = this.objects.get(key) ?? [];
    list.push({ token: name, value: source.value(name + 2, close + 1) });
    this.objects.set(key, list);
  }

  /** The object literal a bare name at token `at` is bound to, last bound before `at` in the innermost scope that binds it. */
  private objectAt(value: CdkValue | undefined): CdkValue | undefined {
    if (value?.kind !== 'path' || value.names.length !== 1) {
      return value;
    }
    for (const scope of this.source.scopeChain(value.at)) {
      const bound = this.objects.get(`${value.names[0]}\0${scope}`)?.filter((binding) => binding.token < value.at);
      if (bound && bound.length > 0) {
        return bound[bound.length - 1].value;
      }
    }
    return value;
  }

  /** `new a.B(scope, 'Id', { props })` or Python `a.B(scope, "Id", key=value)`, its chain starting at `start`. */
  private construct(start: number): { construct: Construct; close: number } | undefined {
    const { source } = this;
    const names: string[] = [];
    let k = start;
    while (source.tokens.kinds[k] === ID) {
      names.push(source.tokens.text(k));
      if (!source.is(k + 1, '.')) {
        break;
      }
      k += 2;
    }
    const open = k + 1;
    const qualified = source.qualified(names);
    // SST v3 components hang off the global `sst` and take a name, then props: no scope.
    const component = qualified === undefined && !source.python ? SST_COMPONENTS.get(names.join('.')) : undefined;
    const kind = source.is(open, '(') ? (component ?? CONSTRUCTS.get(qualified ?? '') ?? SST_CONSTRUCTS.get(qualified ?? '')) : undefined;
    const close = source.partner[open];
    if (!kind || close < open) {
      return undefined;
    }
    const { args, keywords } = source.arguments(open, close);
    const first = component ? 0 : 1;
    const id = args[first]?.kind === 'string' ? args[first] : undefined;
    const props: CdkValue | undefined = source.python ? { kind: 'object', entries: keywords, open: false, span: source.span(open, close) } : args[first + 1];
    const definedAt = sourceRef(this.file, this.lines, id?.span ?? source.span(k, k));
    const construct: Construct = { kind, props, definedAt, indexes: [], environment: [], idValue: args[first], at: start, ...(CONSTRUCTS.has(qualified ?? '') ? { type: qualified } : {}) };
    if (id) {
      construct.id = id.value;
    }
    this.constructs.push(construct);
    return { construct, close };
  }

  /** `const x = new …`, `this.x = new …`, a class field `readonly x = new …`, Python `x = …` and `self.x = …`. */
  private bind(first: number, construct: Construct): void {
    const { source } = this;
    if (!source.is(first - 1, '=')) {
      return;
    }
    let k = first - 2;
    // A TypeScript or Python annotation: `const table: dynamodb.Table = new …`.
    for (let back = k; back >= 0 && first - back < 12 && !source.startsStatement(back + 1); back--) {
      if (source.is(back, ':') && source.tokens.kinds[back - 1] === ID) {
        k = back - 1;
        break;
      }
    }
    if (source.tokens.kinds[k] !== ID) {
      return;
    }
    const member = source.is(k - 1, '.') && (source.is(k - 2, 'this') || source.is(k - 2, 'self'));
    const name = source.tokens.text(k);
    if (member) {
      this.addBinding(`this.${name}`, source.classScope(k), k, construct);
      return;
    }
    const declared = source.is(k - 1, 'const') || source.is(k - 1, 'let') || source.is(k - 1, 'var');
    const innermost = source.scopeChain(k)[0] ?? 0;
    // `readonly table = new Table(…)` in a class body is the field `this.table`.
    if (!source.python && innermost !== 0 && source.classScope(k) === innermost) {
      this.addBinding(`this.${name}`, source.classScope(k), k, construct);
    } else if (declared || source.startsStatement(k)) {
      this.addBinding(name, innermost, k, construct);
    }
  }

  private addBinding(name: string, scope: number, token: number, construct: Construct): void {
    const key = `${name}\0${scope}`;
    const list = this.bindings.get(key) ?? [];
    list.push({ token, construct });
    this.bindings.set(key, list);
  }

  /** The construct a name refers to at token `at`: the innermost scope that binds it, its latest binding before `at`. */
  private lookup(names: readonly string[], at: number): { construct: Construct; rest: string[] } | undefined {
    const member = (names[0] === 'this' || names[0] === 'self') && names.length > 1;
    const name = member ? `this.${names[1]}` : names[0];
    const rest = names.slice(member ? 2 : 1);
    for (const scope of member ? [this.source.classScope(at)] : this.source.scopeChain(at)) {
      const list = this.bindings.get(`${name}\0${scope}`);
      if (!list) {
        continue;
      }
      // A field is set in the constructor and read in any method: its last binding counts. A local, the last one before `at`.
      let low = 0;
      let high = list.length;
      while (!member && low < high) {
        const mid = (low + high) >> 1;
        if (list[mid].token < at) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      const found = list[(member ? list.length : low) - 1];
      if (found) {
        return { construct: found.construct, rest };
      }
    }
    return undefined;
  }

  /** `table.addGlobalSecondaryIndex({...})`, `fn.addEnvironment('NAME', value)` and their Python spellings. */
  private method(nameIndex: number, name: string): void {
    const { source } = this;
    const names: string[] = [];
    let k = nameIndex - 2;
    while (source.tokens.kinds[k] === ID) {
      names.unshift(source.tokens.text(k));
      if (!source.is(k - 1, '.')) {
        break;
      }
      k -= 2;
    }
    const target = names.length > 0 ? this.lookup(names, k) : undefined;
    const close = source.partner[nameIndex + 1];
    if (!target || target.rest.length > 0 || close < 0) {
      return;
    }
    const { args, keywords } = source.arguments(nameIndex + 1, close);
    const indexKind = INDEX_METHODS.get(name);
    if (indexKind) {
      const props = source.python ? ({ kind: 'object', entries: keywords, open: false, span: source.span(nameIndex, close) } as CdkValue) : args[0];
      target.construct.indexes.push({ props, kind: indexKind });
    } else {
      const key = args[0] ?? keywords.find((keyword) => keyword.name === 'key')?.value;
      const variable = key?.kind === 'string' ? key.value : undefined;
      const value = args[1] ?? keywords.find((keyword) => keyword.name === 'value')?.value;
      if (value) {
        target.construct.environment.push({ name: variable, value });
      }
    }
  }

  private contribution(): FileContribution {
    const contribution = emptyContribution();
    const reader = new CdkClassReader(this.source);
    const classes = reader.read();
    if (classes) {
      contribution.cdkClasses = classes;
    }
    const subclasses = reader.constructSubclasses();
    // A function that returns the construct it makes: its call gives that construct, as a subclass's construction does.
    const makers = reader.constructMakers();
    if (subclasses || makers) {
      contribution.cdkConstructSubclasses = { ...makers, ...subclasses };
    }
    if (subclasses) {
      const handed = reader.propsHandedOn(subclasses);
      if (handed) {
        contribution.cdkSubclassProps = handed;
      }
    }
    // Classes and functions share the record: a name is one or the other in a module.
    const functions = reader.wrapperFunctions();
    const wrapped = functions ? { ...functions, ...reader.wrappedProps() } : reader.wrappedProps();
    if (wrapped) {
      contribution.cdkWrappedProps = wrapped;
    }
    const stacks = this.source.python ? undefined : exportedStacks(this.source, (names, at) => this.tableId(names, at), (names, at) => this.constructType(names, at));
    if (stacks?.tables) {
      contribution.sstExports = stacks.tables;
    }
    if (stacks?.stacks) {
      contribution.cdkClasses = { ...contribution.cdkClasses, ...stacks.stacks };
    }
    const made = cdkInstantiations(this.source, this.file, this.lines);
    if (made) {
      contribution.cdkInstantiations = made;
    }
    for (const construct of this.constructs) {
      if (construct.kind === 'table' || construct.kind === 'table-v2') {
        contribution.tables.push(cdkTable(this.file, this.lines, { ...construct, kind: construct.kind }));
      } else if (construct.kind === 'cfn-table') {
        contribution.tables.push(this.cfnTable(construct));
      } else if (construct.kind === 'function' || construct.kind === 'nodejs-function' || construct.kind === 'python-function') {
        const template = this.template(construct, contribution.functions.length);
        contribution.functions.push(...this.lambdas(construct));
        if (template) {
          (contribution.cdkLambdaTemplates ??= {})[template.name] = template.template;
        }
      } else if (construct.kind === 'sst-table' || construct.kind === 'sst-dynamo') {
        if (construct.id !== undefined) {
          contribution.tables.push(sstTable(this.file, this.lines, { kind: construct.kind, name: construct.id, props: construct.props, definedAt: construct.definedAt }));
        }
      } else if (construct.kind === 'sst-function' || construct.kind === 'sst-aws-function') {
        const fn = sstFunction({ name: construct.id ?? '', props: construct.props, inherited: [], definedAt: construct.definedAt }, this.readEnvironment);
        contribution.functions.push(...(fn ? [fn] : []));
      } else if (construct.kind === 'sst-api') {
        contribution.functions.push(...sstApiFunctions(this.file, this.lines, construct.props, this.readEnvironment));
      } else {
        contribution.databases.push(cdkDatabase(this.source.text, construct, construct.kind));
      }
    }
    contribution.functions.push(...cdkContainers(this.source, this.containerReader));
    // A function that makes the file's one table and returns it: a caller's `table.tableName` names that table (`WorkspaceModel.exportedTables`).
    const tableMakers = Object.keys(makers ?? {}).filter((name) => /^aws_dynamodb\.Table(V2)?$/.test(makers![name]));
    if (tableMakers.length > 0 && contribution.tables.length === 1 && contribution.tables[0].logicalName !== '') {
      contribution.sstExports = { ...Object.fromEntries(tableMakers.map((name) => [name, contribution.tables[0].logicalName])), ...contribution.sstExports };
    }
    const calls = this.source.python ? undefined : factoryCalls(this.source, new Set(Object.keys(contribution.cdkLambdaTemplates ?? {})), this.passedReader, (k) => sourceRef(this.file, this.lines, this.source.span(k, k)));
    if (calls) {
      contribution.cdkLambdaCalls = calls;
    }
    return contribution;
  }

  /** A Lambda construct a module-level function or a class's constructor makes from its parameters, as a template for their calls (`cdkLambdaTemplates.ts`). */
  private template(construct: Construct, base: number): { name: string; template: LambdaTemplate } | undefined {
    const owner = templateOwner(this.source, construct.at);
    if (!owner || !(readsParameter(construct.props, owner.params) || readsParameter(construct.idValue, owner.params))) {
      return undefined;
    }
    const idValue = markedParameters(construct.idValue, owner.params);
    const fn = this.lambda({ ...construct, props: markedParameters(construct.props, owner.params), id: idValue?.kind === 'string' ? idValue.value : construct.id });
    const spreads = environmentSpreads(entry(construct.props, 'environment'), owner.params);
    if (spreads) {
      delete fn.environmentUnreadable;
    }
    return { name: owner.name, template: { construction: owner.construction, fn, spreads: spreads ?? [], base } };
  }

  private readonly containerReader: ContainerReader = { location: (value) => this.location(value), environment: (fn, environments) => this.readEnvironment(fn, environments), ownsAttachedSecret: (names, at) => ownsAttachedSecret(this.source.tokens, this.lookup(names, at)), definedAt: (k) => sourceRef(this.file, this.lines, this.source.span(k, k)) };

  /** What this file passes to a factory, read as its own constructs' props. */
  private readonly passedReader: PassedReader = {
    text: (value) => this.text(value),
    location: (value) => this.location(value),
    environment: (value) => this.environmentValue(value),
    object: (value) => this.objectAt(value),
    table: (value) => (value.kind === 'path' ? this.tableId(value.names, value.at) : undefined),
  };

  /**
   * The L1 `CfnTable`: CloudFormation's properties in the CDK's spelling, read by the template reader
   * (`keySchema` / `key_schema` are `KeySchema`). A spread in its props may add any of them.
   */
  private cfnTable(construct: Construct): TableDefinition {
    const properties = construct.props && asTemplateNode(construct.props);
    const table = new TemplateIndexer(this.file, this.lines, undefined).dynamoDbTable(construct.id ?? '', properties, construct.definedAt);
    const open = construct.props?.kind === 'object' && construct.props.open;
    return { ...table, format: 'cdk', indexesKnown: table.indexesKnown && !open };
  }

  private text(value: CdkValue | undefined): string | undefined {
    return cdkText(value);
  }

  /**
   * A code location: a string (relative to the folder `cdk` runs in), or `path.join(__dirname, …)`,
   * `path.resolve(__dirname, …)` and `os.path.join(os.path.dirname(__file__), …)` (relative to this file).
   */
  private location(written: CdkValue | undefined, depth = 0): { path: string; fromApp: boolean } | undefined {
    const value = depth < 4 ? this.objectAt(written) : written;
    const text = this.text(value);
    if (text !== undefined) {
      const path = joinPath('', text);
      return path === undefined ? undefined : { path, fromApp: true };
    }
    if (value?.kind !== 'call' || !['path.join', 'path.resolve', 'os.path.join'].includes(this.source.qualified(value.callee) ?? '')) {
      return undefined;
    }
    const [base, ...parts] = value.args;
    // Node's path.join joins a segment that starts with `/` as a relative one (`path.join(__dirname, '/../src')`).
    const joined = this.source.qualified(value.callee) === 'path.join';
    const texts = parts.map((part) => (joined ? this.text(part)?.replace(/^\/+/, '') : this.text(part)));
    if (texts.includes(undefined) || value.keywords.length > 0) {
      return undefined;
    }
    const relative = (texts as string[]).join('/');
    const fromFile =
      (base?.kind === 'path' && base.names.length === 1 && base.names[0] === '__dirname') ||
      (base?.kind === 'call' && this.source.qualified(base.callee) === 'os.path.dirname' && base.args[0]?.kind === 'path' && base.args[0].names.join('.') === '__file__');
    // A folder a name holds (`const folder = path.join(__dirname, '../lambda')`).
    const baseLocation = base?.kind === 'path' && !fromFile && depth < 4 ? this.location(base, depth + 1) : undefined;
    const baseText = baseLocation ? undefined : this.text(base);
    if (baseLocation) {
      const path = joinPath(baseLocation.path, relative);
      return path === undefined ? undefined : { path, fromApp: baseLocation.fromApp };
    }
    const path = fromFile ? joinPath(folderOf(this.file), relative) : baseText !== undefined ? joinPath('', `${baseText}/${relative}`) : undefined;
    return path === undefined ? undefined : { path, fromApp: !fromFile };
  }

  private addCode(fn: FunctionDefinition, location: { path: string; fromApp: boolean } | undefined): void {
    if (location?.fromApp) {
      (fn.codePathsFromApp ??= []).push(location.path);
    } else if (location) {
      fn.codePaths.push(location.path);
    }
  }

  /** The function a Lambda construct defines, or one per call of the factory it is made in, with the call's arguments (`cdkLambdaFactories.ts`). */
  private lambdas(construct: Construct): FunctionDefinition[] {
    const factory = enclosingFactory(this.source, construct.at);
    if (!factory || factory.calls.length === 0 || !(readsParameter(construct.props, factory.params) || readsParameter(construct.idValue, factory.params))) {
      return [this.lambda(construct)];
    }
    return factory.calls.map((args) => {
      const id = substituted(construct.idValue, factory.params, args);
      return this.lambda({ ...construct, props: substituted(construct.props, factory.params, args), id: id?.kind === 'string' ? id.value : construct.id });
    });
  }

  private lambda(construct: Construct): FunctionDefinition {
    const { props } = construct;
    const fn: FunctionDefinition = { logicalName: construct.id ?? '', format: 'cdk', codePaths: [], environment: {}, definedAt: construct.definedAt };
    if (construct.kind === 'function') {
      const code = entry(props, 'code');
      const fromAsset = code?.kind === 'call' && /^aws_lambda\.Code\.from_?[aA]sset$/.test(this.source.qualified(code.callee) ?? '');
      this.addCode(fn, fromAsset && code.kind === 'call' ? this.location(code.args[0]) : undefined);
      const handler = this.text(entry(props, 'handler'));
      if (handler) {
        fn.handler = handler;
      }
    } else if (construct.kind === 'nodejs-function') {
      const entryFile = entry(props, 'entry');
      // The exported function of the entry file that Lambda calls (CDK's default: `handler`).
      fn.handler = this.text(entry(props, 'handler')) ?? 'handler';
      if (entryFile) {
        this.addCode(fn, this.location(entryFile));
      } else if (construct.id) {
        // Without `entry`, the code sits next to the stack: `stack.ts` with id `Api` reads `stack.Api.ts` (or `.js`).
        const stem = `${withoutExtension(this.file)}.${construct.id}`;
        fn.codePaths.push(`${stem}.ts`, `${stem}.js`);
      }
    } else {
      // PythonFunction: `entry` is the folder, `index` the file in it (index.py), `handler` the function (handler).
      this.addCode(fn, this.location(entry(props, 'entry')));
      const index = this.text(entry(props, 'index')) ?? 'index.py';
      fn.handler = `${withoutExtension(index)}.${this.text(entry(props, 'handler')) ?? 'handler'}`;
    }
    this.readEnvironment(fn, [entry(props, 'environment')], construct.environment);
    return fn;
  }

  /** The variables of environments written one after the other (later settings win), then those `addEnvironment` adds. */
  private readonly readEnvironment = (fn: FunctionDefinition, environments: (CdkValue | undefined)[], addedLater: Construct['environment'] = []): void => {
    const variables = new Map<string, CdkValue>();
    for (const written of environments) {
      const environment = this.objectAt(written);
      if (environment && (environment.kind !== 'object' || environment.open)) {
        fn.environmentUnreadable = true;
      }
      (environment?.kind === 'object' ? environment.entries : []).forEach((variable) => variables.set(variable.name, variable.value));
    }
    for (const added of addedLater) {
      if (added.name === undefined) {
        fn.environmentUnreadable = true;
      } else {
        variables.set(added.name, added.value);
      }
    }
    for (const [name, written] of variables) {
      if (!isEnvironmentName(name)) {
        continue;
      }
      const value = this.environmentValue(written);
      if (value) {
        fn.environment[name] = value;
      } else {
        (fn.unknownEnvironment ??= []).push(name);
      }
    }
  };

  /** The CDK type of the construct a name at a token is bound to, as a member type names it. */
  private constructType(names: string[], at: number): string | undefined {
    const target = this.lookup(names, at);
    const type = target?.rest.length === 0 && target.construct.type !== undefined ? cdkAnnotationType('aws-cdk-lib', target.construct.type) : undefined;
    return type?.t === 'construct' ? type.type : undefined;
  }

  /** The logical name of the table a name is bound to at token `at`, for the tables the file exports. */
  private tableId(names: string[], at: number): string | undefined {
    const target = this.lookup(names, at);
    const kind = target?.construct.kind;
    const isTable = kind === 'table' || kind === 'table-v2' || kind === 'cfn-table' || kind === 'sst-table' || kind === 'sst-dynamo';
    return isTable && target!.rest.length === 0 ? target!.construct.id : undefined;
  }

  /** A literal, a table's name or ARN through the variable it is bound to, or one another SST stack file exports. */
  private environmentValue(value: CdkValue): EnvironmentValue | undefined {
    const text = this.text(value);
    if (text !== undefined) {
      return { kind: 'literal', value: text };
    }
    if ((value.kind === 'path' || value.kind === 'other') && namesRdsSecret(this.source.tokens, value.span, (names, at) => this.lookup(names, at))) {
      return { kind: 'rds-secret' };
    }
    if (value.kind !== 'path') {
      return undefined;
    }
    const target = this.lookup(value.names, value.at);
    // An instance another stack hands over in its props: only database instances have this member.
    if (!target && value.names.length > 1 && normalizeName(value.names[value.names.length - 1]) === INSTANCE_ADDRESS) {
      return { kind: 'rds-endpoint' };
    }
    // `orders.tableName` after `const orders = createOrdersTable(this)` of another module: the table it makes, if the model knows it.
    const made = !target && value.names.length === 2 && TABLE_MEMBERS.has(value.names[1]) ? this.objectAt({ ...value, names: [value.names[0]] }) : undefined;
    const maker = made?.kind === 'call' && made.callee.length === 1 && !this.source.python ? this.source.projectImports.get(made.callee[0]) : undefined;
    if (maker) {
      return { kind: 'exported', module: maker.module, path: maker.name };
    }
    if (!target && !this.source.python) {
      this.sstImports ??= new SstImports(this.source);
      const exported = this.sstImports.tableOf(value.names, value.at);
      return exported && { kind: 'exported', ...exported };
    }
    const kind = target?.construct.kind ?? '';
    if (target && RDS_ENDPOINT_MEMBERS[kind]?.has(target.rest.map(normalizeName).join('.'))) {
      return { kind: 'rds-endpoint' };
    }
    const members = kind === 'table' || kind === 'table-v2' ? TABLE_MEMBERS : SST_TABLE_MEMBERS[kind];
    return target && members && target.construct.id !== undefined && target.rest.length === 1 && members.has(target.rest[0]) ? { kind: 'table', logicalName: target.construct.id } : undefined;
  }
}

/** What a CDK source file contributes, or undefined when it does not import the CDK. */
export function indexCdk(file: string, text: string, family: 'js' | 'python', lines: LineIndex): FileContribution | undefined {
  return mayHoldCdk(text) ? new CdkIndexer(file, text, family, lines).index() : undefined;
}
