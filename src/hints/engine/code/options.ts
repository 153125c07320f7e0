/** The options of a request, construct or client: keys, kwargs, builder methods or initializer members between two brackets. */
import { TOKEN_KIND } from '../lexer';
import { Literal, OptionContext, OptionOccurrence, PassedFrom } from '../model';
import { normalizeName, Span } from '../types';
import { codeOf } from '../tokenCodes';
import type { CodeAnalyzer } from './analyzer';
import { expressionEnd } from './braces';
import { cdkEnumLiteral } from './cdkLiterals';
import { goCdkText, jsiiWrapper } from './goCdkValues';
import { constMemberValue } from './constMembers';
import { heldTransactParts } from './transactParts';
import { envFallbackOf } from './envFallbacks';
import { heldPlainSecret } from './heldSecrets';
import { fieldConstantLiteral, moduleConstantLiteral } from './moduleConstants';
import { OptionSlot } from './language';
import { reachingObjects } from './reachingAssignments';
import { spreadBranchObjects } from './conditionalObjects';
import { closeAngle } from './typeArguments';
import { helperCalled } from './languages/pythonRequests';
import { importedDictContext } from './importedDicts';
import { isKwargsParameter } from './languages/pythonKwargsDicts';
import { importedSecret, importedSetting } from './importedOptionValues';
import { awaitedLambdaCall } from './languages/pythonAwaitedLambdas';

const { ID, STR, NUM } = TOKEN_KIND;
const DOT = codeOf('.');
const STAR_STAR = codeOf('**');
const COMMA = codeOf(',');
const LESS_THAN = codeOf('<');

/** Keys whose values are user data (items, keys, placeholders), never request options. */
const DATA_KEYS = new Set(['item', 'key', 'keys', 'expressionattributevalues', 'expressionattributenames', 'exclusivestartkey', 'tags']);

/** How many `name["Key"] = value` statements of one dict are read per call that spreads it. */
const MAX_KEYS_ADDED = 64;
/** The value of an option that a later spread of unknown keys may replace. */
const REPLACEABLE: Literal = { kind: 'expr', text: 'may be replaced by a later spread' };

/** How deep spreads are followed: `**` dicts that spread dicts, `...` object literals that spread object literals. */
const SPREAD_DEPTH = 4;

export function contextFrom(a: CodeAnalyzer, open: number, close: number, kind: OptionContext['kind'], type: string, anchor: Span, depth = 0): OptionContext {
  const options: OptionOccurrence[] = [];
  const context: OptionContext = { kind, type, options, complete: close > open, anchor };
  if (close <= open) {
    return context;
  }
  let skipUntil = -1;
  // A data value's own brackets (`Item: { ...order, status }`, `Item={**cart, "s": s}`): its spreads hide no option.
  let dataValues: Map<number, number> | undefined;
  let spreads = false;
  let heldParts: number[] = [];
  const codes = a.tokens.codes;
  for (let k = open + 1; k < close; k++) {
    if (k <= skipUntil) {
      continue;
    }
    spreads ||= codes[k] === DOT || codes[k] === STAR_STAR;
    const slot = a.language.optionAt(a, k, open, close);
    if (!slot) {
      continue;
    }
    // An SDK request's or a CDK construct's option may be a module-level constant (`EngineVersion=REDIS_VERSION`)
    // or a field of the class (`publiclyAccessible: this.publiclyAccessible`); the SQL and Redis readers report a
    // constant's literal where it is written, so their options keep the name.
    const occurrence = occurrenceOf(a, slot, kind === 'sdk' || kind === 'cdk');
    options.push(occurrence);
    if (occurrence.norm === 'transactitems') {
      heldParts = heldTransactParts(a, slot.valueStart, slot.valueEnd);
    }
    if (DATA_KEYS.has(occurrence.norm) && a.partner[slot.valueStart] > slot.valueStart) {
      skipUntil = a.partner[slot.valueStart];
      dataValues ??= new Map();
      dataValues.set(slot.valueStart, skipUntil);
    }
  }
  // Transaction parts built apart (`TransactItems: parts`) lend their keys, as parts written in place do.
  for (const part of heldParts) {
    options.push(...contextFrom(a, part, a.partner[part], kind, type, anchor, depth + 1).options);
  }
  if (!spreads) {
    return context;
  }
  // A spread (`...defaults`, `**kwargs`) hides options: absence is unknown, unless it spreads a dict
  // bound in scope (`**table_kwargs`) or an object literal of the file (`{ ...baseOptions, host }`), whose
  // keys count as written here where this one does not set them itself.
  const lent: { at: number; options: OptionOccurrence[] }[] = [];
  const unknownSpreads: number[] = [];
  for (let k = open + 1; k < close; k++) {
    const dataEnd = dataValues?.get(k);
    if (dataEnd !== undefined) {
      k = dataEnd;
      continue;
    }
    const code = codes[k];
    if (code !== DOT && code !== STAR_STAR) {
      continue;
    }
    if (insideNestedCall(a, k, open)) {
      // A spread in a value some call builds (`nodeGroups: groups.map((g) => ({ ...g }))`, `tags: merge({ ...base })`)
      // makes that value, not keys of these options.
      k += a.tokens.isSpread(k) ? 2 : 0;
      continue;
    }
    if (code === STAR_STAR && a.parent[k] === open) {
      const spread = dictSpread(a, k, kind, type, anchor, depth);
      if (spread) {
        lent.push({ at: k, options: spread.options });
      }
      if (spread?.complete !== true) {
        unknownSpreads.push(k);
      }
      context.complete &&= spread?.complete === true;
    } else if (a.tokens.isSpread(k)) {
      const objects = depth < SPREAD_DEPTH && spreadsIntoContext(a, k, open) ? spreadObjects(a, k + 3) : [];
      const own = objects.length > 0 ? new Set(options.map((option) => option.norm)) : undefined;
      let known = objects.length > 0;
      for (const object of objects) {
        const spread = contextFrom(a, object, a.partner[object], kind, type, anchor, depth + 1);
        lent.push({ at: k, options: spread.options.filter((option) => !own?.has(option.norm)) });
        known &&= spread.complete;
      }
      if (!known) {
        unknownSpreads.push(k);
        context.complete = false;
      }
      k += 2;
    } else if (code === STAR_STAR || codes[k + 1] === DOT) {
      context.complete = false;
    }
  }
  // In a dict or object literal a later key wins: what an earlier spread lends, a later spread whose keys
  // are unknown (`{**BASE, **overrides}`, `{ ...defaults, ...props.settings }`) may replace, so its values
  // are unknown (the keys keep their hovers). Call keywords cannot repeat, so `f(**a, **b)` keeps both.
  for (const { at, options: spreadOptions } of lent) {
    const container = a.parent[at];
    const replaceable = a.is(container, '{') && unknownSpreads.some((later) => later > at && a.parent[later] === container);
    // The option itself stays the prototype: its spans are worked out when asked (see TokenOption).
    options.push(...(replaceable ? spreadOptions.map((option): OptionOccurrence => Object.create(option, { literal: { value: REPLACEABLE, enumerable: true } })) : spreadOptions));
  }
  return context;
}

/**
 * C# `new T { A = 1 }` or `new T(args) { A = 1 }` at the type name `typeIndex`: the object initializer's
 * members as the options of a context; without an initializer, a context with none, and incomplete.
 */
export function initializerContext(a: CodeAnalyzer, typeIndex: number, kind: OptionContext['kind'], type: string): OptionContext {
  let open = typeIndex + 1;
  if (a.is(open, '(') && a.is(a.partner[open] + 1, '{')) {
    open = a.partner[open] + 1;
  }
  return a.is(open, '{') && a.partner[open] > open
    ? contextFrom(a, open, a.partner[open], kind, type, a.tokenSpan(typeIndex))
    : { kind, type, options: [], complete: false, anchor: a.tokenSpan(typeIndex) };
}

/**
 * The options of `**name` at `at`, where `name` holds a dict literal or `dict(...)` in scope: its keys,
 * and those that `name["Key"] = value` statements add (a request built up before the call).
 */
function dictSpread(a: CodeAnalyzer, at: number, kind: OptionContext['kind'], type: string, anchor: Span, depth: number): OptionContext | undefined {
  const name = a.id(at + 1);
  const returned = name !== undefined && depth < SPREAD_DEPTH && a.language.family === 'python' ? returnedDictOptions(a, at, kind, type, anchor) : undefined;
  if (returned) {
    return returned;
  }
  if (name === undefined || depth >= SPREAD_DEPTH || !(a.is(at + 2, ',') || a.is(at + 2, ')') || a.is(at + 2, '}'))) {
    return undefined;
  }
  // In a lambda an awaited `to_thread` or `run_in_executor` runs, the dict as it is at that call.
  const awaited = a.objectVariable(name, at) < 0 ? awaitedLambdaCall(a, at) : -1;
  const seenAt = awaited > 0 ? awaited : at;
  const open = a.objectVariable(name, seenAt);
  const binding = a.scopes.lookup(name, seenAt);
  if ((open < 0 || a.partner[open] < 0) && binding && isKwargsParameter(a, binding)) {
    // A `**kwargs` parameter: the keys the function assigns, the callers' unknown.
    return { kind, type, options: (a.keyAssignments.get(binding) ?? []).slice(0, MAX_KEYS_ADDED).map((slot) => occurrenceOf(a, slot)), complete: false, anchor };
  }
  if (open < 0 || a.partner[open] < 0) {
    return importedDictContext(a, at, kind, type, anchor);
  }
  const context = contextFrom(a, open, a.partner[open], kind, type, anchor, depth + 1);
  // Read again for every call that spreads the dict: only the first few dozen keys (a request has no more).
  for (const slot of binding ? (a.keyAssignments.get(binding) ?? []).slice(0, MAX_KEYS_ADDED) : []) {
    context.options.push(occurrenceOf(a, slot));
  }
  return context;
}

/**
 * Python `**helper(...)` or `**self.helper(...)` at `at`: a call of a same-file function or method that returns dicts
 * with their keys written out (`**self._common_rds_props()`; `pythonRequests.ts` reads what it returns). Undefined for
 * no such call; a context with no options and incomplete for one whose returns are anything else.
 */
function returnedDictOptions(a: CodeAnalyzer, at: number, kind: OptionContext['kind'], type: string, anchor: Span): OptionContext | undefined {
  const end = expressionEnd(a, at + 1);
  if (!a.is(end - 1, ')') || !(a.is(end, ',') || a.is(end, ')') || a.is(end, '}'))) {
    return undefined;
  }
  const requests = helperCalled(a, at + 1, end);
  const context: OptionContext = { kind, type, options: [], complete: requests !== undefined, anchor };
  for (const request of requests ?? []) {
    context.options.push(...request.options);
    context.complete &&= request.complete;
  }
  return context;
}

/**
 * Whether the token at `at` sits inside a call's or group's parentheses nested in the options opened at `open`
 * (not `open` itself): an argument, a callback's body or a parenthesised expression of some value.
 */
function insideNestedCall(a: CodeAnalyzer, at: number, open: number): boolean {
  for (let container = a.parent[at]; container > open; container = a.parent[container]) {
    if (a.is(container, '(')) {
      return true;
    }
  }
  return false;
}

/**
 * Whether a spread at `at` sits in the options themselves: directly between the context's braces, or in an
 * object literal passed as an argument where the options are a call's (`new Redis({ ...base })`); not in a
 * nested value such as a key's object.
 */
function spreadsIntoContext(a: CodeAnalyzer, at: number, open: number): boolean {
  const container = a.parent[at];
  return container === open || (a.is(open, '(') && a.is(container, '{') && a.parent[container] === open);
}

/** How many same-file helpers one spread is followed into (`...(admin ? staffQuery(q) : customerQuery(id))`). */
const MAX_SPREAD_HELPERS = 4;
/** How many `return`s of one helper are read for the object literals it returns. */
const MAX_SPREAD_RETURNS = 8;

/**
 * The `{` of each object literal a spread (`...name,`) lends: the literal `name` is bound to in scope, each branch's of
 * a parenthesized condition (`...(cond && { ... })`, `code/conditionalObjects.ts`), or
 * those that the same-file functions it calls return, whether it calls them itself (`...filterFor(q),`) or
 * its variable holds their result (`const input = admin ? staffQuery(q) : customerQuery(id)`).
 */
function spreadObjects(a: CodeAnalyzer, name: number): number[] {
  if (a.is(name, '(')) {
    // `...(isProd && { tls: {} })`: the object each branch spreads, whose keys the options already hold.
    return spreadBranchObjects(a, name) ?? [];
  }
  if (!a.isId(name) || a.language.family !== 'js') {
    return [];
  }
  const next = a.is(name + 1, '(') ? a.partner[name + 1] + 1 : name + 1;
  if (next <= name || !(a.is(next, ',') || (a.partner[next] >= 0 && a.partner[next] < next))) {
    return [];
  }
  if (a.is(name + 1, '(')) {
    return returnedObjects(a, [name]);
  }
  const objects = reachingObjects(a, name);
  if (objects.length > 0) {
    return objects;
  }
  const text = a.tokens.text(name);
  const binding = a.scopes.lookup(text, name);
  if (!binding || binding.expression < 0 || binding.expression >= name) {
    return [];
  }
  const calls: number[] = [];
  const end = expressionEnd(a, binding.expression);
  for (let k = binding.expression; k < end && calls.length < MAX_SPREAD_HELPERS; k = a.skipGroup(k)) {
    if (a.isId(k) && a.is(k + 1, '(') && !a.isAccess(k - 1)) {
      calls.push(k);
    }
  }
  return returnedObjects(a, calls);
}

/** The object literals that the same-file functions called at `calls` return. */
function returnedObjects(a: CodeAnalyzer, calls: readonly number[]): number[] {
  const objects: number[] = [];
  for (const call of calls) {
    const fn = a.lookup(a.tokens.text(call), call);
    for (const returned of fn?.t === 'function' ? a.returnStarts(fn).slice(0, MAX_SPREAD_RETURNS) : []) {
      // An arrow's concise body wraps its object in parentheses: `(q) => ({ IndexName: 'byQ' })`.
      const start = a.is(returned, '(') && a.is(returned + 1, '{') && a.partner[returned + 1] + 1 === a.partner[returned] ? returned + 1 : returned;
      if (a.is(start, '{') && a.partner[start] > start) {
        objects.push(start);
      }
    }
  }
  return objects;
}

/**
 * The end (exclusive) of a value that runs to the next `,` at its depth or the enclosing closer. The commas
 * between a constructed type's type arguments (`new Dictionary<string, AttributeValue> { ... }`) are inside it.
 */
export function valueEnd(a: CodeAnalyzer, valueStart: number, enclosingClose: number): number {
  const codes = a.tokens.codes;
  let end = valueStart;
  while (end < enclosingClose && codes[end] !== COMMA) {
    const typeArguments = codes[end] === LESS_THAN && a.language.typeArguments && constructedType(a, end) ? closeAngle(a, end) : -1;
    end = typeArguments > end && typeArguments < enclosingClose ? typeArguments + 1 : a.skipGroup(end);
  }
  return end;
}

/** Whether the `<` at `open` follows `new` and a (dotted) type name: type arguments, not a comparison. */
function constructedType(a: CodeAnalyzer, open: number): boolean {
  let k = open - 1;
  while (a.isId(k) && a.isAccess(k - 1) && a.isId(k - 2)) {
    k -= 2;
  }
  return a.isId(k) && a.idIs(k - 1, 'new');
}

/** A `key: value` / `key = value` slot whose value runs to the next comma, with the comma in its removal. */
export function separatedSlot(a: CodeAnalyzer, k: number, close: number): OptionSlot | undefined {
  const valueStart = k + 2;
  const enclosing = a.partner[a.parent[k]] > 0 ? a.partner[a.parent[k]] : close;
  const end = valueEnd(a, valueStart, enclosing);
  if (end <= valueStart) {
    return undefined;
  }
  return { key: k, valueStart, valueEnd: end, removalStart: k, removalEnd: a.tokens.codes[end] === COMMA ? end : end - 1 };
}

/**
 * A positional argument (tokens `start` to `end`, exclusive) read as the option `name`: with no keyword to
 * point at, its hover and findings cover the whole argument.
 */
export function positionalOption(a: CodeAnalyzer, start: number, end: number, name: string): OptionOccurrence {
  return new TokenOption(a, { key: start, valueStart: start, valueEnd: end, removalStart: start, removalEnd: end, name }, true);
}

export function occurrenceOf(a: CodeAnalyzer, slot: OptionSlot, readsConstants = false): OptionOccurrence {
  return new TokenOption(a, slot, false, readsConstants);
}

/**
 * An option read from tokens. Its spans and literal are worked out when a check or a hover asks: a 1 MB file
 * has tens of thousands of options, most never asked, and objects built for all of them outlived the
 * young generation and made the garbage collector's work the larger part of an analysis.
 */
class TokenOption implements OptionOccurrence {
  name: string;
  norm: string;
  declare absent?: boolean;
  declare engineVersions?: { text: string; span: Span }[];
  private literalRead?: { literal: Literal; span?: Span; from?: PassedFrom };
  private countRead?: { count: number | undefined };
  private builtRead?: readonly Span[];

  constructor(
    private readonly a: CodeAnalyzer,
    private readonly slot: OptionSlot,
    /** A positional argument: no key token, so its key is the whole value. */
    private readonly keyIsValue: boolean,
    /** Whether a value written as a module-level constant or a field of the class holds that constant's literal (`moduleConstants.ts`). */
    private readonly readsConstants = false,
  ) {
    this.name = slot.name ?? a.tokens.text(slot.key);
    this.norm = normalizeName(this.name);
  }

  get key(): Span {
    return this.keyIsValue ? this.value : this.a.tokenSpan(this.slot.key);
  }

  get value(): Span {
    const { valueStart, valueEnd, key } = this.slot;
    return valueEnd > valueStart ? this.a.span(valueStart, valueEnd - 1) : this.a.tokenSpan(key);
  }

  get removal(): Span {
    return this.a.span(this.slot.removalStart, this.slot.removalEnd);
  }

  get literal(): Literal {
    return this.readLiteral().literal;
  }

  get literalSpan(): Span | undefined {
    return this.readLiteral().span;
  }

  /** Where another module writes the value, when it comes from there (a Python module's password constant). */
  get passedFrom(): PassedFrom | undefined {
    return this.readLiteral().from;
  }

  get builtStrings(): readonly Span[] {
    this.builtRead ??= this.a.builtStrings(this.slot.valueStart, this.slot.valueEnd);
    return this.builtRead;
  }

  get literalCounts(): number | undefined {
    this.countRead ??= { count: literalCount(this.a, this.slot.valueStart, this.slot.valueEnd) };
    return this.countRead.count;
  }

  /** The same option under the name the API knows it by (PynamoDB's `consistent_read` is sent as ConsistentRead). */
  sentAs(norm: string): OptionOccurrence {
    const renamed = new TokenOption(this.a, this.slot, this.keyIsValue, this.readsConstants);
    renamed.norm = norm;
    return renamed;
  }

  private readLiteral(): { literal: Literal; span?: Span; from?: PassedFrom } {
    this.literalRead ??= this.constantLiteral() ?? this.heldSecret() ?? literalOf(this.a, this.slot.valueStart, this.slot.valueEnd);
    return this.literalRead;
  }

  /** A plain-text CDK secret a variable holds (`credentials: creds`), without a span a quick fix would edit from here. */
  private heldSecret(): { literal: Literal } | undefined {
    const { valueStart, valueEnd } = this.slot;
    const held = valueEnd === valueStart + 1 ? heldPlainSecret(this.a, valueStart) : undefined;
    return held ? { literal: literalOf(this.a, held[0], held[1], 1).literal } : undefined;
  }

  /** The literal of a module-level constant written as the value, without a span a quick fix would edit from here. */
  private constantLiteral(): { literal: Literal } | undefined {
    const { valueStart, valueEnd } = this.slot;
    const constant = !this.readsConstants ? undefined : valueEnd === valueStart + 1 ? moduleConstantLiteral(this.a, valueStart) : fieldConstantLiteral(this.a, valueStart, valueEnd);
    return constant ? { literal: literalOf(this.a, constant[0], constant[1], 1).literal } : undefined;
  }
}

/** An option under the name the API knows it by; a copy, so the option as written keeps its own. */
export function sentAs(option: OptionOccurrence, norm: string): OptionOccurrence {
  return option instanceof TokenOption ? option.sentAs(norm) : { ...option, norm };
}

/** The number of days of `Duration.days(x)` (C#'s `Duration.Days`) where `x` is a member of a settings object of the file or of another module. */
function daysOfSetting(a: CodeAnalyzer, start: number, end: number): Literal | undefined {
  const open = a.is(end - 1, ')') ? a.partner[end - 1] : -1;
  if (open <= start + 2 || !(a.idIs(open - 1, 'days') || a.idIs(open - 1, 'Days')) || !a.is(open - 2, '.') || !a.idIs(open - 3, 'Duration')) {
    return undefined;
  }
  const held = constMemberValue(a, open + 1, end - 1);
  const literal = held ? literalOf(a, held[0], held[1], 2).literal : importedSetting(a, open + 1, end - 1)?.literal;
  return literal?.kind === 'num' ? literal : undefined;
}

/** `pulumi.String(...)`, `pulumi.BoolPtr(...)` in Go: a plain value as a Pulumi input (not `pulumi.ToSecret`). */
function pulumiGoWrapper(a: CodeAnalyzer, start: number): boolean {
  return a.language.family === 'go' && a.id(start) === 'pulumi' && /^(?:Bool|String|Int|Float64)(?:Ptr)?$/.test(a.tokens.text(start + 2));
}

export function literalOf(a: CodeAnalyzer, from: number, to: number, depth = 0): { literal: Literal; span?: Span; from?: PassedFrom } {
  let start = from;
  let end = to;
  const secret = depth === 0 ? (importedSecret(a, start, end) ?? importedSetting(a, start, end)) : undefined;
  if (secret) {
    return secret;
  }
  // `config.password` (or `config.database.password`) read from a `const config = { ... }` of the file that nothing changes: the value written there
  // (without its span, which a quick fix must not edit from here).
  const held = depth < 2 && end - start >= 3 ? constMemberValue(a, start, end) : undefined;
  if (held) {
    return { literal: literalOf(a, held[0], held[1], depth + 1).literal };
  }
  // CDK's `Duration.days(config.database.retentionDays)`: the days a settings member holds, as a retention counts them.
  const days = depth < 2 ? daysOfSetting(a, start, end) : undefined;
  if (days) {
    return { literal: days };
  }
  // Unwrap aws.Bool(true), aws.Int32(0), aws.String("x"), Pulumi Go's pulumi.Bool(true), pulumi.IntPtr(0) and the Go CDK's jsii.Bool(true).
  if (end - start === 6 && (a.id(start) === 'aws' || pulumiGoWrapper(a, start) || jsiiWrapper(a, start)) && a.is(start + 1, '.') && a.is(start + 3, '(') && a.is(end - 1, ')')) {
    start += 4;
    end -= 1;
  }
  if (end - start === 2 && a.is(start, '-') && a.tokens.kinds[start + 1] === NUM) {
    return { literal: { kind: 'num', value: -Number(a.tokens.text(start + 1)) }, span: a.span(start, start + 1) };
  }
  const joined = end - start > 1 && a.language.family === 'python' ? adjacentStrings(a, start, end) : undefined;
  if (joined !== undefined) {
    // No span: a quick fix rewrites one literal, not several.
    return { literal: { kind: 'str', value: joined } };
  }
  if (end - start !== 1) {
    const written = end > start ? a.text.slice(a.tokens.starts[start], a.tokens.ends[end - 1]) : '';
    const text = a.language.family === 'go' ? goCdkText(written) : written;
    const envFallback = envFallbackOf(a, start, end);
    return { literal: envFallback !== undefined ? { kind: 'expr', text, envFallback } : (cdkEnumLiteral(text) ?? { kind: 'expr', text }) };
  }
  const kind = a.tokens.kinds[start];
  const text = a.tokens.text(start);
  const span = a.tokenSpan(start);
  if (kind === NUM) {
    const value = Number(text.replace(/[_lLmMdDfF]/g, ''));
    return Number.isFinite(value) ? { literal: { kind: 'num', value }, span } : { literal: { kind: 'expr', text } };
  }
  if (kind === STR) {
    return a.tokens.interpolated(start) ? { literal: { kind: 'expr', text } } : { literal: { kind: 'str', value: text }, span };
  }
  if (kind === ID) {
    if (text === 'true' || text === 'True') {
      return { literal: { kind: 'bool', value: true }, span };
    }
    if (text === 'false' || text === 'False') {
      return { literal: { kind: 'bool', value: false }, span };
    }
    if (text === 'None' || text === 'null' || text === 'nil' || (text === 'undefined' && a.language.family === 'js')) {
      return { literal: { kind: 'none' }, span };
    }
  }
  return { literal: { kind: 'expr', text } };
}

/**
 * Python's adjacent string literals, which it joins into one (`"redis://h:pw@" "cache.example.com:6379"`), bare or
 * in parentheses, and one string in parentheses; undefined when any part is not a plain string.
 */
function adjacentStrings(a: CodeAnalyzer, from: number, to: number): string | undefined {
  const grouped = a.is(from, '(') && a.partner[from] === to - 1;
  const [start, end] = grouped ? [from + 1, to - 1] : [from, to];
  if (end - start < (grouped ? 1 : 2)) {
    return undefined;
  }
  let joined = '';
  for (let k = start; k < end; k++) {
    if (a.tokens.kinds[k] !== STR || a.tokens.interpolated(k)) {
      return undefined;
    }
    joined += a.tokens.text(k);
  }
  return joined;
}

/**
 * Total literal entries under a RequestItems-like value (lists inside a map), or of a value that is
 * itself a literal list (TransactItems); undefined when anything is not literal.
 */
function literalCount(a: CodeAnalyzer, from: number, to: number): number | undefined {
  if (a.is(from, '[') && a.partner[from] === to - 1) {
    return listElements(a, from);
  }
  if (!(a.is(from, '{') && a.partner[from] === to - 1) && !(a.is(from, '(') && a.language.family === 'java')) {
    return undefined;
  }
  let total = 0;
  let counted = false;
  for (let k = from + 1; k < to - 1; k++) {
    if (!a.is(k, '[') || a.partner[k] < 0) {
      continue;
    }
    const elements = listElements(a, k);
    if (elements === undefined) {
      return undefined;
    }
    total += elements;
    counted = true;
    k = a.partner[k];
  }
  return counted ? total : undefined;
}

/** Elements of the literal list opened at `open`; undefined for comprehensions, spreads and ranges. */
function listElements(a: CodeAnalyzer, open: number): number | undefined {
  const close = a.partner[open];
  let elements = 0;
  let pending = false;
  for (let m = open + 1; m < close; m = a.skipGroup(m)) {
    if (a.is(m, ',')) {
      if (pending) {
        elements++;
      }
      pending = false;
    } else if (a.id(m) === 'for' || (a.is(m, '.') && a.is(m + 1, '.')) || a.is(m, '*')) {
      return undefined;
    } else {
      pending = true;
    }
  }
  return elements + (pending ? 1 : 0);
}

/**
 * Where the value of a property (`key: v`, `key=v`, `"key": v`) written directly in the group opened at `group`
 * starts, or -1: an object literal's key, or a keyword argument.
 */
export function propertyValue(a: CodeAnalyzer, group: number, norm: string): number {
  for (let k = group + 1; k < a.partner[group]; k = a.skipGroup(k)) {
    const atKey = k === group + 1 || a.is(k - 1, ',');
    if (atKey && (a.isId(k) || a.isString(k)) && (a.is(k + 1, ':') || a.is(k + 1, '=')) && normalizeName(a.tokens.text(k)) === norm) {
      return k + 2;
    }
  }
  return -1;
}
