/**
 * C# (AWS SDK for .NET): `using` namespaces, typed fields, properties, parameters and locals, object
 * initializers (`new ScanRequest { ... }`), `DynamoDBContext`, the document model, paginators, and
 * `RDSAuthTokenGenerator`.
 */
import { OptionContext } from '../../model';
import { ScopeTree } from '../../scope/scopes';
import { operationOfTypeName, serviceOfNamespace } from '../../services';
import type { CodeAnalyzer } from '../analyzer';
import { buildBraceScopes } from '../braces';
import { CodeLanguage, OptionSlot } from '../language';
import { assignRequestOptions, contextFrom, separatedSlot } from '../options';
import { DOTNET_DOCUMENT_MODEL, Value } from '../values';
import { callWithTypedRequest, clientType, collectTypedBindings, requestInArguments } from './typedDeclarations';

const CLASS_KEYWORDS = ['class', 'interface', 'struct', 'record', 'enum'];

function collectImports(a: CodeAnalyzer): void {
  for (let i = 0; i < a.tokens.length; i++) {
    if (!a.idIs(i, 'using') || !a.id(i + 1)) {
      continue;
    }
    const path = a.dottedPath(i + 1);
    const service = serviceOfNamespace(path.text);
    if (service) {
      a.services.add(service);
    }
    if (path.text === 'Amazon.RDS.Util') {
      a.services.add('rds-auth');
    }
    if (path.text === 'Amazon.DynamoDBv2.DocumentModel') {
      // The document model's `Table` (`Table.LoadTable(client, name)`), by its simple name.
      a.addImport('Table', DOTNET_DOCUMENT_MODEL, 'Table');
    }
  }
}

function buildScopes(a: CodeAnalyzer, tree: ScopeTree<Value>): void {
  buildBraceScopes(a, tree, { classKeywords: CLASS_KEYWORDS, arrow: '=>' });
}

/** `new XRequest { A = 1 }` / `new XRequest() { ... }`, and properties set on one afterwards (`request.ExclusiveStartKey = ...`). */
function collectRequests(a: CodeAnalyzer): void {
  for (let i = 1; i < a.tokens.length; i++) {
    if (a.isId(i) && a.idIs(i - 1, 'new')) {
      initializer(a, i);
    }
  }
  assignRequestOptions(a);
}

function initializer(a: CodeAnalyzer, index: number): void {
  const operation = operationOfTypeName(a.tokens.text(index), a.services, /Request$/);
  if (!operation) {
    return;
  }
  let open = index + 1;
  if (a.is(open, '(') && a.is(a.partner[open] + 1, '{')) {
    open = a.partner[open] + 1;
  }
  const context: OptionContext =
    a.is(open, '{') && a.partner[open] > open
      ? contextFrom(a, open, a.partner[open], 'sdk', operation, a.tokenSpan(index))
      : { kind: 'sdk', type: operation, options: [], complete: false, anchor: a.tokenSpan(index) };
  a.requestAt.set(index, context);
  a.addOperation({ operation, name: a.tokenSpan(index), call: false, paginated: false, tokenIndex: index, request: context });
  a.contexts.push(context);
}

/** Initializer members: `TableName = "t"`. */
function optionAt(a: CodeAnalyzer, k: number, _open: number, close: number): OptionSlot | undefined {
  return a.isId(k) && a.is(k + 1, '=') && a.is(a.parent[k], '{') ? separatedSlot(a, k, close) : undefined;
}

function requestForCall(a: CodeAnalyzer, open: number, close: number): OptionContext | undefined {
  return requestInArguments(a, open, close);
}

function otherCall(a: CodeAnalyzer, nameIndex: number, receiver: Value | undefined, receiverStart: number): boolean {
  if (receiver) {
    return false;
  }
  if (a.idIs(receiverStart, 'RDSAuthTokenGenerator') && a.services.has('rds-auth')) {
    a.addOperation({ operation: 'rds:GenerateDbAuthToken', name: a.tokenSpan(nameIndex), call: true, paginated: false, tokenIndex: nameIndex });
    return true;
  }
  return callWithTypedRequest(a, nameIndex);
}

/** A declared type: an SDK client, `DynamoDBContext`, or the document model's `Table`. */
function typeValue(a: CodeAnalyzer, start: number): Value | undefined {
  if (a.idIs(start, 'Table') && a.imports.get('Table')?.module === DOTNET_DOCUMENT_MODEL) {
    return { t: 'client', kind: 'dynamodb-document-table' };
  }
  return clientType(a, start);
}

export const csharp: CodeLanguage = {
  id: 'csharp',
  family: 'csharp',
  commentPrefix: '//',
  classFieldsVisible: true,
  typeArguments: true,
  collectImports,
  buildScopes,
  collectBindings: collectTypedBindings,
  collectRequests,
  optionAt,
  requestForCall,
  typeValue,
  otherCall,
};
