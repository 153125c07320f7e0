/** Application code to a document model: the analyzer for the file's language, run once over its tokens. */
import { staticCredentialContexts } from './staticCredentials';
import { clientsMadePerInvocation } from './handlerClients';
import { connectionsPerCall } from './scopedConnections';
import { sqlConnections } from './sqlConnections';
import type { OrmFlavor } from './sqlOrmJs';
import { withSettingsConnections } from './sqlSettings';
import { builtDsnContexts, tlsDisabledStarts } from './sqlTlsBuilt';
import { sqlClientBuilderContexts } from './sqlClientBuilder';
import { settingsTlsContexts } from './sqlTlsSettings';
import { readRedisLocalLiterals } from './sqlLiterals';
import { readSpringBoundHosts } from './springBoundHosts';
import { markRedisClientsWithoutTls } from './redisClientsWithoutTls';
import { clientsMadePerRequest } from './webHandlers';
import { DocumentModel, OptionContext, parseSuppression } from '../model';
import { LineIndex } from '../text';
import type { TableNameRef } from '../workspace/types';
import { CodeAnalyzer } from './analyzer';
import { cdkGroupIngress } from './cdkGroupUse';
import { cdkFullAccessPolicies } from './cdkManagedPolicies';
import { pulumiFullAccessPolicies } from './pulumiManagedPolicies';
import { boto3Terms, goBuiltTerms, goExpressionPackage } from './conditionBuilders';
import { readPassedProps } from './cdkPassedProps';
import { cdkPasswordOutputs } from './cdkPasswordOutputs';
import { configPasswordContexts } from './configPasswords';
import { testResources } from './testResources';
import { unsentCdkProps } from './cdkTypedProps';
import { mayHoldResources, resourceFragments, serverlessScriptResources } from './serverlessScript';
import { markCdkEngineVersions } from './cdkEngineVersions';
import { CodeLanguage } from './language';
import { csharp } from './languages/csharp';
import { go } from './languages/go';
import { java } from './languages/java';
import { kotlin } from './languages/kotlin';
import { javascript, typescript } from './languages/javascript';
import { python } from './languages/python';
import { dynamodbRequests } from './dynamodbRequests';
import { noteTableHolders } from './tableHolders';
import { markerScopes } from './pagination';
import { readPartiqlStatements } from './partiqlStatements';
import { ProjectContext } from './projectImports';
import { markFollowingExpires } from './redisTtl';
import { sdkImport } from './sdkImports';
import { ttlWrites } from './ttlValues';
import { callbackAndPromise } from './callbackAndPromise';
import { reservedWordUses } from './expressionReservedWords';
import { batchWriteConditions } from './batchWriteConditions';
import { poolTransactions } from './poolTransactions';

export type CodeLanguageId = CodeLanguage['id'];

const LANGUAGES: Record<CodeLanguageId, CodeLanguage> = { javascript, typescript, python, java, kotlin, go, csharp };

export interface CodeAnalysisOptions {
  /**
   * Read what DynamoDB requests tell about their tables, for the workspace checks: of the requests whose
   * table the workspace defines (`tableKnown`), since only those are checked.
   */
  dynamodbRequests?: { tableKnown: (ref: TableNameRef) => boolean };
  /** Workspace mode: the file's workspace path, and the clients other modules export for the names it imports from them. */
  project?: ProjectContext;
  /** A Serverless Framework service script (`serverless.ts`): its `resources` are CloudFormation resources too. */
  serverlessScript?: boolean;
  /** A file built for tests only (Go's `_test.go`, which `go build` ignores): its helpers are test code too. */
  testOnlyFile?: boolean;
  /** A test or a test double by its path (`tests/`, `test_db.py`, `pool.spec.ts`): a local database there is a test's. */
  testFile?: boolean;
  /** A configuration module a SQL library loads by its name (`knexfile.js`): what it exports is that library's options. */
  sqlConfigModule?: OrmFlavor;
  /** The file's name, where the analysis has one: where the file's own calls of its functions pass values from. */
  fileName?: string;
}

export function analyzeCode(text: string, languageId: CodeLanguageId, lines: LineIndex, options: CodeAnalysisOptions = {}): DocumentModel {
  const analyzer = new CodeAnalyzer(text, LANGUAGES[languageId], lines, options.project);
  analyzer.testOnlyFile = options.testOnlyFile === true;
  analyzer.testFile = options.testFile === true;
  analyzer.run();
  if (analyzer.typedCdkProps.length > 0) {
    unsentCdkProps(analyzer);
  }
  const contexts = [...analyzer.contexts];
  const listed = new Set(contexts);
  for (const occurrence of analyzer.operations) {
    if (occurrence.request && !listed.has(occurrence.request)) {
      contexts.push(occurrence.request);
      listed.add(occurrence.request);
    }
  }
  const suppressions: { line: number; ruleIds: string[] }[] = [];
  for (const comment of analyzer.comments) {
    const ids = parseSuppression(comment.text);
    if (ids) {
      suppressions.push({ line: lines.lineOf(comment.end) + 1, ruleIds: ids });
    }
  }
  readBuiltKeyConditions(analyzer, contexts);
  noteTableHolders(analyzer, contexts);
  readPartiqlStatements(analyzer, contexts);
  readRedisLocalLiterals(analyzer, contexts);
  readSpringBoundHosts(analyzer, contexts);
  markRedisClientsWithoutTls(analyzer, contexts, options.testFile === true);
  markCdkEngineVersions(analyzer, contexts);
  markFollowingExpires(analyzer);
  const ingress = [...cdkGroupIngress(analyzer, contexts), ...analyzer.ingress];
  contexts.push(...cdkFullAccessPolicies(analyzer), ...pulumiFullAccessPolicies(analyzer), ...staticCredentialContexts(analyzer));
  contexts.push(...configPasswordContexts(analyzer, options.project?.file ?? options.fileName ?? ''));
  // A service script reads the resources it follows itself; another module may hold some for one to spread in.
  const resources = options.serverlessScript ? serverlessScriptResources(analyzer) : mayHoldResources(text) && analyzer.language.family === 'js' ? resourceFragments(analyzer) : undefined;
  if (resources) {
    contexts.push(...resources.contexts);
    ingress.push(...resources.ingress);
  }
  const olderSdk = sdkImport(analyzer);
  const handlerClients = clientsMadePerInvocation(analyzer);
  const perCall = connectionsPerCall(analyzer);
  const requestClients = clientsMadePerRequest(analyzer);
  const sql = withSettingsConnections(analyzer, sqlConnections(analyzer, options.testFile === true, options.sqlConfigModule), options.testFile === true);
  const tlsCovered = tlsDisabledStarts(sql.contexts);
  contexts.push(...sql.contexts, ...builtDsnContexts(analyzer, tlsCovered, sql.connections), ...settingsTlsContexts(analyzer, tlsCovered), ...sqlClientBuilderContexts(analyzer));
  const variants = readPassedProps(analyzer, contexts, options.project?.file ?? options.fileName ?? '');
  const ttl = ttlWrites(analyzer);
  const sentTwice = callbackAndPromise(analyzer).map((token) => analyzer.tokenSpan(token));
  const tested = testResources(analyzer, contexts);
  const reserved = reservedWordUses(analyzer);
  const batchConditions = batchWriteConditions(analyzer);
  const pooledBegins = poolTransactions(analyzer, sql.connections);
  const passwordOutputs = analyzer.language.family === 'js' || analyzer.language.family === 'python' ? cdkPasswordOutputs(text) : [];
  return {
    operations: analyzer.operations,
    contexts,
    ...(ingress.length > 0 ? { ingress } : {}),
    ...(options.dynamodbRequests ? { dynamodbRequests: dynamodbRequests(analyzer, contexts, options.dynamodbRequests.tableKnown) } : {}),
    ...(olderSdk ? { sdkImport: olderSdk } : {}),
    ...(handlerClients.length > 0 ? { handlerClients } : {}),
    ...(perCall.length > 0 ? { connectionsPerCall: perCall } : {}),
    ...(requestClients.length > 0 ? { requestClients } : {}),
    ...(sql.connections.length > 0 ? { sqlConnections: sql.connections } : {}),
    ...(variants ? { variants } : {}),
    ...(ttl.length > 0 ? { ttlWrites: ttl } : {}),
    ...(sentTwice.length > 0 ? { sentTwice } : {}),
    ...(tested.length > 0 ? { testResources: tested } : {}),
    ...(reserved.length > 0 ? { reservedWordUses: reserved } : {}),
    ...(batchConditions.length > 0 ? { batchWriteConditions: batchConditions } : {}),
    ...(pooledBegins.length > 0 ? { poolTransactions: pooledBegins } : {}),
    ...(passwordOutputs.length > 0 ? { passwordOutputs } : {}),
    redisCalls: analyzer.redisCalls,
    scopes: markerScopes(analyzer),
    commentPrefix: analyzer.language.commentPrefix,
    suppressions,
  };
}

/** The key conditions Queries build with boto3 (`Key("pk").eq(a) & Key("sk").eq(b)`) or Go's `expression` package (`Key("pk").Equal(a).And(Key("sk").Equal(b))`), for the checks, which see option text only. */
function readBuiltKeyConditions(a: CodeAnalyzer, contexts: readonly OptionContext[]): void {
  const python = a.language.family === 'python';
  const pkg = a.language.family === 'go' ? goExpressionPackage(a) : undefined;
  if (!python && pkg === undefined) {
    return;
  }
  for (const context of contexts) {
    const condition = context.type === 'dynamodb:Query' ? context.options.find((option) => option.norm === 'keyconditionexpression') : undefined;
    if (condition?.literal.kind !== 'expr') {
      continue;
    }
    const [from, to] = a.tokensOf(condition.value);
    // Go: `expr.KeyCondition()` of the expression a builder's `WithKeyCondition(...)` made.
    const terms = python ? boto3Terms(a, from, to, 'key') : goBuiltTerms(a, pkg!, from, to, 'key');
    if (terms) {
      context.builtKeyCondition = terms;
    }
  }
}
