/**
 * The request a Java SDK 1.x `DynamoDBMapper.save` sends. Under the default `SaveBehavior.UPDATE` it "will not
 * affect unmodeled attributes" and sends an UpdateItem (a PutItem only for a key-only object); `CLOBBER` and `PUT`
 * "clear and replace all attributes", as a PutItem does (`DynamoDBMapperConfig.SaveBehavior` javadoc,
 * https://docs.aws.amazon.com/AWSJavaSDK/latest/javadoc/com/amazonaws/services/dynamodbv2/datamodeling/DynamoDBMapperConfig.SaveBehavior.html).
 * A config given to the call names its behaviour inline (`DynamoDBMapperConfig.builder().withSaveBehavior(SaveBehavior.PUT)`)
 * or in a variable; one that names none keeps the mapper's.
 */
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';

/** Behaviours that replace the whole item. */
const REPLACING = new Set(['CLOBBER', 'PUT']);
/** Tokens read of a config variable's statement: far more than any builder chain. */
const MAX_STATEMENT = 200;
/** A replacing behaviour named anywhere in the file. */
const NAMES_REPLACING = /\bSaveBehavior\s*\.\s*(?:CLOBBER|PUT)\b/;
/** A mapper made with a config of its own (`new DynamoDBMapper(client, config)`), bounded so that the test stays linear. */
const CONFIGURED_MAPPER = /\bnew\s+DynamoDBMapper\s*\([^;()]{0,200},/;

const replacingInSight = new WeakMap<CodeAnalyzer, { anywhere: boolean; byMapper: boolean }>();

/**
 * `dynamodb:PutItem` or `dynamodb:UpdateItem` for the save whose arguments open at `open`; undefined where a
 * replacing behaviour the file names may reach the call through what the code does not show: a config field or
 * parameter it passes, or, for a save without a config, the config the file's mapper was made with.
 */
export function mapperSaveOperation(a: CodeAnalyzer, open: number): string | undefined {
  const configs = segments(a, open).slice(1);
  let named: string | undefined;
  for (const [start, end] of configs) {
    named = behaviourIn(a, start, end) ?? (end === start + 1 && a.isId(start) ? boundBehaviour(a, start) : undefined) ?? named;
  }
  if (named !== undefined) {
    return REPLACING.has(named) ? 'dynamodb:PutItem' : 'dynamodb:UpdateItem';
  }
  let sight = replacingInSight.get(a);
  if (sight === undefined) {
    const anywhere = NAMES_REPLACING.test(a.text);
    sight = { anywhere, byMapper: anywhere && CONFIGURED_MAPPER.test(a.text) };
    replacingInSight.set(a, sight);
  }
  return (configs.length > 0 ? sight.anywhere : sight.byMapper) ? undefined : 'dynamodb:UpdateItem';
}

/** The behaviour `SaveBehavior.X` names between two tokens, the last one if several. */
function behaviourIn(a: CodeAnalyzer, from: number, to: number): string | undefined {
  let named: string | undefined;
  for (let k = from + 2; k < to; k++) {
    if (a.isId(k) && a.isAccess(k - 1) && a.idIs(k - 2, 'SaveBehavior')) {
      named = a.tokens.text(k);
    }
  }
  return named;
}

/** The behaviour the statement that binds the config variable at `name` names (`DynamoDBMapperConfig config = ...;`). */
function boundBehaviour(a: CodeAnalyzer, name: number): string | undefined {
  const binding = a.scopes.lookup(a.tokens.text(name), name);
  const start = binding?.expression ?? -1;
  if (start < 0) {
    return undefined;
  }
  const depth = a.parent[start];
  let end = start;
  while (end < a.tokens.length && end - start < MAX_STATEMENT && !(a.is(end, ';') && a.parent[end] === depth)) {
    end = a.skipGroup(end);
  }
  return behaviourIn(a, start, end);
}
