/**
 * Finds AWS SDK calls, request objects, CDK constructs and Redis client calls in application code. A call
 * counts only when its receiver or class is tied to an AWS SDK or Redis client in scope: by an import, a
 * constructor or factory, a declared type, a field set in the class, or a same-file function that returns
 * one. Everything language-specific comes from a `CodeLanguage`; names resolve through the scope tree.
 */
import { Comment, lex, matchBrackets, TOKEN_KIND, Tokens } from '../lexer';
import { djangoCacheImport } from './djangoCache';
import { IngressRule, OperationOccurrence, OptionContext, RedisCall } from '../model';
import { Binding, ScopeTree } from '../scope/scopes';
import { isGlidePythonModule } from './glide';
import { JS_MODULES, PYTHON_REDIS_HELPERS, PYTHON_REDIS_MODULES, SERVICE_OF_KIND, TYPED_CLIENTS } from '../services';
import { LineIndex } from '../text';
import { codeOf } from '../tokenCodes';
import { Span } from '../types';
import { budgetCheck } from '../budget';
import { collectCalls } from './calls';
import { callValue, chainOrFallback, chainValue } from './chains';
import { passedByCallers } from './callerArguments';
import { injectedClient } from './requestClients';
import { forwardedRequests } from './forwardedRequests';
import { importedRequestForwards } from './importedRequestForwards';
import { importedClient, libraryImport, ProjectContext } from './projectImports';
import { uniqueIndexesOf } from './languages/ormObjects';
import { Frame, frameOf } from './parametrisedCalls';
import { enclosingBrackets, lineStarts, tokensOfSpan } from './tokenTables';
import { destructuredValue } from './destructuring';
import { agreedSequence, unpackedElement } from './sequences';
import { agreedOuterValue, pastEmptyingBranch } from './outerBindings';
import { CodeLanguage, FunctionScope, OptionSlot } from './language';
import { MemberPaths } from './memberPaths';
import { memberOf } from './members';
import { requestBuiltBy } from './requests';
import { resolvedType } from './resolution';
import { isBoto3Module, Value } from './values';
import { inheritedClassName, staticProjectClass } from './languages/baseClassFields';
import { kotlinTopLevelName } from './languages/kotlinTopLevelNames';
import { clusterNodeElement } from './iteratedElements';
import { stackExchangeServer } from './stackExchangeRedis';
import { targetTypedValue } from './languages/typedDeclarations';
import { constructorScope } from './constructorFunctions';
import { builtStringsOf } from './builtStrings';

const { ID, STR } = TOKEN_KIND;
const DOT = codeOf('.');
const OPTIONAL_DOT = codeOf('?.');
const QUESTION = codeOf('?');
const OPEN_PAREN = codeOf('(');

/** Bindings evaluated inside one another at most: far past real code, well within the stack. */
const MAX_EVALUATION_DEPTH = 128;

export interface ImportInfo {
  module: string;
  path: string;
  /** The token that starts the import statement, where the language records it. */
  at?: number;
  /** An ElectroDB entity or service a workspace module passes on: its indexes that name one item at most. */
  uniqueIndexes?: readonly string[];
}

/** Where `import { A, B } from 'm'` can take one more name. */
export interface NamedImportSite {
  module: string;
  names: Set<string>;
  closeBrace: number;
}

export class CodeAnalyzer {
  readonly tokens: Tokens;
  readonly comments: Comment[];
  readonly partner: Int32Array;
  readonly parent: Int32Array;
  readonly scopes: ScopeTree<Value>;
  readonly imports = new Map<string, ImportInfo>();
  readonly namedImports: NamedImportSite[] = [];
  /** Services (and 'redis', 'dynamodb-document', 'boto3', 'rds-auth') this file imports. */
  readonly services = new Set<string>();
  readonly goPackages = new Map<string, string>();
  /** Go struct types declared in the file: field name to its binding, per struct. */
  readonly structFields = new Map<string, Map<string, Binding<Value>>>();
  /** Function scopes by scope id, with their parameters and bodies. */
  readonly functions = new Map<number, FunctionScope>();
  /** 1 for each token that starts a line. */
  private readonly lineStarts: Uint8Array;
  /** Braces that open a class, function, loop or block body (not object literals). */
  readonly bodies: Uint8Array;
  /** Class scopes whose base class the file does not declare, to the token that names it (`class Cache extends Redis`). */
  readonly outsideBases = new Map<number, number>();
  /** Per function scope, the tokens that start its `return` expressions. */
  readonly returns = new Map<number, number[]>();

  /**
   * The strings of tokens `start` to `end` (exclusive) that the code builds from values (`builtStrings.ts`). Here,
   * on the analyzer that composes the readers, so that the option objects (`options.ts`), which the readers behind
   * `builtStrings.ts` use, need not import it.
   */
  builtStrings(start: number, end: number): readonly Span[] {
    return builtStringsOf(this, start, end);
  }

  /** Records a `return` whose expression starts at `expression`, for the function around it. */
  addReturn(expression: number): void {
    const scope = this.scopes.enclosing(expression, ['function']);
    if (scope > 0) {
      const list = this.returns.get(scope);
      if (list) {
        list.push(expression);
      } else {
        this.returns.set(scope, [expression]);
      }
    }
  }
  readonly operations: OperationOccurrence[] = [];
  /** A file its toolchain builds for tests only (Go's `_test.go`): all of it is test code (`testFixtures.ts`). */
  testOnlyFile = false;
  /** A test or a test double by its path (`tests/`, `pool.spec.ts`): its environment fallbacks are a test's (`envFallbacks.ts`). */
  testFile = false;
  readonly contexts: OptionContext[] = [];
  readonly redisCalls: RedisCall[] = [];
  /** The table object an operation is called on, where its table is named (`Table(name).query(...)`), or the .NET `DynamoDBContext`. */
  readonly receivers = new Map<OperationOccurrence, Value & { t: 'client' }>();
  /** TypeScript CDK props literals typed with their construct's props interface (`cdkTypedProps.ts`). */
  readonly typedCdkProps: { type: string; anchor: number; open: number }[] = [];
  /** Ingress that code writes out as a template would (CDK L1 security groups). */
  readonly ingress: IngressRule[] = [];
  /** Requests by the first token of the expression that builds them, for variables that hold one. */
  readonly requestAt = new Map<number, OptionContext>();
  /** Values bound to member paths (`g.db`, `cache["t"]`). */
  readonly memberPaths = new MemberPaths();
  /** `name["Key"] = value` statements, by the binding of the dict they add a key to (Python request dicts). */
  readonly keyAssignments = new Map<Binding<Value>, OptionSlot[]>();
  private readonly evaluating = new Set<Binding<Value>>();
  /** Calls of parametrised functions being read, innermost last (see `parametrisedCalls.ts`). */
  readonly frames: Frame[] = [];
  private readonly evaluated = new Map<Binding<Value>, Value | undefined>();
  /** `return` expressions and unpacked values as bindings, so that each is evaluated once. */
  private readonly expressionBindings = new Map<number, Binding<Value>>();

  constructor(
    readonly text: string,
    readonly language: CodeLanguage,
    readonly lines: LineIndex,
    /** Workspace mode: the file's path there, and the clients that other modules of the workspace export. */
    readonly project?: ProjectContext,
  ) {
    const lexed = lex(text, language.family);
    this.tokens = lexed.tokens;
    this.comments = lexed.comments;
    this.partner = matchBrackets(this.tokens);
    this.parent = enclosingBrackets(this.partner);
    this.lineStarts = lineStarts(text, this.tokens);
    this.scopes = new ScopeTree<Value>(this.tokens.length, { classFieldsVisible: language.classFieldsVisible, classBodyNamesVisible: language.classBodyNamesVisible, moduleNamesUnordered: language.moduleNamesUnordered });
    this.bodies = new Uint8Array(this.tokens.length);
  }

  run(): void {
    this.bind();
    this.language.collectRequests(this);
    budgetCheck();
    collectCalls(this);
    forwardedRequests(this);
    importedRequestForwards(this);
    this.language.finish?.(this);
    budgetCheck();
  }

  /** Imports, scopes and bindings: what evaluating a name needs (the workspace index reads a module's exports with no more). */
  bind(): void {
    const language = this.language;
    language.collectImports(this);
    language.buildScopes(this, this.scopes);
    this.scopes.finish();
    budgetCheck();
    language.collectBindings(this, this.scopes);
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

  isString(index: number): boolean {
    return this.tokens.kinds[index] === STR;
  }

  idIs(index: number, word: string): boolean {
    return this.tokens.kinds[index] === ID && this.tokens.is(index, word);
  }

  span(from: number, to: number): Span {
    return { start: this.tokens.starts[from], end: this.tokens.ends[to] };
  }

  tokenSpan(index: number): Span {
    return { start: this.tokens.starts[index], end: this.tokens.ends[index] };
  }

  /** The tokens of a span that starts and ends on token boundaries (an option's key or value), as [from, to). */
  tokensOf(span: Span): [number, number] {
    return tokensOfSpan(this.tokens, span);
  }

  isAccess(index: number): boolean {
    const code = this.tokens.codes[index];
    return code === DOT || code === OPTIONAL_DOT || (code === QUESTION && this.language.family === 'csharp');
  }

  /** Whether a token starts its line. */
  startsLine(index: number): boolean {
    return index <= 0 || this.lineStarts[index] === 1;
  }

  /** Whether a token sits inside parentheses opened after `after`. */
  insideParens(index: number, after: number): boolean {
    let open = this.parent[index];
    while (open >= 0) {
      if (open > after && this.is(open, '(')) {
        return true;
      }
      open = this.parent[open];
    }
    return false;
  }

  /** `a.b.c` from a token: the text and the token after it. */
  dottedPath(from: number): { text: string; end: number } {
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

  /** The token after the bracket group that starts at `index`, or `index + 1`. */
  skipGroup(index: number): number {
    const partner = this.partner[index];
    return partner > index ? partner + 1 : index + 1;
  }

  // ----- imports -------------------------------------------------------------------------------

  addImport(local: string, imported: string, named: string, at?: number): void {
    // A workspace module that only passes on a library's name: the name is the library's.
    const library = libraryImport(this, imported, named);
    const module = library?.module ?? imported;
    const path = library?.path ?? named;
    this.imports.set(local, { module, path, ...(at === undefined ? {} : { at }), ...(library ? uniqueIndexesOf(library) : {}) });
    this.noteModule(module);
  }

  noteModule(module: string): void {
    for (const service of JS_MODULES[module] ?? []) {
      this.services.add(service);
    }
    if (isBoto3Module(module)) {
      this.services.add('boto3');
    }
    if ((PYTHON_REDIS_MODULES.test(module) || Object.hasOwn(PYTHON_REDIS_HELPERS, module) || isGlidePythonModule(module)) && this.language.family === 'python') {
      this.services.add('redis');
    }
  }

  // ----- values --------------------------------------------------------------------------------

  /** The value of a binding, evaluated once; a binding that refers to itself has none. */
  valueOf(binding: Binding<Value> | undefined): Value | undefined {
    if (!binding) {
      return undefined;
    }
    if (binding.fixed !== undefined) {
      return binding.fixed ?? undefined;
    }
    if (binding.expression < 0 && !binding.destructured && !binding.unpacked) {
      // A NestJS parameter injected by token (`@Inject('REDIS') redis: any`) holds what the token's providers give.
      const declared = binding.declared?.t === 'client' ? binding.declared : undefined;
      const member = binding.typedMember ? this.member(binding.typedMember.of, binding.typedMember.key) : undefined;
      return declared ?? injectedClient(this, binding.token) ?? binding.declared ?? member ?? passedByCallers(this, binding);
    }
    // Inside a function read for a call's strings, a binding's value is the frame's own.
    const evaluated = (this.frames.length > 0 && frameOf(this, binding.token)?.values) || this.evaluated;
    if (evaluated.has(binding)) {
      return evaluated.get(binding);
    }
    // A binding that reads its own name has no value; nor has one past the depth that real code never
    // reaches (a chain of thousands of getters, each returning the next, would overflow the stack).
    if (this.evaluating.has(binding) || this.evaluating.size >= MAX_EVALUATION_DEPTH) {
      return undefined;
    }
    this.evaluating.add(binding);
    const value =
      (binding.destructured ? destructuredValue(this, binding.destructured) : binding.unpacked ? unpackedElement(this, binding.unpacked) : this.expressionValue(binding)) ??
      binding.declared ??
      targetTypedValue(this, binding.expression) ??
      (this.language.typeArguments ? resolvedType(this, binding.expression) : undefined);
    this.evaluating.delete(binding);
    evaluated.set(binding, value);
    return value;
  }

  /** What a binding's expression gives: an element of it for a loop variable, the sequence it writes out (see `CodeLanguage.sequenceAt`), or its value. */
  private expressionValue(binding: Binding<Value>): Value | undefined {
    if (binding.element) {
      return this.elementValue(binding.expression, 0);
    }
    const sequence = binding.sequence ? this.language.sequenceAt?.(this, binding.expression) : undefined;
    return sequence ? sequence.value : chainOrFallback(this, binding.expression);
  }

  /** Whether a binding's value is being evaluated (a value that reads its own name meets it). */
  isEvaluating(binding: Binding<Value>): boolean {
    return this.evaluating.has(binding);
  }

  /**
   * An element of the collection an expression gives: the first element of a list literal or the element
   * of a comprehension (`[boto3.resource(...).Table(n) for n in names]`), a node of an ioredis cluster
   * (`cluster.nodes('master')`), through a variable bound to one.
   */
  private elementValue(start: number, depth: number): Value | undefined {
    const node = clusterNodeElement(this, start) ?? (this.language.family === 'csharp' ? stackExchangeServer(this.evalChain(start, this.tokens.length).value) : undefined);
    if (node) {
      return node;
    }
    // A JavaScript `(x as T[]).map(...)` is no tuple: the parentheses only group its receiver.
    const grouped = this.language.family === 'js' && this.is(start, '(') && this.partner[start] > start && this.isAccess(this.partner[start] + 1);
    if (this.is(start, '[') || (this.is(start, '(') && !grouped)) {
      return this.evalChain(start + 1, this.partner[start] > start ? this.partner[start] : this.tokens.length).value;
    }
    const binding = this.isId(start) && depth < 4 ? this.scopes.lookup(this.tokens.text(start), start) : undefined;
    return binding && binding.expression >= 0 && !binding.element ? this.elementValue(binding.expression, depth + 1) : undefined;
  }

  /** What a name means at a token: a binding in scope, else an import, Go package or client type. */
  lookup(name: string, token: number): Value | undefined {
    // Java and C# keep methods and fields apart: `orders.scan()` inside a method `orders()` reads the field.
    const binding = this.scopes.lookup(name, token, this.language.classFieldsVisible && this.tokens.codes[token + 1] !== OPEN_PAREN);
    // `redis = redis.Redis.from_url(url)` at module level: the value is read before the name is bound, so the
    // name that starts it is the module it was imported as, not the binding it makes. (In a function the
    // name would be a local read before assignment, or a parameter.)
    const rebindsImport = binding !== undefined && binding.expression === token && this.imports.has(name) && this.scopes.enclosing(token, ['function']) <= 0;
    // `def handler(event, context, client=client)`: a default is evaluated where the function is defined, so the
    // name it reads is the one outside the function, not the parameter it sets.
    const readsItself = binding !== undefined && binding.expression === token && this.evaluating.has(binding);
    // Go's `switch rdb := rdb.(type)`, `c := c.WithContext(ctx)`: the new name is in scope only after its
    // declaration, so the name its value starts with is the one bound before it (in its function; else, as
    // below, outside a closure that declares it first).
    const before = readsItself && this.language.family === 'go' && binding.token > 0 ? this.lookup(name, binding.token - 1) : undefined;
    if (before !== undefined) {
      return before;
    }
    // `user = Object.assign(user, changes)`: a name read inside the value a reassignment gives it is the name as bound before.
    const readInside = binding !== undefined && binding.expression >= 0 && binding.expression < token && binding.token > 0 && binding.token < binding.expression && this.evaluating.has(binding);
    if (readInside) {
      return this.lookup(name, binding.token - 1);
    }
    const defaultOfItself = readsItself ? this.scopes.enclosing(binding.token, ['function']) : -1;
    if (defaultOfItself > 0 && this.scopes.start(defaultOfItself) > 0) {
      return this.lookup(name, this.scopes.start(defaultOfItself) - 1);
    }
    if (binding && !rebindsImport) {
      // A name bound more than once outside the function that reads it: what its bindings agree on.
      const outer = binding.fixed === undefined ? this.scopes.outerBindings(name, token) : undefined;
      const agreed = outer && outer.length > 1 ? agreedOuterValue(this, outer) : undefined;
      if (agreed) {
        return agreed.value;
      }
      const settled = outer === undefined ? pastEmptyingBranch(this, name, binding, token) : binding;
      return this.assignedField(name, token, settled) ?? this.valueOf(settled);
    }
    const imported = this.imports.get(name);
    if (imported) {
      if (isBoto3Module(imported.module)) {
        return imported.path && imported.path !== name ? { t: 'boto3', imported: imported.path } : { t: 'boto3' };
      }
      return importedClient(this, imported.module, imported.path) ?? (this.language.family === 'python' ? djangoCacheImport(imported.module, imported.path) : undefined) ?? { t: 'ref', module: imported.module, path: imported.path, ...uniqueIndexesOf(imported) };
    }
    const goService = this.goPackages.get(name);
    if (goService) {
      return { t: 'gopkg', service: goService };
    }
    const typed = this.language.classFieldsVisible ? TYPED_CLIENTS[name] : undefined;
    if (typed && this.services.has(SERVICE_OF_KIND[typed])) {
      return { t: 'type', kind: typed };
    }
    // A Java or C# field a project base class of another file declares (workspace mode).
    return inheritedClassName(this, name, token, this.tokens.codes[token + 1] === OPEN_PAREN) ?? this.language.importedType?.(this, name) ?? kotlinTopLevelName(this, name, token) ?? this.staticReceiver(name, token);
  }

  /**
   * Java and C#: a class named as the receiver of a member (`RedisCache.GetDatabase()`, `Db.Mapper`), whose
   * static members the chain then reads: a class of this file, else a project class of another (workspace mode).
   */
  private staticReceiver(name: string, token: number): Value | undefined {
    if (this.language.classFieldsVisible && this.tokens.is(token - 1, 'new') && this.scopes.classNamed(name) <= 0) {
      // `new Db().mapper()` of a project class of another file: its members, read through the instance it makes.
      return staticProjectClass(this, name);
    }
    if (!this.language.classFieldsVisible || !this.isAccess(token + 1) || this.isAccess(token - 1)) {
      return undefined;
    }
    const classScope = this.scopes.classNamed(name);
    return classScope > 0 ? { t: 'instance', classScope } : staticProjectClass(this, name);
  }

  /**
   * A Java or C# field declared with a client type and set in a method (`this.orders = enhanced.table(name, schema)`):
   * the value it is set to, when it is the same kind of client, since it tells more (the table it names).
   */
  private assignedField(name: string, token: number, declaration: Binding<Value>): Value | undefined {
    const declared = declaration.expression < 0 ? declaration.declared : undefined;
    if (declared?.t !== 'client' || !this.language.classFieldsVisible) {
      return undefined;
    }
    const classScope = this.scopes.enclosing(token, ['class']);
    const assigned = classScope > 0 ? this.scopes.member(classScope, name, true) : undefined;
    if (!assigned || assigned === declaration || assigned.expression < 0) {
      return undefined;
    }
    const value = this.valueOf(assigned);
    return value?.t === 'client' && value.kind === declared.kind ? value : undefined;
  }

  /** What a member of a value is (see `members.ts`). */
  member(value: Value, name: string): Value | undefined {
    return memberOf(this, value, name);
  }

  /** What calling a value gives (see `chains.ts`). */
  call(value: Value, name: string, open: number, constructed: boolean, owner?: Value): Value | undefined {
    return callValue(this, value, name, open, constructed, owner);
  }

  /** The value of the chain that starts at `from` (`new X(...)`, `a.b(...).c`, `this.x`), stopping at `limit` (see `chains.ts`). */
  evalChain(from: number, limit: number): { value: Value | undefined; end: number } {
    return chainValue(this, from, limit);
  }

  /** Where the expressions a same-file function returns start: its concise body, or each `return`. */
  returnStarts(fn: { scope: number; concise: number }): readonly number[] {
    return fn.concise >= 0 ? [fn.concise] : (this.returns.get(fn.scope) ?? []);
  }

  /**
   * What a same-file function returns: the first of its `return` expressions (or its concise body) that has a
   * value; its declared return type (`get cache(): Redis`) where that value is neither a client nor an instance.
   */
  returnValue(fn: { scope: number; concise: number; returnType?: number }): Value | undefined {
    let returned: Value | undefined;
    const starts = this.returnStarts(fn);
    for (let k = 0; k < starts.length; k++) {
      returned = this.valueOf(this.expressionBinding(starts[k]));
      if (returned) {
        returned = returned.t === 'sequence' ? agreedSequence(this, returned, starts, k + 1) : returned;
        break;
      }
    }
    if (fn.returnType === undefined || returned?.t === 'client' || returned?.t === 'instance') {
      return returned;
    }
    return this.language.typeValue(this, fn.returnType) ?? returned;
  }

  /**
   * The expression of a `return`, or the value of an unpacking assignment, that starts at `start` as a
   * binding, so that each is evaluated once (per frame); it may write out a sequence (`return ddb, cache`).
   */
  expressionBinding(start: number): Binding<Value> {
    const binding = this.expressionBindings.get(start) ?? { token: start, expression: start, sequence: true };
    this.expressionBindings.set(start, binding);
    return binding;
  }

  /** `x.name = expr` on a plain variable (not `this`), by the variable's name, in token order (see `requests.ts`). */
  readonly memberAssignments = new Map<string, number[]>();

  /**
   * `this.name = expr` (the `=` at `eq`): a field of the class around it, read by `this.name` in any method; in
   * JavaScript also `Store.name = expr` on a class of the file by its name (a static field a static method sets).
   */
  bindThisField(eq: number): void {
    const self = this.idIs(eq - 3, 'this') && !this.isAccess(eq - 4);
    const enclosingClass = self ? this.scopes.enclosing(eq, ['class']) : -1;
    // Outside a class, a JavaScript constructor function's `this.client = ...` (see constructorFunctions.ts).
    const classScope = self && enclosingClass <= 0 && this.language.family === 'js' ? constructorScope(this, eq) : self ? enclosingClass : this.namedClassField(eq);
    if (classScope > 0) {
      this.scopes.bind(classScope, `.${this.tokens.text(eq - 1)}`, { token: eq - 1, expression: eq + 1 });
    }
  }

  /** The class `Store` of `Store.name = expr` (the `=` at `eq`) when the file declares one class of that name; JavaScript only. */
  private namedClassField(eq: number): number {
    if (this.language.family !== 'js' || !this.isId(eq - 3) || this.isAccess(eq - 4) || !/^[A-Z]/.test(this.tokens.text(eq - 3))) {
      return -1;
    }
    return this.scopes.classNamed(this.tokens.text(eq - 3));
  }

  // ----- calls ---------------------------------------------------------------------------------

  /** A request built in if/elif/else branches, to the requests of its other branches (see `requestsByBranch`). */
  readonly branchRequests = new Map<OptionContext, OptionContext[]>();

  /** Records an operation, once per branch that builds its request; `receiver`: the table object it is called on. */
  addOperation(occurrence: OperationOccurrence, receiver?: Value & { t: 'client' }): void {
    const branches = occurrence.request ? (this.branchRequests.get(occurrence.request) ?? []) : [];
    for (const each of [occurrence, ...branches.map((request) => ({ ...occurrence, request }))]) {
      this.operations.push(each);
      if (receiver) {
        this.receivers.set(each, receiver);
      }
    }
  }

  /** A request held by a variable: the request built by the expression the name is bound to, in scope. */
  requestVariable(name: string, before: number): OptionContext | undefined {
    const binding = this.scopes.lookup(name, before);
    // A parameter declared as a request (Go's `input *dynamodb.QueryInput`) is kept by its name's token.
    // A name declared with a request type and given one the file does not build, too (`typedDeclarations.ts`).
    const held = binding && ((binding.expression >= 0 ? requestBuiltBy(this, binding.expression) : undefined) ?? this.requestAt.get(binding.token));
    return held ?? (binding && binding.expression < 0 ? this.fieldRequest(name, before) : undefined);
  }

  /**
   * Java and C#: a field of the enclosing class declared without a value and given one request in the class
   * (`this.request = new ExecuteStatementRequest().withResourceArn(arn)` in the constructor), which a method
   * completes (`request.withSql(sql)`): that request. Any other assignment of the field leaves it unknown.
   */
  private fieldRequest(name: string, before: number): OptionContext | undefined {
    if (!this.language.classFieldsVisible) {
      return undefined;
    }
    const owner = this.scopes.enclosing(before, ['class']);
    const valued = owner > 0 ? this.scopes.memberBindings(owner, name).filter((member) => member.expression >= 0) : [];
    return valued.length === 1 ? requestBuiltBy(this, valued[0].expression, false) : undefined;
  }

  /** The `{` (or `dict(` / `(`) of the object literal a name is bound to in scope, or -1. */
  objectVariable(name: string, before: number): number {
    const binding = this.scopes.lookup(name, before);
    if (!binding || binding.expression < 0) {
      return -1;
    }
    const k = binding.expression;
    if (this.is(k, '{')) {
      return k;
    }
    return this.idIs(k, 'dict') && this.is(k + 1, '(') ? k + 1 : -1;
  }
}
