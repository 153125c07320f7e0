/**
 * Terraform: `resource` blocks and their top-level arguments, terraform-aws-modules registry modules
 * read as the resource they create, and security group ingress (inline `ingress` blocks,
 * `aws_security_group_rule`, `aws_vpc_security_group_ingress_rule`).
 */
import { lex, matchBrackets, TOKEN_KIND, Tokens } from '../lexer';
import { DocumentModel, IngressRule, Literal, NO_SCOPES, OptionContext, OptionOccurrence, parseSuppression } from '../model';
import { LineIndex } from '../text';
import { normalizeName, Span } from '../types';
import { IngressFields, openIngress } from './ingress';
import { argumentOf, defaultLiterals, registryModule, registrySource } from './terraformModules';

// Module constants rather than imported bindings: run unbundled (tsx), an import is read through the
// module object on every use.
const { ID, STR, NUM, PUNCT } = TOKEN_KIND;

/** Arguments of a `module` block that Terraform reads itself; the rest are the module's inputs. */
const MODULE_META_ARGUMENTS = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

/** An argument or nested block of a body, with its value's token range. */
interface BodyItem {
  option: OptionOccurrence;
  /** Token range of the value (for a block: its braces). */
  first: number;
  end: number;
  block: boolean;
}

class TerraformReader {
  readonly contexts: OptionContext[] = [];
  readonly ingress: IngressRule[] = [];
  private readonly partner: Int32Array;
  /** Literal defaults of the `variable` blocks in this file, by name. */
  private readonly variableDefaults = new Map<string, Literal>();

  constructor(
    private readonly text: string,
    private readonly tokens: Tokens,
    private readonly lines: LineIndex,
  ) {
    this.partner = matchBrackets(tokens);
  }

  private lineOf(index: number): number {
    return this.lines.lineOf(this.tokens.starts[index]);
  }

  /** A token's text, string or not; undefined past the end. */
  private textOf(index: number): string | undefined {
    return this.tokens.kinds[index] === undefined ? undefined : this.tokens.text(index);
  }

  private literalOf(first: number, end: number): Literal {
    const { tokens } = this;
    // `var.name` takes the variable's default from this file, as a plan without other values would.
    if (end - first === 3 && tokens.kinds[first] === ID && tokens.is(first, 'var') && this.textOf(first + 1) === '.' && tokens.kinds[first + 2] === ID) {
      return this.variableDefaults.get(tokens.text(first + 2)) ?? { kind: 'expr', text: `var.${tokens.text(first + 2)}` };
    }
    if (end - first !== 1) {
      return { kind: 'expr', text: this.text.slice(tokens.starts[first], tokens.ends[end - 1]) };
    }
    const kind = tokens.kinds[first];
    const value = tokens.text(first);
    if (kind === NUM) {
      return { kind: 'num', value: Number(value) };
    }
    if (kind === STR && !tokens.interpolated(first)) {
      return { kind: 'str', value };
    }
    if (kind === ID && (value === 'true' || value === 'false')) {
      return { kind: 'bool', value: value === 'true' };
    }
    if (kind === ID && value === 'null') {
      return { kind: 'none' };
    }
    return { kind: 'expr', text: value };
  }

  /**
   * Arguments and nested blocks of the body between `open` and `close`: the first token of a line,
   * followed by `=` or `{`. Values and nested blocks are skipped whole, so only this level is read.
   */
  private body(open: number, close: number): BodyItem[] {
    const { tokens, partner } = this;
    const items: BodyItem[] = [];
    for (let k = open + 1; k < close; k++) {
      if (tokens.kinds[k] !== ID || this.lineOf(k) === this.lineOf(k - 1)) {
        const p = partner[k];
        if (p > k) {
          k = p;
        }
        continue;
      }
      const isAttribute = this.textOf(k + 1) === '=' && this.textOf(k + 2) !== '=';
      const isBlock = this.textOf(k + 1) === '{' || (tokens.kinds[k + 1] === STR && this.textOf(k + 2) === '{');
      if (!isAttribute && !isBlock) {
        continue;
      }
      const line = this.lineOf(k);
      let valueStart = k + 2;
      let valueEnd = valueStart;
      if (isBlock) {
        const blockOpen = this.textOf(k + 1) === '{' ? k + 1 : k + 2;
        valueStart = blockOpen;
        valueEnd = partner[blockOpen] > 0 ? partner[blockOpen] + 1 : blockOpen + 1;
      } else {
        while (valueEnd < close && (this.lineOf(valueEnd) === line || (partner[valueEnd] < 0 && tokens.kinds[valueEnd] === PUNCT && /[,)\]}]/.test(tokens.text(valueEnd))))) {
          const p = partner[valueEnd];
          valueEnd = p > valueEnd ? p + 1 : valueEnd + 1;
        }
      }
      if (valueEnd <= valueStart) {
        continue;
      }
      const lastLine = this.lines.lineOf(tokens.ends[valueEnd - 1]);
      const name = tokens.text(k);
      const literal = isBlock ? { kind: 'expr' as const, text: this.text.slice(tokens.starts[valueStart], tokens.ends[valueEnd - 1]) } : this.literalOf(valueStart, valueEnd);
      const option: OptionOccurrence = {
        name,
        norm: normalizeName(name),
        key: { start: tokens.starts[k], end: tokens.ends[k] },
        value: { start: tokens.starts[valueStart], end: tokens.ends[valueEnd - 1] },
        literal,
        removal: {
          start: this.lines.lineStart(line),
          end: lastLine + 1 < this.lines.lineCount ? this.lines.lineStart(lastLine + 1) : this.lines.lineEnd(lastLine),
        },
      };
      if (valueEnd - valueStart === 1 && literal.kind !== 'expr' && literal.kind !== 'none') {
        option.literalSpan = { start: tokens.starts[valueStart], end: tokens.ends[valueStart] };
      }
      items.push({ option, first: valueStart, end: valueEnd, block: isBlock });
      k = valueEnd - 1;
    }
    return items;
  }

  private insertion(open: number, options: OptionOccurrence[]): OptionContext['insertion'] {
    const first = options[0];
    const openLine = this.lineOf(open);
    return {
      offset: openLine + 1 < this.lines.lineCount ? this.lines.lineStart(openLine + 1) : this.text.length,
      indent: first ? this.lines.indentation(this.lines.lineOf(first.key.start)) : `${this.lines.indentation(openLine)}  `,
      style: 'hcl',
    };
  }

  private span(index: number): Span {
    return { start: this.tokens.starts[index], end: this.tokens.ends[index] };
  }

  /** The top-level blocks `keyword "label" {` (one label) or `keyword "a" "b" {` (two), in order. */
  private *blocks(): Generator<{ keyword: string; at: number; labels: number; open: number; close: number }> {
    const { tokens, partner } = this;
    for (let i = 0; i + 2 < tokens.length; i++) {
      if (tokens.kinds[i] !== ID || (i > 0 && this.lineOf(i - 1) === this.lineOf(i)) || tokens.kinds[i + 1] !== STR) {
        continue;
      }
      const labels = tokens.kinds[i + 2] === STR ? 2 : 1;
      const open = i + 1 + labels;
      if (this.textOf(open) === '{' && partner[open] > 0) {
        yield { keyword: tokens.text(i), at: i, labels, open, close: partner[open] };
        i = partner[open];
      }
    }
  }

  read(): void {
    for (const block of this.blocks()) {
      if (block.keyword === 'variable' && block.labels === 1) {
        const fallback = this.body(block.open, block.close).find((item) => item.option.name === 'default');
        if (fallback && fallback.option.literal.kind !== 'expr') {
          this.variableDefaults.set(this.tokens.text(block.at + 1), fallback.option.literal);
        }
      }
    }
    for (const block of this.blocks()) {
      if (block.keyword === 'resource' && block.labels === 2) {
        this.resource(block.at, block.open, block.close);
      } else if (block.keyword === 'module' && block.labels === 1) {
        this.module(block.at, block.open, block.close);
      }
    }
  }

  private resource(at: number, open: number, close: number): void {
    const items = this.body(open, close);
    const options = items.map((item) => item.option);
    const type = this.tokens.text(at + 1);
    this.contexts.push({
      kind: 'terraform',
      type,
      options,
      complete: !options.some((option) => option.name === 'dynamic'),
      anchor: this.span(at + 2),
      typeSpan: this.span(at + 1),
      insertion: this.insertion(open, options),
    });
    this.readIngress(type, items);
  }

  /** A registry module read as the resource it creates, with its inputs as that resource's arguments. */
  private module(at: number, open: number, close: number): void {
    const items = this.body(open, close);
    const sourceItem = items.find((item) => item.option.name === 'source');
    const source = sourceItem?.option.literal.kind === 'str' ? registrySource(sourceItem.option.literal.value) : undefined;
    const module = source ? registryModule(source) : undefined;
    if (!module || !sourceItem) {
      return;
    }
    const inputs = items
      .filter((item) => !MODULE_META_ARGUMENTS.has(item.option.name))
      .map((item) => ({ ...item.option, norm: normalizeName(argumentOf(module, item.option.name)) }));
    const secondInputs = new Set(module.second?.inputs ?? []);
    const own = inputs.filter((option) => !secondInputs.has(option.name));
    const defaults = defaultLiterals(module);
    // A module's inputs are all visible in its block, and its defaults say what an absent one means.
    const base = { kind: 'terraform' as const, complete: true, anchor: this.span(at + 1), typeSpan: sourceItem.option.value, defaults };
    this.contexts.push({ ...base, type: module.resourceFor?.(inputs) ?? module.resource, options: own });
    const second = inputs.filter((option) => secondInputs.has(option.name));
    const perInstance = items.find((item) => item.option.name === module.second?.perInstance);
    if (perInstance) {
      second.push(...this.keysWithin(perInstance, secondInputs));
    }
    if (module.second && second.length > 0) {
      this.contexts.push({ ...base, type: module.second.resource, options: second });
    }
  }

  /** `key = literal` pairs anywhere inside a value (objects in a map), for the keys named. */
  private keysWithin(item: BodyItem, names: ReadonlySet<string>): OptionOccurrence[] {
    const { tokens } = this;
    const found: OptionOccurrence[] = [];
    for (let k = item.first; k + 2 < item.end; k++) {
      if (tokens.kinds[k] !== ID || !names.has(tokens.text(k)) || this.textOf(k + 1) !== '=') {
        continue;
      }
      const next = this.textOf(k + 3);
      // Only a single-token value: the next token closes the object, separates, or starts a new line.
      if (next !== undefined && next !== ',' && next !== '}' && this.lineOf(k + 3) === this.lineOf(k + 2)) {
        continue;
      }
      const name = tokens.text(k);
      const literal = this.literalOf(k + 2, k + 3);
      const value = this.span(k + 2);
      const option: OptionOccurrence = { name, norm: normalizeName(name), key: this.span(k), value, literal, removal: { start: tokens.starts[k], end: value.end } };
      if (literal.kind !== 'expr' && literal.kind !== 'none') {
        option.literalSpan = value;
      }
      found.push(option);
      k += 2;
    }
    return found;
  }

  /** String literals of a value (a string or a list of strings), with their spans. */
  private strings(item: BodyItem | undefined): { literal: Literal; span: Span }[] {
    if (!item) {
      return [];
    }
    const result: { literal: Literal; span: Span }[] = [];
    for (let k = item.first; k < item.end; k++) {
      if (this.tokens.kinds[k] === STR && !this.tokens.interpolated(k)) {
        result.push({ literal: { kind: 'str', value: this.tokens.text(k) }, span: this.span(k) });
      }
    }
    return result;
  }

  private ingressFields(items: BodyItem[], names: { protocol: string; sources: string[] }): IngressFields {
    const named = (name: string): BodyItem | undefined => items.find((item) => item.option.name === name && !item.block);
    return {
      protocol: named(names.protocol)?.option.literal,
      fromPort: named('from_port')?.option.literal,
      toPort: named('to_port')?.option.literal,
      sources: names.sources.flatMap((name) => this.strings(named(name))),
    };
  }

  private readIngress(type: string, items: BodyItem[]): void {
    const found: (IngressRule | undefined)[] = [];
    const classic = { protocol: 'protocol', sources: ['cidr_blocks', 'ipv6_cidr_blocks'] };
    if (type === 'aws_security_group') {
      for (const item of items) {
        if (item.block && item.option.name === 'ingress') {
          found.push(openIngress('terraform', this.ingressFields(this.body(item.first, item.end - 1), classic)));
        }
      }
    } else if (type === 'aws_security_group_rule') {
      const direction = items.find((item) => item.option.name === 'type')?.option.literal;
      if (direction?.kind === 'str' && direction.value === 'ingress') {
        found.push(openIngress('terraform', this.ingressFields(items, classic)));
      }
    } else if (type === 'aws_vpc_security_group_ingress_rule') {
      found.push(openIngress('terraform', this.ingressFields(items, { protocol: 'ip_protocol', sources: ['cidr_ipv4', 'cidr_ipv6'] })));
    }
    for (const rule of found) {
      if (rule) {
        this.ingress.push(rule);
      }
    }
  }
}

export function readTerraform(text: string, lines: LineIndex): DocumentModel {
  const { tokens, comments } = lex(text, 'hcl');
  const reader = new TerraformReader(text, tokens, lines);
  reader.read();
  const suppressions = comments.flatMap((comment) => {
    const ids = parseSuppression(comment.text);
    return ids ? [{ line: lines.lineOf(comment.end) + 1, ruleIds: ids }] : [];
  });
  return { operations: [], redisCalls: [], scopes: NO_SCOPES, contexts: reader.contexts, commentPrefix: '#', suppressions, ingress: reader.ingress };
}
