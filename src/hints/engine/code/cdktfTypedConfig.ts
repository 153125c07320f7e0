/**
 * TypeScript cdktf configs built apart from the resource, typed with the resource's own config interface
 * (`const instance: Partial<dbInstance.DbInstanceConfig> = { backupRetentionPeriod: 0 }`, a profile that
 * another module spreads into `new DbInstance(scope, id, { ...instance, ... })`). The annotation names the
 * resource, so the literal's settings are that Terraform resource's wherever it is used. Where the file also
 * passes the object to the resource itself (`cdktf.ts`), both read the same settings at the same places, which
 * the engine reports once. What the construction adds is not seen here, so the config is not complete: a
 * setting left out says nothing.
 */
import type { CodeAnalyzer } from './analyzer';
import { cdktfClass } from './cdktf';
import { contextFrom } from './options';

/** Wrappers that keep the config's keys (`Partial<DbInstanceConfig>`). */
const KEEPING_WRAPPERS = new Set(['Partial', 'Readonly', 'Required']);

/**
 * At a `:` of `const name: [Partial<]ns.XConfig[>] = {`, called by the pass over annotations (`jsTypedRequests.ts`):
 * a Terraform context of the literal when `XConfig` is imported from the cdktf AWS provider and names a resource's config.
 */
export function readTypedCdktfConfig(a: CodeAnalyzer, colon: number): void {
  if (!a.isId(colon - 1) || !a.tokens.isOneOf(colon - 2, ['const', 'let', 'var'])) {
    return;
  }
  let first = colon + 1;
  const wrapped = a.isId(first) && KEEPING_WRAPPERS.has(a.tokens.text(first)) && a.is(first + 1, '<');
  if (wrapped) {
    first += 2;
  }
  const name = a.id(first);
  const imported = name ? a.imports.get(name) : undefined;
  if (!imported) {
    return;
  }
  let path = imported.path;
  let last = first;
  while (a.is(last + 1, '.') && a.isId(last + 2)) {
    path = path ? `${path}.${a.tokens.text(last + 2)}` : a.tokens.text(last + 2);
    last += 2;
  }
  const close = wrapped ? (a.is(last + 1, '>') ? last + 1 : -1) : last;
  const config = close > 0 && a.is(close + 1, '=') && a.is(close + 2, '{') ? /^(.*[A-Za-z0-9])Config$/.exec(path) : null;
  const made = config ? cdktfClass(imported.module, config[1]) : undefined;
  const open = close + 2;
  if (!made || made.ingress || a.partner[open] <= open) {
    return;
  }
  const context = contextFrom(a, open, a.partner[open], 'terraform', made.type, a.tokenSpan(last));
  context.complete = false;
  context.readerOrigin = 'cdktf';
  a.contexts.push(context);
}
