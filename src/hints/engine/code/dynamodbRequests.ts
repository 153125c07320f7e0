/**
 * DynamoDB requests as the workspace checks read them: the table a request names (by literal, constant or
 * environment variable), its index, `ConsistentRead`, key condition, `Key`, a PutItem's `Item`, projection and Scan filter,
 * each only as far as the code writes it literally. Runs once over the operations the analyzer found, and
 * only when a workspace model is there to check them against; a request's key condition, key, projection
 * and filter are read only where the workspace defines its table, since no check reads them elsewhere.
 */
import { builtName } from './builtNames';
import { AttributeAt, DynamoRequest, KeyOperator, KeyTerm, OperationOccurrence, OptionContext, OptionOccurrence } from '../model';
import { Span } from '../types';
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { boto3Terms, BuilderKind, goBuilderArgument, goBuiltTerms, goExpressionPackage, goProjectionNames } from './conditionBuilders';
import { dotnetContextCall, dotnetDocumentQuery } from './dotnetQueries';
import { AttributeNames, conditionTerms, ExpressionName, filterConjunction, projectionNames } from './dynamodbExpressions';
import { itemChangedInFile } from './itemChanges';
import { literalMap } from './literalMaps';
import { namedValue } from './names';
import { tableNameAt } from './importedTableNames';
import { chainStart } from './receiverChains';
import { ArgumentAt, Value } from './values';
import type { TableNameRef } from '../workspace/types';
import { closeAngle } from './typeArguments';

/** The operations whose requests name one table (and maybe an index) directly. */
const SINGLE_TABLE_OPERATIONS = new Set(['dynamodb:Query', 'dynamodb:Scan', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem']);
/** Receivers of the .NET document and object persistence models, whose calls `dotnetQueries.ts` reads. */
const DOTNET_MODELS = new Set<string>(['dynamodb-document-table', 'dynamodb-context']);
const KEYED_OPERATIONS = new Set(['dynamodb:GetItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem']);
/** Legacy `ComparisonOperator` values allowed in a key condition. */
const LEGACY_OPERATORS: Record<string, KeyOperator> = { eq: '=', lt: '<', le: '<=', gt: '>', ge: '>=', beginswith: 'begins_with', between: 'between' };

export function dynamodbRequests(a: CodeAnalyzer, contexts: readonly OptionContext[], tableKnown: (ref: TableNameRef) => boolean): DynamoRequest[] {
  const reader = new RequestReader(a);
  const byContext = new Map<OptionContext, DynamoRequest>();
  /** The requests read from their options, whose expressions are read once the table is known. */
  const readFromContext = new Map<DynamoRequest, OptionContext>();
  const requests: DynamoRequest[] = [];
  const add = (request: DynamoRequest | undefined): void => {
    if (request) {
      requests.push(request);
      if (request.context) {
        byContext.set(request.context, request);
      }
    }
  };
  for (const occurrence of a.operations) {
    if (occurrence.operation === STATEMENT && occurrence.request && !byContext.has(occurrence.request)) {
      add(statementRequest(occurrence.request));
    }
    if (!SINGLE_TABLE_OPERATIONS.has(occurrence.operation)) {
      continue;
    }
    const receiver = a.receivers.get(occurrence);
    const context = occurrence.request;
    let request: DynamoRequest | undefined;
    if (receiver && DOTNET_MODELS.has(receiver.kind)) {
      // The .NET models' calls are read from the call itself (its table class, filter, config); a config
      // passed to it (`new QueryOperationConfig { ... }`) is linked, so that checks on its options see the
      // request's table and index. Each call is its own request even where calls share a config.
      request = reader.withoutContext(occurrence, receiver);
      if (request && context) {
        request.context = context;
      }
      add(request);
    } else {
      request = context ? byContext.get(context) : undefined;
      if (!request) {
        request = context ? reader.fromContext(context) : reader.withoutContext(occurrence, receiver);
        add(request);
        if (request && context) {
          readFromContext.set(request, context);
        }
      }
    }
    if (request && receiver) {
      reader.addReceiver(request, receiver, occurrence);
    }
  }
  // Requests with no operation of their own: boto3 `paginator.paginate(TableName=...)`. (A .NET config
  // is not a request: it names no table, and counts only with the call it is passed to.)
  for (const context of contexts) {
    if (context.kind === 'sdk' && SINGLE_TABLE_OPERATIONS.has(context.type) && !byContext.has(context) && a.language.family !== 'csharp') {
      const request = reader.fromContext(context);
      add(request);
      readFromContext.set(request, context);
    }
  }
  const known = requests.filter((request) => request.table && tableKnown(request.table.ref));
  for (const request of known) {
    const context = readFromContext.get(request);
    if (context) {
      reader.readExpressions(request, context);
    }
  }
  return known.sort((x, y) => x.anchor.start - y.anchor.start);
}

const STATEMENT = 'dynamodb:ExecuteStatement';

/** A PartiQL SELECT's table and index, as its text names them (`code/partiqlStatements.ts`), on the `Statement` option. */
function statementRequest(context: OptionContext): DynamoRequest | undefined {
  const select = context.partiqlSelect;
  const statement = select?.table ? context.options.find((option) => option.norm === 'statement') : undefined;
  if (!select?.table || !statement) {
    return undefined;
  }
  const request: DynamoRequest = { operation: STATEMENT, context, anchor: context.anchor, table: { ref: select.table, span: statement.value, key: statement.key } };
  if (select.index) {
    request.index = { name: select.index, span: statement.value };
  }
  return request;
}

class RequestReader {
  private goPackage?: string | null;
  private itemChanged?: boolean;

  constructor(readonly a: CodeAnalyzer) {}

  /**
   * The tokens of an option's value. The option reader ends a value at the first comma, also the one
   * between type arguments (`new Dictionary<string, string> { ... }`): such a value runs on to its end.
   */
  tokens(span: Span): [number, number] {
    const a = this.a;
    const [from, to] = a.tokensOf(span);
    if ((a.language.family !== 'csharp' && a.language.family !== 'java') || !a.is(to, ',')) {
      return [from, to];
    }
    let open = from;
    while (open < to && !a.is(open, '<')) {
      open = a.skipGroup(open);
    }
    const close = open < to ? closeAngle(a, open) : -1;
    if (close < to) {
      return [from, to];
    }
    let end = close + 1;
    while (end < a.tokens.length && !a.is(end, ',') && !a.is(end, ';') && !(a.partner[end] >= 0 && a.partner[end] < end)) {
      end = a.skipGroup(end);
    }
    return [from, end];
  }

  fromContext(context: OptionContext): DynamoRequest {
    const request: DynamoRequest = { operation: context.type, context, anchor: context.anchor };
    const option = (norm: string): OptionOccurrence | undefined => context.options.find((candidate) => candidate.norm === norm);
    const table = option('tablename');
    if (table) {
      const ref = tableNameAt(this.a, ...this.tokens(table.value));
      const built = ref ? undefined : builtName(this.a, ...this.tokens(table.value));
      if (ref) {
        request.table = { ref, span: table.value, key: table.key };
      } else if (built) {
        request.table = { ref: { kind: 'pattern', name: built.join('*'), pieces: built }, span: table.value, key: table.key };
      }
    }
    const index = option('indexname');
    if (index) {
      const named = namedValue(this.a, ...this.tokens(index.value));
      request.index = named?.kind === 'literal' ? { name: named.value, span: index.value, key: index.key } : 'unknown';
      if (named?.kind === 'env') {
        request.indexVariable = { variable: named.variable, span: index.value, key: index.key };
      }
    } else if (!context.complete) {
      request.index = 'unknown';
    }
    const consistent = option('consistentread');
    if (consistent?.literal.kind === 'bool' && consistent.literal.value) {
      request.consistentRead = consistent.key;
    }
    return request;
  }

  /** What the request's expressions and `Key` say about its attributes: its key condition, key, projection and Scan filter. */
  readExpressions(request: DynamoRequest, context: OptionContext): void {
    const option = (norm: string): OptionOccurrence | undefined => context.options.find((candidate) => candidate.norm === norm);
    const names = this.attributeNames(option('expressionattributenames'));
    if (context.type === 'dynamodb:Query') {
      const expression = option('keyconditionexpression');
      const legacy = option('keyconditions');
      const terms = expression ? this.condition(expression, names, 'key') : legacy ? this.legacyConditions(legacy) : undefined;
      if (terms) {
        request.keyCondition = { terms, complete: true };
      }
    }
    if (KEYED_OPERATIONS.has(context.type)) {
      const key = option('key');
      const entries = key ? literalMap(this.a, ...this.tokens(key.value)) : undefined;
      if (key && entries) {
        request.key = { attributes: entries.map((entry) => ({ name: entry.key, span: this.a.tokenSpan(entry.keyToken) })), span: key.key };
      }
    }
    const item = context.type === 'dynamodb:PutItem' ? option('item') : undefined;
    if (item && !(this.itemChanged ??= itemChangedInFile(this.a))) {
      const entries = literalMap(this.a, ...this.tokens(item.value));
      if (entries) {
        request.item = { attributes: entries.map((entry) => ({ name: entry.key, span: this.a.tokenSpan(entry.keyToken) })), span: item.key };
      }
    }
    const projection = option('projectionexpression');
    if (projection && (context.type === 'dynamodb:Query' || context.type === 'dynamodb:Scan')) {
      request.projection = this.projection(projection, names);
    }
    if (context.type === 'dynamodb:Scan') {
      const filter = option('filterexpression');
      const legacy = option('scanfilter');
      const terms = filter ? this.condition(filter, names, 'filter') : legacy ? this.legacyConditions(legacy) : undefined;
      if (terms && terms.every((term) => term.operator === '=')) {
        request.filterEqualities = terms.map(({ name, span }) => ({ name, span }));
      } else if (filter) {
        this.filterWithOthers(request, filter, names);
      }
    }
  }

  /** A call with no request options: the .NET document model's `table.Query(filter)` and context calls, or a table object's call. */
  withoutContext(occurrence: OperationOccurrence, receiver: (Value & { t: 'client' }) | undefined): DynamoRequest | undefined {
    if (!receiver) {
      return undefined;
    }
    const request: DynamoRequest = { operation: occurrence.operation, anchor: occurrence.name };
    if (receiver.kind === 'dynamodb-document-table' && occurrence.operation === 'dynamodb:Query') {
      dotnetDocumentQuery(this.a, occurrence.tokenIndex + 1, request);
    } else if (receiver.kind === 'dynamodb-context') {
      dotnetContextCall(this.a, occurrence.tokenIndex, request);
    }
    return request;
  }

  /**
   * The table (and index) of the table object a request is sent through, where the options name none. A
   * table object made in another module names its table there: the receiver itself stands for it here.
   */
  addReceiver(request: DynamoRequest, receiver: Value & { t: 'client' }, occurrence: OperationOccurrence): void {
    const table = receiver.table && this.argument(receiver.table);
    const ref = table && tableNameAt(this.a, ...table);
    if (!request.table && table && ref) {
      request.table = { ref, span: this.a.span(table[0], table[1] - 1) };
    } else if (!request.table && receiver.tableName) {
      const end = occurrence.tokenIndex - 2;
      request.table = { ref: receiver.tableName, span: this.a.span(chainStart(this.a, end), end) };
    }
    const index = receiver.index && this.argument(receiver.index);
    if (index) {
      const name = namedValue(this.a, ...index);
      request.index = name?.kind === 'literal' ? { name: name.value, span: this.a.span(index[0], index[1] - 1) } : 'unknown';
    }
  }

  private argument(at: ArgumentAt): [number, number] | undefined {
    return segments(this.a, at.open)[at.position];
  }

  /** `ExpressionAttributeNames` as a map when every name is a literal string. */
  private attributeNames(option: OptionOccurrence | undefined): AttributeNames {
    if (!option) {
      return undefined;
    }
    const entries = literalMap(this.a, ...this.tokens(option.value));
    const names = new Map<string, string>();
    for (const entry of entries ?? []) {
      if (entry.valueEnd !== entry.valueStart + 1 || !this.a.isString(entry.valueStart) || this.a.tokens.interpolated(entry.valueStart)) {
        return 'unknown';
      }
      names.set(entry.key, this.a.tokens.text(entry.valueStart));
    }
    return entries ? names : 'unknown';
  }

  /** Where an expression's name sits: inside the string when the option writes it, else the option's value. */
  private spansIn(option: OptionOccurrence, token: number, found: ExpressionName[]): AttributeAt[] {
    const [from, to] = this.tokens(option.value);
    const base = token >= from && token < to ? this.a.tokens.textStart(token) : -1;
    return found.map(({ name, start, end }) => ({ name, span: base >= 0 ? { start: base + start, end: base + end } : option.value }));
  }

  private condition(option: OptionOccurrence, names: AttributeNames, kind: BuilderKind): KeyTerm[] | undefined {
    const [from, to] = this.tokens(option.value);
    const named = namedValue(this.a, from, to);
    if (named?.kind === 'literal') {
      const terms = conditionTerms(named.value, names);
      if (!terms) {
        return undefined;
      }
      const spans = this.spansIn(option, named.token, terms);
      return terms.map((term, k) => ({ ...spans[k], operator: term.operator }));
    }
    if (this.a.language.family === 'python') {
      return boto3Terms(this.a, from, to, kind);
    }
    const pkg = this.goExpressionPackage();
    return pkg ? goBuiltTerms(this.a, pkg, from, to, kind) : undefined;
  }

  /** A literal filter whose equalities other conditions join (`pk = :p AND status <> :s`): its equalities, marked as not the whole filter. */
  private filterWithOthers(request: DynamoRequest, option: OptionOccurrence, names: AttributeNames): void {
    const named = namedValue(this.a, ...this.tokens(option.value));
    const read = named?.kind === 'literal' ? filterConjunction(named.value, names) : undefined;
    if (named?.kind === 'literal' && read && read.terms.length > 0) {
      request.filterEqualities = this.spansIn(option, named.token, read.terms);
      request.filterOthers = read.others;
    }
  }

  private projection(option: OptionOccurrence, names: AttributeNames): AttributeAt[] | undefined {
    const [from, to] = this.tokens(option.value);
    const named = namedValue(this.a, from, to);
    if (named?.kind === 'literal') {
      const found = projectionNames(named.value, names);
      return found && this.spansIn(option, named.token, found);
    }
    const pkg = this.goExpressionPackage();
    const built = pkg ? goBuilderArgument(this.a, pkg, from, to, 'Projection') : undefined;
    return pkg && built ? goProjectionNames(this.a, pkg, built[0], built[1]) : undefined;
  }

  private goExpressionPackage(): string | undefined {
    if (this.a.language.family !== 'go') {
      return undefined;
    }
    if (this.goPackage === undefined) {
      this.goPackage = goExpressionPackage(this.a) ?? null;
    }
    return this.goPackage ?? undefined;
  }

  /**
   * The legacy `KeyConditions` / `ScanFilter` map: attribute names as its keys, each with its
   * `ComparisonOperator` (a string, `ComparisonOperator.EQ`, or Go's `types.ComparisonOperatorEq`).
   */
  private legacyConditions(option: OptionOccurrence): KeyTerm[] | undefined {
    const entries = literalMap(this.a, ...this.tokens(option.value));
    const terms: KeyTerm[] = [];
    for (const entry of entries ?? []) {
      const operator = this.legacyOperator(entry.valueStart, entry.valueEnd);
      if (!operator) {
        return undefined;
      }
      terms.push({ name: entry.key, span: this.a.tokenSpan(entry.keyToken), operator });
    }
    return entries && terms;
  }

  /** The comparison operator a legacy condition writes literally, or undefined. */
  private legacyOperator(from: number, to: number): KeyOperator | undefined {
    const a = this.a;
    const isOperatorName = (k: number): boolean => (a.isId(k) || a.isString(k)) && a.tokens.text(k).toLowerCase() === 'comparisonoperator';
    for (let k = from; k < to; k++) {
      let word: string | undefined;
      if (a.isId(k)) {
        word = /^ComparisonOperator([A-Z][A-Za-z]+)$/.exec(a.tokens.text(k))?.[1] ?? (a.is(k - 1, '.') && isOperatorName(k - 2) ? a.tokens.text(k) : undefined);
      } else if (a.isString(k) && (a.is(k - 1, ':') || a.is(k - 1, '=') || a.is(k - 1, '(')) && isOperatorName(k - 2)) {
        word = a.tokens.text(k);
      }
      const operator = word === undefined ? undefined : LEGACY_OPERATORS[word.replace(/_/g, '').toLowerCase()];
      if (operator) {
        return operator;
      }
    }
    return undefined;
  }
}
