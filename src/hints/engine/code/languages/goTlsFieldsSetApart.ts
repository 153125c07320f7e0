/**
 * Fields of a Go `tls.Config` that the code sets after it is made, before a Redis client is given it: on the
 * options' own config (`opt.TLSConfig.InsecureSkipVerify = true`, after `redis.ParseURL` of a `rediss://` URL or
 * under `if runtime.GOOS == "darwin" {`), or on a config variable (`tlsConfig.InsecureSkipVerify = true`, then
 * `TLSConfig: tlsConfig`). Each is an option of the client where it is set, as a field of the literal is: a switch
 * set under a condition still turns verification off on the runs that take it.
 */
import type { OptionOccurrence } from '../../model';
import type { Binding } from '../../scope/scopes';
import type { CodeAnalyzer } from '../analyzer';
import { assignedOption, memberAssignmentsOf } from '../requests';
import type { Value } from '../values';

/** The options field that holds the config, in go-redis's and rueidis's options. */
const TLS_CONFIG_FIELD = 'TLSConfig';

/**
 * The `=` of each `name.TLSConfig.Field = ...` in the function of `binding`, before `use`, where `name` is that
 * binding (not a field or another variable of the same name).
 */
function nestedTlsAssignments(a: CodeAnalyzer, name: string, binding: Binding<Value>, use: number): number[] {
  const fn = a.scopes.enclosing(binding.token, ['function']);
  if (fn <= 0 || a.scopes.enclosing(use, ['function']) !== fn) {
    return [];
  }
  const found: number[] = [];
  for (let k = binding.token + 1; k + 5 < use; k++) {
    if (a.idIs(k, name) && setsNestedTlsField(a, k) && a.scopes.lookup(name, k) === binding) {
      found.push(k + 5);
    }
  }
  return found;
}

/** Whether the tokens from `k` are `name.TLSConfig.Field =`, on a name of its own (not a field of something else). */
function setsNestedTlsField(a: CodeAnalyzer, k: number): boolean {
  return a.isId(k) && !a.isAccess(k - 1) && a.is(k + 1, '.') && a.idIs(k + 2, TLS_CONFIG_FIELD) && a.is(k + 3, '.') && a.isId(k + 4) && a.is(k + 5, '=');
}

/** The fields set on the config of the options `name` holds (`opt.TLSConfig.InsecureSkipVerify = true`) before `use`. */
export function optionsTlsFieldsSetApart(a: CodeAnalyzer, name: string, binding: Binding<Value>, use: number): OptionOccurrence[] {
  return nestedTlsAssignments(a, name, binding, use).map((eq) => assignedOption(a, eq));
}

/**
 * The fields set apart on the config variable `name` (`tlsConfig.InsecureSkipVerify = true`) before `use`, and the
 * names they set: the literal's field of a name set apart may no longer hold (`InsecureSkipVerify: true`, then
 * `= false` on some runs), so only its other fields are read with these.
 */
export function configFieldsSetApart(a: CodeAnalyzer, name: string, binding: Binding<Value>, use: number): { options: OptionOccurrence[]; names: Set<string> } {
  const options = memberAssignmentsOf(a, name, binding)
    .filter((eq) => eq < use)
    .map((eq) => assignedOption(a, eq));
  return { options, names: new Set(options.map((option) => option.norm)) };
}

/**
 * `opt, _ := redis.ParseURL(url)` then `opt.TLSConfig.InsecureSkipVerify = true`: each such field joins the client
 * options the variable holds (those kept with the call that made them), once.
 */
export function addNestedTlsFields(a: CodeAnalyzer): void {
  for (let k = 1; k + 5 < a.tokens.length; k++) {
    if (!setsNestedTlsField(a, k)) {
      continue;
    }
    const context = a.requestVariable(a.tokens.text(k), k);
    const key = a.tokenSpan(k + 4);
    if (context?.kind === 'redis-client' && !context.options.some((option) => option.key.start === key.start)) {
      context.options.push(assignedOption(a, k + 5));
    }
  }
}
