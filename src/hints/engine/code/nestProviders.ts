/**
 * NestJS custom providers and injection by token: `{ provide: 'REDIS_CLIENT', useFactory: () => new Redis(url) }`
 * (or `useValue: client`) registers a client under a token, and `@Inject('REDIS_CLIENT') private redis: any`
 * receives it; `{ provide: 'IUserRepository', useClass: DynamoUserRepository }` binds an interface's token to the
 * class whose methods the receiver's calls run (`projectInstances.ts`). Providers are read with the clients
 * middleware hangs (`requestClients.ts`), keyed so that no
 * property name meets them: `@name` for a string token, `#NAME` for a constant or a dotted path
 * (`REDIS`, `Tokens.REDIS`). A token that no provider the reader can see registers gives nothing.
 */
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';

/** How many tokens a dotted token path may take (`Tokens.cache.REDIS`). */
const MAX_PATH_TOKENS = 9;
/** Parameter modifiers between a decorator and the name (`@Inject(X) private readonly redis`). */
const MODIFIERS = new Set(['public', 'private', 'protected', 'readonly', 'override']);

/** A provider's value, tokens [start, stop); `factory`: a function whose call gives the value; `useClass`: a class NestJS makes an instance of. */
export interface ProvidedValue {
  key: string;
  start: number;
  stop: number;
  factory: boolean;
  useClass?: true;
}

/** The key of the token tokens [start, stop) write: a plain string or a dotted name, else undefined. */
function tokenKey(a: CodeAnalyzer, start: number, stop: number): string | undefined {
  if (stop === start + 1 && a.isString(start) && !a.tokens.interpolated(start)) {
    return `@${a.tokens.text(start)}`;
  }
  if (stop - start > MAX_PATH_TOKENS || stop - start < 1 || (stop - start) % 2 === 0) {
    return undefined;
  }
  let path = '';
  for (let k = start; k < stop; k += 2) {
    if (!a.isId(k) || (k + 1 < stop && !a.is(k + 1, '.'))) {
      return undefined;
    }
    path += k === start ? a.tokens.text(k) : `.${a.tokens.text(k)}`;
  }
  return `#${path}`;
}

/** Each `{ provide: TOKEN, useFactory | useValue | useClass: ... }` object of the file; `useExisting` gives nothing. */
export function providedValues(a: CodeAnalyzer): ProvidedValue[] {
  const found: ProvidedValue[] = [];
  for (let k = 1; k < a.tokens.length; k++) {
    if (!a.idIs(k, 'provide') || !a.is(k + 1, ':') || !(a.is(k - 1, '{') || a.is(k - 1, ','))) {
      continue;
    }
    const open = a.parent[k];
    if (open < 0 || !a.is(open, '{')) {
      continue;
    }
    let key: string | undefined;
    let value: Omit<ProvidedValue, 'key'> | undefined;
    for (const [start, end] of segments(a, open)) {
      const name = a.is(start + 1, ':') ? a.id(start) : undefined;
      if (name === 'provide') {
        key = tokenKey(a, start + 2, end);
      } else if (name === 'useFactory' || name === 'useValue') {
        value = { start: start + 2, stop: end, factory: name === 'useFactory' };
      } else if (name === 'useClass') {
        value = { start: start + 2, stop: end, factory: false, useClass: true };
      }
    }
    if (key && value) {
      found.push({ key, ...value });
    }
  }
  return found;
}

/** The key of the token a parameter declared at `name` is injected by (`@Inject(TOKEN) private readonly name`), if any. */
export function injectionKey(a: CodeAnalyzer, name: number): string | undefined {
  let k = name - 1;
  while (MODIFIERS.has(a.id(k) ?? '')) {
    k--;
  }
  const open = a.is(k, ')') ? a.partner[k] : -1;
  return open > 1 && a.idIs(open - 1, 'Inject') && a.is(open - 2, '@') ? tokenKey(a, open + 1, k) : undefined;
}
