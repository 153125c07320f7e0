/**
 * Java, C# and Go CDK expressions as CDK values (`cdkSource.ts`), as far as construct props need: literals, names,
 * Java builders (`Attribute.builder().name("pk")...build()`, read by `code/languages/javaCdk.ts`), C# initializers
 * (`new Attribute { Name = "pk" }`, read by `code/pulumi.ts`), lists (`List.of(...)`, `new[] { ... }`), maps
 * (`Map.of("K", v)`, `new Dictionary<string, string> { { "K", v } }`) and calls; Go's own forms in `goCdkValues.ts`.
 */
import type { CodeAnalyzer } from '../code/analyzer';
import { segments } from '../code/braces';
import { topLevel } from '../code/languages/csharpCdk';
import { chainOptions } from '../code/languages/javaCdk';
import { csharpInitializer, typedArgsContext } from '../code/pulumi';
import { TOKEN_KIND } from '../lexer';
import { OptionOccurrence } from '../model';
import { CdkEntry, CdkValue } from './cdkSource';
import { goCdkValue } from './goCdkValues';

const { NUM } = TOKEN_KIND;

/** How deep nested builders and initializers are read; deeper reads as `other`. */
const MAX_DEPTH = 16;

/** Any C# object initializer: `new Attribute { ... }`, `new() { ... }`. */
const anyInitializer = csharpInitializer(/^/);

/** Java, C# and Go expressions as CDK values, as far as props need: literals, names, builders, initializers, lists and calls. */
export class ValueReader {
  constructor(
    private readonly a: CodeAnalyzer,
    private readonly kind: 'java' | 'csharp' | 'go',
  ) {}

  entries(options: readonly OptionOccurrence[], depth = 0): CdkEntry[] {
    return options.map((option) => {
      const [start, end] = this.a.tokensOf(option.value);
      return { name: option.name, value: this.value(start, end, depth + 1) };
    });
  }

  /** The value of tokens [start, end). */
  value(start: number, end: number, depth = 0): CdkValue {
    const { a } = this;
    if (end <= start || depth > MAX_DEPTH) {
      const at = start > 0 ? a.tokens.ends[start - 1] : 0;
      return { kind: 'other', span: { start: at, end: at } };
    }
    const span = a.span(start, end - 1);
    if (end - start === 1) {
      if (a.isString(start)) {
        return a.tokens.interpolated(start) ? { kind: 'other', span } : { kind: 'string', value: a.tokens.text(start), span };
      }
      if (a.tokens.kinds[start] === NUM) {
        const value = Number(a.tokens.text(start).replace(/[_lLdDfFmM]/g, ''));
        return Number.isFinite(value) ? { kind: 'number', value, span } : { kind: 'other', span };
      }
      if (a.idIs(start, 'true') || a.idIs(start, 'false')) {
        return { kind: 'bool', value: a.idIs(start, 'true'), span };
      }
      const held = a.isId(start) ? this.heldValue(start, depth) : undefined;
      if (held) {
        return held;
      }
    }
    const built = this.kind === 'java' ? this.javaBuilder(start, end, depth) : this.kind === 'csharp' ? this.csharpNew(start, end, depth) : goCdkValue(a, this, start, end, depth);
    if (built) {
      return built;
    }
    const { text, end: after } = a.dottedPath(start);
    const names = text.split('.');
    if (text === '' || names.includes('')) {
      return { kind: 'other', span };
    }
    if (after === end) {
      return { kind: 'path', names, at: start, span };
    }
    if (!a.is(after, '(') || a.partner[after] !== end - 1) {
      return { kind: 'other', span };
    }
    const args = segments(a, after).map(([from, to]) => this.value(from, to, depth + 1));
    // Java's `List.of(a, b)` and `Arrays.asList(a, b)` are lists, `Map.of("K", v)` an object.
    if (this.kind === 'java' && /(?:^|\.)(?:List\.of|Arrays\.asList)$/.test(text)) {
      return { kind: 'list', items: args, span };
    }
    if (this.kind === 'java' && /(?:^|\.)Map\.of$/.test(text)) {
      return this.pairs(args.flatMap((key, k): [CdkValue, CdkValue | undefined][] => (k % 2 === 0 ? [[key, args[k + 1]]] : [])), span);
    }
    return { kind: 'call', callee: names, args, keywords: [], at: start, span };
  }

  /**
   * What a local variable holds (`Attribute pk = Attribute.builder()...build();` then `.partitionKey(pk)`): the
   * expression it is declared or last set with, read to where its statement ends.
   */
  private heldValue(name: number, depth: number): CdkValue | undefined {
    const { a } = this;
    const binding = a.scopes.lookup(a.tokens.text(name), name);
    const start = binding && !binding.element && !binding.method && binding.token !== name ? binding.expression : -1;
    if (start < 0) {
      return undefined;
    }
    let end = start;
    // Go ends a statement at a line's end after a name, a literal or a closing bracket (`pk := &awsdynamodb.Attribute{...}`), Java and C# at `;`.
    const lineEnds = (k: number): boolean =>
      this.kind === 'go' && k > start && (a.isId(k - 1) || a.isString(k - 1) || a.tokens.kinds[k - 1] === NUM || (a.partner[k - 1] >= 0 && a.partner[k - 1] < k - 1)) && a.text.slice(a.tokens.ends[k - 1], a.tokens.starts[k]).includes('\n');
    while (end < a.tokens.length && !a.is(end, ';') && !(a.partner[end] >= 0 && a.partner[end] < end) && !lineEnds(end)) {
      end = a.skipGroup(end);
    }
    return this.value(start, end, depth + 1);
  }

  /** `Attribute.builder().name("pk")...build()`: an object of the builder's methods. */
  private javaBuilder(start: number, end: number, depth: number): CdkValue | undefined {
    const { a } = this;
    if (!a.isId(start) || !a.isAccess(start + 1) || !a.idIs(start + 2, 'builder') || !a.is(start + 3, '(') || a.partner[start + 3] !== start + 4 || !a.is(end - 1, ')')) {
      return undefined;
    }
    const { options, complete } = chainOptions(this.a, start + 4);
    return { kind: 'object', entries: this.entries(options, depth), open: !complete, span: a.span(start, end - 1) };
  }

  /** `new Attribute { Name = "pk" }` as an object; `new[] { a, b }`, `new X[] { ... }`, `new List<X> { ... }` as lists. */
  private csharpNew(start: number, end: number, depth: number): CdkValue | undefined {
    const { a } = this;
    if (!a.idIs(start, 'new') || !a.is(end - 1, '}')) {
      return undefined;
    }
    const open = a.partner[end - 1];
    const span = a.span(start, end - 1);
    if (/^(?:new\s*)?(?:System\.Collections\.Generic\.)?I?Dictionary\s*</.test(a.text.slice(a.tokens.starts[start], a.tokens.starts[open]))) {
      return this.pairs(segments(a, open).map(([from, to]) => this.dictionaryPair(from, to, depth)), span);
    }
    if (a.is(open - 1, ']') || a.is(open - 1, '>')) {
      return { kind: 'list', items: segments(a, open).map(([from, to]) => this.value(from, to, depth + 1)), span };
    }
    if (anyInitializer(a, start) !== open) {
      return undefined;
    }
    const context = topLevel(typedArgsContext(a, 'cdk', '', start, start, anyInitializer));
    return { kind: 'object', entries: this.entries(context.options, depth), open: !context.complete, span };
  }

  /** `{ "K", v }` or `["K"] = v` of a C# dictionary initializer. */
  private dictionaryPair(from: number, to: number, depth: number): [CdkValue, CdkValue] | undefined {
    const { a } = this;
    if (a.is(from, '{') && a.partner[from] === to - 1) {
      const [key, value] = segments(a, from);
      return key && value ? [this.value(key[0], key[1], depth + 1), this.value(value[0], value[1], depth + 1)] : undefined;
    }
    const close = a.is(from, '[') ? a.partner[from] : -1;
    return close > from && a.is(close + 1, '=') ? [this.value(from + 1, close, depth + 1), this.value(close + 2, to, depth + 1)] : undefined;
  }

  /** Key-value pairs as an object, open when a key is not a literal string. */
  private pairs(pairs: readonly ([CdkValue, CdkValue | undefined] | undefined)[], span: CdkValue['span']): CdkValue {
    const entries: CdkEntry[] = [];
    let open = false;
    for (const pair of pairs) {
      if (pair?.[0].kind === 'string' && pair[1]) {
        entries.push({ name: pair[0].value, value: pair[1] });
      } else {
        open = true;
      }
    }
    return { kind: 'object', entries, open, span };
  }
}
