/**
 * Serverless Framework services written in TypeScript or JavaScript (`serverless.ts`, `serverless.js`): the
 * object literal with a `service` and a `provider` that the file exports is read as the same tree a
 * `serverless.yml` gives, so its `resources` are CloudFormation resources with the same rules
 * (https://www.serverless.com/framework/docs/providers/aws/guide/intro, "serverless.ts"). Values the file
 * writes as literals count; a name bound to an object literal of the file is followed; anything else (an
 * import, a call, `process.env.X`) is unknown. A spread hides entries: an object with one reads as unknown,
 * except the sections that list resources by name (`resources`, `Resources`), which simply hold more than
 * this file shows. Its values are not offered to quick fixes, which write YAML and JSON.
 */
import type { IngressRule, OptionContext } from '../model';
import { readTemplateTree } from '../iac/cloudformation';
import { readServerless } from '../iac/serverless';
import { IacEntry, IacNode } from '../iac/tree';
import { TOKEN_KIND } from '../lexer';
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';

const { ID, NUM, STR } = TOKEN_KIND;

/** `serverless.ts`, `serverless.js` and their module variants. */
const SERVICE_SCRIPT = /(?:^|[\\/])serverless\.[cm]?[jt]s$/;
/** How deep objects nest, and how many names one tree follows: far past a real service file. */
const MAX_DEPTH = 24;
const MAX_FOLLOWED = 256;
/** Sections whose entries are resources by name: a spread there adds resources, it hides nothing of those shown. */
const LISTING_SECTIONS = new Set(['resources', 'Resources']);
/** How many tokens a declaration's name and type take before its `=` (`const table: AWS['resources']['Resources'][string] =`). */
const MAX_DECLARATION = 16;

/** Whether a file name is a Serverless service script. */
export function isServerlessScript(fileName: string | undefined): boolean {
  return fileName !== undefined && SERVICE_SCRIPT.test(fileName);
}

/** Whether a script's text may define a service: it names a `service` and a `provider`. */
export function mayDefineService(text: string): boolean {
  return text.includes('service') && text.includes('provider');
}

/** The configuration a service script defines, as the tree a `serverless.yml` gives; undefined for none. */
export function serviceTree(a: CodeAnalyzer): IacNode | undefined {
  const root = serviceObject(a);
  return root >= 0 ? new TreeReader(a).map(root, 0, '') : undefined;
}

/** The object literal opened at `open`, read as the tree a YAML or JSON mapping gives (a function a service module defines). */
export function objectTree(a: CodeAnalyzer, open: number): IacNode {
  return new TreeReader(a).map(open, 0, '');
}

/** The resources and ingress rules of the service a script defines; none when it defines none. */
export function serverlessScriptResources(a: CodeAnalyzer): { contexts: OptionContext[]; ingress: IngressRule[] } {
  const root = serviceTree(a);
  const service = root ? readServerless(root) : undefined;
  return service?.template ? readTemplateTree(service.template) : { contexts: [], ingress: [] };
}

/** Whether a script's text may hold CloudFormation resources: it names a resource type. */
export function mayHoldResources(text: string): boolean {
  return text.includes('AWS::') && text.includes('Type');
}

/**
 * Resources a module declares for a Serverless service to spread in (`const dynamoResources: AWS['resources']['Resources']
 * = { urlTable: { Type: 'AWS::DynamoDB::Table', Properties: {...} } }`, imported by `serverless.ts` as
 * `Resources: { ...dynamoResources }`): a module-level object literal, assigned or the module's `export default`,
 * whose entries are all resources, each an object with a literal `Type: 'AWS::...'`, read as a template's
 * `Resources`. A module may also hold one
 * resource for the service to list by name (`export const ordersTable = { Type: 'AWS::DynamoDB::Table',
 * Properties: {...} }` or `export default { Type: ..., Properties: ... }`, then `Resources: { ordersTable }`):
 * a module-level object with a literal `Type: 'AWS::...'` and a `Properties` object, read as a template's
 * one resource under the name it is bound to. A module-level object with a `Resources` section that lists
 * resources is read as a whole template (`holdsTemplate`).
 */
export function resourceFragments(a: CodeAnalyzer): { contexts: OptionContext[]; ingress: IngressRule[] } {
  const contexts: OptionContext[] = [];
  const ingress: IngressRule[] = [];
  for (const root of resourceFragmentRoots(a)) {
    const read = readTemplateTree(root);
    contexts.push(...read.contexts);
    ingress.push(...read.ingress);
  }
  return { contexts, ingress };
}

/** The templates of `resourceFragments`: each module-level template, or the `Resources` its resources make. */
export function resourceFragmentRoots(a: CodeAnalyzer): IacNode[] {
  const roots: IacNode[] = [];
  const reader = new TreeReader(a);
  // A file that defines a service but is no service script is not read as one: nor are the resources it holds.
  let singles: boolean | undefined;
  for (let k = 0; k < a.tokens.length; k++) {
    const bound = a.is(k, '{') && a.parent[k] < 0 && a.partner[k] > k && (a.is(k - 1, '=') || (a.idIs(k - 1, 'default') && a.idIs(k - 2, 'export')));
    const template = bound && holdsTemplate(a, k);
    const lists = bound && !template && listsResources(a, k);
    const single = bound && !template && !lists && isResource(a, k) && (singles ??= serviceObject(a) < 0);
    const part = bound && !template && !lists && !single ? partialResources(a, k) : -1;
    const resources = lists ? reader.map(k, 1, 'Resources') : single ? oneResource(a, reader, k) : part >= 0 && listsResources(a, part) ? reader.map(part, 1, 'Resources') : undefined;
    if (template || (part >= 0 && holdsTemplate(a, part))) {
      // The whole object is the template: its Parameters, Conditions and Mappings count too.
      roots.push(reader.map(template ? k : part, 0, ''));
    } else if (resources) {
      roots.push({ kind: 'map', span: a.span(k, a.partner[k]), entries: [{ key: 'Resources', keySpan: a.tokenSpan(k), value: resources, removal: a.tokenSpan(k) }] });
    }
    if (a.partner[k] > k) {
      k = a.partner[k];
    }
  }
  return roots;
}

/**
 * Whether the object opened at `open` is a CloudFormation template, or the part of one a module adds to a template a
 * build tool merges (`module.exports = { Resources: { Orders: { Type: 'AWS::DynamoDB::Table', ... } } }`): a
 * `Resources` entry whose object lists resources. A Serverless service's `resources` section is lower case, and its
 * service object has a `service` key besides.
 */
function holdsTemplate(a: CodeAnalyzer, open: number): boolean {
  let resources = -1;
  for (const [start] of segments(a, open)) {
    const key = keyOf(a, start);
    if (key === 'service') {
      return false;
    }
    if (key === 'Resources' && a.is(start + 2, '{')) {
      resources = start + 2;
    }
  }
  return resources >= 0 && listsResources(a, resources);
}

/**
 * The `{` of the `resources` section of a part of a service that a module keeps for `serverless.ts` to merge in
 * (`export const ordersConfig: AWSPartial = { provider: {...}, resources: { Resources: {...} } }`, or
 * `{ plugins, custom, resources: { ordersTable: { Type: 'AWS::DynamoDB::Table', ... } } }` whose entries the service
 * spreads into its `Resources`), or -1. A whole service, with a `service` key, is read as such instead.
 */
function partialResources(a: CodeAnalyzer, open: number): number {
  let resources = -1;
  for (const [start] of segments(a, open)) {
    const key = keyOf(a, start);
    if (key === 'service') {
      return -1;
    }
    if (key === 'resources' && a.is(start + 2, '{')) {
      resources = start + 2;
    }
  }
  return resources;
}

/** Whether every entry of the object opened at `open` is `Name: { Type: 'AWS::...', ... }`, and there is one at least. */
function listsResources(a: CodeAnalyzer, open: number): boolean {
  const entries = segments(a, open);
  return (
    entries.length > 0 &&
    entries.every(([start, end]) => {
      const value = start + 2;
      if (keyOf(a, start) === undefined || !a.is(value, '{') || a.partner[value] !== end - 1) {
        return false;
      }
      return segments(a, value).some(([inner]) => hasResourceType(a, inner));
    })
  );
}

/** Whether the entry at `start` is `Type: 'AWS::...'`. */
function hasResourceType(a: CodeAnalyzer, start: number): boolean {
  return keyOf(a, start) === 'Type' && a.isString(start + 2) && a.tokens.text(start + 2).startsWith('AWS::');
}

/** Whether the object opened at `open` is one resource: a literal `Type: 'AWS::...'` and a `Properties` object. */
function isResource(a: CodeAnalyzer, open: number): boolean {
  const entries = segments(a, open);
  return entries.some(([start]) => hasResourceType(a, start)) && entries.some(([start]) => keyOf(a, start) === 'Properties' && a.is(start + 2, '{'));
}

/**
 * The `Resources` of a module that holds the one resource opened at `open`, under the name the module binds
 * it to (`const ordersTable = {`, `const ordersTable: AWSDynamoDBTable = {`); `export default` and
 * `module.exports` name none, and the resource is listed as `Resource`.
 */
function oneResource(a: CodeAnalyzer, reader: TreeReader, open: number): IacNode {
  let name = -1;
  for (let k = open - 2; k >= 0 && k >= open - MAX_DECLARATION && !a.is(k, ';') && !a.is(k, '}'); k--) {
    if (a.idIs(k, 'const') || a.idIs(k, 'let') || a.idIs(k, 'var')) {
      name = a.isId(k + 1) ? k + 1 : -1;
      break;
    }
  }
  const key = name >= 0 ? a.tokens.text(name) : 'Resource';
  const keySpan = a.tokenSpan(name >= 0 ? name : open);
  return { kind: 'map', span: a.span(open, a.partner[open]), entries: [{ key, keySpan, value: reader.map(open, 2, key), removal: keySpan }] };
}

/** The `{` of the top-level object literal with `service` and `provider` keys, or -1. */
function serviceObject(a: CodeAnalyzer): number {
  for (let k = 0; k < a.tokens.length; k++) {
    if (a.is(k, '{') && a.parent[k] < 0 && a.partner[k] > k && hasKey(a, k, 'service') && hasKey(a, k, 'provider')) {
      return k;
    }
    if (a.partner[k] > k) {
      k = a.partner[k];
    }
  }
  return -1;
}

function hasKey(a: CodeAnalyzer, open: number, key: string): boolean {
  return segments(a, open).some(([start]) => keyOf(a, start) === key);
}

/** The key of an entry starting at `start` (`name:`, `'name':`, or a shorthand `name`), or undefined. */
function keyOf(a: CodeAnalyzer, start: number): string | undefined {
  if ((a.isId(start) || a.isString(start)) && a.is(start + 1, ':')) {
    return a.tokens.text(start);
  }
  return undefined;
}

class TreeReader {
  private followed = 0;

  constructor(private readonly a: CodeAnalyzer) {}

  map(open: number, depth: number, section: string): IacNode {
    const a = this.a;
    const close = a.partner[open];
    const entries: IacEntry[] = [];
    for (const [start, end] of segments(a, open)) {
      const key = keyOf(a, start);
      if (key !== undefined && end > start + 2) {
        const removalEnd = a.is(end, ',') ? end : end - 1;
        entries.push({ key, keySpan: a.tokenSpan(start), value: this.value(start + 2, end, depth + 1, key), removal: a.span(start, removalEnd) });
      } else if (a.isId(start) && end === start + 1) {
        // `{ OrdersTable }`: the name's value under its own name.
        entries.push({ key: a.tokens.text(start), keySpan: a.tokenSpan(start), value: this.value(start, end, depth + 1, a.tokens.text(start)), removal: a.tokenSpan(start) });
      } else if (!LISTING_SECTIONS.has(section)) {
        // A spread, a computed key or a method: entries this file does not show.
        return this.unknown(open, close + 1);
      }
    }
    return { kind: 'map', span: a.span(open, close), entries };
  }

  /** The value written from token `start` to `end` (exclusive). */
  private value(start: number, end: number, depth: number, section: string): IacNode {
    const a = this.a;
    let last = end;
    // `{ ... } as const`, `value as AWS['provider']`: the value before the cast.
    for (let k = start; k < end; k = a.skipGroup(k)) {
      if ((a.idIs(k, 'as') || a.idIs(k, 'satisfies')) && k > start) {
        last = k;
        break;
      }
    }
    if (depth > MAX_DEPTH) {
      return this.unknown(start, last);
    }
    if (a.is(start, '{') && a.partner[start] === last - 1) {
      return this.map(start, depth, section);
    }
    if (a.is(start, '[') && a.partner[start] === last - 1) {
      const items: IacNode[] = [];
      for (const [itemStart, itemEnd] of segments(a, start)) {
        if (a.is(itemStart, '.')) {
          return this.unknown(start, last);
        }
        items.push(this.value(itemStart, itemEnd, depth + 1, ''));
      }
      return { kind: 'list', span: a.span(start, last - 1), items };
    }
    if (last === start + 1) {
      return this.token(start, depth, section);
    }
    if (last === start + 3 && a.is(start + 1, '.') && a.isId(start) && a.isId(start + 2)) {
      return this.member(start, depth);
    }
    return this.unknown(start, last);
  }

  /**
   * `KeyType.HASH`, `TableSchema.id`: an entry of an object literal of this file (`const KeyType = { HASH: 'HASH' } as
   * const`) that holds a literal; anything else is unknown.
   */
  private member(start: number, depth: number): IacNode {
    const a = this.a;
    const object = this.followed < MAX_FOLLOWED ? a.objectVariable(a.tokens.text(start), start) : -1;
    if (object >= 0 && a.is(object, '{') && a.partner[object] > object) {
      this.followed++;
      const name = a.tokens.text(start + 2);
      const entry = segments(a, object).find(([key, end]) => keyOf(a, key) === name && end === key + 3);
      const value = entry ? this.token(entry[0] + 2, depth, '') : undefined;
      if (value?.kind === 'scalar' && value.literal.kind !== 'expr') {
        return { ...value, span: a.span(start, start + 2) };
      }
    }
    return this.unknown(start, start + 3);
  }

  private token(k: number, depth: number, section: string): IacNode {
    const a = this.a;
    const span = a.tokenSpan(k);
    const kind = a.tokens.kinds[k];
    if (kind === STR && !a.tokens.interpolated(k)) {
      return { kind: 'scalar', span, literal: { kind: 'str', value: a.tokens.text(k) }, replaceable: false };
    }
    if (kind === NUM && Number.isFinite(Number(a.tokens.text(k)))) {
      return { kind: 'scalar', span, literal: { kind: 'num', value: Number(a.tokens.text(k)) }, replaceable: false };
    }
    if (a.idIs(k, 'true') || a.idIs(k, 'false')) {
      return { kind: 'scalar', span, literal: { kind: 'bool', value: a.idIs(k, 'true') }, replaceable: false };
    }
    if (kind === ID && this.followed < MAX_FOLLOWED) {
      // A name bound to an object literal of this file (`const ordersTable = { Type: 'AWS::DynamoDB::Table', ... }`).
      const object = a.objectVariable(a.tokens.text(k), k);
      if (object >= 0 && a.is(object, '{') && a.partner[object] > object) {
        this.followed++;
        return this.map(object, depth, section);
      }
    }
    return this.unknown(k, k + 1);
  }

  private unknown(start: number, end: number): IacNode {
    const a = this.a;
    return { kind: 'scalar', span: a.span(start, end - 1), literal: { kind: 'expr', text: a.text.slice(a.tokens.starts[start], a.tokens.ends[end - 1]) }, replaceable: false };
  }
}
