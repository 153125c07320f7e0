/**
 * Finds AWS SDK calls, request objects, CDK constructs and Redis client calls in application code
 * (JavaScript/TypeScript, Python, Java, Go, C#). A call counts only when its receiver or class is
 * tied to an AWS SDK or Redis client by an import, a constructor or a declared type, so an unrelated
 * `scan` (Java Scanner, an S3 or SQL helper, a wrapper method's definition) stays silent.
 */
import { budgetCheck } from './budget';
import { Comment, Family, lex, matchBrackets, TOKEN_KIND, Tokens } from './lexer';
import {
  DocumentModel,
  Literal,
  OperationOccurrence,
  OptionContext,
  OptionOccurrence,
  PaginationFixShape,
  parseSuppression,
  RedisCall,
  RedisFlavor,
  ScopeInfo,
} from './model';
import {
  BOTO3_SERVICES,
  cdkModule,
  ClientKind,
  JS_FACTORIES,
  JS_MODULES,
  JS_REDIS_FACTORIES,
  operationOfMethod,
  operationOfPaginator,
  operationOfTypeName,
  PYTHON_REDIS_FACTORIES,
  REDIS_COMMANDS,
  REDIS_SENDERS,
  SERVICE_OF_KIND,
  serviceOfGoImport,
  serviceOfNamespace,
  TYPED_CLIENTS,
} from './services';
import { LineIndex } from './text';
import { normalizeName, Span } from './types';

// Module constants rather than imported bindings: run unbundled (tsx), an import is read through the
// module object on every use, and these are read for every token.
const { ID, STR, NUM, PUNCT } = TOKEN_KIND;

export type CodeLanguage = 'javascript' | 'typescript' | 'python' | 'java' | 'go' | 'csharp';

const FAMILY: Record<CodeLanguage, Family> = {
  javascript: 'js',
  typescript: 'js',
  python: 'python',
  java: 'java',
  go: 'go',
  csharp: 'csharp',
};

/** Keys whose values are user data (items, keys, placeholders), never request options. */
const DATA_KEYS = new Set(['item', 'key', 'keys', 'expressionattributevalues', 'expressionattributenames', 'exclusivestartkey', 'tags']);
const CONTROL_KEYWORDS = new Set(['if', 'for', 'while', 'switch', 'catch', 'with', 'foreach', 'using', 'lock', 'synchronized', 'return', 'else', 'try', 'do', 'finally', 'select']);
const JS_REDIS_TYPES = new Set(['Redis', 'Cluster', 'RedisClientType', 'RedisClusterType']);
const MYPY_TYPES: Record<string, ClientKind> = { Table: 'dynamodb-table', DynamoDBClient: 'dynamodb', DynamoDBServiceResource: 'dynamodb-resource' };
/** Punctuation that can sit between a variable and its `=` (`a.b =`, `x: Map<K, V> =`, `y?: T | U =`). */
const ASSIGNMENT_TARGET_PUNCT = ['.', '<', '>', '[', ']', ',', '|', '?', '&'];
/** Keywords before an expression's base: `await x`, `new X(...)`, `yield x`. */
const CHAIN_PREFIXES = ['await', 'new', 'yield'];
/** Keywords before a name that is defined rather than called. */
const DEFINITION_KEYWORDS = ['def', 'function', 'new', 'class'];
/** Punctuation that ends a search back from `{` for the `)` of a function signature. */
const STATEMENT_PUNCT = [';', '{', '}', '(', ',', '='];
const COLON = 58;
const EQUALS = 61;
/**
 * Three letters that every scope marker (`LastEvaluatedKey`, `exclusive_start_key`, `paginate`,
 * `UnprocessedItems`) holds in some case; the Kelvin sign is the one other character whose lower case is `k`.
 */
const MARKER_TRIGRAMS = /[kK\u212a][eE][yY]|[pP][aA][gG]|[uU][nN][pP]/g;
const WHITESPACE_RUN = /\s*/y;
const V2_CLIENT_DEFAULTS: Record<string, string> = { dynamodb: 'DynamoDB', rds: 'RDS', elasticache: 'ElastiCache' };

type Value =
  | { t: 'client'; kind: ClientKind; flavor?: RedisFlavor }
  | { t: 'ref'; module: string; path: string }
  | { t: 'boto3' }
  | { t: 'type'; kind: ClientKind }
  | { t: 'gopkg'; service: string };

interface Binding {
  offset: number;
  value: Value;
}

interface ImportInfo {
  module: string;
  path: string;
}

/** Where `import { A, B } from 'm'` can take one more name. */
interface NamedImportSite {
  module: string;
  names: Set<string>;
  closeBrace: number;
}

class CodeAnalyzer {
  readonly tokens: Tokens;
  readonly comments: Comment[];
  readonly partner: Int32Array;
  readonly parent: Int32Array;
  readonly family: Family;
  readonly imports = new Map<string, ImportInfo>();
  readonly namedImports: NamedImportSite[] = [];
  /** Services (and 'redis', 'dynamodb-document', 'boto3', 'rds-auth') this file imports. */
  readonly services = new Set<string>();
  readonly goPackages = new Map<string, string>();
  readonly bindings = new Map<string, Binding[]>();
  readonly operations: OperationOccurrence[] = [];
  readonly contexts: OptionContext[] = [];
  readonly redisCalls: RedisCall[] = [];
  private readonly contextByOpen = new Map<number, OptionContext>();

  constructor(
    readonly text: string,
    readonly language: CodeLanguage,
    readonly lines: LineIndex,
  ) {
    this.family = FAMILY[language];
    const lexed = lex(text, this.family);
    this.tokens = lexed.tokens;
    this.comments = lexed.comments;
    this.partner = matchBrackets(this.tokens);
    this.parent = new Int32Array(this.tokens.length).fill(-1);
    const stack: number[] = [];
    for (let i = 0; i < this.tokens.length; i++) {
      this.parent[i] = stack.length > 0 ? stack[stack.length - 1] : -1;
      const partner = this.partner[i];
      if (partner > i) {
        stack.push(i);
      } else if (partner >= 0 && partner < i) {
        while (stack.length > 0 && stack[stack.length - 1] >= partner) {
          stack.pop();
        }
        this.parent[i] = stack.length > 0 ? stack[stack.length - 1] : -1;
      }
    }
  }

  // ----- token helpers -------------------------------------------------------------------------

  is(index: number, text: string): boolean {
    return this.tokens.is(index, text);
  }

  id(index: number): string | undefined {
    return this.tokens.kinds[index] === ID ? this.tokens.text(index) : undefined;
  }

  isId(index: number): boolean {
    return this.tokens.kinds[index] === ID;
  }

  /** Whether a token is the identifier `word`, without slicing its text. */
  idIs(index: number, word: string): boolean {
    return this.tokens.kinds[index] === ID && this.tokens.is(index, word);
  }

  span(from: number, to: number): Span {
    return { start: this.tokens.starts[from], end: this.tokens.ends[to] };
  }

  tokenSpan(index: number): Span {
    return { start: this.tokens.starts[index], end: this.tokens.ends[index] };
  }

  isAccess(index: number): boolean {
    return this.is(index, '.') || this.is(index, '?.') || (this.family === 'csharp' && this.is(index, '?'));
  }

  // ----- imports -------------------------------------------------------------------------------

  collectImports(): void {
    const tokens = this.tokens;
    for (let i = 0; i < tokens.length; i++) {
      if (!this.isId(i) || (i > 0 && this.isAccess(i - 1))) {
        continue;
      }
      if (this.family === 'js') {
        if (this.idIs(i, 'import') && !this.is(i + 1, '(')) {
          this.jsImport(i);
        } else if (this.idIs(i, 'require') && this.is(i + 1, '(') && tokens.kinds[i + 2] === STR) {
          this.jsRequire(i);
        }
      } else if (this.family === 'python' && (this.idIs(i, 'import') || this.idIs(i, 'from')) && this.startsLine(i)) {
        this.pythonImport(i);
      } else if (this.family === 'java' && this.idIs(i, 'import')) {
        const path = this.dottedPath(i + 1);
        if (path.text) {
          const service = serviceOfNamespace(path.text);
          if (service) {
            this.services.add(service);
          }
        }
      } else if (this.family === 'csharp' && this.idIs(i, 'using') && this.id(i + 1)) {
        const path = this.dottedPath(i + 1);
        const service = serviceOfNamespace(path.text);
        if (service) {
          this.services.add(service);
        }
        if (path.text === 'Amazon.RDS.Util') {
          this.services.add('rds-auth');
        }
      } else if (this.family === 'go' && this.idIs(i, 'import')) {
        this.goImport(i);
      }
    }
  }

  private dottedPath(from: number): { text: string; end: number } {
    let j = from;
    let text = '';
    while (this.id(j) || this.is(j, '*')) {
      text += this.tokens.text(j);
      if (!this.is(j + 1, '.')) {
        j++;
        break;
      }
      text += '.';
      j += 2;
    }
    return { text, end: j };
  }

  private startsLine(index: number): boolean {
    if (index === 0) {
      return true;
    }
    return this.lines.lineOf(this.tokens.ends[index - 1]) !== this.lines.lineOf(this.tokens.starts[index]);
  }

  private addImport(local: string, module: string, path: string): void {
    this.imports.set(local, { module, path });
    this.noteModule(module);
  }

  private noteModule(module: string): void {
    for (const service of JS_MODULES[module] ?? []) {
      this.services.add(service);
    }
    if (/^(?:boto3|aioboto3)(?:\.|$)/.test(module)) {
      this.services.add('boto3');
    }
    if (/^redis(?:\.|$)/.test(module) && this.family === 'python') {
      this.services.add('redis');
    }
  }

  /** Default exports that stand for a class, so `new DynamoDB.DocumentClient()` resolves. */
  private defaultPath(module: string): string {
    const v2 = /^aws-sdk\/clients\/(dynamodb|rds|elasticache)$/.exec(module);
    if (v2) {
      return V2_CLIENT_DEFAULTS[v2[1]];
    }
    return module === 'ioredis' ? 'Redis' : '';
  }

  private jsImport(start: number): void {
    let j = start + 1;
    const limit = Math.min(this.tokens.length, start + 200);
    const specifiers: { local: string; path: string }[] = [];
    let named: { open: number; close: number } | undefined;
    while (j < limit && this.tokens.kinds[j] !== STR && !this.is(j, ';')) {
      if (this.is(j, '{')) {
        const close = this.partner[j];
        if (close < 0) {
          return;
        }
        named = { open: j, close };
        for (let k = j + 1; k < close; k++) {
          const name = this.id(k);
          if (!name || name === 'type') {
            continue;
          }
          if (this.id(k + 1) === 'as' && this.id(k + 2)) {
            specifiers.push({ local: this.id(k + 2)!, path: name });
            k += 2;
          } else if (this.is(k + 1, ',') || k + 1 === close) {
            specifiers.push({ local: name, path: name });
          }
        }
        j = close + 1;
        continue;
      }
      if (this.is(j, '*') && this.id(j + 1) === 'as' && this.id(j + 2)) {
        specifiers.push({ local: this.id(j + 2)!, path: '' });
        j += 3;
        continue;
      }
      const name = this.id(j);
      if (name && name !== 'from' && name !== 'type') {
        specifiers.push({ local: name, path: '\0default' });
      }
      j++;
    }
    if (this.tokens.kinds[j] !== STR) {
      return;
    }
    const module = this.tokens.text(j);
    this.noteModule(module);
    for (const specifier of specifiers) {
      this.addImport(specifier.local, module, specifier.path === '\0default' ? this.defaultPath(module) : specifier.path);
    }
    if (named) {
      const names = new Set(specifiers.filter((s) => s.path !== '\0default').map((s) => s.path));
      this.namedImports.push({ module, names, closeBrace: named.close });
    }
  }

  private jsRequire(index: number): void {
    const module = this.tokens.text(index + 2);
    this.noteModule(module);
    // const X = require('m') / const { A, B: C } = require('m')
    if (!this.is(index - 1, '=')) {
      return;
    }
    const before = index - 2;
    if (this.id(before)) {
      this.addImport(this.id(before)!, module, this.defaultPath(module));
      return;
    }
    if (this.is(before, '}')) {
      const open = this.partner[before];
      for (let k = open + 1; k > 0 && k < before; k++) {
        const name = this.id(k);
        if (!name) {
          continue;
        }
        if (this.is(k + 1, ':') && this.id(k + 2)) {
          this.addImport(this.id(k + 2)!, module, name);
          k += 2;
        } else {
          this.addImport(name, module, name);
        }
      }
    }
  }

  private pythonImport(start: number): void {
    const tokens = this.tokens;
    const line = this.lines.lineOf(tokens.starts[start]);
    const sameStatement = (k: number): boolean => {
      if (k >= tokens.length) {
        return false;
      }
      return this.lines.lineOf(tokens.starts[k]) === line || this.insideParens(k, start);
    };
    if (this.id(start) === 'import') {
      let j = start + 1;
      while (sameStatement(j)) {
        const path = this.dottedPath(j);
        if (!path.text) {
          break;
        }
        j = path.end;
        let local = path.text.split('.')[0];
        if (this.id(j) === 'as' && this.id(j + 1)) {
          local = this.id(j + 1)!;
          j += 2;
        } else if (path.text.includes('.')) {
          // `import redis.asyncio` binds `redis`; the submodule is reached by attribute access.
          this.noteModule(path.text);
          this.addImport(local, local, '');
          if (!this.is(j, ',')) {
            break;
          }
          j++;
          continue;
        }
        this.addImport(local, path.text, '');
        if (!this.is(j, ',')) {
          break;
        }
        j++;
      }
      return;
    }
    // from m import a as b, (c, d)
    const path = this.dottedPath(start + 1);
    if (!path.text || this.id(path.end) !== 'import') {
      return;
    }
    this.noteModule(path.text);
    let j = path.end + 1;
    while (sameStatement(j)) {
      if (this.is(j, '(') || this.is(j, ')') || this.is(j, ',')) {
        j++;
        continue;
      }
      const name = this.id(j);
      if (!name) {
        break;
      }
      if (this.id(j + 1) === 'as' && this.id(j + 2)) {
        this.addImport(this.id(j + 2)!, path.text, name);
        j += 3;
      } else {
        this.addImport(name, path.text, name);
        j++;
      }
    }
  }

  private insideParens(index: number, after: number): boolean {
    let open = this.parent[index];
    while (open >= 0) {
      if (open > after && this.is(open, '(')) {
        return true;
      }
      open = this.parent[open];
    }
    return false;
  }

  private goImport(start: number): void {
    const record = (aliasIndex: number, pathIndex: number): void => {
      const path = this.tokens.text(pathIndex);
      const service = serviceOfGoImport(path);
      if (!service) {
        return;
      }
      const alias = aliasIndex >= 0 ? this.id(aliasIndex) : path.split('/').pop();
      if (alias) {
        this.goPackages.set(alias, service);
        this.services.add(service);
      }
    };
    if (this.is(start + 1, '(')) {
      const close = this.partner[start + 1];
      for (let k = start + 2; k > 0 && k < close; k++) {
        if (this.tokens.kinds[k] === STR) {
          record(this.id(k - 1) && k - 1 > start + 1 ? k - 1 : -1, k);
        }
      }
    } else if (this.tokens.kinds[start + 1] === STR) {
      record(-1, start + 1);
    } else if (this.id(start + 1) && this.tokens.kinds[start + 2] === STR) {
      record(start + 1, start + 2);
    }
  }

  // ----- values ------------------------------------------------------------------------------

  lookup(name: string, offset: number): Value | undefined {
    const bound = this.bindings.get(name);
    if (bound) {
      let best: Binding | undefined;
      for (const binding of bound) {
        if (binding.offset <= offset) {
          best = binding;
        }
      }
      return (best ?? bound[0]).value;
    }
    const imported = this.imports.get(name);
    if (imported) {
      if (/^(?:boto3|aioboto3)(?:\.|$)/.test(imported.module)) {
        return { t: 'boto3' };
      }
      return { t: 'ref', module: imported.module, path: imported.path };
    }
    const goService = this.goPackages.get(name);
    if (goService) {
      return { t: 'gopkg', service: goService };
    }
    const typed = TYPED_CLIENTS[name];
    if (typed && (this.family === 'java' || this.family === 'csharp') && this.services.has(SERVICE_OF_KIND[typed])) {
      return { t: 'type', kind: typed };
    }
    return undefined;
  }

  private boundValue(index: number): Value | undefined {
    const name = this.id(index);
    const bound = name ? this.bindings.get(name) : undefined;
    return bound ? this.lookup(name!, this.tokens.starts[index]) : undefined;
  }

  private bind(name: string, offset: number, value: Value): void {
    const list = this.bindings.get(name) ?? [];
    list.push({ offset, value });
    this.bindings.set(name, list);
  }

  /** The value of the chain that starts at `from` (`new X(...)`, `a.b(...).c`), stopping at `limit`. */
  evalChain(from: number, limit: number): { value: Value | undefined; end: number } {
    let j = from;
    let constructed = false;
    while (j < limit && this.isId(j) && this.tokens.isOneOf(j, CHAIN_PREFIXES)) {
      constructed ||= this.tokens.is(j, 'new');
      j++;
    }
    while (j < limit && (this.is(j, '&') || this.is(j, '*'))) {
      j++;
    }
    const base = this.id(j);
    if (!base) {
      return { value: undefined, end: j };
    }
    let value = this.lookup(base, this.tokens.starts[j]);
    j++;
    let lastMember = base;
    while (j < limit && value) {
      if (this.isAccess(j) && this.id(j + 1)) {
        lastMember = this.id(j + 1)!;
        value = this.member(value, lastMember);
        j += 2;
      } else if (this.is(j, '(')) {
        const close = this.partner[j];
        value = this.call(value, lastMember, j, constructed);
        constructed = false;
        j = close < 0 ? limit : close + 1;
      } else if (this.is(j, '!')) {
        j++;
      } else if (this.is(j, '<') && this.family !== 'python') {
        const close = this.closeAngle(j);
        if (close < 0) {
          break;
        }
        j = close + 1;
      } else {
        break;
      }
    }
    if (value && constructed && value.t === 'type') {
      value = { t: 'client', kind: value.kind };
    }
    return { value, end: j };
  }

  private closeAngle(open: number): number {
    let depth = 0;
    for (let k = open; k < Math.min(this.tokens.length, open + 40); k++) {
      if (this.is(k, '<')) {
        depth++;
      } else if (this.is(k, '>')) {
        depth--;
        if (depth === 0) {
          return k;
        }
      } else if (this.is(k, '>>')) {
        depth -= 2;
        if (depth <= 0) {
          return k;
        }
      } else if (this.is(k, ';') || this.is(k, '{') || this.is(k, '(')) {
        return -1;
      }
    }
    return -1;
  }

  private member(value: Value, name: string): Value | undefined {
    switch (value.t) {
      case 'ref':
        return { t: 'ref', module: value.module, path: value.path ? `${value.path}.${name}` : name };
      case 'boto3':
      case 'type':
        return value;
      case 'gopkg':
        return { t: 'ref', module: `go:${value.service}`, path: name };
      case 'client':
        if (name === 'meta' && value.kind.startsWith('dynamodb')) {
          return value;
        }
        return { t: 'ref', module: `member:${value.kind}:${value.flavor ?? ''}`, path: name };
    }
  }

  private call(value: Value, name: string, open: number, constructed: boolean): Value | undefined {
    if (value.t === 'boto3') {
      if ((name === 'client' || name === 'resource') && this.tokens.kinds[open + 1] === STR) {
        const kind = BOTO3_SERVICES[this.tokens.text(open + 1)];
        if (kind) {
          return { t: 'client', kind: name === 'resource' && kind === 'dynamodb' ? 'dynamodb-resource' : kind };
        }
        return undefined;
      }
      return /^(?:Session|session)$/.test(name) ? value : undefined;
    }
    if (value.t === 'type') {
      return constructed || name === 'build' || name === 'create' ? { t: 'client', kind: value.kind } : value;
    }
    if (value.t !== 'ref') {
      return undefined;
    }
    const module = value.module;
    if (module.startsWith('go:')) {
      const service = module.slice(3);
      if ((value.path === 'NewFromConfig' || value.path === 'New') && ['dynamodb', 'rds', 'elasticache'].includes(service)) {
        return { t: 'client', kind: service as ClientKind };
      }
      return undefined;
    }
    if (module.startsWith('member:')) {
      const [, kind, flavor] = module.split(':');
      if (kind === 'dynamodb-resource' && value.path === 'Table') {
        return { t: 'client', kind: 'dynamodb-table' };
      }
      if (kind === 'dynamodb-enhanced' && value.path === 'table') {
        return { t: 'client', kind: 'dynamodb-enhanced-table' };
      }
      if (kind === 'rds' && value.path === 'utilities') {
        return { t: 'client', kind: 'rds-signer' };
      }
      if (kind === 'redis' && ['connect', 'duplicate', 'on'].includes(value.path)) {
        return { t: 'client', kind: 'redis', flavor: flavor as RedisFlavor };
      }
      return undefined;
    }
    const services = JS_MODULES[module];
    if (this.family === 'js' && services) {
      if (services.includes('redis')) {
        if (JS_REDIS_FACTORIES.has(value.path) || (value.path === '' && module === 'ioredis')) {
          return { t: 'client', kind: 'redis', flavor: module === 'ioredis' ? 'ioredis' : 'node-redis' };
        }
        return undefined;
      }
      const kind = JS_FACTORIES[value.path];
      return kind ? { t: 'client', kind } : undefined;
    }
    if (this.family === 'python' && /^redis(?:\.|$)/.test(module)) {
      const segments = value.path.split('.');
      const last = segments[segments.length - 1];
      const lastTwo = segments.slice(-2).join('.');
      if (PYTHON_REDIS_FACTORIES.has(last) || PYTHON_REDIS_FACTORIES.has(lastTwo)) {
        const asyncio = module.includes('asyncio') || value.path.includes('asyncio');
        return { t: 'client', kind: 'redis', flavor: asyncio ? 'redis-py-async' : 'redis-py' };
      }
    }
    return undefined;
  }

  /** Start of the receiver chain that ends at token `end` (inclusive). */
  chainStart(end: number): number {
    let j = end;
    for (let guard = 0; guard < 64 && j >= 0; guard++) {
      if (this.is(j, ')') || this.is(j, ']')) {
        const open = this.partner[j];
        if (open < 0) {
          return j + 1;
        }
        j = open - 1;
        continue;
      }
      if (this.isId(j) || this.is(j, '!')) {
        if (j > 0 && (this.isAccess(j - 1) || this.is(j - 1, '!'))) {
          j -= 2;
          continue;
        }
        if (j > 0 && this.idIs(j - 1, 'new')) {
          j--;
          continue;
        }
        return j;
      }
      return j + 1;
    }
    return j + 1;
  }

  // ----- bindings ----------------------------------------------------------------------------

  collectBindings(): void {
    const tokens = this.tokens;
    // Declarations by type (`DynamoDbClient client`, `client *dynamodb.Client`) exist in Java, C# and Go only.
    const declaresTypes = this.family === 'java' || this.family === 'csharp' || this.family === 'go';
    for (let i = 1; i < tokens.length - 1; i++) {
      const kind = tokens.kinds[i];
      if (kind === ID) {
        if (declaresTypes) {
          this.typedDeclaration(i);
        }
        continue;
      }
      // Only `=`, `:=` and `:` matter among punctuation, and all start with `=` or `:`.
      const first = kind === PUNCT ? this.text.charCodeAt(tokens.starts[i]) : 0;
      if (first !== EQUALS && first !== COLON) {
        continue;
      }
      if (tokens.is(i, '=') || tokens.is(i, ':=')) {
        const name = this.assignedName(i);
        if (name) {
          const { value } = this.evalChain(i + 1, tokens.length);
          if (value && value.t !== 'ref') {
            this.bind(name, tokens.starts[i], value);
          } else if (value && value.t === 'ref' && this.family === 'python' && value.module === 'aws_cdk') {
            this.imports.set(name, { module: value.module, path: value.path });
          }
        }
        continue;
      }
      if (tokens.isChar(i, COLON) && this.isId(i - 1) && (this.family === 'js' || this.family === 'python')) {
        this.annotation(i);
      }
    }
  }

  /** The variable on the left of `=`: `x =`, `this.x =`, `const x: T =`, `T x =`. */
  private assignedName(eq: number): string | undefined {
    if (this.is(eq - 1, '=') || this.is(eq + 1, '=') || this.is(eq + 1, '>')) {
      return undefined;
    }
    for (let k = eq - 1, steps = 0; k >= 0 && steps < 16; k--, steps++) {
      const kind = this.tokens.kinds[k];
      if (kind === PUNCT && this.tokens.isChar(k, COLON) && this.family !== 'go') {
        return this.id(k - 1);
      }
      if (kind === PUNCT && !this.tokens.isOneOf(k, ASSIGNMENT_TARGET_PUNCT)) {
        break;
      }
      if (kind === STR || kind === NUM) {
        break;
      }
    }
    return this.id(eq - 1);
  }

  /** Java / C# `DynamoDbClient client`, Go `client *dynamodb.Client`. */
  private typedDeclaration(i: number): void {
    const name = this.tokens.text(i);
    if (this.family === 'java' || this.family === 'csharp') {
      const kind = TYPED_CLIENTS[name];
      if (!kind || !this.services.has(SERVICE_OF_KIND[kind]) || (i > 0 && this.isAccess(i - 1))) {
        return;
      }
      let j = i + 1;
      if (this.is(j, '<')) {
        const close = this.closeAngle(j);
        j = close < 0 ? j : close + 1;
      }
      const variable = this.id(j);
      if (variable && (this.is(j + 1, ';') || this.is(j + 1, '=') || this.is(j + 1, ',') || this.is(j + 1, ')'))) {
        this.bind(variable, this.tokens.starts[j], { t: 'client', kind });
      }
      return;
    }
    if (this.family === 'go' && this.goPackages.has(name) && this.is(i + 1, '.') && this.id(i + 2) === 'Client') {
      const service = this.goPackages.get(name)!;
      const before = this.is(i - 1, '*') ? i - 2 : i - 1;
      const variable = this.id(before);
      if (variable && ['dynamodb', 'rds', 'elasticache'].includes(service)) {
        this.bind(variable, this.tokens.starts[before], { t: 'client', kind: service as ClientKind });
      }
    }
  }

  /** TypeScript `client: DynamoDBClient`, Python `table: Table` (mypy-boto3). */
  private annotation(colon: number): void {
    const typeName = this.id(colon + 1);
    if (!typeName) {
      return;
    }
    const imported = this.imports.get(typeName);
    if (!imported) {
      return;
    }
    let kind: ClientKind | undefined;
    let flavor: RedisFlavor | undefined;
    if (this.family === 'js') {
      if ((JS_MODULES[imported.module] ?? []).includes('redis')) {
        if (JS_REDIS_TYPES.has(imported.path)) {
          kind = 'redis';
          flavor = imported.module === 'ioredis' ? 'ioredis' : 'node-redis';
        }
      } else if (JS_MODULES[imported.module]) {
        kind = JS_FACTORIES[imported.path];
      }
    } else if (imported.module.startsWith('mypy_boto3_dynamodb')) {
      kind = MYPY_TYPES[imported.path];
    }
    if (kind) {
      this.bind(this.tokens.text(colon - 1), this.tokens.starts[colon - 1], flavor ? { t: 'client', kind, flavor } : { t: 'client', kind });
    }
  }

  // ----- occurrences ---------------------------------------------------------------------------

  /** Request objects first (Java builders, C# initializers, Go input structs), so that calls can find them. */
  collectRequests(): void {
    for (let i = 0; i < this.tokens.length; i++) {
      if (!this.isId(i)) {
        continue;
      }
      const next = i + 1;
      if (this.family === 'go' && i > 0 && this.isAccess(i - 1) && this.is(next, '{')) {
        this.goLiteral(i);
      } else if (this.family === 'java' && !this.isAccess(i - 1) && this.is(next, '.') && this.idIs(next + 1, 'builder') && this.is(next + 2, '(')) {
        this.javaBuilder(i);
      } else if (this.family === 'csharp' && this.idIs(i - 1, 'new')) {
        this.csharpInitializer(i);
      }
    }
  }

  collectCalls(): void {
    for (let i = 0; i < this.tokens.length; i++) {
      if (!this.isId(i)) {
        continue;
      }
      if (this.family === 'js' && this.idIs(i, 'new')) {
        this.jsConstruct(i);
      } else if (this.is(i + 1, '(')) {
        if (i > 0 && this.isAccess(i - 1)) {
          this.methodCall(i);
        } else if (this.family === 'js' || this.family === 'python') {
          this.plainCall(i);
        }
      }
    }
  }

  private addOperation(occurrence: OperationOccurrence): void {
    this.operations.push(occurrence);
  }

  /** JavaScript `new X(...)`: SDK v3 commands, CDK constructs, Redis clients. */
  private jsConstruct(newIndex: number): void {
    const start = newIndex + 1;
    let j = start;
    while (this.id(j) && this.isAccess(j + 1) && this.id(j + 2)) {
      j += 2;
    }
    const last = j;
    if (!this.id(last) || !this.is(last + 1, '(')) {
      return;
    }
    const value = this.lookup(this.tokens.text(start), this.tokens.starts[start]);
    if (!value || value.t !== 'ref') {
      return;
    }
    let path = value.path;
    for (let k = start + 2; k <= last; k += 2) {
      path = path ? `${path}.${this.tokens.text(k)}` : this.tokens.text(k);
    }
    const open = last + 1;
    const services = JS_MODULES[value.module];
    if (services && !services.includes('redis')) {
      const className = path.split('.').pop() ?? '';
      const operation = operationOfTypeName(className, new Set(services.filter((s) => s !== 'redis')), /Command$/);
      if (operation && /^@aws-sdk\//.test(value.module)) {
        const request = this.objectArgument(open, operation);
        this.addOperation({
          operation,
          name: this.tokenSpan(last),
          call: true,
          paginated: false,
          tokenIndex: last,
          ...(request ? { request } : {}),
          fix: { pagination: this.jsPaginationShape(newIndex, last, open, value.module) },
        });
      }
      return;
    }
    if (services?.includes('redis')) {
      const client = this.call(value, path, open, true);
      if (client?.t === 'client') {
        this.redisClientOptions(open, client.flavor ?? 'ioredis');
      }
      return;
    }
    this.cdkConstruct(value, path, last, open);
  }

  private cdkConstruct(value: { module: string; path: string }, path: string, nameIndex: number, open: number): void {
    let construct: string | undefined;
    if (value.module === 'aws-cdk-lib' || value.module === 'aws_cdk') {
      construct = /^aws_[a-z0-9]+\.[A-Za-z0-9]+$/.test(path) ? path : undefined;
    } else {
      const module = cdkModule(value.module);
      construct = module && /^[A-Za-z0-9]+$/.test(path) ? `${module}.${path}` : undefined;
    }
    if (!construct) {
      return;
    }
    const close = this.partner[open];
    if (close < 0) {
      return;
    }
    let context: OptionContext;
    if (this.family === 'python') {
      context = this.contextFrom(open, close, 'cdk', construct, this.tokenSpan(nameIndex));
    } else {
      // new X(scope, 'Id', { props }): the props are the object literal among the arguments.
      let propsOpen = -1;
      for (let k = open + 1; k < close; k = this.partner[k] > k ? this.partner[k] + 1 : k + 1) {
        if (this.is(k, '{') && this.parent[k] === open) {
          propsOpen = k;
        }
      }
      context =
        propsOpen >= 0
          ? this.contextFrom(propsOpen, this.partner[propsOpen], 'cdk', construct, this.tokenSpan(nameIndex))
          : { kind: 'cdk', type: construct, options: [], complete: false, anchor: this.tokenSpan(nameIndex) };
    }
    context.typeSpan = this.tokenSpan(nameIndex);
    this.contexts.push(context);
  }

  /** Calls without a receiver: `paginateScan(...)`, `createClient(...)`, Python `redis.Redis(...)` handled in methodCall. */
  private plainCall(index: number): void {
    const name = this.tokens.text(index);
    if (this.isId(index - 1) && this.tokens.isOneOf(index - 1, DEFINITION_KEYWORDS)) {
      return;
    }
    const value = this.lookup(name, this.tokens.starts[index]);
    if (!value || value.t !== 'ref') {
      return;
    }
    const open = index + 1;
    const paginated = operationOfPaginator(value.path, new Set(JS_MODULES[value.module] ?? []));
    if (paginated && this.family === 'js') {
      this.addOperation({ operation: paginated, name: this.tokenSpan(index), call: false, paginated: true, tokenIndex: index });
      return;
    }
    const client = this.call(value, value.path, open, false);
    if (client?.t === 'client' && client.kind === 'redis') {
      this.redisClientOptions(open, client.flavor ?? 'redis-py');
      return;
    }
    if (this.family === 'python') {
      this.cdkConstruct(value, value.path, index, open);
    }
  }

  /** `receiver.method(...)`. */
  private methodCall(index: number): void {
    const method = this.tokens.text(index);
    const open = index + 1;
    const close = this.partner[open];
    const receiverEnd = index - 2;
    if (receiverEnd < 0) {
      return;
    }
    const start = this.chainStart(receiverEnd);
    if (start > receiverEnd) {
      return;
    }
    // `this.client.send`, `self.table.scan`, `r.client.Query`: fall back to the member's own binding.
    const evaluated = this.evalChain(start, index - 1).value ?? (start < receiverEnd ? this.boundValue(receiverEnd) : undefined);
    const value: Value | undefined = evaluated?.t === 'gopkg' ? { t: 'ref', module: `go:${evaluated.service}`, path: '' } : evaluated;
    if (value?.t === 'ref') {
      // Module-level calls: Go `dynamodb.NewScanPaginator`, Python `redis.Redis(...)`, CDK `rds.DatabaseInstance(...)`.
      const fullPath = value.path ? `${value.path}.${method}` : method;
      if (value.module.startsWith('go:') && !value.path) {
        const operation = operationOfPaginator(method, new Set([value.module.slice(3)]));
        if (operation) {
          this.addOperation({ operation, name: this.tokenSpan(index), call: false, paginated: true, tokenIndex: index });
        } else if (value.module === 'go:rds-auth' && method === 'BuildAuthToken') {
          this.addOperation({ operation: 'rds:GenerateDbAuthToken', name: this.tokenSpan(index), call: true, paginated: false, tokenIndex: index });
        }
        return;
      }
      if (this.family === 'python') {
        const client = this.call({ t: 'ref', module: value.module, path: fullPath }, method, open, false);
        if (client?.t === 'client' && client.kind === 'redis') {
          this.redisClientOptions(open, client.flavor ?? 'redis-py');
        } else if (!value.module.startsWith('member:')) {
          this.cdkConstruct(value, fullPath, index, open);
        }
        return;
      }
      if (this.family === 'js' && JS_MODULES[value.module]?.includes('redis')) {
        const client = this.call({ t: 'ref', module: value.module, path: fullPath }, method, open, false);
        if (client?.t === 'client') {
          this.redisClientOptions(open, client.flavor ?? 'node-redis');
        }
      }
      return;
    }
    if (value?.t === 'type' && this.family === 'csharp' && method === 'GenerateAuthToken') {
      return;
    }
    if (!value && this.family === 'csharp' && this.id(start) === 'RDSAuthTokenGenerator' && this.services.has('rds-auth')) {
      this.addOperation({ operation: 'rds:GenerateDbAuthToken', name: this.tokenSpan(index), call: true, paginated: false, tokenIndex: index });
      return;
    }
    if (!value || value.t !== 'client') {
      if (!value && this.family === 'go') {
        this.goUnboundCall(index, open, close);
      }
      return;
    }
    if (value.kind === 'redis') {
      this.redisCall(index, value.flavor ?? 'ioredis', start);
      return;
    }
    const normalized = normalizeName(method);
    if (normalized === 'getpaginator' && this.tokens.kinds[open + 1] === STR) {
      const inner = normalizeName(this.tokens.text(open + 1));
      const operation = inner === 'scan' ? 'dynamodb:Scan' : inner === 'query' ? 'dynamodb:Query' : undefined;
      if (operation) {
        this.addOperation({ operation, name: this.tokenSpan(open + 1), call: false, paginated: true, tokenIndex: open + 1 });
      }
      return;
    }
    const paginator = /^(scan|query)paginator$/.exec(normalized);
    if (paginator && value.kind.startsWith('dynamodb')) {
      this.addOperation({ operation: paginator[1] === 'scan' ? 'dynamodb:Scan' : 'dynamodb:Query', name: this.tokenSpan(index), call: false, paginated: true, tokenIndex: index });
      return;
    }
    const operation = operationOfMethod(value.kind, method);
    if (!operation || close < 0) {
      return;
    }
    const request = this.requestForCall(open, close, operation);
    this.addOperation({
      operation,
      name: this.tokenSpan(index),
      call: true,
      // The enhanced client's scan and query return page iterables that fetch every page.
      paginated: value.kind === 'dynamodb-enhanced-table' && /:(?:Scan|Query)$/.test(operation),
      tokenIndex: index,
      ...(request ? { request } : {}),
      ...(this.family === 'python' ? { fix: { pagination: this.pythonPaginationShape(start, index, open, close) } } : {}),
    });
  }

  /** Go `x.Query(ctx, &dynamodb.QueryInput{...})` where `x` is not a known client but the input is. */
  private goUnboundCall(index: number, open: number, close: number): void {
    if (close < 0) {
      return;
    }
    for (let k = open + 1; k < close; k++) {
      const alias = this.id(k);
      const service = alias ? this.goPackages.get(alias) : undefined;
      const input = this.id(k + 2);
      if (service && this.is(k + 1, '.') && input === `${this.tokens.text(index)}Input`) {
        const operation = operationOfTypeName(input, new Set([service]), /Input$/);
        if (operation) {
          const request = this.requestForCall(open, close, operation);
          this.addOperation({ operation, name: this.tokenSpan(index), call: true, paginated: false, tokenIndex: index, ...(request ? { request } : {}) });
        }
        return;
      }
    }
  }

  /** The request of a call: an inline literal, a contained builder/struct, or a variable assigned one. */
  private requestForCall(open: number, close: number, operation: string): OptionContext | undefined {
    for (let k = open + 1; k < close; k++) {
      const contained = this.contextByOpen.get(k);
      if (contained && contained.kind === 'sdk') {
        return contained;
      }
    }
    if (this.family === 'js') {
      return this.objectArgument(open, operation);
    }
    if (this.family === 'python') {
      const spread = this.is(open + 1, '**') && this.id(open + 2) ? this.resolveObjectVariable(this.tokens.text(open + 2), open) : -1;
      if (spread >= 0) {
        return this.contextFrom(spread, this.partner[spread], 'sdk', operation, this.tokenSpan(open - 1));
      }
      return this.contextFrom(open, close, 'sdk', operation, this.tokenSpan(open - 1));
    }
    const argument = this.id(open + 1) && (this.is(open + 2, ')') || this.is(open + 2, ',')) ? this.tokens.text(open + 1) : undefined;
    if (this.family === 'go' && this.is(open + 2, ',')) {
      const second = this.id(open + 3);
      return second ? this.requestVariable(second, open) : undefined;
    }
    if (argument) {
      return this.requestVariable(argument, open);
    }
    if (this.family === 'java') {
      // Consumer-builder lambda: client.query(r -> r.tableName(t).consistentRead(true))
      return this.contextFrom(open, close, 'sdk', operation, this.tokenSpan(open - 1));
    }
    return undefined;
  }

  private readonly requestVariables = new Map<string, { offset: number; context: OptionContext }[]>();

  private rememberRequestVariable(contextStartToken: number, context: OptionContext): void {
    // `x = <request>` / `var x = <request>` / `x := &alias.XInput{` / `XRequest x = XRequest.builder()`
    let k = contextStartToken - 1;
    while (k >= 0 && (this.is(k, '&') || this.id(k) === 'new')) {
      k--;
    }
    if (this.is(k, '=') || this.is(k, ':=')) {
      const name = this.assignedName(k);
      if (name) {
        const list = this.requestVariables.get(name) ?? [];
        list.push({ offset: this.tokens.starts[k], context });
        this.requestVariables.set(name, list);
      }
    }
  }

  private requestVariable(name: string, before: number): OptionContext | undefined {
    const list = this.requestVariables.get(name);
    if (!list) {
      return undefined;
    }
    let found: OptionContext | undefined;
    for (const entry of list) {
      if (entry.offset < this.tokens.starts[before]) {
        found = entry.context;
      }
    }
    return found;
  }

  /** JavaScript: the request object of a call or command (inline literal or a variable holding one). */
  private objectArgument(open: number, operation: string): OptionContext | undefined {
    let objectOpen = -1;
    if (this.is(open + 1, '{')) {
      objectOpen = open + 1;
    } else if (this.id(open + 1) && (this.is(open + 2, ')') || this.is(open + 2, ','))) {
      objectOpen = this.resolveObjectVariable(this.tokens.text(open + 1), open);
    }
    if (objectOpen < 0 || this.partner[objectOpen] < 0) {
      return undefined;
    }
    const context = this.contextFrom(objectOpen, this.partner[objectOpen], 'sdk', operation, this.tokenSpan(open - 1));
    this.contextByOpen.set(objectOpen, context);
    return context;
  }

  private objectAssignments?: Map<string, number[]>;

  /** The `{` of the last `name = {` (or `name = dict(`) before a token. */
  private resolveObjectVariable(name: string, before: number): number {
    if (!this.objectAssignments) {
      this.objectAssignments = new Map();
      // Only `name =` and (JavaScript) `name: T =` can assign an object; other identifiers are not indexed.
      for (let k = 0; k < this.tokens.length; k++) {
        if (this.tokens.kinds[k] === ID && (this.is(k + 1, '=') || (this.family === 'js' && this.is(k + 1, ':')))) {
          const name = this.tokens.text(k);
          const list = this.objectAssignments.get(name) ?? [];
          list.push(k);
          this.objectAssignments.set(name, list);
        }
      }
    }
    let found = -1;
    for (const k of this.objectAssignments.get(name) ?? []) {
      if (k >= before) {
        break;
      }
      {
        let j = k + 1;
        if (this.is(j, ':') && this.family === 'js') {
          j += 2;
          while (this.is(j, '.') || this.is(j, '<') || this.id(j)) {
            j = this.is(j, '<') ? Math.max(j + 1, this.closeAngle(j) + 1) : j + 1;
          }
        }
        if (this.is(j, '=') && this.is(j + 1, '{')) {
          found = j + 1;
        } else if (this.is(j, '=') && this.id(j + 1) === 'dict' && this.is(j + 2, '(')) {
          found = j + 2;
        }
      }
    }
    return found;
  }

  /** Java `XRequest.builder()...build()`. */
  private javaBuilder(index: number): void {
    const operation = operationOfTypeName(this.tokens.text(index), this.services, /Request$/);
    if (!operation) {
      return;
    }
    // The chain: XRequest . builder ( ) . a ( .. ) . b ( .. ) ... . build ( )
    let last = this.partner[index + 3];
    while (last > 0 && this.is(last + 1, '.') && this.id(last + 2) && this.is(last + 3, '(')) {
      const close = this.partner[last + 3];
      if (close < 0) {
        break;
      }
      const method = this.tokens.text(last + 2);
      last = close;
      if (method === 'build') {
        break;
      }
    }
    const context = this.contextFrom(index + 2, last, 'sdk', operation, this.tokenSpan(index));
    this.contextByOpen.set(index + 1, context);
    this.rememberRequestVariable(index, context);
    this.addOperation({ operation, name: this.tokenSpan(index), call: false, paginated: false, tokenIndex: index, request: context });
    this.contexts.push(context);
  }

  /** C# `new XRequest { A = 1 }` / `new XRequest() { ... }`. */
  private csharpInitializer(index: number): void {
    const operation = operationOfTypeName(this.tokens.text(index), this.services, /Request$/);
    if (!operation) {
      return;
    }
    let open = index + 1;
    if (this.is(open, '(') && this.is(this.partner[open] + 1, '{')) {
      open = this.partner[open] + 1;
    }
    const complete = this.is(open, '{') && this.partner[open] > open;
    const context = complete
      ? this.contextFrom(open, this.partner[open], 'sdk', operation, this.tokenSpan(index))
      : { kind: 'sdk' as const, type: operation, options: [], complete: false, anchor: this.tokenSpan(index) };
    this.contextByOpen.set(index + 1, context);
    this.rememberRequestVariable(index - 1, context);
    this.addOperation({ operation, name: this.tokenSpan(index), call: false, paginated: false, tokenIndex: index, request: context });
    this.contexts.push(context);
  }

  /** Go `&dynamodb.QueryInput{...}`. */
  private goLiteral(index: number): void {
    const alias = this.id(index - 2);
    const service = alias ? this.goPackages.get(alias) : undefined;
    if (!service) {
      return;
    }
    const operation = operationOfTypeName(this.tokens.text(index), new Set([service]), /Input$/);
    if (!operation) {
      return;
    }
    const open = index + 1;
    const context = this.contextFrom(open, this.partner[open], 'sdk', operation, this.tokenSpan(index));
    this.contextByOpen.set(open, context);
    this.rememberRequestVariable(index - 2, context);
    this.addOperation({ operation, name: this.tokenSpan(index), call: false, paginated: false, tokenIndex: index, request: context });
    this.contexts.push(context);
  }

  // ----- options -----------------------------------------------------------------------------

  /** Options (keys, kwargs, builder methods, initializer members) between two bracket tokens. */
  contextFrom(open: number, close: number, kind: OptionContext['kind'], type: string, anchor: Span): OptionContext {
    const options: OptionOccurrence[] = [];
    const context: OptionContext = { kind, type, options, complete: close > open, anchor };
    if (close <= open) {
      return context;
    }
    let skipUntil = -1;
    for (let k = open + 1; k < close; k++) {
      if (k <= skipUntil) {
        continue;
      }
      const option = this.optionAt(k, open, close);
      if (!option) {
        continue;
      }
      options.push(option.occurrence);
      if (DATA_KEYS.has(option.occurrence.norm) && option.valueOpen >= 0) {
        skipUntil = this.partner[option.valueOpen];
      }
    }
    // A spread (`...defaults`, `**kwargs`) hides options: absence is unknown.
    for (let k = open + 1; k < close && context.complete; k++) {
      if ((this.is(k, '.') && this.is(k + 1, '.')) || this.is(k, '**')) {
        context.complete = false;
      }
    }
    return context;
  }

  private optionAt(k: number, open: number, close: number): { occurrence: OptionOccurrence; valueOpen: number } | undefined {
    const tokens = this.tokens;
    const kind = tokens.kinds[k];
    const keyEnd = k;
    let valueStart: number;
    let valueEnd: number;
    if (this.family === 'java') {
      if (kind !== ID || !this.is(k - 1, '.') || !this.is(k + 1, '(') || this.tokens.is(k, 'builder') || this.tokens.is(k, 'build')) {
        return undefined;
      }
      const parenClose = this.partner[k + 1];
      if (parenClose < 0 || parenClose > close) {
        return undefined;
      }
      valueStart = k + 2;
      valueEnd = parenClose;
      const occurrence = this.occurrence(k, k, valueStart, valueEnd, { start: this.tokens.starts[k - 1], end: this.tokens.ends[parenClose] });
      return { occurrence, valueOpen: this.is(valueStart, '(') || this.is(valueStart, '{') ? valueStart : -1 };
    }
    const isKeyToken = kind === ID || (kind === STR && !tokens.interpolated(k));
    if (!isKeyToken) {
      return undefined;
    }
    if (this.family === 'python') {
      const kwarg = kind === ID && this.is(k + 1, '=') && this.parent[k] === open && this.is(open, '(');
      const dictKey = kind === STR && this.is(k + 1, ':');
      if (!kwarg && !dictKey) {
        return undefined;
      }
    } else if (this.family === 'csharp') {
      if (kind !== ID || !this.is(k + 1, '=') || !this.is(this.parent[k], '{')) {
        return undefined;
      }
    } else if (!this.is(k + 1, ':') || this.is(k - 1, '?') || this.is(k - 1, '.')) {
      return undefined;
    } else if (!this.is(this.parent[k], '{')) {
      return undefined;
    }
    valueStart = keyEnd + 2;
    // The value runs to the next ',' at the key's depth or the enclosing closer.
    const enclosingClose = this.partner[this.parent[k]] > 0 ? this.partner[this.parent[k]] : close;
    valueEnd = valueStart;
    while (valueEnd < enclosingClose && !this.is(valueEnd, ',')) {
      const partner = this.partner[valueEnd];
      valueEnd = partner > valueEnd ? partner + 1 : valueEnd + 1;
    }
    if (valueEnd <= valueStart) {
      return undefined;
    }
    const removalEnd = this.is(valueEnd, ',') ? this.tokens.ends[valueEnd] : this.tokens.ends[valueEnd - 1];
    const occurrence = this.occurrence(k, keyEnd, valueStart, valueEnd, { start: tokens.starts[k], end: removalEnd });
    return { occurrence, valueOpen: this.partner[valueStart] > valueStart ? valueStart : -1 };
  }

  private occurrence(keyStart: number, keyEnd: number, valueStart: number, valueEnd: number, removal: Span): OptionOccurrence {
    const name = this.tokens.text(keyStart);
    const { literal, span } = this.literal(valueStart, valueEnd);
    const occurrence: OptionOccurrence = {
      name,
      norm: normalizeName(name),
      key: this.span(keyStart, keyEnd),
      value: valueEnd > valueStart ? this.span(valueStart, valueEnd - 1) : this.tokenSpan(keyEnd),
      literal,
      removal: this.wholeLines(removal),
    };
    if (span) {
      occurrence.literalSpan = span;
    }
    const count = this.literalCount(valueStart, valueEnd);
    if (count !== undefined) {
      occurrence.literalCounts = count;
    }
    return occurrence;
  }

  /** Widen a removal to whole lines when nothing else shares them. */
  private wholeLines(span: Span): Span {
    const startLine = this.lines.lineOf(span.start);
    const endLine = this.lines.lineOf(span.end);
    if (this.isBlank(this.lines.lineStart(startLine), span.start) && this.isBlank(span.end, this.lines.lineEnd(endLine))) {
      const nextLineStart = endLine + 1 < this.lines.lineCount ? this.lines.lineStart(endLine + 1) : this.lines.lineEnd(endLine);
      return { start: this.lines.lineStart(startLine), end: nextLineStart };
    }
    return span;
  }

  /** Whether text[from, to) is all whitespace (`\s`), without slicing it. */
  private isBlank(from: number, to: number): boolean {
    WHITESPACE_RUN.lastIndex = from;
    WHITESPACE_RUN.test(this.text);
    return WHITESPACE_RUN.lastIndex >= to;
  }

  literal(from: number, to: number): { literal: Literal; span?: Span } {
    let a = from;
    let b = to;
    // Unwrap aws.Bool(true), aws.Int32(0), aws.String("x"), Boolean.TRUE-like wrappers.
    if (b - a === 6 && this.id(a) === 'aws' && this.is(a + 1, '.') && this.is(a + 3, '(') && this.is(b - 1, ')')) {
      a += 4;
      b -= 1;
    }
    if (b - a === 2 && this.is(a, '-') && this.tokens.kinds[a + 1] === NUM) {
      return { literal: { kind: 'num', value: -Number(this.tokens.text(a + 1)) }, span: this.span(a, a + 1) };
    }
    if (b - a !== 1) {
      return { literal: { kind: 'expr', text: b > a ? this.text.slice(this.tokens.starts[a], this.tokens.ends[b - 1]) : '' } };
    }
    const kind = this.tokens.kinds[a];
    const text = this.tokens.text(a);
    const span = this.tokenSpan(a);
    if (kind === NUM) {
      const value = Number(text.replace(/[_lLmMdDfF]/g, ''));
      return Number.isFinite(value) ? { literal: { kind: 'num', value }, span } : { literal: { kind: 'expr', text } };
    }
    if (kind === STR) {
      return this.tokens.interpolated(a) ? { literal: { kind: 'expr', text } } : { literal: { kind: 'str', value: text }, span };
    }
    if (kind === ID) {
      if (text === 'true' || text === 'True') {
        return { literal: { kind: 'bool', value: true }, span };
      }
      if (text === 'false' || text === 'False') {
        return { literal: { kind: 'bool', value: false }, span };
      }
      if (text === 'None' || text === 'null' || text === 'nil') {
        return { literal: { kind: 'none' }, span };
      }
    }
    return { literal: { kind: 'expr', text } };
  }

  /** Total literal entries under a RequestItems-like value; undefined when anything is not literal. */
  private literalCount(from: number, to: number): number | undefined {
    if (!(this.is(from, '{') && this.partner[from] === to - 1) && !(this.is(from, '(') && this.family === 'java')) {
      return undefined;
    }
    let total = 0;
    let counted = false;
    for (let k = from + 1; k < to - 1; k++) {
      if (!this.is(k, '[') || this.partner[k] < 0) {
        continue;
      }
      const close = this.partner[k];
      let elements = 0;
      let pending = false;
      for (let m = k + 1; m < close; m = this.partner[m] > m ? this.partner[m] + 1 : m + 1) {
        if (this.is(m, ',')) {
          if (pending) {
            elements++;
          }
          pending = false;
        } else if (this.id(m) === 'for' || (this.is(m, '.') && this.is(m + 1, '.')) || this.is(m, '*')) {
          return undefined;
        } else {
          pending = true;
        }
      }
      total += elements + (pending ? 1 : 0);
      counted = true;
      k = close;
    }
    return counted ? total : undefined;
  }

  // ----- redis ---------------------------------------------------------------------------------

  private redisClientOptions(open: number, flavor: RedisFlavor): void {
    const close = this.partner[open];
    if (close < 0) {
      return;
    }
    const context = this.contextFrom(open, close, 'redis-client', flavor, this.tokenSpan(open - 1));
    this.contexts.push(context);
  }

  private redisCall(index: number, flavor: RedisFlavor, receiverStart: number): void {
    const method = normalizeName(this.tokens.text(index));
    const open = index + 1;
    const close = this.partner[open];
    let command = method;
    let nameSpan = this.tokenSpan(index);
    if (REDIS_SENDERS.has(method)) {
      const first = this.is(open + 1, '[') ? open + 2 : open + 1;
      if (this.tokens.kinds[first] !== STR) {
        return;
      }
      command = normalizeName(this.tokens.text(first).split(/\s+/)[0] ?? '');
      nameSpan = this.tokenSpan(first);
    }
    if (!REDIS_COMMANDS.has(command) || close < 0) {
      return;
    }
    const call: RedisCall = {
      command,
      name: nameSpan,
      tokenIndex: index,
      flavor,
      call: { start: this.tokens.starts[receiverStart], end: this.tokens.ends[close] },
      receiver: REDIS_SENDERS.has(method) ? '' : this.text.slice(this.tokens.starts[receiverStart], this.tokens.ends[index - 2]),
      argsText: this.text.slice(this.tokens.ends[open], this.tokens.starts[close]).trim(),
    };
    const statement = this.assignmentStatement(receiverStart, close);
    if (statement) {
      call.statement = statement;
    }
    this.redisCalls.push(call);
  }

  /** `const x = await <call>;` / `x = <call>` around a call, for statement rewrites. */
  private assignmentStatement(callStart: number, callClose: number): RedisCall['statement'] {
    let k = callStart - 1;
    const awaited = this.id(k) === 'await';
    if (awaited) {
      k--;
    }
    if (!this.is(k, '=') || !this.id(k - 1)) {
      return undefined;
    }
    const variable = this.tokens.text(k - 1);
    const declarationIndex = ['const', 'let', 'var'].includes(this.id(k - 2) ?? '') ? k - 2 : k - 1;
    let end = callClose;
    if (this.is(end + 1, ';')) {
      end++;
    }
    const start = this.tokens.starts[declarationIndex];
    const line = this.lines.lineOf(start);
    if (this.lines.lineStart(line) + this.lines.indentation(line).length !== start) {
      return undefined;
    }
    return {
      span: { start, end: this.tokens.ends[end] },
      variable,
      declaration: declarationIndex === k - 2 ? this.tokens.text(declarationIndex) : '',
      indent: this.lines.indentation(line),
      awaited,
    };
  }

  // ----- pagination fix shapes -----------------------------------------------------------------

  private jsPaginationShape(newIndex: number, nameIndex: number, open: number, module: string): PaginationFixShape | undefined {
    const operation = /^(Scan|Query)Command$/.exec(this.tokens.text(nameIndex))?.[1] as 'Scan' | 'Query' | undefined;
    const close = this.partner[open];
    if (!operation || close < 0 || !this.is(newIndex - 1, '(') || this.id(newIndex - 2) !== 'send' || !this.is(close + 1, ')')) {
      return undefined;
    }
    const receiverEnd = newIndex - 4;
    if (!this.is(newIndex - 3, '.') || receiverEnd < 0) {
      return undefined;
    }
    const receiverStart = this.chainStart(receiverEnd);
    const statement = this.assignmentStatement(receiverStart, close + 1);
    if (!statement || !statement.awaited || !statement.declaration) {
      return undefined;
    }
    const paginator = `paginate${operation}`;
    const site = this.namedImports.find((candidate) => candidate.module === module);
    if (!site) {
      return undefined;
    }
    const shape: PaginationFixShape = {
      flavor: 'js-send',
      statement: statement.span,
      variable: statement.variable,
      receiver: this.text.slice(this.tokens.starts[receiverStart], this.tokens.ends[receiverEnd]),
      argsText: this.text.slice(this.tokens.ends[open], this.tokens.starts[close]).trim(),
      indent: statement.indent,
      operation,
      typescript: this.language === 'typescript',
    };
    if (!site.names.has(paginator)) {
      const offset = this.tokens.ends[site.closeBrace - 1];
      shape.importInsert = this.is(site.closeBrace - 1, ',') ? { offset, text: ` ${paginator},` } : { offset, text: `, ${paginator}` };
    }
    return shape;
  }

  private pythonPaginationShape(receiverStart: number, nameIndex: number, open: number, close: number): PaginationFixShape | undefined {
    const operation = /^(scan|query)$/.exec(this.tokens.text(nameIndex))?.[1];
    if (!operation) {
      return undefined;
    }
    const statement = this.assignmentStatement(receiverStart, close);
    if (!statement || statement.awaited) {
      return undefined;
    }
    const endLine = this.lines.lineOf(this.tokens.ends[close]);
    if (this.text.slice(this.tokens.ends[close], this.lines.lineEnd(endLine)).trim() !== '') {
      return undefined;
    }
    return {
      flavor: 'python',
      statement: statement.span,
      variable: statement.variable,
      receiver: this.text.slice(this.tokens.starts[receiverStart], this.tokens.ends[nameIndex - 2]),
      argsText: this.text.slice(this.tokens.ends[open], this.tokens.starts[close]).trim(),
      indent: statement.indent,
      operation: operation === 'scan' ? 'Scan' : 'Query',
      typescript: false,
    };
  }

  // ----- scopes --------------------------------------------------------------------------------

  scopes(): ScopeInfo {
    const pagination: number[] = [];
    const unprocessed: number[] = [];
    const tokens = this.tokens;
    // Every marker holds `key`, `pag` or `unp` in some case, so a RegExp pass finds the few candidate
    // tokens, in order, instead of lower-casing every token.
    let token = 0;
    let checked = -1;
    // `test` rather than `matchAll`: no match objects; every match is three characters long.
    MARKER_TRIGRAMS.lastIndex = 0;
    while (MARKER_TRIGRAMS.test(this.text)) {
      const at = MARKER_TRIGRAMS.lastIndex - 3;
      while (token < tokens.length && tokens.textEnds[token] < at + 3) {
        token++;
      }
      if (token === tokens.length) {
        break;
      }
      const kind = tokens.kinds[token];
      if (token === checked || tokens.textStarts[token] > at || (kind !== ID && kind !== STR) || tokens.textEnds[token] - tokens.textStarts[token] < 8) {
        continue;
      }
      checked = token;
      const lower = tokens.text(token).toLowerCase();
      if (/last_?evaluated_?key|exclusive_?start_?key|paginat/.test(lower)) {
        pagination.push(token);
      }
      if (lower.includes('unprocessed')) {
        unprocessed.push(token);
      }
    }
    return {
      hasPaginationMarker: (tokenIndex) => anyWithin(pagination, this.functionScope(tokenIndex)),
      hasUnprocessedMarker: (tokenIndex) => anyWithin(unprocessed, this.functionScope(tokenIndex)),
    };
  }

  private pythonDefs?: { start: number; end: number }[];

  /** Token range [from, to) of the function around a token; the whole file when there is none. */
  functionScope(tokenIndex: number): [number, number] {
    if (this.family === 'python') {
      return this.pythonScope(tokenIndex);
    }
    let open = this.parent[tokenIndex];
    while (open >= 0) {
      if (this.is(open, '{') && this.isFunctionBody(open)) {
        return [open, this.partner[open] + 1];
      }
      open = this.parent[open];
    }
    return [0, this.tokens.length];
  }

  private isFunctionBody(brace: number): boolean {
    if (this.is(brace - 1, '=>') || this.is(brace - 1, '->')) {
      return true;
    }
    for (let k = brace - 1, steps = 0; k >= 0 && steps < 40; k--, steps++) {
      const kind = this.tokens.kinds[k];
      if (kind === PUNCT && this.tokens.is(k, ')')) {
        const open = this.partner[k];
        if (open <= 0) {
          return false;
        }
        if (this.isId(open - 1)) {
          return !CONTROL_KEYWORDS.has(this.tokens.text(open - 1));
        }
        return this.tokens.kinds[open - 1] === PUNCT && this.tokens.is(open - 1, ')');
      }
      if (kind === PUNCT && this.tokens.isOneOf(k, STATEMENT_PUNCT)) {
        return false;
      }
      if (kind === ID && CONTROL_KEYWORDS.has(this.tokens.text(k))) {
        return false;
      }
    }
    return false;
  }

  private pythonScope(tokenIndex: number): [number, number] {
    if (!this.pythonDefs) {
      this.pythonDefs = [];
      const firstOnLine: number[] = [];
      let lastLine = -1;
      for (let i = 0; i < this.tokens.length; i++) {
        const line = this.lines.lineOf(this.tokens.starts[i]);
        if (line !== lastLine) {
          firstOnLine.push(i);
          lastLine = line;
        }
      }
      const column = (i: number): number => this.lines.position(this.tokens.starts[i]).character;
      for (let f = 0; f < firstOnLine.length; f++) {
        let i = firstOnLine[f];
        if (this.id(i) === 'async') {
          i++;
        }
        if (this.id(i) !== 'def') {
          continue;
        }
        const indent = column(firstOnLine[f]);
        let end = this.tokens.length;
        for (let g = f + 1; g < firstOnLine.length; g++) {
          const candidate = firstOnLine[g];
          if (column(candidate) <= indent && !this.insideParens(candidate, firstOnLine[f])) {
            end = candidate;
            break;
          }
        }
        this.pythonDefs.push({ start: firstOnLine[f], end });
      }
    }
    let best: [number, number] = [0, this.tokens.length];
    for (const def of this.pythonDefs) {
      if (def.start <= tokenIndex && tokenIndex < def.end && def.end - def.start <= best[1] - best[0]) {
        best = [def.start, def.end];
      }
    }
    return best;
  }

  suppressions(): { line: number; ruleIds: string[] }[] {
    const result: { line: number; ruleIds: string[] }[] = [];
    for (const comment of this.comments) {
      const ids = parseSuppression(comment.text);
      if (ids) {
        result.push({ line: this.lines.lineOf(comment.end) + 1, ruleIds: ids });
      }
    }
    return result;
  }
}

/** Whether a sorted list holds an index in [from, to). */
function anyWithin(sorted: readonly number[], [from, to]: [number, number]): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] < from) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  return low < sorted.length && sorted[low] < to;
}

export function analyzeCode(text: string, language: CodeLanguage, lines: LineIndex): DocumentModel {
  const analyzer = new CodeAnalyzer(text, language, lines);
  budgetCheck();
  analyzer.collectImports();
  analyzer.collectBindings();
  budgetCheck();
  analyzer.collectRequests();
  analyzer.collectCalls();
  budgetCheck();
  const contexts = [...analyzer.contexts];
  const listed = new Set(contexts);
  for (const occurrence of analyzer.operations) {
    if (occurrence.request && !listed.has(occurrence.request)) {
      contexts.push(occurrence.request);
      listed.add(occurrence.request);
    }
  }
  return {
    operations: analyzer.operations,
    contexts,
    redisCalls: analyzer.redisCalls,
    scopes: analyzer.scopes(),
    commentPrefix: language === 'python' ? '#' : '//',
    suppressions: analyzer.suppressions(),
  };
}
