/**
 * Module-level functions that make a CDK construct from a member of an object they are given:
 * `export const createCache = ({ scope, cacheProps }: { ...; cacheProps: CfnReplicationGroupProps }) => { new
 * CfnReplicationGroup(stack, id, { ...cacheProps, cacheSubnetGroupName }) }`, also `function makeDb(scope, props) {
 * new DatabaseInstance(scope, 'Db', props.database) }`, or from the parameter whole (`new Table(scope, 'T', props)`).
 * A call in another file (`createCache({ scope: app, cacheProps: { engine: 'redis', ... } })`) writes that
 * construct's props in the object at the member, but for those the function writes after the spread, which win
 * (`code/cdkWrapperCalls.ts` reads it there). JavaScript and TypeScript only. A member spread into two constructs,
 * a second spread after it, or a body that is no block leaves the function out.
 */
import { normalizeName } from '../types';
import { TOKEN_KIND } from '../lexer';
import type { CdkSource } from './cdkSource';
import type { CdkMemberType, CdkWrappedProps } from './types';

const { ID } = TOKEN_KIND;

/** Functions read per file, as for the classes. */
const MAX_FUNCTIONS = 128;
/** Tokens between a `const` name and its arrow function's `(` (`= async (`) or between `)` and the body (`): Stack => {`). */
const MAX_HEADER_TOKENS = 48;

/** A parameter's object as the body reads it: the parameter's position, and the member a name stands for. */
interface ParameterNames {
  /** `props` of `(scope, props)`: the parameter named, by position. */
  named: Map<string, number>;
  /** `cacheProps` of `({ scope, cacheProps })` or `({ props: cacheProps })`: the member it reads, and the position. */
  destructured: Map<string, { member: string; position: number }>;
}

/** The wrapper functions of the file by name; `typeOf` names a construct class. */
export function wrapperFunctions(source: CdkSource, typeOf: (names: readonly string[]) => CdkMemberType | undefined): Record<string, CdkWrappedProps> | undefined {
  if (source.python) {
    return undefined;
  }
  const found: Record<string, CdkWrappedProps> = {};
  let count = 0;
  const { tokens } = source;
  for (let k = 0; k < tokens.length && count < MAX_FUNCTIONS; k++) {
    const header = tokens.kinds[k] === ID && source.scopeChain(k).length === 1 ? functionHeader(source, k) : undefined;
    if (!header || Object.hasOwn(found, header.name) || header.name === '__proto__') {
      continue;
    }
    const wrapped = wrappedIn(source, header.body, parameterNames(source, header.parameters), typeOf);
    if (wrapped) {
      found[header.name] = wrapped;
      count++;
    }
    k = source.partner[header.body];
  }
  return count > 0 ? found : undefined;
}

/** `function name(`, or `const name = [async] (…) =>` / `= [async] function (`, at token `k`: its name, parameter list and block body. */
export function functionHeader(source: CdkSource, k: number): { name: string; parameters: number; body: number } | undefined {
  const { tokens } = source;
  let name = '';
  let parameters = -1;
  if (source.is(k, 'function') && tokens.kinds[k + 1] === ID && source.is(k + 2, '(')) {
    name = tokens.text(k + 1);
    parameters = k + 2;
  } else if ((source.is(k, 'const') || source.is(k, 'let')) && tokens.kinds[k + 1] === ID) {
    let j = k + 2;
    // A type annotation on the name (`: Factory`) before `=`.
    while (j < k + MAX_HEADER_TOKENS && j < tokens.length && !source.is(j, '=') && !source.is(j, ';')) {
      j = source.partner[j] > j ? source.partner[j] + 1 : j + 1;
    }
    j = source.is(j, '=') ? j + 1 : -1;
    if (j > 0 && source.is(j, 'async')) {
      j++;
    }
    if (j > 0 && source.is(j, 'function')) {
      j += tokens.kinds[j + 1] === ID ? 2 : 1;
    }
    if (j > 0 && source.is(j, '(')) {
      name = tokens.text(k + 1);
      parameters = j;
    }
  }
  if (parameters < 0 || source.partner[parameters] < parameters) {
    return undefined;
  }
  // The body's `{` after the list: past a return type and an arrow.
  let j = source.partner[parameters] + 1;
  const limit = j + MAX_HEADER_TOKENS;
  while (j < limit && j < tokens.length && !source.is(j, '{') && !source.is(j, ';')) {
    if (source.is(j, '=>')) {
      j++;
      break;
    }
    j = source.is(j, '(') || source.is(j, '[') || source.is(j, '<') ? Math.max(source.partner[j], j) + 1 : j + 1;
  }
  return source.is(j, '{') && source.partner[j] > j ? { name, parameters, body: j } : undefined;
}

/** The parameters of the list opening at `open`: plain names by position, and names destructured from an object parameter. */
function parameterNames(source: CdkSource, open: number): ParameterNames {
  const names: ParameterNames = { named: new Map(), destructured: new Map() };
  const close = source.partner[open];
  let position = 0;
  let start = open + 1;
  for (let k = open + 1; k <= close; k = source.partner[k] > k ? source.partner[k] + 1 : k + 1) {
    if (k !== close && !source.is(k, ',')) {
      continue;
    }
    if (source.is(start, '{') && source.partner[start] > start) {
      destructuredNames(source, start, position, names.destructured);
    } else if (source.tokens.kinds[start] === ID) {
      names.named.set(source.tokens.text(start), position);
    }
    position++;
    start = k + 1;
  }
  return names;
}

/** `{ scope, cacheProps, db: database }` of a parameter at `position`: each local name with the member it reads. */
function destructuredNames(source: CdkSource, open: number, position: number, into: ParameterNames['destructured']): void {
  const close = source.partner[open];
  for (let k = open + 1; k < close; k = source.partner[k] > k ? source.partner[k] + 1 : k + 1) {
    if (source.tokens.kinds[k] !== ID || !(source.is(k - 1, '{') || source.is(k - 1, ','))) {
      continue;
    }
    const member = source.tokens.text(k);
    if (source.is(k + 1, ':') && source.tokens.kinds[k + 2] === ID && (source.is(k + 3, ',') || source.is(k + 3, '}') || source.is(k + 3, '='))) {
      into.set(source.tokens.text(k + 2), { member, position });
    } else if (source.is(k + 1, ',') || source.is(k + 1, '}') || source.is(k + 1, '=')) {
      into.set(member, { member, position });
    }
  }
}

/** The one construct the body at `body` makes from a parameter's member, with the keys written after it. */
function wrappedIn(source: CdkSource, body: number, given: ParameterNames, typeOf: (names: readonly string[]) => CdkMemberType | undefined): CdkWrappedProps | undefined {
  const end = source.partner[body];
  // A name the body binds again (a local, a nested function's parameter) may not be the caller's any more.
  const rebound = boundInside(source, body, end);
  const parameters: ParameterNames = {
    named: new Map([...given.named].filter(([name]) => !rebound.has(name))),
    destructured: new Map([...given.destructured].filter(([name]) => !rebound.has(name))),
  };
  if (parameters.named.size === 0 && parameters.destructured.size === 0) {
    return undefined;
  }
  let found: CdkWrappedProps | undefined;
  for (let k = body + 1; k < end; k++) {
    if (!source.is(k, 'new')) {
      continue;
    }
    const { names, next } = source.dottedNames(k + 1);
    const type = names.length > 0 && source.is(next, '(') ? typeOf(names) : undefined;
    const construct = type && 'construct' in type ? type.construct : undefined;
    const props = construct === undefined ? -1 : thirdArgument(source, next);
    const read = props < 0 ? undefined : propsRead(source, props, parameters);
    if (construct !== undefined && read) {
      if (found) {
        // Two constructs made from what the caller passes: which one a prop is for is unknown.
        return undefined;
      }
      found = { construct, ...read };
    }
  }
  return found;
}

/**
 * The names bound between `body` and `end`: `const`, `let` and `var` declarations (destructured ones too), and the
 * parameters of nested functions and arrows (`(props) => ...`, `props => ...`, `function (props) {`). Any name
 * inside such a list or pattern counts: a name kept by mistake only costs a wrapper not read.
 */
function boundInside(source: CdkSource, body: number, end: number): Set<string> {
  const bound = new Set<string>();
  const { tokens } = source;
  const namesIn = (open: number): void => {
    for (let j = open + 1; j < source.partner[open]; j++) {
      if (tokens.kinds[j] === ID) {
        bound.add(tokens.text(j));
      }
    }
  };
  for (let k = body + 1; k < end; k++) {
    if (source.is(k, 'const') || source.is(k, 'let') || source.is(k, 'var')) {
      if (tokens.kinds[k + 1] === ID) {
        bound.add(tokens.text(k + 1));
      } else if ((source.is(k + 1, '{') || source.is(k + 1, '[')) && source.partner[k + 1] > k + 1) {
        namesIn(k + 1);
      }
    } else if (source.is(k, '=>')) {
      if (tokens.kinds[k - 1] === ID) {
        bound.add(tokens.text(k - 1));
      }
    } else if (source.is(k, '(') && source.partner[k] > k && (arrowAfter(source, source.partner[k] + 1) || source.is(k - 1, 'function') || (tokens.kinds[k - 1] === ID && source.is(k - 2, 'function')))) {
      namesIn(k);
    }
  }
  return bound;
}

/** `=>` at `k`, or after a return type there (`): Table =>`). */
function arrowAfter(source: CdkSource, k: number): boolean {
  if (source.is(k, '=>')) {
    return true;
  }
  if (!source.is(k, ':')) {
    return false;
  }
  for (let j = k + 1; j < k + MAX_HEADER_TOKENS && j < source.tokens.length; j = source.partner[j] > j ? source.partner[j] + 1 : j + 1) {
    if (source.is(j, '=>')) {
      return true;
    }
    if (source.is(j, '{') || source.is(j, ';') || source.is(j, ')') || source.is(j, ',')) {
      return false;
    }
  }
  return false;
}

/** The first token of the third argument (`scope, id, props`) of the call opening at `open`, or -1. */
function thirdArgument(source: CdkSource, open: number): number {
  const close = source.partner[open];
  let index = 0;
  for (let k = open + 1; k < close; k = source.partner[k] > k ? source.partner[k] + 1 : k + 1) {
    if (source.is(k, ',')) {
      index++;
      if (index === 2) {
        return k + 1 < close ? k + 1 : -1;
      }
    }
  }
  return -1;
}

/**
 * The props argument at `start` as a parameter's member: `cacheProps` or `props.database` alone, or spread into an
 * object literal (`{ ...cacheProps, port: 5432 }`) with the keys written after the spread.
 */
function propsRead(source: CdkSource, start: number, parameters: ParameterNames): Omit<CdkWrappedProps, 'construct'> | undefined {
  if (!source.is(start, '{')) {
    const read = memberAt(source, start, parameters);
    return read && isArgumentEnd(source, read.next) ? { member: read.member, position: read.position, overridden: [] } : undefined;
  }
  const close = source.partner[start];
  let read: { member: string; position: number } | undefined;
  const overridden: string[] = [];
  for (let k = start + 1; k < close; k = source.partner[k] > k ? source.partner[k] + 1 : k + 1) {
    if (source.tokens.isSpread(k)) {
      // The lexer reads `...` as three dots: the spread value starts at k + 3.
      const spread = memberAt(source, k + 3, parameters);
      if (read || !spread || !(source.is(spread.next, ',') || spread.next === close)) {
        // A second spread, or a spread of something else, may set any key.
        return undefined;
      }
      read = { member: spread.member, position: spread.position };
      k = spread.next - 1;
    } else if (read && source.tokens.kinds[k] === ID && (source.is(k - 1, '{') || source.is(k - 1, ',')) && (source.is(k + 1, ':') || source.is(k + 1, ',') || k + 1 === close)) {
      overridden.push(normalizeName(source.tokens.text(k)));
    }
  }
  return read && read.member !== '__proto__' ? { ...read, overridden } : undefined;
}

/** `cacheProps` (a destructured member) or `props.database` (a named parameter's member) at `k`, and the token after it. */
function memberAt(source: CdkSource, k: number, parameters: ParameterNames): { member: string; position: number; next: number } | undefined {
  if (source.tokens.kinds[k] !== ID) {
    return undefined;
  }
  const text = source.tokens.text(k);
  const destructured = parameters.destructured.get(text);
  if (destructured && !source.is(k + 1, '.')) {
    return { ...destructured, next: k + 1 };
  }
  const position = parameters.named.get(text);
  if (position !== undefined && source.is(k + 1, '.') && source.tokens.kinds[k + 2] === ID && !source.is(k + 3, '.')) {
    return { member: source.tokens.text(k + 2), position, next: k + 3 };
  }
  // The parameter itself: the caller's object is the props (`new Table(scope, 'T', props)`).
  return position !== undefined && !source.is(k + 1, '.') ? { member: '', position, next: k + 1 } : undefined;
}

function isArgumentEnd(source: CdkSource, k: number): boolean {
  return source.is(k, ',') || source.is(k, ')');
}
