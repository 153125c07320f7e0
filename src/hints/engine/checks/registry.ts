/** Every check the rule catalog can name (`diagnostic.check`), by name: adding one is a module plus a line here. */
import { CheckName } from '../types';
import { Check } from './context';
import { redisAuthWithoutTls, userWithoutPassword } from './credentials';
import { batchSize, consistentReadOnIndex, filterOnScan, limitWithFilter, noPagination, partiqlFullScan, statementErrorsIgnored, unprocessedIgnored } from './dynamodb';
import { engineVersionPastStandardSupport } from './engineVersion';
import { itemRequestInLoop } from './itemLoops';
import { openIngress } from './ingress';
import { readModifyWrite } from './readModifyWrite';
import { optionNamed } from './grants';
import { redisCommand, setThenExpire } from './redis';
import { redisCommandInLoop } from './redisLoops';
import { clientPerInvocation, clientPerRequest, sqlConnectionPerInvocation } from './lambdaClients';
import { connectionPerCall } from './connectionsPerCall';
import { sdkPastEndOfSupport } from './sdkLifecycle';
import { sqlBuiltFromValues } from './sqlStrings';
import { passwordInOutput, passwordParameterEchoed } from './stackSecrets';
import { trueOrAbsent } from './riskyDefaults';
import { ttlNotInSeconds } from './ttlValues';
import { batchWriteCondition, callbackAndPromise, poolTransaction } from './spanChecks';
import { expressionReservedWord } from './reservedWords';
import { redisCommandNotAwaited } from './unawaitedRedis';
import { attributeDefinitionsUnused } from './attributeDefinitions';
import { failoverOffWithReplicas, falseOrAbsent, hardcodedSecret, requiresOneOf, tlsVerificationOff, valueEquals } from './values';
import { consistentReadOnGsi, indexUndefined, keyAttributes, keyCondition, projectionNotProjected, scanByKey } from './workspace';
import { partiqlScanOffKey } from './workspacePartiql';
import { literalAccessKey } from './staticCredentials';
import { legacyConditionalParameter } from './legacyParameters';
import { passwordInStringParameter } from './ssmPasswords';
import { misspeltPageKey } from './misspeltPageKeys';
import { unknownRequestMember } from './unknownRequestMembers';
import { untypedAttributeValue } from './untypedAttributeValues';
import { redisCheckThenSet } from './redisCheckThenSet';

export const CHECK_REGISTRY: Record<CheckName, Check> = {
  'no-pagination': noPagination,
  'unprocessed-ignored': unprocessedIgnored,
  'batch-size': batchSize,
  'consistent-read-on-index': consistentReadOnIndex,
  'filter-on-scan': filterOnScan,
  'limit-with-filter': limitWithFilter,
  'partiql-full-scan': partiqlFullScan,
  'statement-errors-ignored': statementErrorsIgnored,
  'value-equals': valueEquals,
  'false-or-absent': falseOrAbsent,
  'requires-one-of': requiresOneOf,
  'failover-off-with-replicas': failoverOffWithReplicas,
  'redis-command': redisCommand,
  'tls-verification-off': tlsVerificationOff,
  'hardcoded-secret': hardcodedSecret,
  'true-or-absent': trueOrAbsent,
  'engine-version-past-standard-support': engineVersionPastStandardSupport,
  'sdk-past-end-of-support': sdkPastEndOfSupport,
  'client-per-invocation': clientPerInvocation,
  'client-per-request': clientPerRequest,
  'connection-per-call': connectionPerCall,
  'sql-connection-per-invocation': sqlConnectionPerInvocation,
  'user-without-password': userWithoutPassword,
  'redis-auth-without-tls': redisAuthWithoutTls,
  'redis-command-in-loop': redisCommandInLoop,
  'item-request-in-loop': itemRequestInLoop,
  'read-modify-write': readModifyWrite,
  'set-then-expire': setThenExpire,
  'open-ingress': openIngress,
  'option-named': optionNamed,
  'sql-built-from-values': sqlBuiltFromValues,
  'workspace-index-undefined': indexUndefined,
  'workspace-consistent-read-gsi': consistentReadOnGsi,
  'workspace-key-condition': keyCondition,
  'workspace-key-attributes': keyAttributes,
  'workspace-projection-not-projected': projectionNotProjected,
  'workspace-scan-by-key': scanByKey,
  'workspace-partiql-scan': partiqlScanOffKey,
  'password-parameter-echoed': passwordParameterEchoed,
  'password-in-output': passwordInOutput,
  'ttl-not-in-seconds': ttlNotInSeconds,
  'callback-and-promise': callbackAndPromise,
  'pool-transaction': poolTransaction,
  'expression-reserved-word': expressionReservedWord,
  'batch-write-condition': batchWriteCondition,
  'redis-command-not-awaited': redisCommandNotAwaited,
  'attribute-definitions-unused': attributeDefinitionsUnused,
  'literal-access-key': literalAccessKey,
  'legacy-conditional-parameter': legacyConditionalParameter,
  'password-in-string-parameter': passwordInStringParameter,
  'misspelt-page-key': misspeltPageKey,
  'untyped-attribute-value': untypedAttributeValue,
  'redis-check-then-set': redisCheckThenSet,
  'unknown-request-member': unknownRequestMember,
};
