/**
 * CDK source (TypeScript, JavaScript, Python) read as far as the workspace model needs: which names the
 * imports bind to which CDK modules, the scopes that names live in, and expressions as values
 * (literals, object literals and keyword arguments, lists, dotted names, one call). Built on the shared
 * lexer's tokens; one pass each, so linear in the text.
 */
import { EMPTY_EXPR, IacNode } from '../iac/tree';
import { Family, lex, matchBrackets, TOKEN_KIND, Tokens } from '../lexer';
import { LineIndex } from '../text';
import { normalizeName, Span } from '../types';

const { ID, STR, NUM } = TOKEN_KIND;

/** How deep values and scopes are followed; deeper nesting reads as `other` (bounds the work and the stack). */
const MAX_DEPTH = 64;

export type CdkValue =
  | { kind: 'string'; value: string; span: Span }
  | { kind: 'number'; value: number; span: Span }
  | { kind: 'bool'; value: boolean; span: Span }
  /**
   * An object literal or a Python dict; `open` when a spread or computed key may add keys. `spreads`: what each
   * `...value` spreads, after how many of the entries it is written.
   */
  | { kind: 'object'; entries: CdkEntry[]; open: boolean; spreads?: { value: CdkValue; after: number }[]; span: Span }
  | { kind: 'list'; items: CdkValue[]; span: Span }
  /** A dotted name as written (`table.tableName`, `this.table`, `dynamodb.AttributeType.STRING`), at token `at`. */
  | { kind: 'path'; names: string[]; at: number; span: Span }
  /** `a.b.c(...)` or `new a.B(...)`: the callee as written, positional and keyword arguments. */
  | { kind: 'call'; callee: string[]; args: CdkValue[]; keywords: CdkEntry[]; at: number; span: Span }
  /**
   * A template literal whose substitutions are dotted names (`` `src/${props.entry}.ts` ``), or a concatenation of
   * string literals and dotted names (`'../backend/' + file`): its text parts and those names, in order.
   */
  | { kind: 'template'; parts: CdkValue[]; span: Span }
  | { kind: 'other'; span: Span };

/** `${...}` in a template literal, without nested braces. */
const TEMPLATE_SUBSTITUTION = /\$\{([^{}]*)\}/g;

export interface CdkEntry {
  name: string;
  value: CdkValue;
}

/** A scope that names are declared in: a brace pair (JavaScript) or an indented `def` / `class` body (Python). */
interface Scope {
  start: number;
  end: number;
  parent: number;
  isClass: boolean;
  /** The `class` or `interface` keyword whose body this scope is. */
  declaredBy?: number;
}

/**
 * A property by name, whatever its spelling (`partitionKey`, `partition_key`), of an object literal or
 * of a call's keyword arguments (Python passes structs as `dynamodb.Attribute(name=…, type=…)`).
 */
export function entry(value: CdkValue | undefined, name: string): CdkValue | undefined {
  const entries = value?.kind === 'object' ? value.entries : value?.kind === 'call' ? value.keywords : undefined;
  const wanted = normalizeName(name);
  return entries?.find((candidate) => normalizeName(candidate.name) === wanted)?.value;
}

/** The last names of a dotted value (`dynamodb.AttributeType.STRING` → `AttributeType.STRING` for `count` 2). */
export function lastNames(value: CdkValue | undefined, count: number): string | undefined {
  const names = value?.kind === 'path' ? value.names : value?.kind === 'call' ? value.callee : undefined;
  return names && names.length >= count ? names.slice(-count).join('.') : undefined;
}

/** The CDK module a JS import or Python module names, as `aws_dynamodb`; `core` for the library itself, `sst` for SST v2's constructs. */
function moduleName(written: string): string | undefined {
  if (written === 'aws-cdk-lib' || written === 'aws_cdk') {
    return 'core';
  }
  if (written === 'sst/constructs') {
    return 'sst';
  }
  // Also the files TypeScript resolves (`aws-cdk-lib/lib/aws-rds`, `aws-cdk-lib/aws-dynamodb/lib/table`), as `cdkModule` reads them.
  const cdk = /^(?:aws-cdk-lib\/(?:lib\/)?|@aws-cdk\/|aws_cdk\.)(aws[-_][a-z0-9_-]+)(?:\/lib\/[a-z0-9-]+)?$/.exec(written);
  if (cdk) {
    return cdk[1].replace(/-/g, '_');
  }
  if (written === 'path' || written === 'node:path') {
    return 'path';
  }
  return written === 'os' || written === 'os.path' ? written : undefined;
}

export class CdkSource {
  readonly tokens: Tokens;
  readonly partner: Int32Array;
  readonly python: boolean;
  /** Local names bound by imports, to a module and the members below it. */
  private readonly imports = new Map<string, string[]>();
  /**
   * Local names imported from modules that may be files of the workspace (relative JavaScript modules, any
   * Python module not the CDK's): the module as written, and the name read from it (`''`: the module itself).
   */
  readonly projectImports = new Map<string, { module: string; name: string }>();
  /** JavaScript: local names imported from other modules that are not relative (a package, or a `tsconfig` path alias such as `~/lib/x`). */
  readonly packageImports = new Map<string, { module: string; name: string }>();
  private readonly scopes: Scope[] = [];
  /** Innermost scope of each token. */
  private readonly scopeOfToken: Int32Array;
  /** Python: 1 for tokens inside brackets, where a line break does not end the statement. */
  private readonly bracketed: Uint8Array;

  constructor(
    readonly text: string,
    family: Family,
    private readonly lines: LineIndex,
  ) {
    this.tokens = lex(text, family).tokens;
    this.partner = matchBrackets(this.tokens);
    this.python = family === 'python';
    this.scopeOfToken = new Int32Array(this.tokens.length);
    this.bracketed = new Uint8Array(this.python ? this.tokens.length : 0);
    this.scopes.push({ start: 0, end: this.tokens.length, parent: -1, isClass: false });
    if (this.python) {
      this.pythonScopes();
      this.pythonImports();
    } else {
      this.braceScopes();
      this.jsImports();
    }
  }

  is(index: number, text: string): boolean {
    return this.tokens.is(index, text);
  }

  /** The names of a dotted name written from `start` (`rds.DatabaseInstance`, `cdk.aws_rds.DatabaseInstance`), and the token after it. */
  dottedNames(start: number): { names: string[]; next: number } {
    const names: string[] = [];
    let k = start;
    while (this.tokens.kinds[k] === ID) {
      names.push(this.tokens.text(k));
      if (!(this.is(k + 1, '.') && this.tokens.kinds[k + 2] === ID)) {
        k++;
        break;
      }
      k += 2;
    }
    return { names, next: k };
  }

  span(first: number, last: number): Span {
    return { start: this.tokens.starts[first], end: this.tokens.ends[last] };
  }

  private lineOf(index: number): number {
    return this.lines.lineOf(this.tokens.starts[index]);
  }

  /** Whether token `index` starts a statement: the first token of its line outside brackets, or after `;`, `{` or `}` (JavaScript). */
  startsStatement(index: number): boolean {
    if (index === 0 || this.lineOf(index - 1) !== this.lineOf(index)) {
      return !this.python || this.bracketed[index] === 0;
    }
    return !this.python && (this.is(index - 1, ';') || this.is(index - 1, '{') || this.is(index - 1, '}'));
  }

  private braceScopes(): void {
    const { tokens, partner } = this;
    const open: number[] = [0];
    for (let i = 0; i < tokens.length; i++) {
      while (open.length > 1 && this.scopes[open[open.length - 1]].end < i) {
        open.pop();
      }
      if (this.is(i, '{') && partner[i] > i) {
        // `class Name extends Base {`: a class body, where `this.x` is shared by the methods.
        let k = i - 1;
        while (k >= 0 && i - k < 16 && !this.is(k, 'class') && !this.is(k, 'interface') && !this.is(k, ';') && !this.is(k, '{') && !this.is(k, '}') && !this.is(k, '(')) {
          k--;
        }
        const isClass = k >= 0 && this.is(k, 'class');
        const declaring = isClass || (k >= 0 && this.is(k, 'interface'));
        this.scopes.push({ start: i, end: partner[i], parent: open[open.length - 1], isClass, ...(declaring ? { declaredBy: k } : {}) });
        open.push(this.scopes.length - 1);
      }
      this.scopeOfToken[i] = open[open.length - 1];
    }
  }

  /** Python: a `def` or `class` body runs until the first later line indented no deeper than the header. */
  private pythonScopes(): void {
    const { tokens } = this;
    const open: { scope: number; indent: number }[] = [{ scope: 0, indent: -1 }];
    let depth = 0;
    for (let i = 0; i < tokens.length; i++) {
      const first = i === 0 || this.lineOf(i - 1) !== this.lineOf(i);
      if (first && depth === 0) {
        const indent = tokens.starts[i] - this.lines.lineStart(this.lineOf(i));
        while (open.length > 1 && open[open.length - 1].indent >= indent) {
          this.scopes[open[open.length - 1].scope].end = i;
          open.pop();
        }
        if ((this.is(i, 'def') || this.is(i, 'class') || (this.is(i, 'async') && this.is(i + 1, 'def'))) && tokens.kinds[i + 1] === ID) {
          const isClass = this.is(i, 'class');
          this.scopes.push({ start: i, end: tokens.length, parent: open[open.length - 1].scope, isClass, ...(isClass ? { declaredBy: i } : {}) });
          open.push({ scope: this.scopes.length - 1, indent });
        }
      }
      this.bracketed[i] = depth > 0 ? 1 : 0;
      if (this.is(i, '(') || this.is(i, '[') || this.is(i, '{')) {
        depth++;
      } else if (depth > 0 && (this.is(i, ')') || this.is(i, ']') || this.is(i, '}'))) {
        depth--;
      }
      this.scopeOfToken[i] = open[open.length - 1].scope;
    }
  }

  /** `written`: the module as the import writes it, kept as a project import when it is no CDK module. */
  private bindImport(local: string, module: string | undefined, members: string[], written: string): void {
    if (module) {
      this.imports.set(local, [module, ...members]);
    } else if (this.python || /^\.\.?(?:\/|$)/.test(written)) {
      this.projectImports.set(local, { module: written, name: members[0] ?? '' });
    } else if (written !== '') {
      this.packageImports.set(local, { module: written, name: members[0] ?? '' });
    }
  }

  /** `import * as x from 'm'`, `import { a as b } from 'm'`, `import x = require('m')`, `const { a } = require('m')`. */
  private jsImports(): void {
    const { tokens, partner } = this;
    const written = (at: number): string => (tokens.kinds[at] === STR ? tokens.text(at) : '');
    for (let i = 0; i < tokens.length; i++) {
      if (this.is(i, 'import') && this.startsStatement(i)) {
        if (this.is(i + 1, '*') && this.is(i + 2, 'as') && this.is(i + 4, 'from')) {
          this.bindImport(tokens.text(i + 3), moduleName(written(i + 5)), [], written(i + 5));
        } else if (tokens.kinds[i + 1] === ID && this.is(i + 2, '=') && this.is(i + 3, 'require')) {
          this.bindImport(tokens.text(i + 1), moduleName(written(i + 5)), [], written(i + 5));
        } else if (this.is(i + 1, '{') && partner[i + 1] > i && this.is(partner[i + 1] + 1, 'from')) {
          this.namedImports(i + 1, written(partner[i + 1] + 2));
        } else if (tokens.kinds[i + 1] === ID && this.is(i + 2, 'from') && moduleName(written(i + 3))) {
          // `import path from 'path'` (with esModuleInterop): the module itself; a project module's default export is not read here.
          this.bindImport(tokens.text(i + 1), moduleName(written(i + 3)), [], written(i + 3));
        }
      } else if (this.is(i, 'require') && this.is(i + 1, '(') && this.is(i - 1, '=')) {
        if (tokens.kinds[i - 2] === ID && !this.is(i - 2, 'const')) {
          this.bindImport(tokens.text(i - 2), moduleName(written(i + 2)), [], written(i + 2));
        } else if (this.is(i - 2, '}') && partner[i - 2] >= 0) {
          this.namedImports(partner[i - 2], written(i + 2));
        }
      }
    }
  }

  /** `{ a, b as c, d: e }` between `open` and its partner. */
  private namedImports(open: number, written: string): void {
    const module = moduleName(written);
    const close = this.partner[open];
    for (let k = open + 1; k < close; k++) {
      if (this.tokens.kinds[k] !== ID || this.is(k, 'type')) {
        continue;
      }
      const renamed = this.is(k + 1, 'as') || this.is(k + 1, ':');
      this.bindImport(renamed ? this.tokens.text(k + 2) : this.tokens.text(k), module, [this.tokens.text(k)], written);
      if (renamed) {
        k += 2;
      }
    }
  }

  /** `import a.b as c`, `import a.b`, `from a.b import c as d, e` (also in parentheses), `from .a import b`. */
  private pythonImports(): void {
    const { tokens } = this;
    // A module path, with the dots of a relative import (`.`, `..models`) as written.
    const dotted = (from: number): { name: string; next: number } => {
      let k = from;
      let name = '';
      while (/^\.+$/.test(tokens.text(k))) {
        name += tokens.text(k++);
      }
      if (tokens.kinds[k] !== ID) {
        return { name, next: k };
      }
      name += tokens.text(k);
      while (this.is(k + 1, '.') && tokens.kinds[k + 2] === ID) {
        name += `.${tokens.text(k + 2)}`;
        k += 2;
      }
      return { name, next: k + 1 };
    };
    for (let i = 0; i < tokens.length; i++) {
      if (!this.startsStatement(i) || i + 1 >= tokens.length) {
        continue;
      }
      if (this.is(i, 'import') && tokens.kinds[i + 1] === ID) {
        const { name, next } = dotted(i + 1);
        if (this.is(next, 'as')) {
          this.bindImport(tokens.text(next + 1), moduleName(name), [], name);
        } else {
          // `import aws_cdk.aws_dynamodb` binds `aws_cdk`; the dotted path resolves through it.
          const first = name.split('.')[0];
          this.bindImport(first, moduleName(first), [], first);
        }
      } else if (this.is(i, 'from')) {
        const { name, next } = dotted(i + 1);
        if (name === '' || !this.is(next, 'import')) {
          continue;
        }
        const module = moduleName(name);
        const line = this.lineOf(next);
        const close = this.is(next + 1, '(') ? this.partner[next + 1] : -1;
        for (let k = next + 1; k < tokens.length && (close > 0 ? k < close : this.lineOf(k) === line); k++) {
          if (tokens.kinds[k] !== ID) {
            continue;
          }
          const renamed = this.is(k + 1, 'as');
          this.bindImport(renamed ? tokens.text(k + 2) : tokens.text(k), module, [tokens.text(k)], name);
          if (renamed) {
            k += 2;
          }
        }
      }
    }
  }

  /** A dotted name through the imports, as `aws_dynamodb.Table` or `path.join`; undefined when its first name is not imported. */
  qualified(names: readonly string[]): string | undefined {
    const bound = this.imports.get(names[0]);
    if (!bound) {
      return undefined;
    }
    const full = [...bound, ...names.slice(1)];
    // `cdk.aws_dynamodb.Table` and `from aws_cdk import aws_dynamodb`: the service module is the first member.
    if (full[0] === 'core' && full[1]?.startsWith('aws_')) {
      full.shift();
    }
    if (full[0] === 'os' && full[1] === 'path') {
      full.splice(0, 2, 'os.path');
    }
    return full.join('.');
  }

  /**
   * The innermost scope that holds token `index`, and the scopes around it, innermost first, at most
   * MAX_DEPTH of them: a name bound further out in pathologically nested code is not found.
   */
  scopeChain(index: number): number[] {
    const chain: number[] = [];
    for (let scope = this.scopeOfToken[index] ?? 0; scope >= 0 && chain.length < MAX_DEPTH; scope = this.scopes[scope].parent) {
      chain.push(scope);
    }
    return chain;
  }

  /**
   * The module-level `class` and `interface` declarations: the keyword's token, and the body's first token
   * (its `{`; in Python the `class` keyword, which opens the body's scope).
   */
  moduleDeclarations(): { keyword: number; body: number }[] {
    return this.scopes.filter((scope) => scope.parent === 0 && scope.declaredBy !== undefined).map((scope) => ({ keyword: scope.declaredBy!, body: scope.start }));
  }

  /** The first token of a scope: its `{` (JavaScript), its `def` or `class` (Python), 0 for the file. */
  scopeOpen(scope: number): number {
    return this.scopes[scope]?.start ?? 0;
  }

  /** Where the innermost scope that holds token `index` ends: its closing brace, or the token after a Python body. */
  scopeEnd(index: number): number {
    return this.scopes[this.scopeOfToken[index] ?? 0].end;
  }

  /** The class body around token `index` (for `this.x` and `self.x`), or the file. */
  classScope(index: number): number {
    return this.scopeChain(index).find((scope) => this.scopes[scope].isClass) ?? 0;
  }

  /**
   * Where the expression that starts at `start` ends, before `limit`: at a top-level `,` or `;`, or, for
   * a `statement` (not inside brackets), where its line ends the statement.
   */
  expressionEnd(start: number, limit: number, statement = false): number {
    let k = start;
    let previous = start;
    while (k < limit) {
      if (k > start && (this.is(k, ',') || this.is(k, ';') || (statement && this.statementBreak(previous, k)))) {
        break;
      }
      const p = this.partner[k];
      previous = p > k && p < limit ? p : k;
      k = previous + 1;
    }
    return k;
  }

  /**
   * A line break between two tokens that ends a statement: always in Python, and in JavaScript when
   * the line ends a value and the next starts one (code without semicolons).
   */
  private statementBreak(previous: number, next: number): boolean {
    if (this.lines.lineOf(this.tokens.ends[previous]) === this.lineOf(next) || this.is(next, '.') || this.is(next, '?.')) {
      return false;
    }
    if (this.python) {
      return true;
    }
    const endsValue = this.tokens.kinds[previous] !== TOKEN_KIND.PUNCT || this.is(previous, ')') || this.is(previous, ']') || this.is(previous, '}');
    const startsValue = this.tokens.kinds[next] !== TOKEN_KIND.PUNCT || this.is(next, '[') || this.is(next, '{');
    return endsValue && startsValue;
  }

  /** The value of tokens [start, end). */
  value(start: number, end: number, depth = 0): CdkValue {
    const { tokens, partner } = this;
    if (end <= start || depth > MAX_DEPTH) {
      const at = start > 0 ? tokens.ends[start - 1] : 0;
      return { kind: 'other', span: { start: at, end: at } };
    }
    const span = this.span(start, end - 1);
    const kind = tokens.kinds[start];
    if (end - start === 1) {
      if (kind === STR) {
        return tokens.interpolated(start) ? this.template(start, span) : { kind: 'string', value: tokens.text(start), span };
      }
      if (kind === NUM) {
        const value = Number(tokens.text(start).replace(/_/g, ''));
        return Number.isFinite(value) ? { kind: 'number', value, span } : { kind: 'other', span };
      }
      const word = kind === ID ? tokens.text(start) : '';
      if (word === 'true' || word === 'false' || word === 'True' || word === 'False') {
        return { kind: 'bool', value: word === 'true' || word === 'True', span };
      }
    }
    if (partner[start] === end - 1 && this.is(start, '{')) {
      return this.objectLiteral(start, end - 1, span, depth);
    }
    if (partner[start] === end - 1 && this.is(start, '[')) {
      return { kind: 'list', items: this.arguments(start, end - 1, depth).args, span };
    }
    const concatenated = this.concatenation(start, end, span, depth);
    if (concatenated) {
      return concatenated;
    }
    let k = start;
    const constructed = !this.python && this.is(k, 'new');
    if (constructed) {
      k++;
    }
    const names: string[] = [];
    while (k < end && tokens.kinds[k] === ID) {
      names.push(tokens.text(k));
      if (!this.is(k + 1, '.')) {
        k++;
        break;
      }
      k += 2;
    }
    if (names.length === 0) {
      return { kind: 'other', span };
    }
    if (k === end && !constructed) {
      return { kind: 'path', names, at: start, span };
    }
    if (this.is(k, '(') && partner[k] === end - 1) {
      const { args, keywords } = this.arguments(k, end - 1, depth);
      return { kind: 'call', callee: names, args, keywords, at: start, span };
    }
    return { kind: 'other', span };
  }

  /**
   * `'../backend/' + file`: operands joined by top-level `+`, each a string literal, a template or a dotted name,
   * one at least a string, as a template; undefined for anything else.
   */
  private concatenation(start: number, end: number, span: Span, depth: number): CdkValue | undefined {
    const operands: number[] = [start];
    for (let k = start; k < end; k = this.partner[k] > k ? this.partner[k] + 1 : k + 1) {
      if (this.is(k, '+')) {
        operands.push(k + 1);
      }
    }
    if (operands.length < 2) {
      return undefined;
    }
    const parts: CdkValue[] = [];
    for (let i = 0; i < operands.length; i++) {
      const last = i + 1 < operands.length ? operands[i + 1] - 1 : end;
      const part = this.value(operands[i], last, depth + 1);
      if (part.kind === 'template') {
        parts.push(...part.parts);
      } else if (part.kind === 'string' || (part.kind === 'path' && !this.is(operands[i], 'new'))) {
        parts.push(part);
      } else {
        return undefined;
      }
    }
    return parts.some((part) => part.kind === 'string') ? { kind: 'template', parts, span } : undefined;
  }

  /** A JavaScript template literal at token `at` whose every substitution is a dotted name; anything else is unread. */
  private template(at: number, span: Span): CdkValue {
    const text = this.tokens.text(at);
    if (this.python || !this.tokens.source.startsWith('`', this.tokens.starts[at])) {
      return { kind: 'other', span };
    }
    const parts: CdkValue[] = [];
    let last = 0;
    for (const match of text.matchAll(TEMPLATE_SUBSTITUTION)) {
      const names = /^\s*([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*$/.exec(match[1]);
      if (!names) {
        return { kind: 'other', span };
      }
      parts.push({ kind: 'string', value: text.slice(last, match.index), span }, { kind: 'path', names: names[1].split('.'), at, span });
      last = match.index + match[0].length;
    }
    parts.push({ kind: 'string', value: text.slice(last), span });
    return { kind: 'template', parts, span };
  }

  /** Positional and keyword arguments (or list items) between brackets `open` and `close`. */
  arguments(open: number, close: number, depth = 0): { args: CdkValue[]; keywords: CdkEntry[] } {
    const args: CdkValue[] = [];
    const keywords: CdkEntry[] = [];
    let k = open + 1;
    while (k < close) {
      if (this.is(k, ',')) {
        k++;
        continue;
      }
      const end = this.expressionEnd(k, close);
      if (this.python && this.tokens.kinds[k] === ID && this.is(k + 1, '=')) {
        keywords.push({ name: this.tokens.text(k), value: this.value(k + 2, end, depth + 1) });
      } else {
        args.push(this.value(k, end, depth + 1));
      }
      k = end;
    }
    return { args, keywords };
  }

  /** `{ key: value, 'key': value, shorthand, ...spread }` in JavaScript; `{"key": value}` in Python. */
  private objectLiteral(open: number, close: number, span: Span, depth: number): CdkValue {
    const { tokens } = this;
    const entries: CdkEntry[] = [];
    const spreads: { value: CdkValue; after: number }[] = [];
    let isOpen = false;
    let k = open + 1;
    while (k < close) {
      if (this.is(k, ',')) {
        k++;
        continue;
      }
      const end = this.expressionEnd(k, close);
      const keyed = (tokens.kinds[k] === ID || (tokens.kinds[k] === STR && !tokens.interpolated(k))) && this.is(k + 1, ':');
      if (keyed) {
        entries.push({ name: tokens.text(k), value: this.value(k + 2, end, depth + 1) });
      } else if (!this.python && tokens.kinds[k] === ID && end === k + 1) {
        entries.push({ name: tokens.text(k), value: { kind: 'path', names: [tokens.text(k)], at: k, span: this.span(k, k) } });
      } else {
        // A spread, a computed key or a method: keys this reader cannot see.
        isOpen = true;
        // The lexer gives `...` as three dots.
        if (!this.python && this.is(k, '.') && this.is(k + 1, '.') && this.is(k + 2, '.')) {
          spreads.push({ value: this.value(k + 3, end, depth + 1), after: entries.length });
        }
      }
      k = end;
    }
    return spreads.length > 0 ? { kind: 'object', entries, open: isOpen, spreads, span } : { kind: 'object', entries, open: isOpen, span };
  }
}

/** `keySchema`, `key_schema` → `KeySchema`: an L1 prop's name as CloudFormation spells it. */
function cloudFormationName(name: string): string {
  return name
    .split('_')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/** A CDK value as a template node: objects, keyword calls (Python's `CfnTable.KeySchemaProperty(...)`), lists and literals; anything else unknown. */
export function asTemplateNode(value: CdkValue): IacNode {
  const { span } = value;
  switch (value.kind) {
    case 'object':
    case 'call': {
      const entries = value.kind === 'object' ? value.entries : value.keywords;
      return { kind: 'map', span, entries: entries.map((entry) => ({ key: cloudFormationName(entry.name), keySpan: entry.value.span, value: asTemplateNode(entry.value), removal: entry.value.span })) };
    }
    case 'list':
      return { kind: 'list', span, items: value.items.map(asTemplateNode) };
    case 'string':
      return { kind: 'scalar', span, literal: { kind: 'str', value: value.value }, replaceable: false };
    case 'number':
      return { kind: 'scalar', span, literal: { kind: 'num', value: value.value }, replaceable: false };
    case 'bool':
      return { kind: 'scalar', span, literal: { kind: 'bool', value: value.value }, replaceable: false };
    default:
      return { kind: 'scalar', span, literal: EMPTY_EXPR, replaceable: false };
  }
}
