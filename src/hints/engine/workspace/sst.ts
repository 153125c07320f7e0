/**
 * SST apps for the workspace model, read by the CDK reader's machinery (SST v2 constructs are CDK
 * constructs, SST v3 components take a name and props the same way): v2 `Table`, `Function` and the
 * routes of an `Api` from `sst/constructs`, v3 `sst.aws.Dynamo` and `sst.aws.Function`. A table is known
 * by the name the app gives it (the construct id, the component name), which SST's SDK reads it by
 * (`Table.Notes.tableName`, `Resource.Notes.name`); a handler path is relative to the app's folder.
 */
import { TOKEN_KIND } from '../lexer';
import { CdkSource, CdkValue, entry } from './cdkSource';
import { keyTypeOf, sourceRef } from './contribution';
import { LineIndex } from '../text';
import { CdkClassMembers, FunctionDefinition, KeyAttribute, Projection, SourceRef, TableDefinition, TableIndex } from './types';

const { ID } = TOKEN_KIND;

export type SstKind = 'sst-table' | 'sst-function' | 'sst-api' | 'sst-dynamo' | 'sst-aws-function';

/** v2 constructs by their name in `sst/constructs`, as the CDK reader qualifies them. */
export const SST_CONSTRUCTS: ReadonlyMap<string, SstKind> = new Map([
  ['sst.Table', 'sst-table'],
  ['sst.Function', 'sst-function'],
  ['sst.Api', 'sst-api'],
]);

/** v3 components, written through the global `sst` (no import). */
export const SST_COMPONENTS: ReadonlyMap<string, SstKind> = new Map([
  ['sst.aws.Dynamo', 'sst-dynamo'],
  ['sst.aws.Function', 'sst-aws-function'],
]);

/** Members of an SST table that give its name or ARN: v2's CDK-like names, v3's own. */
export const SST_TABLE_MEMBERS: Readonly<Record<string, ReadonlySet<string>>> = {
  'sst-table': new Set(['tableName', 'tableArn']),
  'sst-dynamo': new Set(['name', 'arn']),
};

/** Index and stream spellings by SST version: v2 writes `partitionKey`, `keys_only`; v3 `hashKey`, `keys-only`. */
const SPELLINGS = {
  'sst-table': { partition: 'partitionKey', sort: 'sortKey', ttl: 'timeToLiveAttribute' },
  'sst-dynamo': { partition: 'hashKey', sort: 'rangeKey', ttl: 'ttl' },
} as const;

function text(value: CdkValue | undefined): string | undefined {
  return value?.kind === 'string' ? value.value : undefined;
}

/** `keys_only`, `keys-only`, `new_and_old_images`, `new-and-old-images` as DynamoDB spells them. */
function constant(written: string): string {
  return written.toUpperCase().replace(/-/g, '_');
}

export interface SstTableInput {
  kind: 'sst-table' | 'sst-dynamo';
  name: string;
  props: CdkValue | undefined;
  definedAt: SourceRef;
}

/** A v2 `Table` or v3 `Dynamo`: its keys from `fields` and `primaryIndex`, its indexes, stream and TTL. */
export function sstTable(file: string, lines: LineIndex, { kind, name, props, definedAt }: SstTableInput): TableDefinition {
  const spelling = SPELLINGS[kind];
  const fields = entry(props, 'fields');
  const attribute = (value: CdkValue | undefined): KeyAttribute | undefined => {
    const field = text(value);
    if (field === undefined) {
      return undefined;
    }
    const type = keyTypeOf(text(fields?.kind === 'object' ? fields.entries.find((candidate) => candidate.name === field)?.value : undefined));
    return type ? { name: field, type } : { name: field };
  };
  // `transform` (v3) and `cdk.table` (v2) may change anything the props say about indexes and names.
  const overridden = entry(props, 'transform') ?? entry(entry(props, 'cdk'), 'table');
  const readable = props?.kind === 'object' && !props.open && !overridden;
  const table: TableDefinition = { logicalName: name, format: 'sst', indexes: [], indexesKnown: readable, billingMode: 'PAY_PER_REQUEST', definedAt };
  if (overridden) {
    delete table.billingMode;
  }
  const primary = entry(props, 'primaryIndex');
  const partitionKey = attribute(entry(primary, spelling.partition));
  if (partitionKey) {
    table.partitionKey = partitionKey;
    const sortKey = attribute(entry(primary, spelling.sort));
    if (sortKey) {
      table.sortKey = sortKey;
    } else if (readable && primary?.kind === 'object' && !primary.open && !entry(primary, spelling.sort)) {
      table.hashOnly = true;
    }
  }
  for (const [property, indexKind] of [['globalIndexes', 'gsi'], ['localIndexes', 'lsi']] as const) {
    const written = entry(props, property);
    if (!written) {
      continue;
    }
    if (written.kind !== 'object' || written.open) {
      table.indexesKnown = false;
      continue;
    }
    for (const { name: indexName, value } of written.entries) {
      const indexKey = indexKind === 'gsi' ? attribute(entry(value, spelling.partition)) : partitionKey;
      const sortWritten = entry(value, spelling.sort);
      const sortKey = attribute(sortWritten);
      if (!indexKey || (sortWritten && !sortKey) || value.kind !== 'object' || value.open) {
        table.indexesKnown = false;
        continue;
      }
      const index: TableIndex = { name: indexName, kind: indexKind, partitionKey: indexKey, definedAt: sourceRef(file, lines, value.span) };
      if (sortKey) {
        index.sortKey = sortKey;
      }
      const projection = sstProjection(entry(value, 'projection'));
      if (projection) {
        index.projection = projection;
      }
      table.indexes.push(index);
    }
  }
  const stream = text(entry(props, 'stream'));
  if (stream) {
    table.streamViewType = constant(stream);
  }
  const ttl = text(entry(props, spelling.ttl));
  if (ttl) {
    table.ttlAttribute = ttl;
  }
  return table;
}

/** An index's `projection`: all attributes unless told otherwise, `keys_only` / `keys-only`, or a list of attributes. */
function sstProjection(value: CdkValue | undefined): Projection | undefined {
  if (!value) {
    return { type: 'ALL', attributes: [] };
  }
  if (value.kind === 'list') {
    const attributes = value.items.map(text);
    return attributes.includes(undefined) ? undefined : { type: 'INCLUDE', attributes: attributes as string[] };
  }
  const type = constant(text(value) ?? '');
  return type === 'ALL' || type === 'KEYS_ONLY' ? { type, attributes: [] } : undefined;
}

/**
 * Where a handler's code lies, relative to the app's folder: `src/notes.main` is module `src/notes` with
 * export `main` (the location its folder, so sibling modules are the function's too), a Go file
 * (`cmd/api/main.go`) is itself, and a path without a dot (`./src`, a Go or Rust package) is a folder.
 */
export function handlerCode(handler: string): { location: string; handler?: string } {
  const path = handler.replace(/^\.\//, '');
  const slash = path.lastIndexOf('/');
  const base = path.slice(slash + 1);
  if (base.endsWith('.go') || !base.includes('.')) {
    return { location: path };
  }
  return { location: slash < 0 ? '' : path.slice(0, slash), handler: base };
}

/** Reads a function's environment into it (the CDK reader's reading of variables to tables and literals). */
export type EnvironmentReader = (fn: FunctionDefinition, environments: (CdkValue | undefined)[]) => void;

export interface SstFunctionInput {
  name: string;
  /** A handler string, or the function's props (with `handler`). */
  props: CdkValue | undefined;
  /** Environments set before the function's own: an `Api`'s `defaults.function`. */
  inherited: (CdkValue | undefined)[];
  definedAt: SourceRef;
}

/** A function an SST app defines by its handler, or undefined when the handler is not written literally. */
export function sstFunction({ name, props, inherited, definedAt }: SstFunctionInput, readEnvironment: EnvironmentReader): FunctionDefinition | undefined {
  const handler = text(props) ?? text(entry(props, 'handler'));
  if (handler === undefined) {
    return undefined;
  }
  const code = handlerCode(handler);
  const fn: FunctionDefinition = { logicalName: name, format: 'sst', codePaths: [], codePathsFromApp: [code.location], environment: {}, definedAt };
  if (code.handler) {
    fn.handler = code.handler;
  }
  readEnvironment(fn, [...inherited, props?.kind === 'object' ? entry(props, 'environment') : undefined]);
  return fn;
}

/**
 * The functions of a v2 `Api`: each route whose handler is written literally (`"GET /notes": "src/list.main"`,
 * or `{ function: … }`), with the environment of `defaults.function`. A route given a `Function` construct is
 * that construct, read where it is made.
 */
export function sstApiFunctions(file: string, lines: LineIndex, props: CdkValue | undefined, readEnvironment: EnvironmentReader): FunctionDefinition[] {
  const defaults = entry(entry(props, 'defaults'), 'function');
  const routes = entry(props, 'routes');
  const functions: FunctionDefinition[] = [];
  for (const route of routes?.kind === 'object' ? routes.entries : []) {
    const target = route.value.kind === 'object' && !text(entry(route.value, 'handler')) ? entry(route.value, 'function') : route.value;
    const fn = sstFunction({ name: route.name, props: target, inherited: [entry(defaults, 'environment')], definedAt: sourceRef(file, lines, route.value.span) }, readEnvironment);
    if (fn) {
      functions.push(fn);
    }
  }
  return functions;
}

/** What a table's name or ARN is read through in the stacks: any SST or CDK table's member. */
const NAME_MEMBERS = new Set(['tableName', 'tableArn', 'name', 'arn']);

/** A name bound to what `use(Stack)` gives (`member` undefined), or to one member of it (`const { table } = use(Stack)`). */
interface StackUse {
  stack: string;
  member?: string;
}

/**
 * Another module's table as a stack file reaches it: `const storage = use(StorageStack)` then
 * `storage.table.tableName`, `const { table } = use(StorageStack)`, or `table.name` imported from
 * `./storage`. The module as written and the path it exports the table by (`StorageStack.table`, `table`).
 */
export class SstImports {
  private readonly uses = new Map<string, StackUse>();

  constructor(private readonly source: CdkSource) {
    const { tokens } = source;
    for (let i = 2; i < tokens.length - 3; i++) {
      if (!source.is(i, 'use') || !source.is(i + 1, '(') || tokens.kinds[i + 2] !== ID || !source.is(i + 3, ')') || !source.is(i - 1, '=') || source.qualified(['use']) !== 'sst.use') {
        continue;
      }
      const stack = tokens.text(i + 2);
      if (tokens.kinds[i - 2] === ID) {
        this.uses.set(`${tokens.text(i - 2)}\0${source.scopeChain(i - 2)[0]}`, { stack });
      } else if (source.is(i - 2, '}') && source.partner[i - 2] >= 0) {
        const open = source.partner[i - 2];
        const scope = source.scopeChain(open - 1)[0];
        for (let k = open + 1; k < i - 2; k++) {
          const renamed = source.is(k + 1, ':') && tokens.kinds[k + 2] === ID;
          if (tokens.kinds[k] === ID && (renamed || source.is(k + 1, ',') || source.is(k + 1, '}'))) {
            this.uses.set(`${tokens.text(renamed ? k + 2 : k)}\0${scope}`, { stack, member: tokens.text(k) });
            k += renamed ? 2 : 0;
          }
        }
      }
    }
  }

  /** The table a dotted name at token `at` reads the name of, exported by another module; undefined for anything else. */
  tableOf(names: readonly string[], at: number): { module: string; path: string } | undefined {
    const use = this.source.scopeChain(at).map((scope) => this.uses.get(`${names[0]}\0${scope}`)).find((found) => found !== undefined);
    const imported = this.source.projectImports.get(use ? use.stack : names[0]);
    if (!imported || imported.name === '') {
      return undefined;
    }
    const path = use ? [use.stack, ...(use.member ? [use.member] : []), ...names.slice(1)] : [imported.name, ...names.slice(1)];
    const member = path.pop()!;
    // `use(Stack)` gives what the stack returns: one member more than an imported table.
    return NAME_MEMBERS.has(member) && path.length === (use ? 2 : 1) ? { module: imported.module, path: path.join('.') } : undefined;
  }
}

/** What an SST v2 stack file gives other modules (see `exportedStacks`). */
export interface StackExports {
  /** Tables by the path other files reach them by, each as its name in the model. */
  tables?: Record<string, string>;
  /** Each exported stack function's returned constructs by member, read as a class's members: `use(Stack).table`. */
  stacks?: Record<string, CdkClassMembers>;
}

/**
 * The tables a stack file gives other modules, by the path they reach them by: what an exported stack function
 * returns (`return { table }` → `StorageStack.table`) and exported constants (`export const table = …` → `table`);
 * and what each stack function returns, as members typed with their construct class, for the files that
 * reach them through `use(StorageStack)`. `tableAt` tells the table (its name in the model) a name at a token is
 * bound to, `typeAt` the CDK construct type (`aws_dynamodb.Table`).
 */
export function exportedStacks(source: CdkSource, tableAt: (names: string[], at: number) => string | undefined, typeAt: (names: string[], at: number) => string | undefined): StackExports {
  const { tokens } = source;
  const tables: Record<string, string> = {};
  const stacks: Record<string, CdkClassMembers> = {};
  let count = 0;
  const add = (path: string, name: string | undefined): void => {
    if (name !== undefined && !Object.hasOwn(tables, path) && count++ < 64) {
      tables[path] = name;
    }
  };
  for (let i = 0; i < tokens.length - 3; i++) {
    if (source.is(i, 'export') && (source.is(i + 1, 'const') || source.is(i + 1, 'let')) && tokens.kinds[i + 2] === ID && source.is(i + 3, '=') && source.scopeChain(i)[0] === 0) {
      add(tokens.text(i + 2), tableAt([tokens.text(i + 2)], tokens.length));
    } else if (source.is(i, 'return') && source.is(i + 1, '{') && source.partner[i + 1] > i) {
      const stack = exportedFunction(source, i);
      const returned = stack === undefined ? undefined : source.value(i + 1, source.partner[i + 1] + 1);
      for (const { name, value } of returned?.kind === 'object' ? returned.entries : []) {
        add(`${stack}.${name}`, value.kind === 'path' ? tableAt(value.names, value.at) : undefined);
        const construct = value.kind === 'path' ? typeAt(value.names, value.at) : undefined;
        if (construct !== undefined && !Object.hasOwn(stacks[stack!] ?? {}, name)) {
          stacks[stack!] = { ...stacks[stack!], [name]: { construct } };
        }
      }
    }
  }
  return { ...(count > 0 ? { tables } : {}), ...(Object.keys(stacks).length > 0 ? { stacks } : {}) };
}

/** The name of the exported function (`export function StorageStack(…) {`, maybe `async`) whose own body holds token `at`. */
function exportedFunction(source: CdkSource, at: number): string | undefined {
  const open = source.scopeOpen(source.scopeChain(at)[0]);
  const close = source.is(open - 1, ')') ? source.partner[open - 1] : -1;
  const name = close > 0 && source.tokens.kinds[close - 1] === ID && source.is(close - 2, 'function') ? source.tokens.text(close - 1) : undefined;
  const exported = source.is(close - 3, 'export') || (source.is(close - 3, 'async') && source.is(close - 4, 'export'));
  return exported && source.scopeChain(close)[0] === 0 ? name : undefined;
}
