/**
 * Terraform files for the workspace model: `aws_dynamodb_table` and the terraform-aws-modules
 * dynamodb-table module, RDS and ElastiCache resources and modules, and Lambda functions
 * (`aws_lambda_function` with an `archive_file` package, the lambda module) with their environment.
 * A value counts when it is a literal, a variable's default, a local, or a template of those; a
 * `dynamic` block of indexes leaves the table's index list incomplete (tables: `terraformTables.ts`).
 * What the file lends the module's other files is in `terraformLentValues.ts`.
 */
import { LAMBDA_MODULE } from '../iac/lambdaEnvironment';
import { forwardedAdmission, inputTarget, normalizedModuleSource, pinnedRelease, registryModule } from '../iac/terraformModules';
import { dataArgumentKey } from '../iac/terraformDataSources';
import { Literal, OptionOccurrence } from '../model';
import { normalizeName, Span } from '../types';
import { LineIndex } from '../text';
import { emptyContribution, isEnvironmentName, keepsSetting, sourceRef } from './contribution';
import { attributeOf, blocksOf, calledValue, HclBlock, HclBody, HclValue, readHcl } from './hcl';
import { attributeInput, combinedTarget, computedInputs, conditionalInput, containerEnvironmentInputs, environmentInputs, passedInput, renderedTemplate, writtenArguments } from './moduleInputs';
import { folderOf, joinPath } from './paths';
import { localModuleFolder, noteTerraformGroups } from './terraformGroups';
import { ingressInputs, opensToInputs } from './terraformIngressInputs';
import { parameterGroupFamilies } from './terraformGroupFamilies';
import { passwordHandOffs } from './terraformPasswordHandOffs';
import { lentValues } from './terraformLentValues';
import { TerraformTables } from './terraformTables';
import { terragruntSettings } from './terraformTerragrunt';
import { DatabaseDefinition, DatabaseKind, EnvironmentValue, FileContribution, FunctionDefinition, ModuleInputTarget, SourceRef } from './types';

const DATABASE_RESOURCES = new Map<string, DatabaseKind>(Object.entries({
  aws_db_instance: 'rds-instance',
  aws_rds_cluster: 'rds-cluster',
  aws_elasticache_replication_group: 'elasticache-replication-group',
  aws_elasticache_cluster: 'elasticache-cluster',
  aws_elasticache_serverless_cache: 'elasticache-serverless',
} satisfies Record<string, DatabaseKind>));

const DATABASE_MODULES = new Map<string, DatabaseKind>(Object.entries({
  'terraform-aws-modules/rds/aws': 'rds-instance',
  'terraform-aws-modules/rds-aurora/aws': 'rds-cluster',
  'terraform-aws-modules/elasticache/aws': 'elasticache-replication-group',
} satisfies Record<string, DatabaseKind>));

/** Resources whose arguments the rules read, for the inputs a module folder passes to them whole. */
const RULED_RESOURCES = new Set([...DATABASE_RESOURCES.keys(), 'aws_rds_cluster_instance', 'aws_dynamodb_table', 'aws_elasticache_user', 'aws_lambda_function']);

const DYNAMODB_MODULE = 'terraform-aws-modules/dynamodb-table/aws';

/** Attributes of a table that name it to the API (`TableName` takes the name or the ARN). */
const TABLE_ATTRIBUTES = new Set(['name', 'id', 'arn']);
/** Outputs of the dynamodb-table module that do the same. */
const MODULE_TABLE_OUTPUTS = new Set(['dynamodb_table_id', 'dynamodb_table_arn']);
/** Attributes of RDS resources that give the host name (or `host:port`) a client connects to, by resource type. */
const ENDPOINT_ATTRIBUTES = new Map<string, ReadonlySet<string>>([
  ['aws_db_instance', new Set(['address', 'endpoint'])],
  ['aws_rds_cluster', new Set(['endpoint', 'reader_endpoint'])],
  ['aws_rds_cluster_instance', new Set(['endpoint'])],
  ['aws_db_proxy', new Set(['endpoint'])],
  ['aws_db_proxy_endpoint', new Set(['endpoint'])],
]);
/** Outputs of terraform-aws-modules/rds that do the same (the Aurora module's `cluster_endpoint` is also the EKS module's name: not read). */
const MODULE_ENDPOINT_OUTPUTS = new Set(['db_instance_address', 'db_instance_endpoint']);

/** Arguments Terraform reads itself rather than passing to the resource or module. */
const META_ARGUMENTS = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on', 'provider', 'lifecycle']);

/** How deep locals may refer to locals before the reader gives up (a cycle is an error in Terraform anyway). */
const MAX_LOCAL_DEPTH = 8;
/** The longest text a template may build: names and paths are far shorter, and a template of templates grows fast. */
const MAX_TEXT_LENGTH = 4096;

/** `aws_security_group.<name>` in an expression the reader keeps as text (`concat(...)`, a conditional). */

class TerraformIndexer {
  readonly contribution = emptyContribution();
  private readonly folder: string;
  private readonly variables = new Map<string, HclValue>();
  private readonly locals = new Map<string, HclValue>();
  /** Variables and locals already read as text, so that locals built from locals are read once each. */
  private readonly resolvedText = new Map<string, string | undefined>();
  private readonly tables: TerraformTables;

  constructor(
    private readonly file: string,
    private readonly source: string,
    private readonly lines: LineIndex,
    private readonly root: HclBody,
  ) {
    this.folder = folderOf(file);
    Object.assign(this.contribution, passwordHandOffs(file, source, root), parameterGroupFamilies(root));
    this.tables = new TerraformTables({ text: (value) => this.text(value), resolved: (value) => this.resolved(value), bool: (value) => this.bool(value) }, file, lines);
    for (const block of blocksOf(root, 'variable')) {
      const fallback = attributeOf(block.body, 'default');
      if (block.labels.length === 1 && fallback) {
        this.variables.set(block.labels[0], fallback);
      }
    }
    for (const block of blocksOf(root, 'locals')) {
      for (const attribute of block.body.attributes) {
        this.locals.set(attribute.name, attribute.value);
      }
    }
    // A data source's arguments (an engine or a policy lookup), lent with the locals under a key no local can have (it holds dots).
    for (const block of blocksOf(root, 'data')) {
      for (const attribute of block.labels.length === 2 ? block.body.attributes : []) {
        const key = dataArgumentKey(block.labels[0], block.labels[1], attribute.name);
        if (key) {
          this.locals.set(key, attribute.value);
        }
      }
    }
  }

  private at(block: HclBlock): SourceRef {
    return sourceRef(this.file, this.lines, block.nameSpan);
  }

  /** A string as a plan without other inputs would see it; `path.module` only where `paths` allows it. */
  private text(value: HclValue | undefined, paths = false, depth = 0): string | undefined {
    if (!value || depth > MAX_LOCAL_DEPTH) {
      return undefined;
    }
    switch (value.kind) {
      case 'string':
        return value.value;
      case 'number':
      case 'bool':
        return String(value.value);
      case 'reference':
        return this.referenceText(value.path, paths, depth);
      case 'template': {
        let result = '';
        for (const part of value.parts) {
          const piece = 'text' in part ? part.text : this.referenceText(part.reference, paths, depth);
          if (piece === undefined || result.length + piece.length > MAX_TEXT_LENGTH) {
            return undefined;
          }
          result += piece;
        }
        return result;
      }
      default:
        return undefined;
    }
  }

  private referenceText(path: string[], paths: boolean, depth: number): string | undefined {
    if (path.length === 2 && (path[0] === 'var' || path[0] === 'local')) {
      const key = `${paths}.${path[0]}.${path[1]}`;
      if (!this.resolvedText.has(key)) {
        this.resolvedText.set(key, this.text((path[0] === 'var' ? this.variables : this.locals).get(path[1]), paths, depth + 1));
      }
      return this.resolvedText.get(key);
    }
    // The folder of this file; joined later, so `.` stands for it.
    return paths && path.length === 2 && path[0] === 'path' && path[1] === 'module' ? '.' : undefined;
  }

  private resolved(value: HclValue | undefined, depth = 0): HclValue | undefined {
    if (value?.kind === 'reference' && value.path.length === 2 && (value.path[0] === 'var' || value.path[0] === 'local') && depth < MAX_LOCAL_DEPTH) {
      return this.resolved((value.path[0] === 'var' ? this.variables : this.locals).get(value.path[1]), depth + 1);
    }
    return value;
  }

  private bool(value: HclValue | undefined): boolean | undefined {
    const text = this.text(value);
    return text === 'true' ? true : text === 'false' ? false : undefined;
  }

  private path(value: HclValue | undefined): string | undefined {
    const text = this.text(value, true);
    return text === undefined || /\.(?:zip|jar)$/i.test(text) ? undefined : joinPath(this.folder, text);
  }

  index(): void {
    Object.assign(this.contribution, lentValues(this.root, this.source, this.variables, this.locals));
    noteTerraformGroups(this.contribution, this.root, this.file, this.source);
    for (const block of this.root.blocks) {
      const [type, name] = block.labels;
      if (block.type === 'resource' && block.labels.length === 2) {
        if (RULED_RESOURCES.has(type)) {
          this.noteModuleInputs(type, block);
        } else if (opensToInputs(type)) {
          ingressInputs(this.source, type, block.body, this.root).forEach(([input, target]) => this.noteModuleInput(input, target));
        } else if (type === 'aws_ecs_task_definition') {
          this.noteContainerInputs(block);
        }
        if (type === 'aws_dynamodb_table') {
          this.contribution.tables.push(this.tables.table(`aws_dynamodb_table.${name}`, block));
        } else if (DATABASE_RESOURCES.has(type)) {
          this.contribution.databases.push(this.database(`${type}.${name}`, DATABASE_RESOURCES.get(type)!, block));
        } else if (type === 'aws_lambda_function') {
          this.contribution.functions.push(this.lambda(`aws_lambda_function.${name}`, block));
        } else if (type === 'aws_dynamodb_global_secondary_index') {
          this.noteDetachedIndex(attributeOf(block.body, 'table_name'));
        }
      } else if (block.type === 'data' && type === 'archive_file' && block.labels.length === 2) {
        const sources = [attributeOf(block.body, 'source_dir'), attributeOf(block.body, 'source_file')].map((value) => this.path(value)).filter((path): path is string => path !== undefined);
        if (sources.length > 0) {
          this.contribution.archives = { ...this.contribution.archives, [name]: sources };
        }
      } else if (block.type === 'module' && block.labels.length === 1) {
        this.module(block);
      }
    }
  }

  /**
   * Arguments of a resource that pass on an input (see passedInput): where a caller's input of that name
   * arrives. A nested block's switch (`point_in_time_recovery { enabled = var.pitr }`) arrives as the block,
   * the argument the rules name.
   */
  private noteModuleInputs(type: string, block: HclBlock): void {
    const engine = attributeOf(block.body, 'engine');
    const version = attributeOf(block.body, 'engine_version');
    const writes = writtenArguments(block.body);
    for (const attribute of block.body.attributes) {
      const input = passedInput(this.source, attribute.value) ?? attributeInput(attribute.value);
      if (input !== undefined) {
        const fixedEngine = attribute.name === 'engine_version' && engine?.kind === 'string' ? { engine: engine.value } : {};
        const versionInput = attribute.name === 'engine' && version !== undefined ? passedInput(this.source, version) : undefined;
        const fixedVersion = attribute.name !== 'engine' ? {} : version?.kind === 'string' ? { version: version.value } : versionInput !== undefined ? { versionInput } : {};
        this.noteModuleInput(input, { resource: type, argument: attribute.name, writes, ...fixedEngine, ...fixedVersion });
      } else if (!this.noteConditionalInput(attribute.name, attribute.value, () => ({ resource: type, argument: attribute.name })) && !META_ARGUMENTS.has(attribute.name)) {
        const localOf = (name: string): HclValue | undefined => this.locals.get(name);
        computedInputs(this.source, attribute.value, localOf).forEach((input) => this.noteModuleInput(input, { resource: type, argument: attribute.name, partial: true }));
      }
    }
    const variables = type === 'aws_lambda_function' ? attributeOf(blocksOf(block.body, 'environment')[0]?.body, 'variables') : undefined;
    environmentInputs(this.source, variables).forEach(([input, target]) => this.noteModuleInput(input, target));
    for (const nested of block.body.blocks) {
      const enabled = attributeOf(nested.body, 'enabled');
      const input = enabled === undefined || nested.labels.length > 0 ? undefined : passedInput(this.source, enabled);
      if (input !== undefined) {
        this.noteModuleInput(input, { resource: type, argument: nested.type });
      } else if (enabled !== undefined && nested.labels.length === 0) {
        this.noteConditionalInput(nested.type, enabled, () => ({ resource: type, argument: nested.type }));
      }
      this.noteDynamicBlockInputs(type, nested);
    }
  }

  /** The password inputs the containers' environment of a task definition passes on (`containerEnvironmentInputs`). */
  private noteContainerInputs(block: HclBlock): void {
    const definitions = attributeOf(block.body, 'container_definitions');
    const containers = definitions && calledValue(this.source, this.lines, definitions, 'jsonencode');
    containerEnvironmentInputs(this.source, containers).forEach(([input, target]) => this.noteModuleInput(input, target));
    const template = definitions && renderedTemplate(definitions);
    if (template !== undefined) {
      (this.contribution.containerTemplates ??= []).push(template);
    }
  }

  /**
   * A `dynamic` block whose `for_each` iterates an input (`dynamic "global_secondary_index" { for_each =
   * var.global_secondary_indexes }`, also `var.x == null ? [] : var.x` or `toset(var.x)`): the caller's value is the
   * list of those blocks, so the input reaches the block's name, with a hover and no finding (the blocks are built
   * from its elements). Not a function's environment, whose passwords are read by name (`environmentInputs`).
   */
  private noteDynamicBlockInputs(type: string, nested: HclBlock): void {
    const forEach = nested.type === 'dynamic' && nested.labels.length === 1 && type !== 'aws_lambda_function' ? attributeOf(nested.body, 'for_each') : undefined;
    const localOf = (name: string): HclValue | undefined => (name === '__proto__' ? undefined : this.locals.get(name));
    const inputs = forEach ? computedInputs(this.source, forEach, localOf) : [];
    if (inputs.length === 1) {
      this.noteModuleInput(inputs[0], { resource: type, argument: nested.labels[0], partial: true });
    }
  }

  /**
   * An argument that a conditional on one input sets (`publicly_accessible = var.env == "dev" ? true : false`), written
   * in place or through a local of this file (`backup_retention_period = local.retention_days` with
   * `retention_days = var.prod ? 7 : 0`): a caller's literal for that input decides the value.
   */
  private noteConditionalInput(argument: string, value: HclValue, targetOf: () => ModuleInputTarget | undefined): boolean {
    if (META_ARGUMENTS.has(argument) || (value.kind !== 'other' && value.kind !== 'reference')) {
      return false;
    }
    const localName = value.kind === 'reference' && value.path.length === 2 && value.path[0] === 'local' ? value.path[1] : undefined;
    const local = localName === undefined ? undefined : this.locals.get(localName);
    if (localName === '__proto__') {
      return true;
    }
    if (localName !== undefined && local === undefined) {
      // Declared in another file of the module: the workspace pairs the two (workspaceUnion).
      const target = targetOf();
      if (target) {
        const elsewhere = (this.contribution.localArguments ??= {});
        elsewhere[localName] = [...(Object.hasOwn(elsewhere, localName) ? elsewhere[localName] : []), target];
      }
      return true;
    }
    const conditional = conditionalInput(this.source, local ?? value);
    const target = conditional && targetOf();
    if (conditional && target) {
      this.noteModuleInput(conditional.input, { ...target, when: conditional.when });
    }
    return conditional !== undefined;
  }

  private noteModuleInput(input: string, target: ModuleInputTarget | null): void {
    const inputs = (this.contribution.moduleInputs ??= {});
    inputs[input] = Object.hasOwn(inputs, input) ? combinedTarget(inputs[input], target) : target;
  }

  /**
   * Inputs of a registry module block the engine knows that pass on an input of this folder (a wrapper of
   * `terraform-aws-modules/rds-aurora/aws`): where a caller's input of that name arrives, or nowhere certain
   * where the module may set that argument from another input.
   */
  private noteRegistryModuleInputs(source: string, block: HclBlock): void {
    const module = registryModule(source);
    if (!module) {
      return;
    }
    const written = block.body.attributes.filter((attribute) => !META_ARGUMENTS.has(attribute.name)).map((attribute) => this.option(attribute.name, attribute.nameSpan, attribute.value));
    const version = attributeOf(block.body, 'version');
    const newest = pinnedRelease(version && this.option('version', version.span, version).literal, this.text(attributeOf(block.body, 'source')) ?? '');
    const passedOn = (name: string): string | undefined => {
      const value = attributeOf(block.body, name);
      return value === undefined ? undefined : passedInput(this.source, value);
    };
    for (const attribute of block.body.attributes) {
      // An input passed whole, or an attribute of an object input (`at_rest_encryption_enabled = var.settings.at_rest`).
      const input = META_ARGUMENTS.has(attribute.name) ? undefined : (passedInput(this.source, attribute.value) ?? attributeInput(attribute.value));
      if (input !== undefined) {
        const target = inputTarget(module, written, newest, attribute.name);
        const admittedOn = target && forwardedAdmission(module, written, attribute.name, passedOn);
        this.noteModuleInput(input, target ? { ...target, ...(admittedOn ? { admittedOn } : {}) } : null);
      } else {
        // A per-instance map is no single value: only a setting of the resource itself.
        this.noteConditionalInput(attribute.name, attribute.value, () => {
          const target = inputTarget(module, written, newest, attribute.name);
          return target?.keys ? undefined : target;
        });
      }
    }
  }

  /** Inputs of this folder that a `module` block passes on whole to a module folder of the workspace. */
  private noteForwardedInputs(folder: string, block: HclBlock): void {
    const forward = (input: string | undefined, as: string): void => {
      if (input !== undefined) {
        const forwards = (this.contribution.moduleForwards ??= {});
        forwards[input] = [...(Object.hasOwn(forwards, input) ? forwards[input] : []), { folder, input: as }];
      }
    };
    for (const attribute of block.body.attributes.filter(({ name }) => !META_ARGUMENTS.has(name))) {
      forward(passedInput(this.source, attribute.value), attribute.name);
      // An entry of an object literal (`settings = { multi_az = var.multi_az }`) reaches what the folder's `var.settings.multi_az` does.
      const entries = attribute.value.kind === 'object' ? attribute.value.entries : [];
      entries.forEach((entry) => forward(passedInput(this.source, entry.value), `${attribute.name}.${entry.name}`));
    }
  }

  /** A module input as the module rules read it: a literal as such, anything else as an expression. */
  private option(name: string, key: Span, value: HclValue): OptionOccurrence {
    const literal: Literal =
      value.kind === 'string' ? { kind: 'str', value: value.value }
      : value.kind === 'number' ? { kind: 'num', value: value.value }
      : value.kind === 'bool' ? { kind: 'bool', value: value.value }
      : value.kind === 'null' ? { kind: 'none' }
      : { kind: 'expr', text: this.source.slice(value.span.start, value.span.end) };
    return { name, norm: normalizeName(name), key, value: value.span, literal, removal: { start: key.start, end: value.span.end } };
  }

  /** The variables' default objects with the attributes their object types default (`optional(bool, true)`), also for a variable without a default. */
  /** An index defined as its own resource: its table's index list is not all in the table's block. */
  private noteDetachedIndex(table: HclValue | undefined): void {
    const [root, name] = table?.kind === 'reference' ? table.path : [];
    const logicalName = root === 'aws_dynamodb_table' && name !== undefined ? `aws_dynamodb_table.${name}` : '*';
    this.contribution.indexedElsewhere = [...(this.contribution.indexedElsewhere ?? []), logicalName];
  }

  private module(block: HclBlock): void {
    const source = this.text(attributeOf(block.body, 'source'));
    const registry = source === undefined ? undefined : normalizedModuleSource(source);
    const logicalName = `module.${block.labels[0]}`;
    const folder = source === undefined ? undefined : localModuleFolder(this.folder, source);
    if (registry) {
      this.noteRegistryModuleInputs(registry, block);
    }
    if (registry === LAMBDA_MODULE) {
      environmentInputs(this.source, attributeOf(block.body, 'environment_variables')).forEach(([input, target]) => this.noteModuleInput(input, target));
    }
    if (folder !== undefined) {
      this.noteForwardedInputs(folder, block);
      const calls = (this.contribution.moduleCalls ??= {});
      const inputs = block.body.attributes.map((attribute) => attribute.name).filter((name) => !META_ARGUMENTS.has(name));
      calls[folder] = [...(Object.hasOwn(calls, folder) ? calls[folder] : []), inputs];
      const variables = (this.contribution.moduleCallVariables ??= {});
      variables[folder] = [...(Object.hasOwn(variables, folder) ? variables[folder] : []), passedVariables(block)];
    }
    if (registry === DYNAMODB_MODULE && this.bool(attributeOf(block.body, 'create_table')) !== false) {
      this.contribution.tables.push(this.tables.moduleTable(logicalName, block));
    } else if (registry && DATABASE_MODULES.has(registry)) {
      const cluster = registry === 'terraform-aws-modules/elasticache/aws' && this.bool(attributeOf(block.body, 'create_replication_group')) === false;
      this.contribution.databases.push(this.database(logicalName, cluster ? 'elasticache-cluster' : DATABASE_MODULES.get(registry)!, block));
    } else if (registry === LAMBDA_MODULE) {
      this.contribution.functions.push(this.moduleLambda(logicalName, block));
    }
  }

  private database(logicalName: string, kind: DatabaseKind, block: HclBlock): DatabaseDefinition {
    const settings: Record<string, string | number | boolean> = {};
    for (const attribute of block.body.attributes) {
      if (!keepsSetting(attribute.name) || META_ARGUMENTS.has(attribute.name)) {
        continue;
      }
      const value = this.resolved(attribute.value);
      if (value?.kind === 'string' || value?.kind === 'number' || value?.kind === 'bool') {
        settings[attribute.name] = value.value;
      } else {
        const text = this.text(value);
        if (text !== undefined) {
          settings[attribute.name] = text;
        }
      }
    }
    const database: DatabaseDefinition = { kind, logicalName, format: 'terraform', settings, definedAt: this.at(block) };
    const engine = this.text(attributeOf(block.body, 'engine'));
    const engineVersion = this.text(attributeOf(block.body, 'engine_version'));
    if (engine) {
      database.engine = engine;
    }
    if (engineVersion) {
      database.engineVersion = engineVersion;
    }
    return database;
  }

  /** What one environment variable is wired to, or undefined when it is decided elsewhere. */
  private environmentValue(value: HclValue): EnvironmentValue | undefined {
    if (value.kind === 'reference') {
      const [root, name, attribute] = value.path;
      if (value.path.length === 3 && root === 'aws_dynamodb_table' && TABLE_ATTRIBUTES.has(attribute)) {
        return { kind: 'table', logicalName: `aws_dynamodb_table.${name}` };
      }
      if (value.path.length === 3 && root === 'module' && MODULE_TABLE_OUTPUTS.has(attribute)) {
        return { kind: 'table', logicalName: `module.${name}` };
      }
      if (value.path.length === 3 && (ENDPOINT_ATTRIBUTES.get(root)?.has(attribute) || (root === 'module' && MODULE_ENDPOINT_OUTPUTS.has(attribute)))) {
        return { kind: 'rds-endpoint' };
      }
    }
    const text = this.text(value);
    return text !== undefined ? { kind: 'literal', value: text } : undefined;
  }

  private setEnvironment(fn: FunctionDefinition, variables: HclValue | undefined): void {
    if (!variables) {
      return;
    }
    const resolved = this.resolved(variables);
    if (resolved?.kind !== 'object') {
      fn.environmentUnreadable = true;
      return;
    }
    for (const entry of resolved.entries) {
      if (!isEnvironmentName(entry.name)) {
        continue;
      }
      const value = this.environmentValue(entry.value);
      if (value) {
        fn.environment[entry.name] = value;
      } else {
        (fn.unknownEnvironment ??= []).push(entry.name);
      }
    }
  }

  private lambda(logicalName: string, block: HclBlock): FunctionDefinition {
    const body = block.body;
    const fn: FunctionDefinition = { logicalName, format: 'terraform', codePaths: [], environment: {}, definedAt: this.at(block) };
    const handler = this.text(attributeOf(body, 'handler'));
    if (handler) {
      fn.handler = handler;
    }
    const filename = attributeOf(body, 'filename');
    if (filename?.kind === 'reference' && filename.path.length === 4 && filename.path[0] === 'data' && filename.path[1] === 'archive_file') {
      fn.archive = filename.path[2];
    }
    if (blocksOf(body, 'dynamic').some((entry) => entry.labels[0] === 'environment')) {
      fn.environmentUnreadable = true;
    }
    for (const environment of blocksOf(body, 'environment')) {
      this.setEnvironment(fn, attributeOf(environment.body, 'variables'));
    }
    return fn;
  }

  /** The lambda module: `source_path` (a path, or a list of paths and `{ path = … }` objects), `handler`, `environment_variables`. */
  private moduleLambda(logicalName: string, block: HclBlock): FunctionDefinition {
    const body = block.body;
    const fn: FunctionDefinition = { logicalName, format: 'terraform', codePaths: [], environment: {}, definedAt: this.at(block) };
    const handler = this.text(attributeOf(body, 'handler'));
    if (handler) {
      fn.handler = handler;
    }
    const source = this.resolved(attributeOf(body, 'source_path'));
    const sources = source?.kind === 'tuple' ? source.items.map((item) => (item.kind === 'object' ? attributeOf(item, 'path') : item)) : [source];
    for (const item of sources) {
      const path = this.path(item);
      if (path !== undefined) {
        fn.codePaths.push(path);
      }
    }
    this.setEnvironment(fn, attributeOf(body, 'environment_variables'));
    return fn;
  }
}

/** What a Terraform file contributes to the workspace model. */
export function indexTerraform(file: string, text: string, lines: LineIndex): FileContribution {
  const root = readHcl(text, lines);
  const indexer = new TerraformIndexer(file, text, lines, root);
  indexer.index();
  const terragrunt = terragruntSettings(file, root, text);
  return terragrunt ? { ...indexer.contribution, terragrunt } : indexer.contribution;
}

/** The inputs a `module` block passes as a whole variable of the caller's module (`rules = var.rules`), by input. */
function passedVariables(block: HclBlock): Record<string, string> {
  const passed: Record<string, string> = {};
  for (const { name, value } of block.body.attributes) {
    if (!META_ARGUMENTS.has(name) && name !== '__proto__' && value.kind === 'reference' && value.path.length === 2 && value.path[0] === 'var') {
      passed[name] = value.path[1];
    }
  }
  return passed;
}
