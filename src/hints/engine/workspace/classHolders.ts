/**
 * Java and C# holder classes that hand out another project class rather than a client (`public Tables tables()`
 * where `Tables` has `public DynamoDbTable<Order> orders()`; `IRepositories Repositories { get; }`). The file
 * keeps, per class, each visible member's declared type as the class keys it may stand for (`classHolders`); the
 * model follows the first that the workspace indexes and lends its members under the member's name, so that
 * `db.tables().orders().scan(...)` reads `tables().orders()` of `Database` as the table.
 */
import type { CodeAnalyzer } from '../code/analyzer';
import { ClassLanguage, typeCandidates } from '../code/languages/baseClassFields';
import { typeBefore } from '../code/languages/typedDeclarations';
import type { Binding } from '../scope/scopes';
import type { Value } from '../code/values';
import { METHOD_MADE_PREFIX } from '../code/languages/jvmMethodClients';
import type { ExportedClient, FileContribution, ForwardedCall } from './types';

/** Types a holder's member may declare that are never a project class: the languages' own and their collections. */
const NOT_HOLDERS = new Set([
  'String', 'string', 'Object', 'object', 'Integer', 'Long', 'Boolean', 'Double', 'Void', 'void', 'var', 'int', 'long', 'bool', 'boolean',
  'Task', 'ValueTask', 'Optional', 'CompletableFuture', 'Mono', 'Flux', 'List', 'Map', 'Set', 'IEnumerable', 'IList', 'IDictionary',
  'Dictionary', 'Collection', 'Stream', 'DateTime', 'Guid', 'Date', 'Instant', 'UUID', 'Logger', 'ILogger',
]);
/** How many holders past the class itself a member is followed through (`db.tables().orders()` goes through one, `Tables`). */
const MAX_DEPTH = 3;

/** Whether a declared type's simple name may be a project class: capitalized, and none of the languages' own types. */
export function mayBeHolderType(name: string): boolean {
  return /^[A-Z]/.test(name) && !NOT_HOLDERS.has(name);
}

/** A member declared with a type that may be a project class: the class keys the type stands for, in the language's order. */
export function holderCandidates(a: CodeAnalyzer, language: ClassLanguage, declarations: readonly Binding<Value>[]): string[] | undefined {
  let agreed: string | undefined;
  for (const binding of declarations) {
    const start = typeBefore(a, binding.token);
    const { text, end } = start >= 0 ? a.dottedPath(start) : { text: '', end: -1 };
    // A generic (`List<Tables>`) or array type is no holder; nor one each overload declares differently.
    if (!text || end !== binding.token || !mayBeHolderType(text.slice(text.lastIndexOf('.') + 1)) || (agreed !== undefined && agreed !== text)) {
      return undefined;
    }
    agreed = text;
  }
  return agreed === undefined ? undefined : typeCandidates(a, language, agreed);
}

/**
 * The members of the class `key` with those of the project classes its members hold or return, each under the
 * member's name (`tables().orders()`), followed `MAX_DEPTH` classes deep and never back into a class on the way
 * (a class that returns itself, `Db.getInstance()`, lends its own members once).
 */
export function withHeldMembers(
  key: string,
  fields: (key: string) => Readonly<Record<string, ExportedClient>> | undefined,
  holders: (key: string) => Readonly<Record<string, readonly string[]>> | undefined,
  visiting: ReadonlySet<string> = new Set(),
): Readonly<Record<string, ExportedClient>> | undefined {
  const own = fields(key);
  const held = holders(key);
  if (!held || visiting.size >= MAX_DEPTH) {
    return own;
  }
  const inner = new Set([...visiting, key]);
  let merged: Record<string, ExportedClient> | undefined;
  for (const [member, candidates] of Object.entries(held)) {
    const target = candidates.find((candidate) => fields(candidate) !== undefined || holders(candidate) !== undefined);
    // A singleton's `getInstance()` returns its own class: its own client members, read once.
    const members = target === key ? own : target === undefined || inner.has(target) ? undefined : withHeldMembers(target, fields, holders, inner);
    for (const [name, client] of Object.entries(members ?? {})) {
      merged ??= { ...own };
      merged[`${member}.${name}`] = client;
    }
  }
  return merged ?? own;
}

/**
 * The workspace's Java and C# classes by `classKey`: their client members, with those of the project classes their
 * members hold (`withHeldMembers`), answered once per class. A class two files declare (a copy in another source
 * set, a C# partial class) is unknown. A method that hands its call on to a project class's method making a client
 * on each call makes one too (`classForwards.ts`), and an interface that one class alone implements lends that
 * class's such methods, as the one bean or service a container injects for it.
 */
export class ClassIndex {
  private readonly fields = new Map<string, Readonly<Record<string, ExportedClient>> | null>();
  private readonly holders = new Map<string, Readonly<Record<string, readonly string[]>> | null>();
  private readonly forwards = new Map<string, Readonly<Record<string, readonly ForwardedCall[]>> | null>();
  /** Each interface's one implementing class (`null`: two or more). */
  private readonly implementers = new Map<string, string | null>();
  /** How many classes of the workspace implement an interface of each simple name (`java:OrderService`). */
  private readonly implementedNames = new Map<string, number>();
  private readonly answers = new Map<string, Readonly<Record<string, ExportedClient>> | undefined>();
  /** The `made:` methods each class has through the calls it hands on, found once for all classes. */
  private forwarded: Map<string, Record<string, ExportedClient>> | undefined;

  constructor(contributions: Iterable<FileContribution>) {
    for (const contribution of contributions) {
      const declared = new Set([...Object.keys(contribution.classFields ?? {}), ...Object.keys(contribution.classHolders ?? {}), ...Object.keys(contribution.classForwards ?? {})]);
      for (const key of declared) {
        const twice = this.fields.has(key) || this.holders.has(key) || this.forwards.has(key);
        this.fields.set(key, twice ? null : (contribution.classFields?.[key] ?? null));
        this.holders.set(key, twice ? null : (contribution.classHolders?.[key] ?? null));
        this.forwards.set(key, twice ? null : (contribution.classForwards?.[key] ?? null));
      }
      for (const name of contribution.implementedInterfaceNames ?? []) {
        this.implementedNames.set(name, (this.implementedNames.get(name) ?? 0) + 1);
      }
      for (const [key, interfaces] of Object.entries(contribution.classInterfaces ?? {})) {
        for (const candidate of interfaces.flat()) {
          this.implementers.set(candidate, this.implementers.has(candidate) && this.implementers.get(candidate) !== key ? null : key);
        }
      }
    }
  }

  /** The members of class `key` that hold or hand out clients, directly or through another project class. */
  members(key: string): Readonly<Record<string, ExportedClient>> | undefined {
    if (!this.answers.has(key)) {
      const own = this.ownMembers(key);
      const lent = { ...this.implementerMade(key), ...this.forwardedMade().get(key) };
      this.answers.set(key, Object.keys(lent).length > 0 ? { ...lent, ...own } : own);
    }
    return this.answers.get(key);
  }

  private ownMembers(key: string): Readonly<Record<string, ExportedClient>> | undefined {
    const own = (name: string): Readonly<Record<string, ExportedClient>> | undefined => this.fields.get(name) ?? undefined;
    const held = (name: string): Readonly<Record<string, readonly string[]>> | undefined => this.holders.get(name) ?? undefined;
    return withHeldMembers(key, own, held);
  }

  /** The `made:` methods of the one class that implements the interface `key`, own and forwarded. */
  private implementerMade(key: string): Record<string, ExportedClient> {
    const implementer = this.soleImplementer(key);
    return implementer ? madeOnly({ ...this.forwardedMade().get(implementer), ...this.fields.get(implementer) }) : {};
  }

  /** The one class that implements the interface `key`, unless any other class implements an interface of its simple name. */
  private soleImplementer(key: string): string | undefined {
    const implementer = this.implementers.get(key);
    const simple = `${key.slice(0, key.indexOf(':'))}:${key.slice(Math.max(key.lastIndexOf('.'), key.indexOf(':')) + 1)}`;
    return implementer && (this.implementedNames.get(simple) ?? 0) <= 1 ? implementer : undefined;
  }

  /**
   * Every class's methods that make a client by handing the call on, to a fixed point: a call reaches the first class
   * its field's type may stand for that the workspace knows, or the one class implementing that interface.
   */
  private forwardedMade(): Map<string, Record<string, ExportedClient>> {
    if (this.forwarded) {
      return this.forwarded;
    }
    const found = new Map<string, Record<string, ExportedClient>>();
    const made = (key: string | null | undefined): Readonly<Record<string, ExportedClient>> => (key ? { ...found.get(key), ...this.fields.get(key) } : {});
    const target = (classes: readonly string[]): string | undefined => classes.find((candidate) => this.forwards.has(candidate) || this.fields.has(candidate) || this.implementers.has(candidate));
    for (let round = 0, changed = true; changed && round < MAX_FORWARD_ROUNDS; round++) {
      changed = false;
      for (const [key, methods] of this.forwards) {
        for (const [method, calls] of Object.entries(methods ?? {})) {
          const name = `${METHOD_MADE_PREFIX}${method}`;
          if (Object.hasOwn(made(key), name)) {
            continue;
          }
          for (const call of calls) {
            const to = target(call.classes);
            const reached = to === undefined ? undefined : { ...made(this.soleImplementer(to)), ...made(to) };
            const client = reached && Object.hasOwn(reached, `${METHOD_MADE_PREFIX}${call.method}`) ? reached[`${METHOD_MADE_PREFIX}${call.method}`] : undefined;
            if (client) {
              found.set(key, { ...found.get(key), [name]: client });
              changed = true;
              break;
            }
          }
        }
      }
    }
    this.forwarded = found;
    return found;
  }
}

/** How many links of handed-on calls are followed (controller → service → repository takes two). */
const MAX_FORWARD_ROUNDS = 6;

/** The members a class has by making a client on each call of a method. */
function madeOnly(members: Readonly<Record<string, ExportedClient>>): Record<string, ExportedClient> {
  return Object.fromEntries(Object.entries(members).filter(([name]) => name.startsWith(METHOD_MADE_PREFIX)));
}
