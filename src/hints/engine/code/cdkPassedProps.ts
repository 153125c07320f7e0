/**
 * A CDK construct's prop set from the props of the stack (or construct) class around it, which
 * the app passes in another file. `multiAz: props.multiAz` (also `props?.multiAz`, `props!.multiAz`, a name
 * destructured from `props`, and `props.multiAz ?? true`) in `constructor(scope, id, props: DatabaseStackProps)`,
 * or Python `multi_az=multi_az` with `def __init__(self, scope, id, *, multi_az: bool = True, **kwargs)` and
 * `kwargs.get("multi_az", True)`, reads what each construction of the class passes (`workspace/cdkInstantiations.ts`):
 * a literal there, the fallback or default when it leaves the prop out, nothing (the construct's own default)
 * without one. A value that is no literal, a construction that spreads what it passes, or a parameter
 * reassigned in the class stays unknown. The checks run once per construction (`DocumentModel.variants`),
 * so a finding says which one passes the value. Pulumi component resources are read the same way
 * (`workspace/pulumiInstantiations.ts`): `publiclyAccessible: args.publiclyAccessible` (also `args.x || false`),
 * and Python `args.publicly_accessible` of an args object the program builds (`DbArgs(publicly_accessible=True)`),
 * whose class's default holds when it is left out (`argsClassDefaults.ts`), unknown when there is none. So are
 * the parameters of module-level functions that build resources (`makeDatabase({ exposed: true })`), args merged
 * over a module's defaults object, negated props, and the file's own constructions and calls, with or without a
 * workspace.
 */
import { isCodeResource, Literal, OptionContext, OptionOccurrence, PassedFrom, PropVariants } from '../model';
import { cdkInstantiations, MAX_READ_INSTANTIATIONS } from '../workspace/cdkInstantiations';
import { CdkSource } from '../workspace/cdkSource';
import type { CdkInstantiation, SourceRef } from '../workspace/types';
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { cdkEnumLiteral } from './cdkLiterals';
import { literalOf } from './options';
import { attributeDefault as classDefault } from './argsClassDefaults';
import { helperNameOf } from './forwardedRequests';

/** What a prop reads: the parameter of a constructor, the key read from it (null: the parameter is the value), and a fallback literal. */
interface PropRead {
  /** The class whose constructions pass the props, or the function whose calls do. */
  callee: string;
  /** The parameter's position among the arguments a construction passes (Python: after `self`). */
  position: number;
  /** Python: the parameter's name, for keyword arguments; `kwargs` for `**kwargs`. */
  parameter: string;
  /** The prop the value reads: `multiAz` of `props.multiAz`, or the Python parameter itself. */
  key: string;
  /** The parameter holds the keyword arguments (Python `**kwargs`), or an object of props (TypeScript). */
  from: 'object' | 'keyword' | 'kwargs';
  /** What holds when the construction leaves the prop out: `?? true`, a Python default; undefined: the construct's own default. */
  fallback?: Literal;
  /** `props.x || false`: the fallback also replaces a falsy value passed. */
  orElse?: true;
  /** Python `args.x`: an args object's attribute, whose class may default it, so one left out without a fallback is unknown. */
  attribute?: true;
  /** `!props.keepSnapshot`, Python `not keep_snapshot`: the value is the negation of what is passed. */
  negated?: true;
}

/** One construction's value for an option: a literal (with where it comes from), absent (the construct's default), or unknown. */
type Variant = { literal: Literal; from: PassedFrom } | 'absent' | undefined;

/** The option as the checks read it for the construction `variants.current`. */
function variantOption(option: OptionOccurrence, values: readonly Variant[], variants: PropVariants): OptionOccurrence {
  const current = (): Variant => values[variants.current];
  return Object.create(option, {
    literal: { get: () => {
      const variant = current();
      return variant && variant !== 'absent' ? variant.literal : option.literal;
    }, enumerable: true },
    absent: { get: () => current() === 'absent' || option.absent, enumerable: true },
    passedFrom: { get: () => {
      const variant = current();
      return variant && variant !== 'absent' ? variant.from : undefined;
    }, enumerable: true },
  }) as OptionOccurrence;
}

/**
 * Rewrites the options of the file's CDK constructs and Pulumi resources that read props a class or function is
 * given: each gives, construction by construction, what the constructions and calls in other files (workspace
 * mode) or in this one, `file`, pass. Returns the variants the checks run through.
 */
export function readPassedProps(a: CodeAnalyzer, contexts: readonly OptionContext[], file: string): PropVariants | undefined {
  if (a.language.family !== 'js' && a.language.family !== 'python') {
    return undefined;
  }
  const reads: { context: OptionContext; reads: (PropRead | undefined)[] }[] = [];
  for (const context of contexts) {
    if (isCodeResource(context)) {
      const found = context.options.map((option) => {
        const [from, to] = a.tokensOf(option.value);
        return to > from ? propRead(a, from, to) : undefined;
      });
      if (found.some((read) => read !== undefined)) {
        reads.push({ context, reads: found });
      }
    }
  }
  if (reads.length === 0) {
    return undefined;
  }
  const callees = new Set(reads.flatMap(({ reads: found }) => found.flatMap((read) => (read ? [read.callee] : []))));
  const sameFile = a.testFile ? new Map<string, CdkInstantiation[]>() : sameFileCalls(a, file, callees);
  const calls = new Map([...callees].map((callee) => [callee, [...(a.project?.cdkInstantiations?.(callee) ?? []), ...(sameFile.get(callee) ?? [])]]));
  const variants: PropVariants = { count: 0, current: 0 };
  for (const { context, reads: found } of reads) {
    let made: readonly CdkInstantiation[] | undefined;
    context.options = context.options.map((option, k) => {
      const read = found[k];
      const instantiations = read ? calls.get(read.callee)! : [];
      if (!read || instantiations.length === 0) {
        return option;
      }
      made = instantiations;
      variants.count = Math.max(variants.count, instantiations.length);
      return variantOption(option, instantiations.map((instantiation) => variantOf(instantiation, read)), variants);
    });
    if (made) {
      const sites = made.map((instantiation) => instantiation.at);
      Object.defineProperty(context, 'createdAt', { get: (): SourceRef | undefined => sites[variants.current], enumerable: true, configurable: true });
    }
  }
  return variants.count > 0 ? variants : undefined;
}

/**
 * The constructions and calls the file makes of classes or functions it defines itself (a single-file Pulumi
 * program's `makeDatabase({ publiclyAccessible: true })` below its `function makeDatabase(settings)`), read as
 * those of other files are, by callee: one pass over the file for them all, MAX_READ_INSTANTIATIONS per callee
 * at most (each a run of the checks).
 */
function sameFileCalls(a: CodeAnalyzer, file: string, callees: ReadonlySet<string>): Map<string, CdkInstantiation[]> {
  const source = new CdkSource(a.tokens.source, a.language.family, a.lines);
  const byCallee = new Map<string, CdkInstantiation[]>();
  for (const made of cdkInstantiations(source, file, a.lines, callees) ?? []) {
    const list = byCallee.get(made.path) ?? [];
    if (list.length < MAX_READ_INSTANTIATIONS) {
      list.push(made);
    }
    byCallee.set(made.path, list);
  }
  return byCallee;
}

/** What one construction passes for a prop (see `Variant`), negated where the prop reads `!props.x`. */
function variantOf(instantiation: CdkInstantiation, read: PropRead): Variant {
  const variant = passedVariant(instantiation, read);
  if (!read.negated || variant === undefined) {
    return variant;
  }
  if (variant === 'absent') {
    // JavaScript's `!undefined` is true; a Python parameter left out without a default fails the call.
    return read.from === 'object' && !read.attribute ? { literal: { kind: 'bool', value: true }, from: { at: instantiation.at, text: read.key, leftOut: true } } : undefined;
  }
  const truthy = truthiness(variant.literal);
  return truthy === undefined ? undefined : { literal: { kind: 'bool', value: !truthy }, from: variant.from };
}

/** Whether a literal is truthy, in JavaScript as in Python; undefined for a value no literal gives. */
function truthiness(literal: Literal): boolean | undefined {
  switch (literal.kind) {
    case 'bool':
      return literal.value;
    case 'num':
      return literal.value !== 0;
    case 'str':
      return literal.value !== '';
    case 'none':
      return false;
    default:
      return undefined;
  }
}

function passedVariant(instantiation: CdkInstantiation, read: PropRead): Variant {
  const object = read.from === 'object' ? (read.position < instantiation.args.length ? instantiation.args[read.position] : 'none') : instantiation.keywords;
  // Python args passed by keyword (`Db("be", args=DbArgs(...))`) or not at all: unknown.
  if (object === null || object === undefined || (read.attribute && object === 'none')) {
    return undefined;
  }
  if (object === 'none' || !Object.hasOwn(object.props, read.key)) {
    // A Python keyword parameter may also be passed by position.
    const byPosition = read.from === 'keyword' && instantiation.args.length > read.position;
    if ((object !== 'none' && object.open) || byPosition || (read.attribute && !read.fallback)) {
      return undefined;
    }
    return read.fallback ? { literal: read.fallback, from: { at: instantiation.at, text: read.key, leftOut: true } } : 'absent';
  }
  const passed = object.props[read.key];
  if (passed && read.orElse && read.fallback && falsy(passed.literal)) {
    return { literal: read.fallback, from: { at: passed.at, text: `${read.key}: ${passed.text}` } };
  }
  return passed ? { literal: passed.literal, from: { at: passed.at, text: `${read.key}: ${passed.text}` } } : undefined;
}

function falsy(literal: Literal): boolean {
  return (literal.kind === 'bool' && !literal.value) || (literal.kind === 'num' && literal.value === 0) || (literal.kind === 'str' && literal.value === '') || literal.kind === 'none';
}

/** The literal of a fallback written as tokens [from, to): `true`, `7`, `'x'`, `RemovalPolicy.RETAIN`, `Duration.days(7)`. */
function fallbackOf(a: CodeAnalyzer, from: number, to: number): Literal | undefined {
  const { literal } = literalOf(a, from, to);
  return literal.kind === 'expr' ? cdkEnumLiteral(literal.text) : literal.kind === 'none' ? undefined : literal;
}

/** The prop a value of tokens [from, to) reads, with its fallback, or its negation (`!props.x`, `not keep_snapshot`); undefined for any other value. */
function propRead(a: CodeAnalyzer, from: number, to: number): PropRead | undefined {
  const negation = a.language.family === 'python' ? a.idIs(from, 'not') : a.is(from, '!') && !a.is(from + 1, '!');
  if (negation) {
    // `!props.x ?? y` and `!props.x || y` negate before the fallback applies, which the variants do not model.
    for (let k = from + 1; k < to; k = a.skipGroup(k)) {
      if (a.is(k, '??') || a.is(k, '||')) {
        return undefined;
      }
    }
    const read = from + 1 < to ? readOf(a, from + 1, to) : undefined;
    return read ? { ...read, negated: true } : undefined;
  }
  return readOf(a, from, to);
}

function readOf(a: CodeAnalyzer, from: number, to: number): PropRead | undefined {
  // `props.multiAz ?? true`: the fallback after the first `??` at the top of the value.
  let end = to;
  let fallback: Literal | undefined;
  let orElse = false;
  for (let k = from; k < to; k = a.skipGroup(k)) {
    if ((a.is(k, '??') || a.is(k, '||')) && a.language.family === 'js') {
      fallback = fallbackOf(a, k + 1, to);
      if (!fallback) {
        return undefined;
      }
      orElse = a.is(k, '||');
      end = k;
      break;
    }
  }
  if (a.language.family === 'python') {
    return pythonRead(a, from, end);
  }
  if (orElse) {
    const read = jsRead(a, from, end, fallback);
    return read ? { ...read, orElse: true } : undefined;
  }
  return jsRead(a, from, end, fallback);
}

function jsRead(a: CodeAnalyzer, from: number, end: number, fallback: Literal | undefined): PropRead | undefined {
  // `props.multiAz`, `props?.multiAz`, `props!.multiAz`, or a name destructured from `props`.
  const bang = a.is(from + 1, '!') ? 1 : 0;
  if (end - from === 3 + bang && a.isId(from) && a.isAccess(from + 1 + bang) && a.isId(from + 2 + bang)) {
    const key = a.tokens.text(from + 2 + bang);
    const parameter = constructorParameter(a, from);
    if (!parameter) {
      const merged = fallback ? undefined : mergedWithDefaults(a, from, key);
      return merged ? { ...merged.parameter, key, from: 'object', ...(merged.fallback ? { fallback: merged.fallback } : {}) } : undefined;
    }
    return !parameter.kwargs ? { ...parameter, key, from: 'object', ...(fallback ? { fallback } : {}) } : undefined;
  }
  if (end - from === 1 && a.isId(from)) {
    const binding = a.scopes.lookup(a.tokens.text(from), from);
    const source = binding?.destructured;
    const parameter = source && source.end === source.from + 1 && a.isId(source.from) ? constructorParameter(a, source.from) : undefined;
    return parameter && !parameter.kwargs ? { ...parameter, key: source!.key, from: 'object', ...(fallback ? { fallback } : {}) } : undefined;
  }
  return undefined;
}

/**
 * `merged.key` where `const merged = { ...DEFAULTS, ...args }` or `Object.assign({}, DEFAULTS, args)`, `args` a
 * parameter read as above and `DEFAULTS` a module-level object literal: what the callers pass, or when they
 * leave the key out, the default's literal (the resource's own default when `DEFAULTS` has no such key).
 * Undefined when the defaults spread anything, or give the key a value that is no literal.
 */
function mergedWithDefaults(a: CodeAnalyzer, use: number, key: string): { parameter: NonNullable<ReturnType<typeof constructorParameter>>; fallback?: Literal } | undefined {
  const binding = a.scopes.lookup(a.tokens.text(use), use);
  const start = binding && !binding.destructured && binding.fixed === undefined ? binding.expression : -1;
  if (start < 0 || !a.idIs(binding!.token - 1, 'const')) {
    return undefined;
  }
  let names: number[];
  if (a.is(start, '{')) {
    // `{ ...DEFAULTS, ...args }`, a trailing comma allowed.
    const close = a.partner[start];
    const last = a.is(close - 1, ',') ? close - 1 : close;
    names = last - start === 10 && a.tokens.isSpread(start + 1) && a.is(start + 5, ',') && a.tokens.isSpread(start + 6) ? [start + 4, start + 9] : [];
  } else {
    // `Object.assign({}, DEFAULTS, args)`.
    const open = start + 3;
    const assign = a.idIs(start, 'Object') && a.is(start + 1, '.') && a.idIs(start + 2, 'assign') && a.is(open, '(');
    names = assign && a.partner[open] === open + 7 && a.is(open + 1, '{') && a.is(open + 2, '}') && a.is(open + 3, ',') && a.is(open + 5, ',') ? [open + 4, open + 6] : [];
  }
  const [defaults, args] = names;
  const parameter = names.length === 2 && a.isId(defaults) && a.isId(args) ? constructorParameter(a, args) : undefined;
  const defaultsBinding = parameter && !parameter.kwargs ? a.scopes.lookup(a.tokens.text(defaults), defaults) : undefined;
  const literal = defaultsBinding && a.scopes.scopeAt(defaultsBinding.token) === 0 && a.idIs(defaultsBinding.token - 1, 'const') && a.is(defaultsBinding.expression, '{') ? defaultsBinding.expression : -1;
  if (literal < 0) {
    return undefined;
  }
  const close = a.partner[literal];
  for (let k = literal + 1; k < close; k = a.skipGroup(k)) {
    const entryStart = a.is(k - 1, '{') || a.is(k - 1, ',');
    if (entryStart && (a.tokens.isSpread(k) || a.is(k, '['))) {
      return undefined;
    }
    const slot = entryStart ? a.language.optionAt(a, k, literal, close) : undefined;
    if (slot && a.tokens.text(slot.key) === key) {
      const fallback = fallbackOf(a, slot.valueStart, slot.valueEnd);
      return fallback ? { parameter: parameter!, fallback } : undefined;
    }
  }
  return { parameter: parameter! };
}

/** Python: `multi_az` (a parameter of `__init__`), `kwargs.get("multi_az", True)`, `kwargs.pop(...)` or `kwargs["multi_az"]`. */
function pythonRead(a: CodeAnalyzer, from: number, end: number): PropRead | undefined {
  if (end - from === 1 && a.isId(from)) {
    const parameter = constructorParameter(a, from);
    return parameter && !parameter.kwargs ? { ...parameter, key: parameter.parameter, from: 'keyword', ...(parameter.fallback ? { fallback: parameter.fallback } : {}) } : undefined;
  }
  if (end - from === 3 && a.isId(from) && a.is(from + 1, '.') && a.isId(from + 2)) {
    // `args.publicly_accessible` of an args object the constructions pass; its class's default when they leave it out.
    const parameter = constructorParameter(a, from);
    if (!parameter || parameter.kwargs || parameter.fallback) {
      return undefined;
    }
    const key = a.tokens.text(from + 2);
    const fallback = parameter.annotation ? classDefault(a, parameter.annotation, key, fallbackOf) : undefined;
    return { ...parameter, key, from: 'object', attribute: true, ...(fallback ? { fallback } : {}) };
  }
  const parameter = a.isId(from) ? constructorParameter(a, from) : undefined;
  if (!parameter?.kwargs) {
    return undefined;
  }
  if (a.is(from + 1, '[') && a.partner[from + 1] === end - 1 && end - from === 4 && a.isString(from + 2)) {
    return { ...parameter, key: a.tokens.text(from + 2), from: 'kwargs' };
  }
  const method = a.is(from + 1, '.') && (a.idIs(from + 2, 'get') || a.idIs(from + 2, 'pop')) && a.is(from + 3, '(') && a.partner[from + 3] === end - 1;
  const args = method ? segments(a, from + 3) : [];
  if (args.length === 0 || args.length > 2 || args[0][1] !== args[0][0] + 1 || !a.isString(args[0][0])) {
    return undefined;
  }
  const fallback = args[1] ? fallbackOf(a, args[1][0], args[1][1]) : undefined;
  if (args[1] && !fallback) {
    return undefined;
  }
  return { ...parameter, key: a.tokens.text(args[0][0]), from: 'kwargs', ...(fallback ? { fallback } : {}) };
}

/**
 * The parameter a name at `use` is bound to, of what other files call with props: `constructor` / `__init__`
 * of a module-level class, or a module-level function (`export function makeDatabase(settings)`, `const
 * makeTable = (props) => …`, Python `def create_db(name, public=False)`), which Pulumi programs and CDK apps
 * call as they construct classes. The parameter must not be reassigned before `use`, nor a rest parameter;
 * with the name the callers call, the parameter's position, and (Python) its default literal and whether it
 * is `**kwargs`.
 */
function constructorParameter(a: CodeAnalyzer, use: number): { callee: string; position: number; parameter: string; kwargs: boolean; fallback?: Literal; annotation?: string } | undefined {
  const binding = a.scopes.lookup(a.tokens.text(use), use);
  if (!binding || binding.token < 0) {
    return undefined;
  }
  const token = binding.token;
  const fnScope = a.scopes.scopeAt(token);
  const fn = a.functions.get(fnScope);
  if (!fn || fn.params !== a.parent[token]) {
    return undefined;
  }
  const python = a.language.family === 'python';
  const classScope = a.scopes.parent(fnScope);
  const constructs = a.idIs(fn.params - 1, python ? '__init__' : 'constructor') && classScope > 0 && a.scopes.kind(classScope) === 'class' && a.scopes.parent(classScope) === 0;
  const callee = constructs ? a.scopes.nameOfClass(classScope) : classScope === 0 ? helperNameOf(a, fn.params) : undefined;
  const parameters = segments(a, fn.params);
  // A Python constructor's `self` is no argument the constructions pass.
  const first = python && constructs ? 1 : 0;
  for (let position = first; callee && position < parameters.length; position++) {
    const [start, end] = parameters[position];
    if (token < start || token >= end) {
      continue;
    }
    const kwargs = python && a.is(start, '**') && token === start + 1;
    if (!kwargs && token !== start) {
      return undefined;
    }
    let fallback: Literal | undefined;
    for (let k = token + 1; python && !kwargs && k < end; k = a.skipGroup(k)) {
      if (a.is(k, '=')) {
        fallback = fallbackOf(a, k + 1, end);
        if (!fallback) {
          return undefined;
        }
      }
    }
    // Python `args: DbArgs` (or `backend.DbArgs`): the class whose defaults an attribute read falls back to.
    const annotation = python && a.is(token + 1, ':') && a.isId(token + 2) ? annotationName(a, token + 2, end) : undefined;
    return { callee, position: position - first, parameter: a.tokens.text(token), kwargs, ...(fallback ? { fallback } : {}), ...(annotation ? { annotation } : {}) };
  }
  return undefined;
}

/** The last name of a dotted annotation that fills tokens [from, end) (`DbArgs`, `backend.DbArgs`), or undefined. */
function annotationName(a: CodeAnalyzer, from: number, end: number): string | undefined {
  let k = from;
  while (a.is(k + 1, '.') && a.isId(k + 2)) {
    k += 2;
  }
  return k + 1 === end && a.isId(k) ? a.tokens.text(k) : undefined;
}
