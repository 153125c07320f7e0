/**
 * CDK Lambda functions made in one file from what another file passes (JavaScript and TypeScript): a module-level
 * function or arrow (`export const createFunction = (scope, name, file, env) => new NodejsFunction(scope, name, {
 * entry: join(__dirname, '../backend/' + file), environment: { ...env } })`), or the constructor of a class that
 * extends a Lambda construct (``super(scope, id, { entry: `src/${props.entryFileName}.ts`, environment:
 * props.environment })``) or makes one (`this.handler = new NodejsFunction(this, id, { entry: props.entry })`).
 * The factory's file contributes the function as a template, each parameter it reads marked in its strings; a
 * file that calls the factory contributes what each call passes, read there (`table.tableName` is that file's
 * table). The model joins the two (`cdkLambdaExpansion.ts`).
 */
import { TOKEN_KIND } from '../lexer';
import { BLOCK_KEYWORDS, enclosingFactory, parameterNames } from './cdkLambdaFactories';
import type { CdkSource, CdkValue } from './cdkSource';
import type { EnvironmentValue, LambdaFactoryCall, LambdaParameter, LambdaTemplateSpread, FactoryArgument } from './types';

const { ID } = TOKEN_KIND;

/** Calls of factories read per file, as for a file's own factories. */
const MAX_CALLS = 64;
/** How deep a passed object is read (`{ environment: { TABLE: … } }`). */
const MAX_DEPTH = 4;
/** What marks a parameter in a template's strings; no source text holds it. */
export const PARAMETER_MARK = '\u0001';

/** A factory a Lambda construct is made in: its name, whether it is a class (called with `new`), its parameters by position. */
export interface TemplateOwner {
  name: string;
  construction: boolean;
  params: (string | undefined)[];
}

/** `parameter` as a template's strings hold it: `\u00012.environment\u0001` for `props.environment` of the third. */
export function parameterMark({ position, members }: LambdaParameter): string {
  return `${PARAMETER_MARK}${[String(position), ...members].join('.')}${PARAMETER_MARK}`;
}

/** `value` with every dotted name that reads a parameter replaced by the string that marks it. */
export function markedParameters(value: CdkValue | undefined, params: readonly (string | undefined)[], depth = 0): CdkValue | undefined {
  if (!value || depth > 8) {
    return value;
  }
  switch (value.kind) {
    case 'path': {
      const position = params.indexOf(value.names[0]);
      return position < 0 ? value : { kind: 'string', value: parameterMark({ position, members: value.names.slice(1) }), span: value.span };
    }
    case 'object':
      return { ...value, entries: value.entries.map((entry) => ({ name: entry.name, value: markedParameters(entry.value, params, depth + 1)! })) };
    case 'list':
      return { ...value, items: value.items.map((item) => markedParameters(item, params, depth + 1)!) };
    case 'call':
      return { ...value, args: value.args.map((arg) => markedParameters(arg, params, depth + 1)!) };
    case 'template':
      return { ...value, parts: value.parts.map((part) => markedParameters(part, params, depth + 1)!) };
    default:
      return value;
  }
}

/** The parameter a dotted name reads, if any. */
function parameterOf(value: CdkValue | undefined, params: readonly (string | undefined)[]): LambdaParameter | undefined {
  const position = value?.kind === 'path' ? params.indexOf(value.names[0]) : -1;
  return position >= 0 && value?.kind === 'path' ? { position, members: value.names.slice(1) } : undefined;
}

/**
 * The environments a template takes from its parameters: `environment: props.environment` whole, or spread into
 * an object (`{ API_URL: '…', ...env }`), each with whether it comes after the variables written beside it.
 * Undefined where no parameter gives the environment, or something else is spread too.
 */
export function environmentSpreads(written: CdkValue | undefined, params: readonly (string | undefined)[]): LambdaTemplateSpread[] | undefined {
  const whole = parameterOf(written, params);
  if (whole) {
    return [{ parameter: whole, last: true }];
  }
  if (written?.kind !== 'object' || !written.spreads) {
    return undefined;
  }
  const spreads: LambdaTemplateSpread[] = [];
  for (const spread of written.spreads) {
    const parameter = parameterOf(spread.value, params);
    if (!parameter) {
      return undefined;
    }
    spreads.push({ parameter, last: spread.after === written.entries.length });
  }
  return spreads;
}

function isName(source: CdkSource, k: number): boolean {
  return k >= 0 && source.tokens.kinds[k] === ID;
}

/**
 * The name and parameter list of the function whose body follows token `last` (its `=>`, or the `)` or return
 * type before a method's `{`): `name(…) {`, `function name(…) {`, `name = (…): T =>`, `name = async (…) =>`.
 */
function header(source: CdkSource, last: number): { name: string; params: number } | undefined {
  let close = source.is(last, '=>') ? last - 1 : last;
  if (isName(source, close)) {
    // A return type written as a dotted name (`): lambda.Function {`, `): NodejsFunction =>`).
    let k = close;
    while (source.is(k - 1, '.') && isName(source, k - 2)) {
      k -= 2;
    }
    close = source.is(k - 1, ':') && source.is(k - 2, ')') ? k - 2 : -1;
  }
  const params = close >= 0 && source.is(close, ')') ? source.partner[close] : -1;
  if (params < 0 || params >= close) {
    return undefined;
  }
  let before = params - 1;
  if (source.is(before, 'async')) {
    before--;
  }
  if (source.is(last, '=>')) {
    return source.is(before, '=') && isName(source, before - 1) ? { name: source.tokens.text(before - 1), params } : undefined;
  }
  return isName(source, before) ? { name: source.tokens.text(before), params } : undefined;
}

/** The name of a module-level class whose body is `scope`. */
function className(source: CdkSource, scope: number): string | undefined {
  const declaration = source.moduleDeclarations().find((candidate) => candidate.body === source.scopeOpen(scope));
  return declaration && source.is(declaration.keyword, 'class') && isName(source, declaration.keyword + 1) ? source.tokens.text(declaration.keyword + 1) : undefined;
}

/**
 * The factory a construct starting at token `at` (its `new`'s class name, or `super`) is made in: a module-level
 * function, arrow (also one whose body is the construction: `=> new NodejsFunction(…)`) or the constructor of a
 * module-level class; undefined for anything else, and for a function the file calls itself (read there).
 */
export function templateOwner(source: CdkSource, at: number): TemplateOwner | undefined {
  if (source.python) {
    return undefined;
  }
  const chain = source.scopeChain(at);
  let owner: TemplateOwner | undefined;
  if (chain.length === 1 && source.is(at - 1, 'new') && source.is(at - 2, '=>')) {
    const found = header(source, at - 2);
    owner = found && { name: found.name, construction: false, params: parameterNames(source, found.params) };
  }
  for (let i = 0; !owner && i + 1 < chain.length; i++) {
    const open = source.scopeOpen(chain[i]);
    const found = source.is(open, '{') ? header(source, open - 1) : undefined;
    if (!found || BLOCK_KEYWORDS.has(found.name)) {
      continue;
    }
    const outer = chain[i + 1];
    if (found.name === 'constructor' && i + 2 < chain.length && chain[i + 2] === 0) {
      const name = className(source, outer);
      owner = name === undefined ? undefined : { name, construction: true, params: parameterNames(source, found.params) };
    } else if (outer === 0 && found.name !== 'constructor') {
      owner = { name: found.name, construction: false, params: parameterNames(source, found.params) };
    }
    break;
  }
  return owner && (owner.construction || (enclosingFactory(source, at)?.calls.length ?? 0) === 0) ? owner : undefined;
}

/**
 * `super(scope, id, props)` in the constructor of a module-level class that extends a construct `kindOf` knows:
 * the `super` token, the construct's kind and the call's arguments.
 */
export function superConstructions<K>(source: CdkSource, kindOf: (qualified: string) => K | undefined): { at: number; kind: K; args: CdkValue[] }[] {
  const found: { at: number; kind: K; args: CdkValue[] }[] = [];
  if (source.python) {
    return found;
  }
  for (const { keyword, body } of source.moduleDeclarations()) {
    if (!source.is(keyword, 'class') || !source.is(keyword + 2, 'extends')) {
      continue;
    }
    const { names } = source.dottedNames(keyword + 3);
    const kind = kindOf(source.qualified(names) ?? '');
    if (kind === undefined) {
      continue;
    }
    for (let k = body + 1; k < source.partner[body]; k++) {
      if (source.is(k, 'super') && source.is(k + 1, '(') && source.partner[k + 1] > k) {
        found.push({ at: k, kind, args: source.arguments(k + 1, source.partner[k + 1]).args });
        break;
      }
    }
  }
  return found;
}

/** How a caller's file reads what it passes: the same readers as its own constructs' props. */
export interface PassedReader {
  text(value: CdkValue): string | undefined;
  location(value: CdkValue): { path: string; fromApp: boolean } | undefined;
  environment(value: CdkValue): EnvironmentValue | undefined;
  /** The object literal a name is bound to, or the value itself. */
  object(value: CdkValue): CdkValue | undefined;
  /** The logical name of the table a name is bound to. */
  table(value: CdkValue): string | undefined;
}

/** What an argument passes, as far as a template may read it; null for what it cannot. */
export function passedValue(value: CdkValue, reader: PassedReader, depth = 0): FactoryArgument | null {
  const bound = reader.object(value) ?? value;
  if (bound.kind === 'object') {
    if (depth >= MAX_DEPTH) {
      return null;
    }
    const entries: Record<string, FactoryArgument> = {};
    for (const entry of bound.entries) {
      entries[entry.name] = passedValue(entry.value, reader, depth + 1) ?? { kind: 'unknown' };
    }
    return { kind: 'object', entries, open: bound.open };
  }
  const text = reader.text(value);
  if (text !== undefined) {
    return { kind: 'text', value: text };
  }
  const location = reader.location(value);
  if (location) {
    return { kind: 'location', ...location };
  }
  const table = reader.table(value);
  if (table !== undefined) {
    return { kind: 'table', logicalName: table };
  }
  const environment = reader.environment(value);
  return environment ? { kind: 'environment', value: environment } : null;
}

/**
 * The calls of factories in the file: of a name imported from a project module (`createFunction(this, …)`, `new
 * LambdaNodeFunction(this, …)`; from a module that is not relative, only those handing `this` first, as a scope), or of
 * a template of the file itself (`local`), with what each passes.
 */
export function factoryCalls(source: CdkSource, local: ReadonlySet<string>, reader: PassedReader, at: (token: number) => LambdaFactoryCall['definedAt']): LambdaFactoryCall[] | undefined {
  const calls: LambdaFactoryCall[] = [];
  const { tokens } = source;
  for (let k = 0; k < tokens.length && calls.length < MAX_CALLS; k++) {
    if (!isName(source, k) || !source.is(k + 1, '(') || source.is(k - 1, '.') || source.is(k - 1, 'function') || source.partner[k + 1] < k) {
      continue;
    }
    const name = tokens.text(k);
    const imported = source.projectImports.get(name) ?? source.packageImports.get(name);
    const relative = imported !== undefined && /^\.\.?(?:\/|$)/.test(imported.module);
    const close = source.partner[k + 1];
    if (!imported && !local.has(name)) {
      continue;
    }
    if (imported && !relative && !source.is(k + 2, 'this')) {
      continue;
    }
    const args = source.arguments(k + 1, close).args.map((arg) => passedValue(arg, reader));
    const call: LambdaFactoryCall = { name: imported ? imported.name : name, construction: source.is(k - 1, 'new'), args, definedAt: at(k) };
    if (imported) {
      call.module = imported.module;
    }
    calls.push(call);
  }
  return calls.length > 0 ? calls : undefined;
}
