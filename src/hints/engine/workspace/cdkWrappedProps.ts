/**
 * CDK classes that wrap a construct and take its props as a member of their own: `class PublicDbInstance extends
 * Construct` whose constructor makes `new DatabaseInstance(this, 'Instance', { vpc, ...props.databaseInstance })`.
 * A construction of the class in another file (`new PublicDbInstance(this, 'Db', { databaseInstance: { removalPolicy:
 * RemovalPolicy.DESTROY } })`) writes that construct's props in the object at the member, but for those the
 * constructor writes after the spread, which win (`code/cdkSubclasses.ts` reads it there). JavaScript and TypeScript
 * only. A member spread into two constructs, a spread after it, or a constructor whose props parameter is not the
 * third (`scope, id, props`) leaves the class out.
 */
import { normalizeName } from '../types';
import { TOKEN_KIND } from '../lexer';
import { CdkSource } from './cdkSource';
import { CdkMemberType, CdkWrappedProps } from './types';

const { ID } = TOKEN_KIND;

/** TypeScript modifiers a constructor parameter may carry before its name (`private readonly props`). */
const PARAMETER_MODIFIERS = new Set(['public', 'private', 'protected', 'readonly', 'override']);

/** Classes read per file, as for the other CDK class facts. */
const MAX_CLASSES = 128;

/** The wrapped construct of each class of `declarations` (name, body `{`) that has one; `typeOf` names a construct class. */
export function wrappedConstructProps(
  source: CdkSource,
  declarations: readonly { name: string; body: number }[],
  typeOf: (names: readonly string[]) => CdkMemberType | undefined,
): Record<string, CdkWrappedProps> | undefined {
  if (source.python) {
    return undefined;
  }
  const wrapped: Record<string, CdkWrappedProps> = {};
  let count = 0;
  for (const { name, body } of declarations) {
    const found = source.is(body, '{') && count < MAX_CLASSES ? classWrapped(source, body, typeOf) : undefined;
    if (found) {
      wrapped[name] = found;
      count++;
    }
  }
  return count > 0 ? wrapped : undefined;
}

/** The construct the constructor of the class body at `body` makes from a member of its props, if exactly one. */
function classWrapped(source: CdkSource, body: number, typeOf: (names: readonly string[]) => CdkMemberType | undefined): CdkWrappedProps | undefined {
  const close = source.partner[body];
  for (let k = body + 1; k < close; k = source.partner[k] > k ? source.partner[k] + 1 : k + 1) {
    if (!isConstructor(source, k)) {
      continue;
    }
    const props = thirdParameter(source, k + 1);
    const block = source.partner[k + 1] + 1;
    return props !== undefined && source.is(block, '{') ? spreadInto(source, block, props, typeOf) : undefined;
  }
  return undefined;
}

function isConstructor(source: CdkSource, k: number): boolean {
  return source.tokens.kinds[k] === ID && source.tokens.text(k) === 'constructor' && source.is(k + 1, '(');
}

/** The name of the third parameter of the list opening at `open` (`scope, id, props: Props`); undefined otherwise. */
function thirdParameter(source: CdkSource, open: number): string | undefined {
  const close = source.partner[open];
  let index = 0;
  let start = open + 1;
  for (let k = open + 1; k <= close && close > open; k = source.partner[k] > k ? source.partner[k] + 1 : k + 1) {
    if (k === close || source.is(k, ',')) {
      if (index === 2) {
        let name = start;
        while (source.tokens.kinds[name] === ID && PARAMETER_MODIFIERS.has(source.tokens.text(name)) && source.tokens.kinds[name + 1] === ID) {
          name++;
        }
        return source.tokens.kinds[name] === ID ? source.tokens.text(name) : undefined;
      }
      index++;
      start = k + 1;
    }
  }
  return undefined;
}

/** The one `new <construct>(…, { …, ...props.member, … })` in the constructor block at `block`, with the keys after the spread. */
function spreadInto(source: CdkSource, block: number, props: string, typeOf: (names: readonly string[]) => CdkMemberType | undefined): CdkWrappedProps | undefined {
  let found: CdkWrappedProps | undefined;
  const end = source.partner[block];
  for (let k = block + 1; k < end; k++) {
    if (!(source.tokens.kinds[k] === ID && source.tokens.text(k) === 'new')) {
      continue;
    }
    const { names, next } = source.dottedNames(k + 1);
    const type = names.length > 0 && source.is(next, '(') ? typeOf(names) : undefined;
    const construct = type && 'construct' in type ? type.construct : undefined;
    const spread = construct === undefined ? undefined : memberSpread(source, next, props);
    if (construct !== undefined && spread) {
      if (found) {
        // Two constructs made from props: which one a prop is for is unknown.
        return undefined;
      }
      found = { construct, ...spread };
    }
  }
  return found;
}

/** In the object argument of the call opening at `open`: `...props.member` alone, the keys written after it. */
function memberSpread(source: CdkSource, open: number, props: string): { member: string; overridden: string[] } | undefined {
  const close = source.partner[open];
  for (let j = open + 1; j < close; j = source.partner[j] > j ? source.partner[j] + 1 : j + 1) {
    if (!source.is(j, '{')) {
      continue;
    }
    const object = source.partner[j];
    let member: string | undefined;
    const overridden: string[] = [];
    for (let k = j + 1; k < object; k = source.partner[k] > k ? source.partner[k] + 1 : k + 1) {
      if (source.tokens.isSpread(k)) {
        // The lexer reads `...` as three dots: the spread value starts at k + 3.
        const reads = source.tokens.kinds[k + 3] === ID && source.tokens.text(k + 3) === props && source.is(k + 4, '.') && source.tokens.kinds[k + 5] === ID;
        const whole = source.is(k + 6, ',') || source.is(k + 6, '}');
        if (member !== undefined || (reads && !whole)) {
          // A spread after the member's may replace anything it sets; a spread of an expression on it is unknown.
          return undefined;
        }
        if (reads) {
          member = source.tokens.text(k + 5);
        }
        k += 2;
      } else if (member !== undefined && source.tokens.kinds[k] === ID && (source.is(k - 1, '{') || source.is(k - 1, ',')) && (source.is(k + 1, ':') || source.is(k + 1, ',') || source.is(k + 1, '}'))) {
        overridden.push(normalizeName(source.tokens.text(k)));
      }
    }
    return member !== undefined && member !== '__proto__' ? { member, overridden } : undefined;
  }
  return undefined;
}
