/**
 * Functions of a Serverless service written in TypeScript, each in a module of its own that `serverless.ts` imports
 * into `functions` (`import getOrder from '@functions/getOrder'`), as the framework's `aws-nodejs-typescript`
 * template lays them out: `export default { handler: \`${handlerPath(__dirname)}/handler.main\`, environment: {
 * ORDERS_TABLE: { Ref: 'OrdersTable' } } }`. The handler lies beside the module (`__dirname`); a `Ref` or
 * `Fn::GetAtt` to a logical id names the table of that id in the service's own resources (`serviceFragments.ts`).
 * A handler written otherwise, or a value the module does not write literally, stays unknown.
 * https://www.serverless.com/framework/docs/providers/aws/guide/functions, https://github.com/serverless/examples
 */
import type { CodeAnalyzer } from '../code/analyzer';
import { segments } from '../code/braces';
import { objectTree } from '../code/serverlessScript';
import { IacNode, scalarText } from '../iac/tree';
import type { LineIndex } from '../text';
import { sourceRef } from './contribution';
import { folderOf, isWithin } from './paths';
import { FunctionDefinition, ServiceOrigin } from './types';

/** What a value the module does not write literally references (`serviceFragments.ts` `serviceOrigin`). */
type OriginOf = (node: IacNode) => ServiceOrigin | undefined;

/** `${handlerPath(__dirname)}/handler.main`, `${__dirname.split(process.cwd())[1].substring(1)}/handler.main`: the module and function after the folder. */
const BESIDE_MODULE = /__dirname[^`]*\}\/([\w.-]+(?:\/[\w.-]+)*\.[A-Za-z_$][\w$]*)`$/;

/** A template string that ends in a path below `__dirname`'s folder, within one line. */
const HANDLER_BESIDE = /__dirname[^\n`]*\}\/[\w./-]+`/;

/** A Serverless service file. */
const SERVICE_FILE = /(?:^|\/)serverless\.(?:ya?ml|json|[cm]?[jt]s)$/;

/**
 * The service file a module-defined function belongs to: the one in the nearest folder above the module, which is
 * where the service's variables, provider environment and resources are scoped; undefined for none, or two there.
 */
export function enclosingServiceFile(files: readonly string[], module: string): string | undefined {
  let found: string | undefined;
  let depth = -1;
  let ties = 0;
  for (const file of files) {
    const folder = folderOf(file);
    if (!SERVICE_FILE.test(file) || !isWithin(folder, module)) {
      continue;
    }
    const level = folder === '' ? 0 : folder.split('/').length;
    if (level > depth) {
      [found, depth, ties] = [file, level, 0];
    } else if (level === depth) {
      ties++;
    }
  }
  return ties === 0 ? found : undefined;
}

/** Whether a module's text may define a service's function whose handler lies beside it. */
export function mayDefineServiceFunction(text: string): boolean {
  return text.includes('__dirname') && text.includes('handler') && HANDLER_BESIDE.test(text);
}

/** The functions a module defines for `serverless.ts` to import, each a module-level object literal with a handler beside the module. */
export function serviceFunctions(a: CodeAnalyzer, file: string, lines: LineIndex, originOf: OriginOf): FunctionDefinition[] {
  const functions: FunctionDefinition[] = [];
  for (let k = 0; k < a.tokens.length; k++) {
    const exported = a.is(k, '{') && a.parent[k] < 0 && a.partner[k] > k && (a.is(k - 1, '=') || (a.idIs(k - 1, 'default') && a.idIs(k - 2, 'export')));
    const handler = exported ? besideHandler(a, k) : undefined;
    if (handler !== undefined) {
      functions.push(functionOf(a, k, handler, file, lines, originOf));
    }
    if (a.partner[k] > k) {
      k = a.partner[k];
    }
  }
  return functions;
}

/** The handler (`handler.main`) of the object opened at `open`, relative to the module's folder; undefined when it has none written so. */
function besideHandler(a: CodeAnalyzer, open: number): string | undefined {
  for (const [start, end] of segments(a, open)) {
    if (a.idIs(start, 'handler') && a.is(start + 1, ':') && end === start + 3 && a.isString(start + 2)) {
      return BESIDE_MODULE.exec(a.text.slice(a.tokens.starts[start + 2], a.tokens.ends[start + 2]))?.[1];
    }
  }
  return undefined;
}

function functionOf(a: CodeAnalyzer, open: number, handler: string, file: string, lines: LineIndex, originOf: OriginOf): FunctionDefinition {
  const tree = objectTree(a, open);
  const environment = tree.kind === 'map' ? tree.entries.find((entry) => entry.key === 'environment')?.value : undefined;
  const fn: FunctionDefinition = {
    logicalName: stemOf(file),
    format: 'cloudformation',
    codePaths: [folderOf(file)],
    handler,
    environment: {},
    definedAt: sourceRef(file, lines, a.tokenSpan(open)),
    serviceModule: true,
  };
  if (environment?.kind !== 'map') {
    fn.environmentUnreadable = environment !== undefined;
    return fn;
  }
  const unknown: string[] = [];
  const origins: Record<string, ServiceOrigin> = {};
  for (const entry of environment.entries) {
    const literal = plainText(entry.value);
    if (literal !== undefined) {
      fn.environment[entry.key] = { kind: 'literal', value: literal };
      continue;
    }
    unknown.push(entry.key);
    const origin = originOf(entry.value);
    if (origin) {
      origins[entry.key] = origin;
    }
  }
  if (unknown.length > 0) {
    fn.unknownEnvironment = unknown;
  }
  if (Object.keys(origins).length > 0) {
    fn.serviceOrigins = origins;
  }
  return fn;
}

/** A string with no Serverless variable in it. */
function plainText(node: IacNode): string | undefined {
  const text = scalarText(node);
  return text !== undefined && !text.includes('${') ? text : undefined;
}

/** `src/functions/getOrder/index.ts` → `getOrder`: the folder names the function when the module is its index. */
function stemOf(file: string): string {
  const parts = file.split('/');
  const name = parts[parts.length - 1].replace(/\.[^.]*$/, '');
  return name === 'index' && parts.length > 1 ? parts[parts.length - 2] : name;
}

/** By union of the files (any object that stands for one state of the model): the service file above each function module. */
const serviceFilesOf = new WeakMap<object, Map<string, string | undefined>>();

/**
 * The function as its service file scopes it: a function a module of its own defines takes the provider environment
 * and resources of the service file above it, as if written there. Asked per variable a handler reads, so the service
 * file of each module is found once per `union` (`files` lists the model's files).
 */
export function scopedByService(fn: FunctionDefinition, union: object, files: () => readonly string[]): FunctionDefinition {
  let owners = serviceFilesOf.get(union);
  if (!owners) {
    owners = new Map();
    serviceFilesOf.set(union, owners);
  }
  const module = fn.definedAt.file;
  if (!owners.has(module)) {
    owners.set(module, enclosingServiceFile(files(), module));
  }
  const service = owners.get(module);
  return service === undefined ? fn : { ...fn, definedAt: { ...fn.definedAt, file: service } };
}
