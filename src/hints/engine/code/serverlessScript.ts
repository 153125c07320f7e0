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
 * `Resources: { ...dynamoResources }`): a module-level object literal whose entries are all resources, each an
 * object with a literal `Type: 'AWS::...'`, read as a template's `Resources`.
 */
export function resourceFragments(a: CodeAnalyzer): { contexts: OptionContext[]; ingress: IngressRule[] } {
  const contexts: OptionContext[] = [];
  const ingress: IngressRule[] = [];
  const reader = new TreeReader(a);
  for (let k = 0; k < a.tokens.length; k++) {
    if (a.is(k, '{') && a.parent[k] < 0 && a.partner[k] > k && a.is(k - 1, '=') && listsResources(a, k)) {
      const read = readTemplateTree({ kind: 'map', span: a.span(k, a.partner[k]), entries: [{ key: 'Resources', keySpan: a.tokenSpan(k), value: reader.map(k, 1, 'Resources'), removal: a.tokenSpan(k) }] });
      contexts.push(...read.contexts);
      ingress.push(...read.ingress);
    }
    if (a.partner[k] > k) {
      k = a.partner[k];
    }
  }
  return { contexts, ingress };
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
      return segments(a, value).some(([inner]) => keyOf(a, inner) === 'Type' && a.isString(inner + 2) && a.tokens.text(inner + 2).startsWith('AWS::'));
    })
  );
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
    return this.unknown(start, last);
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
