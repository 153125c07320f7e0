/**
 * Lambda code written inline in a YAML template: CloudFormation's `Code: ZipFile: |` and SAM's
 * `InlineCode: |`, in a runtime whose code the engine reads (Python, Node.js; a runtime given by a parameter is its
 * default's, or, with none, the language the code's own lines show). The analysis reads each
 * such block as a file of its language laid over the template, at the same offsets, so that hovers and
 * findings land on the template's own lines. Only literal block scalars are read: their lines are the
 * code as written (a JSON string's escapes, or a folded scalar's joined lines, are not).
 */
import { Span } from '../types';
import { entryOf, IacEntry, IacNode, refTarget, scalarText } from './tree';

export interface InlineCode {
  kind: 'python' | 'javascript';
  /** The block's lines, from the first after its `|` header to the last that is more indented than its key. */
  span: Span;
}

/** A template is read in full; past this many inline functions the rest are left unread, so that the passes over the template stay bounded. */
const MAX_BLOCKS = 16;
/** A literal block scalar's header, alone or after a tag (`!Sub |`), with an optional chomping indicator. */
const LITERAL_HEADER = /(?:^|\s)\|[-+]?$/;

function languageOf(runtime: string | undefined): InlineCode['kind'] | undefined {
  if (runtime?.startsWith('python')) {
    return 'python';
  }
  return runtime?.startsWith('nodejs') ? 'javascript' : undefined;
}

/** Lines only Python code has: a function definition, and an import. */
const PYTHON_SIGNS = [/^[ \t]*(?:async[ \t]+)?def[ \t]+[A-Za-z_]\w*[ \t]*\(.*\)[^:\n]*:[ \t]*$/m, /^[ \t]*(?:import[ \t]+[\w.]+|from[ \t]+[\w.]+[ \t]+import[ \t])/m];
/** Lines only Node.js code has: an export of the handler, or a `require` or ES import. */
const NODE_SIGN = /^[ \t]*(?:exports\.\w+[ \t]*=|module\.exports\b|export[ \t]+(?:const|async[ \t]+function|function)[ \t]|(?:const|let|var)[ \t]+[\w{}, \t]+=[ \t]*require\(|import[ \t].*[ \t]from[ \t]*['"])/m;

/**
 * The language of a function's code whose runtime the template does not name (a parameter with no default, which a
 * parent stack fills): Python or Node.js where its own lines say so, one and not the other; undefined otherwise.
 */
function languageOfCode(code: string): InlineCode['kind'] | undefined {
  const python = PYTHON_SIGNS.every((sign) => sign.test(code));
  const node = NODE_SIGN.test(code);
  return python === node ? undefined : python ? 'python' : 'javascript';
}

/** The inline code blocks of a template's functions, in order. `root` is the template's map. */
export function inlineLambdaCode(root: IacNode | undefined, text: string): InlineCode[] {
  const resources = entryOf(root, 'Resources')?.value;
  if (resources?.kind !== 'map') {
    return [];
  }
  // A runtime given as a parameter (`Runtime: !Ref Runtime`) is its default's, which the deployment keeps unless it overrides it.
  const parameters = entryOf(root, 'Parameters')?.value;
  const runtimeOf = (node: IacNode | undefined): string | undefined => {
    const parameter = refTarget(node);
    return parameter === undefined ? scalarText(node) : scalarText(entryOf(entryOf(parameters, parameter)?.value, 'Default')?.value);
  };
  // SAM's `Globals: Function: Runtime:` is every serverless function's unless it names its own.
  const globalRuntime = runtimeOf(entryOf(entryOf(entryOf(root, 'Globals')?.value, 'Function')?.value, 'Runtime')?.value);
  const blocks: InlineCode[] = [];
  for (const resource of resources.entries) {
    const type = scalarText(entryOf(resource.value, 'Type')?.value);
    const properties = entryOf(resource.value, 'Properties')?.value;
    const code =
      type === 'AWS::Lambda::Function' ? entryOf(entryOf(properties, 'Code')?.value, 'ZipFile') : type === 'AWS::Serverless::Function' ? entryOf(properties, 'InlineCode') : undefined;
    const runtime = runtimeOf(entryOf(properties, 'Runtime')?.value) ?? (type === 'AWS::Serverless::Function' ? globalRuntime : undefined);
    const span = code ? literalBlock(code, text) : undefined;
    const kind = runtime !== undefined ? languageOf(runtime) : span && languageOfCode(text.slice(span.start, span.end));
    if (kind && span) {
      blocks.push({ kind, span });
      if (blocks.length === MAX_BLOCKS) {
        break;
      }
    }
  }
  return blocks;
}

/** The lines of the literal block scalar an entry's value opens (`ZipFile: |`), or undefined for any other value. */
function literalBlock(entry: IacEntry, text: string): Span | undefined {
  const value = entry.value;
  if (value.kind !== 'scalar' || !LITERAL_HEADER.test(text.slice(value.span.start, value.span.end).trimEnd())) {
    return undefined;
  }
  const keyLine = text.lastIndexOf('\n', entry.keySpan.start) + 1;
  const keyIndent = indentAt(text, keyLine);
  const headerEnd = text.indexOf('\n', value.span.end);
  if (headerEnd < 0) {
    return undefined;
  }
  const start = headerEnd + 1;
  let end = start;
  let line = start;
  while (line < text.length) {
    const next = text.indexOf('\n', line);
    const lineEnd = next < 0 ? text.length : next;
    const blank = text.slice(line, lineEnd).trim() === '';
    if (!blank && indentAt(text, line) <= keyIndent) {
      break;
    }
    if (!blank) {
      end = lineEnd;
    }
    line = lineEnd + 1;
  }
  return end > start ? { start, end } : undefined;
}

function indentAt(text: string, lineStart: number): number {
  let k = lineStart;
  while (text.charCodeAt(k) === 32) {
    k++;
  }
  return k - lineStart;
}

/** The template's text with everything outside the block blanked, line breaks kept: the block's code at its own offsets. */
export function codeOverTemplate(text: string, block: Span): string {
  const blank = (part: string): string => part.replace(/[^\n]/g, ' ');
  return blank(text.slice(0, block.start)) + text.slice(block.start, block.end) + blank(text.slice(block.end));
}
