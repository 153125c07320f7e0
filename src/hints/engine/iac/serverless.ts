/**
 * Serverless Framework service files (`serverless.yml`, `.yaml`, `.json`): the CloudFormation sits under
 * `resources: Resources:`, the functions under `functions:`, and the environment of all functions under
 * `provider.environment`. Serverless variables (`${...}`) are followed only through `self:custom…`,
 * `self:provider…` or `self:service` to a literal written in the same file; any other source (`sls:stage`,
 * `opt:`, `env:`, `ssm:`, `file(...)`, `aws:`, `cf:`), a fallback (`${self:x, 'y'}`), a nested variable, or
 * `self:provider.stage`/`region` (deployments usually pick them with `--stage`/`--region`, which the written
 * value does not follow: `${sls:stage}` is the one that does) leaves the value unknown.
 * https://www.serverless.com/framework/docs/guides/variables
 */
import { Literal } from '../model';
import { entryOf, IacEntry, IacNode, IacScalar, scalarText } from './tree';

/** What a service file holds for the readers, variables already substituted. */
export interface ServerlessService {
  /** `resources` as a CloudFormation template root (`Resources`, `Conditions`, `Outputs`...); undefined when absent. */
  template?: IacNode;
  /** `functions`, by function name. */
  functions?: IacNode;
  /** `provider.environment`, set on every function. */
  providerEnvironment?: IacNode;
  /** `provider.iam.role.managedPolicies` (v3; `provider.iamManagedPolicies` before it): the ARNs the service's shared role attaches. */
  providerManagedPolicies?: IacNode;
  /**
   * By the path of each environment variable (`provider.environment.TABLE`, `functions.list.environment.TABLE`): the
   * `self:` paths its value passes through, its own first; a resource fragment's `TableName: ${self:…}` naming one of
   * them is the same value once deployed (`workspace/serviceFragments.ts`).
   */
  environmentChains?: ReadonlyMap<string, readonly string[]>;
  /** The files `resources` includes (`- ${file(resources/tables.yml)}`), as written, relative to the service file. */
  includedFiles?: readonly string[];
}

/** How deep `self:` references may chain (`custom.a` → `custom.b` → literal). */
const MAX_CHAIN = 8;

/** Longer substituted text is left unknown (a table name has at most 255 characters), so chains cannot blow up. */
const MAX_LENGTH = 1024;

/** Top-level sections a `self:` reference may read. */
const SELF_SECTIONS = new Set(['custom', 'provider', 'service']);

/** Provider settings a deployment usually picks on the command line, so their written value may not be the deployed one. */
const CHOSEN_AT_DEPLOY = new Set(['provider.stage', 'provider.region']);
/** A value that is one `self:` variable and nothing else. */
const SINGLE_SELF = /^\$\{self:([A-Za-z0-9_.-]+)\}$/;

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

/** Whether `key:` starts a line (YAML) or `"key"` appears (JSON); a cheap test before reading the file. */
function hasTopLevelKey(text: string, key: string): boolean {
  const yaml = `${key}:`;
  for (let at = text.indexOf(yaml); at >= 0; at = text.indexOf(yaml, at + 1)) {
    if (at === 0 || isLineBreak(text.charCodeAt(at - 1))) {
      return true;
    }
  }
  return text.includes(`"${key}"`);
}

/** Whether the text may be a Serverless service file: a `service` and a `provider` key. */
export function mayBeServerless(text: string): boolean {
  return hasTopLevelKey(text, 'service') && hasTopLevelKey(text, 'provider');
}

/** A `${...}` whose inside names a source (`self:`, `sls:`, `opt:`); `${Name}` and `${AWS::Region}` are CloudFormation's own (`Fn::Sub`). */
function isServerlessVariable(inside: string): boolean {
  return inside.split('::').join('').includes(':');
}

class Variables {
  /** Each `self:` reference resolved once; null while it is being resolved, so a cycle reads as unknown. */
  private readonly resolved = new Map<string, Literal | undefined | null>();

  /** Environment values that name a table of `resources` through the same unknown variable as its `TableName`: a `Ref` to it. */
  readonly sameAsTableName = new Map<IacScalar, string>();

  constructor(private readonly root: IacNode) {}

  /** The node a `self:` path names. */
  private at(path: string): IacNode | undefined {
    let node: IacNode | undefined = this.root;
    for (const part of path.split('.')) {
      node = entryOf(node, part)?.value;
    }
    return node;
  }

  /**
   * Where an unknown value comes from: the path that a chain of whole-value `${self:…}` references ends at
   * (`path` itself when the value is no such reference); undefined when the value is known or not a string.
   * Two values from the same place are the same once deployed, whatever the place resolves to; so are two places that
   * write the same variables in the same text (`${self:service}-${self:provider.stage}` for a table's name and for
   * a function's variable), whose sources are the deployment's own.
   */
  origin(node: IacNode | undefined, path: string): string | undefined {
    if (node?.kind !== 'scalar' || node.tag || node.literal.kind !== 'str' || this.text(node.literal.value, 0) !== undefined) {
      return undefined;
    }
    for (let depth = 0; depth <= MAX_CHAIN; depth++) {
      const text = node?.kind === 'scalar' && !node.tag && node.literal.kind === 'str' ? node.literal.value : undefined;
      const whole = text === undefined ? null : SINGLE_SELF.exec(text);
      if (!whole) {
        return text?.includes('${') ? `text ${text}` : path;
      }
      path = whole[1];
      node = this.at(path);
    }
    return undefined;
  }

  /** The `self:` paths the value at `path` passes through: `path` itself, then each path a whole-value `${self:…}` names in turn. */
  chain(path: string): string[] {
    const paths = [path];
    let node = this.at(path);
    for (let depth = 0; depth < MAX_CHAIN; depth++) {
      const whole = node?.kind === 'scalar' && !node.tag && node.literal.kind === 'str' ? SINGLE_SELF.exec(node.literal.value) : null;
      if (!whole || paths.includes(whole[1])) {
        break;
      }
      paths.push(whole[1]);
      node = this.at(whole[1]);
    }
    return paths;
  }

  /** Marks the environment values (`environment` maps under `at`) that come from where one table's `TableName` does. */
  linkTableNames(tables: Map<string, string | null>, environment: IacNode | undefined, at: string): void {
    for (const entry of environment?.kind === 'map' ? environment.entries : []) {
      const origin = this.origin(entry.value, `${at}.${entry.key}`);
      const table = origin === undefined ? undefined : tables.get(origin);
      if (table && entry.value.kind === 'scalar') {
        this.sameAsTableName.set(entry.value, table);
      }
    }
  }

  /** A `self:` path's value as a literal, following chains; undefined when it is not one literal. */
  private self(inside: string, depth: number): Literal | undefined {
    const known = this.resolved.get(inside);
    if (known !== undefined || this.resolved.has(inside)) {
      return known ?? undefined;
    }
    this.resolved.set(inside, null);
    const literal = this.follow(inside, depth);
    this.resolved.set(inside, literal);
    return literal;
  }

  private follow(inside: string, depth: number): Literal | undefined {
    if (!/^self:[A-Za-z0-9_.-]+$/.test(inside) || CHOSEN_AT_DEPLOY.has(inside.slice(5))) {
      return undefined;
    }
    const path = inside.slice(5);
    if (!SELF_SECTIONS.has(path.split('.')[0])) {
      return undefined;
    }
    const node = this.at(path);
    if (node?.kind !== 'scalar' || node.tag || scalarText(node) === undefined) {
      return undefined;
    }
    return node.literal.kind === 'str' ? this.text(node.literal.value, depth + 1) : node.literal;
  }

  /**
   * A string with its Serverless variables replaced: the target's own literal when the string is one
   * variable (Serverless keeps its type), else the joined text; undefined when a variable is unknown.
   */
  text(value: string, depth: number): Literal | undefined {
    if (depth > MAX_CHAIN) {
      return undefined;
    }
    let joined = '';
    let substituted = false;
    let last = 0;
    for (let open = value.indexOf('${'); open >= 0; open = value.indexOf('${', last)) {
      const close = value.indexOf('}', open + 2);
      if (close < 0) {
        break;
      }
      const inside = value.slice(open + 2, close);
      if (inside.includes('${')) {
        return undefined;
      }
      if (isServerlessVariable(inside)) {
        const resolved = this.self(inside, depth);
        if (resolved?.kind !== 'str' && resolved?.kind !== 'num' && resolved?.kind !== 'bool') {
          return undefined;
        }
        if (open === 0 && close === value.length - 1) {
          return resolved;
        }
        joined += value.slice(last, open) + String(resolved.value);
        substituted = true;
      } else {
        joined += value.slice(last, close + 1);
      }
      last = close + 1;
      if (joined.length > MAX_LENGTH) {
        return undefined;
      }
    }
    return substituted ? { kind: 'str', value: joined + value.slice(last) } : { kind: 'str', value };
  }

  private scalar(node: IacScalar): IacScalar {
    const table = this.sameAsTableName.get(node);
    if (table) {
      return { kind: 'scalar', span: node.span, tag: 'Ref', literal: { kind: 'str', value: table }, replaceable: false };
    }
    // A tagged scalar (`!Sub`, `!Ref`) and a string without `${` are CloudFormation's as written.
    if (node.tag || node.literal.kind !== 'str' || !node.literal.value.includes('${')) {
      return node;
    }
    const literal = this.text(node.literal.value, 0);
    if (literal?.kind === 'str' && literal.value === node.literal.value) {
      return node;
    }
    // Substituted or unknown: a quick fix must not rewrite the variable in place.
    return { kind: 'scalar', span: node.span, literal: literal ?? { kind: 'expr', text: node.literal.value }, replaceable: false };
  }

  /**
   * The node with every Serverless variable substituted or marked unknown; the spans stay where the text
   * is. A node without variables is returned as it is, so a template without any costs no copies.
   */
  substitute(node: IacNode): IacNode {
    switch (node.kind) {
      case 'scalar': {
        if (!node.argument) {
          return this.scalar(node);
        }
        const argument = this.substitute(node.argument) as typeof node.argument;
        return argument === node.argument ? node : { ...node, argument };
      }
      case 'list': {
        const items = changedCopy(node.items, (item) => this.substitute(item));
        return items ? { ...node, items } : node;
      }
      default: {
        const entries = changedCopy(node.entries, (entry): IacEntry => {
          const value = this.substitute(entry.value);
          return value === entry.value ? entry : { ...entry, value };
        });
        return entries ? { ...node, entries } : node;
      }
    }
  }
}

/** `items` mapped by `map`, or undefined when every item came back as it was: a template without variables allocates nothing. */
function changedCopy<T>(items: readonly T[], map: (item: T) => T): T[] | undefined {
  let copy: T[] | undefined;
  for (let i = 0; i < items.length; i++) {
    const mapped = map(items[i]);
    if (copy) {
      copy.push(mapped);
    } else if (mapped !== items[i]) {
      copy = items.slice(0, i);
      copy.push(mapped);
    }
  }
  return copy;
}

/**
 * A node of a file that is not a service file, with every Serverless variable unknown: it has no `self:`
 * of its own, and the service that includes it decides the values (CloudFormation's `${Name}` stay).
 */
export function unknownVariables(node: IacNode): IacNode {
  return new Variables({ kind: 'map', span: node.span, entries: [] }).substitute(node);
}

/**
 * Environment variables set from the same unknown variable as a table's `TableName` (`TableName:
 * ${self:provider.environment.TABLE}`, or both `${self:custom.tableName}` where that holds `${opt:stage}`)
 * name that table, as a `Ref` to it would.
 */
function linkTableNames(variables: Variables, root: IacNode): void {
  const tables = new Map<string, string | null>();
  const resources = entryOf(resourcesSection(root), 'Resources')?.value;
  for (const entry of resources?.kind === 'map' ? resources.entries : []) {
    const properties = entryOf(entry.value, 'Properties')?.value;
    const origin = scalarText(entryOf(entry.value, 'Type')?.value) === 'AWS::DynamoDB::Table' ? variables.origin(entryOf(properties, 'TableName')?.value, `resources.Resources.${entry.key}.Properties.TableName`) : undefined;
    if (origin !== undefined) {
      tables.set(origin, tables.has(origin) ? null : entry.key);
    }
  }
  if (tables.size === 0) {
    return;
  }
  variables.linkTableNames(tables, entryOf(entryOf(root, 'provider')?.value, 'environment')?.value, 'provider.environment');
  const functions = entryOf(root, 'functions')?.value;
  for (const fn of functions?.kind === 'map' ? functions.entries : []) {
    variables.linkTableNames(tables, entryOf(fn.value, 'environment')?.value, `functions.${fn.key}.environment`);
  }
}

/** The `self:` chains of every environment variable of the service, by the variable's path. */
function environmentChains(variables: Variables, root: IacNode): Map<string, readonly string[]> {
  const chains = new Map<string, readonly string[]>();
  const note = (environment: IacNode | undefined, at: string): void => {
    for (const entry of environment?.kind === 'map' ? environment.entries : []) {
      chains.set(`${at}.${entry.key}`, variables.chain(`${at}.${entry.key}`));
    }
  };
  note(entryOf(entryOf(root, 'provider')?.value, 'environment')?.value, 'provider.environment');
  const functions = entryOf(root, 'functions')?.value;
  for (const fn of functions?.kind === 'map' ? functions.entries : []) {
    note(entryOf(fn.value, 'environment')?.value, `functions.${fn.key}.environment`);
  }
  return chains;
}

/** `${file(resources/tables.yml)}`, `${file(./resources/tables.yml):Resources}`: the path of a file variable, with no variable inside it. */
const FILE_VARIABLE = /^\$\{file\(([^()$]+)\)(?::[A-Za-z0-9_.-]+)?\}$/;

/** How deep `resources` is walked for includes: a file goes in the list, under `Resources`, or as one resource. */
const MAX_INCLUDE_DEPTH = 3;

/** The files a `resources` section includes, each a whole value `${file(...)}`, as written. */
function includedFiles(node: IacNode | undefined, depth = 0): string[] {
  if (!node || depth > MAX_INCLUDE_DEPTH) {
    return [];
  }
  if (node.kind === 'scalar') {
    const path = FILE_VARIABLE.exec(scalarText(node) ?? '')?.[1]?.trim();
    return path ? [path] : [];
  }
  return (node.kind === 'list' ? node.items : node.entries.map((entry) => entry.value)).flatMap((child) => includedFiles(child, depth + 1));
}

/**
 * `resources` as one template root: written as a map, or as a list of fragments that the framework merges
 * (`resources: [{ Resources: {...} }, { Outputs: {...} }, ${file(...)}]`), whose maps' sections are joined here
 * key by key, the included files left to `includedFiles` (a list of includes alone is kept as written).
 * https://www.serverless.com/framework/docs/providers/aws/guide/resources
 */
function resourcesSection(root: IacNode): IacNode | undefined {
  const resources = entryOf(root, 'resources')?.value;
  if (resources?.kind !== 'list') {
    return resources;
  }
  const sections = new Map<string, IacEntry>();
  for (const fragment of resources.items) {
    for (const entry of fragment.kind === 'map' ? fragment.entries : []) {
      const joined = sections.get(entry.key);
      if (!joined) {
        sections.set(entry.key, entry);
      } else if (joined.value.kind === 'map' && entry.value.kind === 'map') {
        sections.set(entry.key, { ...joined, value: { ...joined.value, entries: [...joined.value.entries, ...entry.value.entries] } });
      }
    }
  }
  return sections.size > 0 ? { kind: 'map', span: resources.span, entries: [...sections.values()] } : resources;
}

/**
 * The parts of a Serverless service file that the readers use, or undefined when the document is not
 * one: a `service`, and a `provider` whose `name` is `aws`.
 */
export function readServerless(root: IacNode | undefined): ServerlessService | undefined {
  if (!root || !entryOf(root, 'service') || scalarText(entryOf(entryOf(root, 'provider')?.value, 'name')?.value) !== 'aws') {
    return undefined;
  }
  const variables = new Variables(root);
  linkTableNames(variables, root);
  const section = (node: IacNode | undefined): IacNode | undefined => (node ? variables.substitute(node) : undefined);
  const service: ServerlessService = {};
  const template = section(resourcesSection(root));
  const functions = section(entryOf(root, 'functions')?.value);
  const provider = entryOf(root, 'provider')?.value;
  const providerEnvironment = section(entryOf(provider, 'environment')?.value);
  const providerManagedPolicies = section(entryOf(entryOf(entryOf(provider, 'iam')?.value, 'role')?.value, 'managedPolicies')?.value ?? entryOf(provider, 'iamManagedPolicies')?.value);
  if (template) {
    service.template = template;
  }
  if (functions) {
    service.functions = functions;
  }
  if (providerEnvironment) {
    service.providerEnvironment = providerEnvironment;
  }
  if (providerManagedPolicies) {
    service.providerManagedPolicies = providerManagedPolicies;
  }
  service.environmentChains = environmentChains(variables, root);
  const included = includedFiles(entryOf(root, 'resources')?.value);
  if (included.length > 0) {
    service.includedFiles = included;
  }
  return service;
}
