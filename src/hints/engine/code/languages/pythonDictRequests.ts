/**
 * A Python function whose parameter named `request` is a dict, not a web framework's request object. Helpers of
 * Lambda functions take the parsed body so (`def modify_tags(request, **kwargs)` reading `request['TagKey']`);
 * a Django `HttpRequest` or a DRF `Request` is read by attribute (`request.GET`, `request.data`, `request.user`),
 * never indexed, read with `.get(...)` or tested with `in`, so such a function is no view. aiohttp's and
 * Starlette's requests are mappings too: their files keep every `request` function a view.
 */
import type { CodeAnalyzer } from '../analyzer';
import type { FunctionScope } from '../language';

/** Frameworks whose request is a mapping too (aiohttp's `request['user']` set by a middleware, Starlette's scope). */
const MAPPING_REQUESTS = /^[ \t]*(?:from|import)[ \t]+(?:aiohttp|starlette)\b/m;
/** Methods of a dict that a framework's request object does not have. */
const DICT_METHODS = new Set(['get', 'keys', 'items', 'values', 'pop', 'setdefault']);

/** Whether the function's own body reads its parameter `request` as a dict: `request[...]`, `request.get(...)`, `'key' in request`. */
export function readsRequestAsDict(a: CodeAnalyzer, fn: FunctionScope): boolean {
  const close = a.is(fn.params, '(') && !MAPPING_REQUESTS.test(a.text) ? a.partner[fn.params] : -1;
  const end = a.scopes.range(fn.scope)[1];
  for (let k = close + 1; close > 0 && k < end; k++) {
    if (!a.idIs(k, 'request') || a.isAccess(k - 1) || a.scopes.enclosing(k, ['function']) !== fn.scope) {
      continue;
    }
    const method = a.is(k + 1, '.') && a.is(k + 3, '(') ? a.id(k + 2) : undefined;
    if (a.is(k + 1, '[') || (method !== undefined && DICT_METHODS.has(method)) || (a.idIs(k - 1, 'in') && !a.is(k + 1, '.'))) {
      return true;
    }
  }
  return false;
}
