/**
 * Workspace mode, Kotlin: the clients a Kotlin file keeps for the other files of its project to read, in an
 * `object` (`object RedisProvider { val commands = connection.sync() }`), in a class's `companion object` (read as
 * `Prediction.table`), or in a top-level property (`val ddbClient by lazy { DynamoDbClient.create() }`, which files
 * of the same package read by its bare name, and others after `import shop.data.ddbClient`).
 * A holder's value often starts from another file's holder (`val follow by lazy { ddbEnhancedClient.table(...) }`
 * over a top-level `ddbEnhancedClient` of `Clients.kt`), so the index keeps the file's text, and a holder file is
 * read, with the workspace's answers, when another file first asks for one of its names: a holder that reaches back
 * to a file being read answers nothing, rather than loop.
 */
import { CodeAnalyzer } from '../code/analyzer';
import { kotlin } from '../code/languages/kotlin';
import { classKey } from '../code/languages/baseClassFields';
import { exportedClient } from '../code/projectImports';
import type { ProjectContext } from '../code/projectImports';
import type { Value } from '../code/values';
import type { Binding } from '../scope/scopes';
import { LineIndex } from '../text';
import { isTestSource } from './mappedClasses';
import type { ExportedClient, FileContribution, KotlinHolderSource } from './types';

/** An import of a client library the Kotlin file reads as Java's (`software.amazon.awssdk.enhanced.dynamodb.TableSchema`, `io.lettuce.core.RedisClient`). */
const CLIENT_LIBRARY = /\bimport\s+(?:software\.amazon\.awssdk\.(?:services\.(?:dynamodb|rds|rdsdata|elasticache)|enhanced\.dynamodb)|com\.amazonaws\.services\.(?:dynamodbv2|rds|rdsdata|elasticache)|redis\.clients\.jedis|io\.lettuce\.core|org\.redisson)\b/;
/** A holder: an `object` declaration, or a property at the start of a line (a top-level one among them). */
const HOLDER = /\bobject\s|^(?:(?:public|internal)\s+)?va[lr]\s/m;
/** The file's package. */
const PACKAGE = /^[ \t]*package[ \t]+([A-Za-z_][\w.]*)/m;
/** Larger files are classes with work of their own, not holders: far past a real holder file. */
const MAX_HOLDER_TEXT = 64 * 1024;
/** Members one holder lends, at most: far more than real holders keep. */
const MAX_MEMBERS = 32;
/** How far back from a property's name its modifiers are looked for (`@JvmStatic private val`). */
const MODIFIER_REACH = 8;
/** How far past `object` its body's brace is looked for. */
const MAX_HEAD_TOKENS = 24;
/** The key under which a file's top-level properties are kept among its holders. */
const TOP_LEVEL = '';

/** Whether a Kotlin file may hold clients for other files, from its path and text alone. */
export function mayHoldKotlinClients(file: string, text: string): boolean {
  return text.length <= MAX_HOLDER_TEXT && !isTestSource(file) && CLIENT_LIBRARY.test(text) && HOLDER.test(text);
}

/** The contribution of a Kotlin file that may hold clients: its source, read when another file asks. */
export function kotlinHolderContribution(text: string): Pick<FileContribution, 'kotlinHolder'> {
  return { kotlinHolder: { package: PACKAGE.exec(text)?.[1] ?? '', text } };
}

/** What one holder file lends: each holder's members by holder key (`java:pkg.Name`, or the package's top level). */
type Lent = Map<string, Record<string, ExportedClient>>;

/** The Kotlin holder files of a workspace, by package, each read once on first demand. */
export class KotlinHolderIndex {
  private readonly byPackage = new Map<string, { file: string; source: KotlinHolderSource }[]>();
  private readonly read = new Map<string, Lent>();
  private readonly reading = new Set<string>();

  constructor(
    holders: Iterable<[string, KotlinHolderSource]>,
    private readonly context: (file: string) => ProjectContext,
  ) {
    for (const [file, source] of holders) {
      const files = this.byPackage.get(source.package) ?? [];
      files.push({ file, source });
      this.byPackage.set(source.package, files);
    }
  }

  /** The members of the object or companion object whose class key is `key` (`java:shop.data.Tables`). */
  members(key: string): Readonly<Record<string, ExportedClient>> | undefined {
    const dot = key.lastIndexOf('.');
    const colon = key.indexOf(':');
    return dot > colon ? this.agreed(key.slice(colon + 1, dot), key) : undefined;
  }

  /** The client the top-level property `name` of the package holds. */
  topLevel(packageName: string, name: string): ExportedClient | undefined {
    return this.agreed(packageName, TOP_LEVEL)?.[name];
  }

  /** The members one file of the package lends under `holder`; two files that both lend it lend nothing. */
  private agreed(packageName: string, holder: string): Readonly<Record<string, ExportedClient>> | undefined {
    let found: Record<string, ExportedClient> | undefined;
    for (const { file, source } of this.byPackage.get(packageName) ?? []) {
      const lent = this.lentBy(file, source).get(holder);
      if (lent && found) {
        return holder === TOP_LEVEL ? { ...found, ...lent } : undefined;
      }
      found = lent ?? found;
    }
    return found;
  }

  private lentBy(file: string, source: KotlinHolderSource): Lent {
    const known = this.read.get(file);
    if (known) {
      return known;
    }
    if (this.reading.has(file)) {
      return new Map();
    }
    this.reading.add(file);
    try {
      const lent = readHolders(new CodeAnalyzer(source.text, kotlin, new LineIndex(source.text), this.context(file)), source.package);
      this.read.set(file, lent);
      return lent;
    } finally {
      this.reading.delete(file);
    }
  }
}

/** The file's holders: each `object` and `companion object` of a top-level class by its key, and its top-level properties. */
function readHolders(a: CodeAnalyzer, packageName: string): Lent {
  a.bind();
  const lent: Lent = new Map();
  const top = lentMembers(a, 0, (binding) => a.valueOf(binding));
  if (top) {
    lent.set(TOP_LEVEL, top);
  }
  for (let k = 0; k + 1 < a.tokens.length; k++) {
    if (!a.idIs(k, 'object') || a.isAccess(k - 1) || a.is(k - 1, '::')) {
      continue;
    }
    const companion = a.idIs(k - 1, 'companion');
    const brace = bodyOf(a, k);
    const outer = a.scopes.enclosing(k, ['class', 'function']);
    const owner = companion ? (outer > 0 && a.scopes.enclosing(a.scopes.start(outer) - 1, ['class', 'function']) <= 0 ? a.scopes.nameOfClass(outer) : undefined) : outer <= 0 ? a.id(k + 1) : undefined;
    const scope = brace > 0 ? a.scopes.enclosing(brace + 1, ['class']) : -1;
    if (!owner || scope <= 0 || scope === outer) {
      continue;
    }
    const members = lentMembers(a, scope, (binding) => binding.method ? undefined : a.member({ t: 'instance', classScope: scope }, a.tokens.text(binding.token)));
    if (members) {
      lent.set(classKey('java', packageName ? `${packageName}.${owner}` : owner), members);
    }
  }
  return lent;
}

/** The `{` of the body of the object declared at `keyword`, past its name and supertypes (`object Db : AutoCloseable {`), or -1. */
function bodyOf(a: CodeAnalyzer, keyword: number): number {
  for (let k = keyword + 1; k < a.tokens.length && k <= keyword + MAX_HEAD_TOKENS; k++) {
    if (a.is(k, '{')) {
      return k;
    }
    if (a.is(k, '(')) {
      k = Math.max(k, a.partner[k]);
    } else if (!a.isId(k) && !a.is(k, ':') && !a.is(k, ',') && !a.is(k, '.') && !a.is(k, '<') && !a.is(k, '>')) {
      return -1;
    }
  }
  return -1;
}

/** The properties declared in `scope` that other files see (not `private`) and that hold a client. */
function lentMembers(a: CodeAnalyzer, scope: number, valueOf: (binding: Binding<Value>) => Value | undefined): Record<string, ExportedClient> | undefined {
  let members: Record<string, ExportedClient> | undefined;
  let count = 0;
  for (const [name, bindings] of a.scopes.bindingsIn(scope)) {
    const declaration = bindings[0];
    if (count >= MAX_MEMBERS || bindings.length !== 1 || !declaredProperty(a, declaration.token) || Math.max(0, a.scopes.enclosing(declaration.token, ['class', 'function'])) !== scope) {
      continue;
    }
    const value = valueOf(declaration);
    const client = value && exportedClient(a, value);
    if (client) {
      members ??= {};
      members[name] = client;
      count++;
    }
  }
  return members;
}

/** Whether the name at `token` is a property's (`val x`, `var x`) that is not `private`. */
function declaredProperty(a: CodeAnalyzer, token: number): boolean {
  if (!a.idIs(token - 1, 'val') && !a.idIs(token - 1, 'var')) {
    return false;
  }
  for (let k = token - 2; k >= 0 && k >= token - MODIFIER_REACH && !a.startsLine(k + 1); k--) {
    if (a.idIs(k, 'private') || a.idIs(k, 'protected')) {
      return false;
    }
  }
  return true;
}
