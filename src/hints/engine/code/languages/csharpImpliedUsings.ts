/**
 * .NET 6+ projects put `global using Amazon.DynamoDBv2;` or `global using StackExchange.Redis;` in one file
 * (often GlobalUsings.cs), or the SDK comes in through `<Using Include="..." />` in the project file, so the
 * file that uses the library has no `using` of it. A type name that only that library declares
 * (`IAmazonDynamoDB`, `IConnectionMultiplexer`) shows the namespace all the same, unless the file declares a
 * type of that name itself. Common names (`IDatabase`, `Table`, `ScanRequest`) count only once a namespace is
 * shown, as they do after a `using`.
 */
import { TOKEN_KIND } from '../../lexer';
import { codeSet } from '../../tokenCodes';
import type { CodeAnalyzer } from '../analyzer';

const { ID } = TOKEN_KIND;

const DYNAMODB = 'Amazon.DynamoDBv2';
const DOCUMENT_MODEL = 'Amazon.DynamoDBv2.DocumentModel';

/** Type names that no other library of these services declares, and the namespace each shows. */
const DISTINCTIVE_TYPES = new Map<string, string>([
  ['IAmazonDynamoDB', DYNAMODB],
  ['AmazonDynamoDBClient', DYNAMODB],
  ['AmazonDynamoDBConfig', DYNAMODB],
  ['IDynamoDBContext', 'Amazon.DynamoDBv2.DataModel'],
  ['DynamoDBContext', 'Amazon.DynamoDBv2.DataModel'],
  ['DynamoDBContextBuilder', 'Amazon.DynamoDBv2.DataModel'],
  ['DynamoDBContextConfig', 'Amazon.DynamoDBv2.DataModel'],
  ['DynamoDBOperationConfig', 'Amazon.DynamoDBv2.DataModel'],
  ['QueryOperationConfig', DOCUMENT_MODEL],
  ['ScanOperationConfig', DOCUMENT_MODEL],
  ['IAmazonRDS', 'Amazon.RDS'],
  ['AmazonRDSClient', 'Amazon.RDS'],
  ['AmazonRDSConfig', 'Amazon.RDS'],
  ['RDSAuthTokenGenerator', 'Amazon.RDS.Util'],
  ['IAmazonElastiCache', 'Amazon.ElastiCache'],
  ['AmazonElastiCacheClient', 'Amazon.ElastiCache'],
  ['AmazonElastiCacheConfig', 'Amazon.ElastiCache'],
  ['IConnectionMultiplexer', 'StackExchange.Redis'],
  ['ConnectionMultiplexer', 'StackExchange.Redis'],
]);
/** Whether a file's text names one of those types, which shows a library even where its `using` is a project's `global using` elsewhere. */
export const NAMES_DISTINCTIVE_TYPE = new RegExp(`\\b(?:${[...DISTINCTIVE_TYPES.keys()].join('|')})\\b`);
const SHORTEST = Math.min(...[...DISTINCTIVE_TYPES.keys()].map((name) => name.length));
const LONGEST = Math.max(...[...DISTINCTIVE_TYPES.keys()].map((name) => name.length));
/** First letters of the names, so that most identifiers are passed over without slicing their text. */
const FIRST_LETTERS = new Set([...DISTINCTIVE_TYPES.keys()].map((name) => name.charCodeAt(0)));

const TYPE_KEYWORDS = codeSet(['class', 'interface', 'struct', 'record', 'enum']);

/**
 * The namespaces a file shows by the distinctive type names it uses without a `using` of them: bare
 * (`IAmazonDynamoDB db`) or qualified by their own namespace. The document model's `Table` counts where the
 * file calls `Table.LoadTable` once DynamoDB is shown.
 */
export function impliedNamespaces(a: CodeAnalyzer): Set<string> {
  const { tokens, text } = a;
  const declared = new Set<string>();
  const used = new Map<string, string>();
  let loadsTable = false;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens.kinds[i] !== ID) {
      continue;
    }
    if (TYPE_KEYWORDS[tokens.codes[i]] === 1 && a.isId(i + 1)) {
      declared.add(tokens.text(i + 1));
      continue;
    }
    const length = tokens.ends[i] - tokens.starts[i];
    if (length === 5 && a.is(i, 'Table') && a.is(i + 1, '.') && (a.idIs(i + 2, 'LoadTable') || a.idIs(i + 2, 'TryLoadTable')) && !a.isAccess(i - 1)) {
      loadsTable = true;
      continue;
    }
    if (length < SHORTEST || length > LONGEST || !FIRST_LETTERS.has(text.charCodeAt(tokens.starts[i]))) {
      continue;
    }
    const name = tokens.text(i);
    const namespace = DISTINCTIVE_TYPES.get(name);
    if (namespace && (!a.isAccess(i - 1) || qualifier(a, i - 1) === namespace)) {
      used.set(name, namespace);
    }
  }
  const namespaces = new Set<string>();
  for (const [name, namespace] of used) {
    if (!declared.has(name)) {
      namespaces.add(namespace);
    }
  }
  if (loadsTable && !declared.has('Table') && [...namespaces].some((namespace) => namespace.startsWith(DYNAMODB))) {
    namespaces.add(DOCUMENT_MODEL);
  }
  return namespaces;
}

/** The dotted name before the `.` at `dot` (`Amazon.DynamoDBv2` in `Amazon.DynamoDBv2.IAmazonDynamoDB`). */
function qualifier(a: CodeAnalyzer, dot: number): string {
  const parts: string[] = [];
  let k = dot - 1;
  for (let steps = 0; steps < 8 && a.isId(k); steps++) {
    parts.unshift(a.tokens.text(k));
    if (!a.is(k - 1, '.')) {
      break;
    }
    k -= 2;
  }
  return parts.join('.');
}
