/**
 * Workspace mode, Java and C#: the client fields a class inherits from a project class of another file
 * (`class OrderService extends DdbServiceBase` whose `protected DynamoDbClient dbClient`, or `class OrderRepo :
 * BaseRepo` whose `protected readonly IAmazonDynamoDB Client`, the workspace indexes in `workspace/classFields.ts`), and
 * the client members of a project class or interface a name is declared with (`IDynamoContext db` then `db.Context`).
 * The type is found as the language resolves its simple name. Java: a single-type import, the file's package,
 * then its on-demand (`.*`) imports. C#: the file's namespaces and the namespaces enclosing them, then its
 * `using`s. A qualified name counts as written.
 */
import { ExportedClient } from '../../workspace/types';
import type { CodeAnalyzer } from '../analyzer';
import { FileMemo } from '../fileMemo';
import { clientValue } from '../projectImports';
import { Value } from '../values';

export type ClassLanguage = 'java' | 'csharp';

/** The index key under which a project class or interface that is itself a client keeps that client (no member's name). */
export const SELF_KEY = '(self)';

/** The key of a class in the workspace model: its language and qualified name. */
export function classKey(language: ClassLanguage, qualifiedName: string): string {
  return `${language}:${qualifiedName}`;
}

interface DeclaredNames {
  /** Qualified names a simple name stands for by a single-type import (Java). */
  single: Map<string, string>;
  /** Packages or namespaces whose classes the file reads by simple name, in the order they are looked in. */
  containers: string[];
  /** The file's own package (Java) or first namespace (C#), if it declares one. */
  own: string | undefined;
}

/** How far up a chain of same-file base classes the project base is looked for (as `clientClasses.ts` does). */
const MAX_BASE_DEPTH = 8;

const fileNames = new FileMemo<'names', DeclaredNames>();
const baseFields = new FileMemo<number, Readonly<Record<string, ExportedClient>> | null>();

/** Kotlin's classes are keyed as Java's: each reads the other's (`workspace/kotlinHolders.ts` keeps Kotlin's objects). */
function languageOf(a: CodeAnalyzer): ClassLanguage | undefined {
  return a.language.id === 'java' || a.language.id === 'csharp' ? a.language.id : a.language.id === 'kotlin' ? 'java' : undefined;
}

/** The package or namespaces, and the imports or usings of the file, read once. */
function namesOf(a: CodeAnalyzer, language: ClassLanguage): DeclaredNames {
  return fileNames.get(a, 'names', () => {
    const single = new Map<string, string>();
    const own: string[] = [];
    const imported: string[] = [];
    for (let k = 0; k < a.tokens.length; k++) {
      if (a.isAccess(k - 1) || !a.isId(k)) {
        continue;
      }
      const keyword = a.tokens.text(k);
      if (keyword === 'package' || keyword === 'namespace') {
        own.push(...enclosingNamespaces(a.dottedPath(k + 1).text, language));
      } else if ((keyword === 'import' || keyword === 'using') && !a.idIs(k + 1, 'static')) {
        // A directive ends right after its path: not an alias (`using A = B;`) nor C#'s `using var x = ...`.
        const { text: path, end } = a.dottedPath(k + 1);
        // Kotlin ends a directive with its line, and may rename what it imports (`import a.B as C`).
        const ended = a.is(end, ';') || (a.language.id === 'kotlin' && !a.idIs(end, 'as') && !a.is(end, '.'));
        if (!path || !ended) {
          continue;
        }
        const dot = path.lastIndexOf('.');
        if (language === 'csharp' || path.endsWith('.*')) {
          imported.push(language === 'csharp' ? path : path.slice(0, -2));
        } else if (dot > 0) {
          single.set(path.slice(dot + 1), path);
        }
      }
    }
    // A C# project's `global using`s of another file reach this one too, after its own.
    const global = language === 'csharp' ? (a.project?.csharpGlobalUsings?.() ?? []) : [];
    return { single, containers: [...own, ...imported, ...global], own: own[0] };
  });
}

/** `Shop.Orders` in C#: itself, then `Shop`, whose classes C# finds by simple name too; a Java package alone. */
function enclosingNamespaces(name: string, language: ClassLanguage): string[] {
  const names = [name];
  for (let dot = name.lastIndexOf('.'); language === 'csharp' && dot > 0; dot = name.lastIndexOf('.', dot - 1)) {
    names.push(name.slice(0, dot));
  }
  return names;
}

/** The client fields of the project class that the class at `classScope` extends, when the workspace knows it. */
function fieldsOfBase(a: CodeAnalyzer, language: ClassLanguage, classScope: number): Readonly<Record<string, ExportedClient>> | undefined {
  const lookup = a.project?.classFields;
  let outermost = classScope;
  for (let depth = 0; depth < MAX_BASE_DEPTH && a.scopes.baseOf(outermost) > 0; depth++) {
    outermost = a.scopes.baseOf(outermost);
  }
  const base = a.outsideBases.get(outermost);
  if (!lookup || base === undefined) {
    return undefined;
  }
  return baseFields.get(a, classScope, () => projectFields(a, language, lookup, a.dottedPath(base).text) ?? null) ?? undefined;
}

/** The client fields of the project class a written name resolves to, looked for as the language resolves the name. */
function projectFields(
  a: CodeAnalyzer,
  language: ClassLanguage,
  lookup: (key: string) => Readonly<Record<string, ExportedClient>> | undefined,
  written: string,
): Readonly<Record<string, ExportedClient>> | undefined {
  for (const candidate of typeCandidates(a, language, written)) {
    const fields = lookup(candidate);
    if (fields) {
      return fields;
    }
  }
  return undefined;
}

/** The keys of the classes a written type name may stand for in this file, in the order the language looks. */
export function typeCandidates(a: CodeAnalyzer, language: ClassLanguage, written: string): string[] {
  return qualifiedCandidates(a, language, written).map((candidate) => classKey(language, candidate));
}

/** The qualified names a written type name may stand for in this file, in the order the language looks; the name as written last. */
export function qualifiedCandidates(a: CodeAnalyzer, language: ClassLanguage, written: string): string[] {
  const names = namesOf(a, language);
  const imported = names.single.get(written);
  return written.includes('.') || imported ? [imported ?? written] : [...names.containers.map((container) => `${container}.${written}`), written];
}

/** What `find` gives for the first candidate that has it. */
export function firstFound<T>(candidates: readonly string[], find: (candidate: string) => T | undefined): T | undefined {
  for (const candidate of candidates) {
    const found = find(candidate);
    if (found !== undefined) {
      return found;
    }
  }
  return undefined;
}

/** The package (Java) or first namespace (C#) the file declares. */
export function ownContainer(a: CodeAnalyzer, language: ClassLanguage): string | undefined {
  return namesOf(a, language).own;
}

/**
 * A declared type naming a project class or interface of another file whose members hold clients (`IDynamoDbContext
 * Context { get; }` where that interface declares `IDynamoDBContext Context { get; }`): a value whose members are them;
 * or one that is a client itself (`IRedisContext _redis` where `interface IRedisContext : IDisposable, IDatabase`): that client.
 */
export function declaredProjectClass(a: CodeAnalyzer, start: number): Value | undefined {
  const language = languageOf(a);
  const lookup = a.project?.classFields;
  const fields = language && lookup ? projectFields(a, language, lookup, a.dottedPath(start).text) : undefined;
  if (fields && Object.hasOwn(fields, SELF_KEY)) {
    return clientValue(fields[SELF_KEY]);
  }
  return fields ? { t: 'projectClass', fields } : undefined;
}

/** A project class of another file named as a receiver (`RedisCache.GetDatabase()`): a value whose members are its client members. */
export function staticProjectClass(a: CodeAnalyzer, name: string): Value | undefined {
  const language = languageOf(a);
  const lookup = a.project?.classFields;
  const fields = language && lookup ? projectFields(a, language, lookup, name) : undefined;
  return fields ? { t: 'projectClass', fields } : undefined;
}

/**
 * The member `name` of a project class: the client a field holds, or a method whose declared type is a client;
 * a member that holds or returns another project class (`tables()`, kept as `tables().orders()`) is that class's members.
 */
export function projectClassMember(fields: Readonly<Record<string, ExportedClient>>, name: string): Value | undefined {
  if (Object.hasOwn(fields, name)) {
    return clientValue(fields[name]);
  }
  const method = `${name}()`;
  // Calling it (`chains.ts`) gives the client, the tuple of clients it returns, or the members of the class it returns.
  const members = Object.hasOwn(fields, method) ? { '()': fields[method] } : (elementsUnder(fields, method) ?? membersUnder(fields, method, '()') ?? membersUnder(fields, name, ''));
  return members ? { t: 'projectClass', fields: members } : undefined;
}

/** What calling a project class's method gives (`projectClassMember` kept it under `()`): its client, its tuple, or the class it returns. */
export function calledProjectMethod(fields: Readonly<Record<string, ExportedClient>>): Value | undefined {
  if (Object.hasOwn(fields, '()')) {
    return clientValue(fields['()']);
  }
  const tuple = methodTuple(fields, '()');
  if (tuple) {
    return tuple;
  }
  const members = membersUnder(fields, '()', '');
  return members ? { t: 'projectClass', fields: members } : undefined;
}

/**
 * The key of the client at `position` of the `count` a method returns as a tuple (`connect()[1/2]` for the table
 * of `return resource, table`): the caller that unpacks the call (`resource, table = helper.connect()`) reads each.
 */
export function methodElementKey(method: string, position: number, count: number): string {
  return `${method}()[${position}/${count}]`;
}

const ELEMENT_PLACE = /^\[(\d+)\/(\d+)\]$/;

/** The tuple elements kept for the method key `method` (`connect()`), renamed under `()`; undefined when none. */
function elementsUnder(fields: Readonly<Record<string, ExportedClient>>, method: string): Record<string, ExportedClient> | undefined {
  let found: Record<string, ExportedClient> | undefined;
  for (const [member, client] of Object.entries(fields)) {
    if (member.startsWith(`${method}[`)) {
      found ??= {};
      found[`()${member.slice(method.length)}`] = client;
    }
  }
  return found;
}

/** The tuple that calling the method kept as `method` gives (`methodElementKey`): null where an element is no client; undefined when none is kept. */
export function methodTuple(fields: Readonly<Record<string, ExportedClient>>, method: string): Value | undefined {
  let elements: (Value | null)[] | undefined;
  for (const [member, client] of Object.entries(fields)) {
    const place = member.startsWith(`${method}[`) ? ELEMENT_PLACE.exec(member.slice(method.length)) : null;
    if (place) {
      elements ??= new Array<Value | null>(Number(place[2])).fill(null);
      elements[Number(place[1])] = clientValue(client);
    }
  }
  return elements && { t: 'sequence', elements };
}

/** Whether a project class has the member `key` (`db`, `tables()`), holding a client or another project class. */
export function hasProjectMember(fields: Readonly<Record<string, ExportedClient>>, key: string): boolean {
  return Object.hasOwn(fields, key) || Object.keys(fields).some((member) => member.startsWith(`${key}.`) || (key.endsWith('()') && member.startsWith(`${key}[`)));
}

/** The members kept under `prefix.` (`tables().orders()` under `tables()`), renamed `rename` + the rest; undefined when none. */
export function membersUnder(fields: Readonly<Record<string, ExportedClient>>, prefix: string, rename: string): Record<string, ExportedClient> | undefined {
  let found: Record<string, ExportedClient> | undefined;
  for (const [member, client] of Object.entries(fields)) {
    if (member.startsWith(`${prefix}.`)) {
      found ??= {};
      found[rename ? `${rename}.${member.slice(prefix.length + 1)}` : member.slice(prefix.length + 1)] = client;
    }
  }
  return found;
}

/** The member `name` that the class at `classScope` inherits from a project class of another file: its client, if it holds one. */
export function inheritedClassField(a: CodeAnalyzer, classScope: number, name: string): Value | undefined {
  const fields = fieldsOfProjectBase(a, classScope);
  return fields && projectClassMember(fields, name);
}

function fieldsOfProjectBase(a: CodeAnalyzer, classScope: number): Readonly<Record<string, ExportedClient>> | undefined {
  const language = languageOf(a);
  return language && classScope > 0 ? fieldsOfBase(a, language, classScope) : undefined;
}

/** `dbClient` read bare inside a method of such a class, or `getClient()` called so, where nothing of the file binds the name. */
export function inheritedClassName(a: CodeAnalyzer, name: string, token: number, called: boolean): Value | undefined {
  const classScope = a.project?.classFields && languageOf(a) ? a.scopes.enclosing(token, ['class']) : -1;
  const fields = classScope > 0 ? fieldsOfProjectBase(a, classScope) : undefined;
  const key = called ? `${name}()` : name;
  return fields && hasProjectMember(fields, key) ? projectClassMember(fields, name) : undefined;
}
