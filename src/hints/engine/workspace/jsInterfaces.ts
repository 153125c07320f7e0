/**
 * TypeScript interfaces a module exports with members typed as clients (`export interface Cradle { redis: Redis;
 * ddb: DynamoDBDocumentClient }`): the cradle of a dependency-injection container (awilix) or a deps object that
 * classes of other modules take (`constructor(private cradle: Cradle)`), whose members they read
 * (`this.cradle.redis.set(...)`). The text test below only picks the modules worth reading; the analyzer then
 * reads each member's type as a class field's (`codeExports.ts`).
 */
import { JS_REDIS_TYPES } from '../redisLibraries';
import { JS_FACTORIES } from '../services';

/** Client type names an annotation may end with (`Redis`, `DynamoDBDocumentClient`, `RDSDataClient`). */
const CLIENT_TYPES = new Set([...JS_REDIS_TYPES, ...Object.keys(JS_FACTORIES).filter((name) => !name.includes('.'))]);
/** A member annotated with a type name (`redis: Redis;`, `readonly ddb?: DynamoDBDocumentClient`), the last part of a qualified one. */
const MEMBER_TYPE = /[\w$]\??\s*:\s*(?:[\w$]+\.)*([\w$]+)\s*(?=[;,}\n|])/g;
/** How much of an interface's body is read: far more than a cradle declares. */
const MAX_BODY = 4000;

/** Whether the interface declared from `from` (at or before its name) has a member typed with a client type, up to its first `}`. */
export function interfaceHoldsClient(text: string, from: number): boolean {
  const open = text.indexOf('{', from);
  if (open < 0) {
    return false;
  }
  const close = text.indexOf('}', open);
  const body = text.slice(open + 1, Math.min(close < 0 ? text.length : close + 1, open + MAX_BODY));
  for (const match of body.matchAll(MEMBER_TYPE)) {
    if (CLIENT_TYPES.has(match[1])) {
      return true;
    }
  }
  return false;
}

/** How far past a type alias's name its `=` is looked for: type parameters are short. */
const MAX_ALIAS_HEAD = 200;

/**
 * Whether the type alias whose name starts after `from` (the end of `type`) is an object type with a member typed with
 * a client type (`export type Deps = { redis: Redis; table: string }`), read as an interface is.
 */
export function objectTypeAliasHoldsClient(text: string, from: number): boolean {
  const limit = Math.min(text.length, from + MAX_ALIAS_HEAD);
  let k = from;
  while (k < limit && text[k] !== '=' && text[k] !== ';' && text[k] !== '{') {
    k++;
  }
  if (text[k] !== '=' || text[k + 1] === '>') {
    return false;
  }
  k++;
  while (k < text.length && (text[k] === ' ' || text[k] === '\t' || text[k] === '\n' || text[k] === '\r')) {
    k++;
  }
  return text[k] === '{' && interfaceHoldsClient(text, k);
}
