/**
 * TypeScript CDK props built apart from the construct, typed with the construct's own props interface
 * (`const tableParam: TableProps = { billingMode: BillingMode.PROVISIONED }`) and handed to a helper of the
 * project that makes the construct (`DynamoDBCreator.createTable(this, tableParam)`). The annotation names
 * the construct, so the literal's props are that construct's, as they are when the file passes the variable
 * to `new Table(...)` itself (`calls.ts`, which reads those; they are not read twice). What the helper adds
 * is not seen, so the props are not complete: a prop left out says nothing.
 */
import type { CodeAnalyzer } from './analyzer';
import { contextFrom } from './options';
import { cdkConstructType } from './values';

/** `TableProps` is `Table`'s, `TablePropsV2` `TableV2`'s. */
const PROPS_NAME = /^(.*[A-Za-z0-9])Props(V2)?$/;

/**
 * At a `:` of `const name: XProps = {`, called by the pass over annotations (`jsTypedRequests.ts`): notes the
 * literal when `XProps` is imported from a CDK module and names a construct class's props.
 */
export function noteTypedCdkProps(a: CodeAnalyzer, colon: number): void {
  // Called on every annotation of every TypeScript file: token tests before the imports are looked at.
  if (!a.isId(colon - 1) || !a.tokens.isOneOf(colon - 2, ['const', 'let', 'var'])) {
    return;
  }
  const first = a.id(colon + 1);
  const imported = first ? a.imports.get(first) : undefined;
  if (!imported) {
    return;
  }
  let path = imported.path;
  let last = colon + 1;
  while (a.is(last + 1, '.') && a.isId(last + 2)) {
    path = path ? `${path}.${a.tokens.text(last + 2)}` : a.tokens.text(last + 2);
    last += 2;
  }
  const props = a.is(last + 1, '=') && a.is(last + 2, '{') ? PROPS_NAME.exec(path) : null;
  const type = props ? cdkConstructType(imported.module, `${props[1]}${props[2] ?? ''}`) : undefined;
  if (type && a.partner[last + 2] > last + 2) {
    a.typedCdkProps.push({ type, anchor: last, open: last + 2 });
  }
}

/**
 * The noted props that no construct of the file reads (no construct of the type has an option inside the literal;
 * a construct's own props there, `engine: DatabaseInstanceEngine.postgres({ version })`, do not count): each a
 * construct's incomplete props.
 */
export function unsentCdkProps(a: CodeAnalyzer): void {
  for (const { type, anchor, open } of a.typedCdkProps) {
    const from = a.tokenSpan(open).start;
    const to = a.tokenSpan(a.partner[open]).end;
    const read = a.contexts.some((context) => context.kind === 'cdk' && context.type === type && context.options.some((option) => option.key.start > from && option.key.start < to));
    if (!read) {
      const context = contextFrom(a, open, a.partner[open], 'cdk', type, a.tokenSpan(anchor));
      // No `typeSpan`: the construct itself is made, and counted, where the helper makes it.
      a.contexts.push({ ...context, complete: false });
    }
  }
}
