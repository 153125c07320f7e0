/**
 * An object mapper's write of one whole object or key that asks for nothing a batch write cannot do: no
 * condition, no returned values, no operation config but one naming the table, and no version attribute on its
 * class (a versioned class's save or delete is conditional: DynamoDBMapper's `@DynamoDBVersionAttribute`, .NET's
 * `[DynamoDBVersion]`, PynamoDB's `VersionAttribute`). Such writes per element of a loop can go into the
 * library's batch (`dynamodb-item-loop`).
 */
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { FileMemo } from './fileMemo';
import { versionedOrUnseen } from './readModifyWriteTyped';

/** Words that declare a version attribute, by language. */
const VERSION_WORDS: Partial<Record<CodeAnalyzer['language']['family'], readonly string[]>> = {
  csharp: ['DynamoDBVersion'],
  java: ['DynamoDBVersionAttribute', 'DynamoDbVersionAttribute'],
  python: ['VersionAttribute'],
};

const versionedFiles = new FileMemo<string, boolean>();
const versionedClasses = new FileMemo<string, boolean>();

/** Whether the file names a version attribute anywhere: read once per file. */
function declaresVersion(a: CodeAnalyzer): boolean {
  const words = VERSION_WORDS[a.language.family] ?? [];
  return versionedFiles.get(a, '', () => words.some((word) => a.text.includes(word)));
}

/**
 * Whether the writes of the mapped class `type` may be conditional: it has a version attribute, in the file or in
 * the workspace's index of mapped classes, or it is not seen at all. Without a type (`foreach (var order in
 * orders)`), whether the file names a version attribute.
 */
export function mayBeVersioned(a: CodeAnalyzer, type: string | undefined): boolean {
  const language = a.language.family;
  if (type === undefined || (language !== 'java' && language !== 'csharp')) {
    return declaresVersion(a);
  }
  return versionedClasses.get(a, type, () => versionedOrUnseen(a, language, type, VERSION_WORDS[language] ?? []));
}

/** .NET: a `CancellationToken` argument changes nothing sent; an operation config may name another table or skip the version check. */
const CANCELLATION = /^(?:cancellationToken|ct|token|cancellation)$/i;
/** Names that hold a config or settings object rather than a key. */
const CONFIG_NAME = /config|options|settings/i;

/**
 * Whether the call whose parentheses are `open`…`close` passes one object or key plainly: at most `maxArguments`
 * arguments apart from a cancellation token, the first whatever expression gives the object or key
 * (`charge.ToDatabase()`), each other a name, member or literal (a range key) that names no config; a .NET config
 * that only names the table counts as no argument.
 */
export function plainArguments(a: CodeAnalyzer, open: number, close: number, maxArguments: number): boolean {
  const args = close === open + 1 ? [] : segments(a, open);
  const given = args.filter(([from, to]) => !(to === from + 1 && CANCELLATION.test(a.tokens.text(from))) && !tableNamingConfig(a, from, to));
  return given.length <= maxArguments && given.every(([from, to], index) => index === 0 || plainKey(a, from, to));
}

/**
 * .NET object persistence model configs that only name the table: `CreateBatchWrite<T>(config)` takes the same
 * `OverrideTableName` and `TableNamePrefix`, so a save or delete given such a config can go in that batch.
 */
const TABLE_NAMING_MEMBERS = new Set(['OverrideTableName', 'TableNamePrefix']);
const CONTEXT_CONFIG_TYPES = new Set(['DynamoDBOperationConfig', 'SaveConfig', 'DeleteConfig']);

/**
 * Whether the argument [from, to) is such a config: written in place (`new DynamoDBOperationConfig { OverrideTableName = t }`)
 * or a local bound to one and given no member after (`config.SkipVersionCheck = true` leaves it unknown).
 */
function tableNamingConfig(a: CodeAnalyzer, from: number, to: number): boolean {
  if (a.language.family !== 'csharp') {
    return false;
  }
  if (to !== from + 1) {
    return namingInitializer(a, from, to);
  }
  const name = a.id(from);
  const binding = name === undefined ? undefined : a.scopes.lookup(name, from);
  if (!binding || binding.expression < 0 || !namingInitializer(a, binding.expression, a.tokens.length)) {
    return false;
  }
  for (let k = binding.token + 1; k < from; k++) {
    if (a.idIs(k, name as string) && a.isAccess(k + 1) && a.is(k + 3, '=')) {
      return false;
    }
  }
  return true;
}

/** `new DynamoDBOperationConfig { OverrideTableName = … }` starting at `start` and ending by `limit`, naming nothing else. */
function namingInitializer(a: CodeAnalyzer, start: number, limit: number): boolean {
  if (!a.idIs(start, 'new') || !CONTEXT_CONFIG_TYPES.has(a.tokens.text(start + 1))) {
    return false;
  }
  const open = a.is(start + 2, '(') && a.is(start + 3, ')') ? start + 4 : start + 2;
  const close = a.is(open, '{') ? a.partner[open] : -1;
  if (close < 0 || close >= limit || (limit < a.tokens.length && close !== limit - 1)) {
    return false;
  }
  return segments(a, open).every(([s]) => TABLE_NAMING_MEMBERS.has(a.tokens.text(s)) && a.is(s + 1, '='));
}

/** `sortKey`, `order.OrderId`, `"PROFILE"`, `42`: no call, object, `new` or config. */
function plainKey(a: CodeAnalyzer, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const name = a.id(k);
    if (!(name !== undefined ? name !== 'new' && !CONFIG_NAME.test(name) : a.isAccess(k) || a.isString(k) || /^\d/.test(a.tokens.text(k)))) {
      return false;
    }
  }
  return true;
}
