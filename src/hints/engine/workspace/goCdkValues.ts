/**
 * Go CDK expressions as CDK values (`cdkSource.ts`), for `typedCdkValues.ts`: jsii pointers (`jsii.String("pk")`) as
 * their value, struct literals (`&awsdynamodb.Attribute{Name: ..., Type: ...}`, an element's elided `{...}`) as
 * objects, `map[string]*string{"K": v}` as objects, `[]T{...}` as lists, and a package's `Type_Member` names split
 * as TypeScript's `Type.Member` (`awsdynamodb.AttributeType_STRING`, `awslambda.Code_FromAsset(...)`), so the table
 * and function readers (`cdkTables.ts`, `typedCdk.ts`) read them as they read TypeScript's.
 * https://docs.aws.amazon.com/cdk/v2/guide/work-with-cdk-go.html
 */
import type { CodeAnalyzer } from '../code/analyzer';
import { segments } from '../code/braces';
import { topLevel } from '../code/languages/csharpCdk';
import { contextFrom } from '../code/options';
import { CdkEntry, CdkValue } from './cdkSource';
import type { ValueReader } from './typedCdkValues';

/** A name of a package's member, `AttributeType_STRING`: the type (which has a lower-case letter), then the member. */
const TYPE_MEMBER = /^([A-Z][A-Z0-9]*[a-z][A-Za-z0-9]*)_([A-Za-z]\w*)$/;

/** The Go forms of tokens [start, end) that differ from Java's and C#'s, or undefined for the shared reading. */
export function goCdkValue(a: CodeAnalyzer, reader: ValueReader, start: number, end: number, depth: number): CdkValue | undefined {
  if (a.is(start, '&')) {
    return reader.value(start + 1, end, depth + 1);
  }
  const last = end - 1;
  // `jsii.String("pk")`, `jsii.Number(5)`, `jsii.Bool(true)`: the value itself.
  if (a.idIs(start, 'jsii') && a.isAccess(start + 1) && /^(?:Bool|String|Number)$/.test(a.tokens.text(start + 2)) && a.is(start + 3, '(') && a.partner[start + 3] === last) {
    return reader.value(start + 4, last, depth + 1);
  }
  if (a.is(last, '}') && a.partner[last] >= start) {
    return composite(a, reader, start, a.partner[last], depth);
  }
  const { text, end: after } = a.dottedPath(start);
  if (!text.includes('_') || text.split('.').includes('')) {
    return undefined;
  }
  const names = text.split('.').flatMap((name) => TYPE_MEMBER.exec(name)?.slice(1, 3) ?? [name]);
  const span = a.span(start, last);
  if (after === end) {
    return { kind: 'path', names, at: start, span };
  }
  if (!a.is(after, '(') || a.partner[after] !== last) {
    return undefined;
  }
  const args = segments(a, after).map(([from, to]) => reader.value(from, to, depth + 1));
  return { kind: 'call', callee: names, args, keywords: [], at: start, span };
}

/** A composite literal whose `{` is at `open`: a map, a slice, or a struct (named, or an element's elided type). */
function composite(a: CodeAnalyzer, reader: ValueReader, start: number, open: number, depth: number): CdkValue | undefined {
  const span = a.span(start, a.partner[open]);
  if (a.idIs(start, 'map') && a.is(start + 1, '[')) {
    return pairs(a, reader, open, depth, span);
  }
  if (a.is(start, '[') && a.is(start + 1, ']')) {
    return { kind: 'list', items: segments(a, open).map(([from, to]) => reader.value(from, to, depth + 1)), span };
  }
  // `awsdynamodb.Attribute{...}`, `Attribute{...}` or an element's `{...}`: the struct's own fields.
  const named = open === start || (a.isId(start) && a.dottedPath(start).end === open);
  if (!named) {
    return undefined;
  }
  const context = topLevel(contextFrom(a, open, a.partner[open], 'cdk', '', span));
  return { kind: 'object', entries: reader.entries(context.options, depth), open: !context.complete, span };
}

/** `{"K": v, ...}` of a map literal as an object, open where a key is not a literal string. */
function pairs(a: CodeAnalyzer, reader: ValueReader, open: number, depth: number, span: CdkValue['span']): CdkValue {
  const entries: CdkEntry[] = [];
  let unread = false;
  for (const [from, to] of segments(a, open)) {
    let colon = from;
    while (colon < to && !a.is(colon, ':')) {
      colon = a.skipGroup(colon);
    }
    const key = colon < to ? reader.value(from, colon, depth + 1) : undefined;
    if (key?.kind === 'string') {
      entries.push({ name: key.value, value: reader.value(colon + 1, to, depth + 1) });
    } else {
      unread = true;
    }
  }
  return { kind: 'object', entries, open: unread, span };
}
