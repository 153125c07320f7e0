/**
 * What each application language tells the shared analyzer: how it imports, where its scopes are, how it
 * declares and assigns names, how it builds requests, and how an option is written. One module per
 * language implements this; the analyzer never asks which language it reads.
 */
import { Family } from '../lexer';
import { ClientKind } from '../services';
import { OptionContext } from '../model';
import { ScopeTree } from '../scope/scopes';
import type { CodeAnalyzer } from './analyzer';
import { Value } from './values';

/** Where an option's key and value sit, in tokens. */
export interface OptionSlot {
  key: number;
  valueStart: number;
  /** Exclusive. */
  valueEnd: number;
  /** Token range to remove with the option (inclusive), before widening to whole lines. */
  removalStart: number;
  removalEnd: number;
  /** The option's name where the key token says more (`ConsistentRead` for Java SDK 1.x `withConsistentRead`). */
  name?: string;
}

/** A function scope and the parameter group it starts with (`(` token, or a single name for `x => ...`). */
export interface FunctionScope {
  scope: number;
  params: number;
  /** The token that opens the body (`{`, or Python's `:`), or -1 for a concise body. */
  body: number;
  /** Where a concise body (`=> expr`, Python `lambda: expr`) starts, or -1. */
  concise: number;
}

export interface CodeLanguage {
  readonly id: 'javascript' | 'typescript' | 'python' | 'java' | 'kotlin' | 'go' | 'csharp';
  readonly family: Family;
  readonly commentPrefix: string;
  /** Java and C#: class fields are visible as bare names in methods. */
  readonly classFieldsVisible: boolean;
  /** Python: a class body reads the names it has bound so far (see `ScopeOptions`). */
  readonly classBodyNamesVisible?: boolean;
  /** Go: package-level names are visible to one another in any order (see `ScopeOptions`). */
  readonly moduleNamesUnordered?: boolean;
  /** Kotlin: a call of a type's name constructs it, as `new` does in Java (`JedisPool(config, host, port)`). */
  readonly constructsWithoutNew?: boolean;
  /** Kotlin: a call may take a lambda alone, with no parentheses (`ddb.scan { it.tableName(t) }`). */
  readonly trailingLambdas?: boolean;
  /** Kotlin: a Java getter is read as a property (`pool.resource` for `pool.getResource()`). */
  readonly propertyGetters?: boolean;
  /** Type arguments (`<T>`) may follow a name in a chain. */
  readonly typeArguments: boolean;
  collectImports(a: CodeAnalyzer): void;
  /** Adds the scopes to the tree in order of their start. */
  buildScopes(a: CodeAnalyzer, tree: ScopeTree<Value>): void;
  /** Declarations, parameters, assignments, fields, and functions, as bindings in the tree. */
  collectBindings(a: CodeAnalyzer, tree: ScopeTree<Value>): void;
  /** Request objects built apart from the call (Java builders, C# initializers, Go input structs). */
  collectRequests(a: CodeAnalyzer): void;
  /** The option whose key is token `k`, inside the brackets `open`..`close`. */
  optionAt(a: CodeAnalyzer, k: number, open: number, close: number): OptionSlot | undefined;
  /** The request of a call to a client method `name(open ... close)`. */
  requestForCall(a: CodeAnalyzer, open: number, close: number, operation: string): OptionContext | undefined;
  /** A declared type (`DynamoDBClient`, `*dynamodb.Client`, `Table`) as a value, from the token where it starts. */
  typeValue(a: CodeAnalyzer, start: number): Value | undefined;
  /**
   * The sequence a `return` or an unpacking assignment writes out from `start` (Python `return ddb, cache`),
   * or the sequence a call there gives as the whole value: `{ value }`, which may be nothing; undefined
   * where the expression is no sequence and is read as any other.
   */
  sequenceAt?(a: CodeAnalyzer, start: number): { value: Value | undefined } | undefined;
  /** A class name that only the file's imports make a client type (Java's `Jedis`, `Table`), as a `type` value. */
  importedType?(a: CodeAnalyzer, name: string): Value | undefined;
  /**
   * Another spelling of a member path that reaches the same object wherever it is written, as the key
   * under which an assignment to either is bound (`request.app.state.db` and `app.state.db`), or undefined.
   */
  memberAlias?(path: string): string | undefined;
  /**
   * The clients whose method names a call's request may be read against when the receiver's value is not
   * known (see `requestShapes.ts`), in order; none where requests are typed objects the calls already name.
   */
  readonly requestShapeKinds?: readonly ClientKind[];
  /** Language-specific calls: `x.m(...)` whose receiver is not a client, or a call with no receiver. Returns whether it handled it. */
  otherCall?(a: CodeAnalyzer, nameIndex: number, receiver: Value | undefined, receiverStart: number): boolean;
  /** The request a call of a workspace function builds (the callee from `start`, its name at `nameIndex`), as the workspace model tells. */
  projectRequest?(a: CodeAnalyzer, start: number, nameIndex: number): OptionContext | undefined;
  /** A last pass once every call is read: what a function's callers decide about what it returns. */
  finish?(a: CodeAnalyzer): void;
}
