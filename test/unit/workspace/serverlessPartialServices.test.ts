/**
 * Parts of a Serverless service kept in modules for `serverless.ts` to merge in: an object with a lower-case
 * `resources` section (`{ provider: {...}, resources: { Resources: {...} } }`, or `{ plugins, custom, resources: {
 * LockersTable: {...} } }` whose entries the service spreads into its `Resources`) is read as CloudFormation, and
 * `KeyTypes.HASH`, `Fields.memberId` name the literal an object of the module holds. Silent: a `resources` section
 * that is no CloudFormation, a whole service, an object built in a function, a member of no literal.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from './support';
import { hintsIn, sourceLines } from '../hints/support';

const MEMBERS = sourceLines(
  "import type { AWSPartial } from '../types';",
  '',
  "const KeyTypes = { HASH: 'HASH', RANGE: 'RANGE' } as const;",
  "const Fields = { memberId: 'memberId', visitedAt: 'visitedAt' } as const;",
  '',
  'export const membersPart: AWSPartial = {',
  "  provider: { environment: { MEMBERS_TABLE: '${self:custom.membersTable}' } },",
  '  resources: {',
  '    Resources: {',
  '      MembersTable: {',
  "        Type: 'AWS::DynamoDB::Table',",
  "        DeletionPolicy: 'Delete',",
  '        Properties: {',
  "          TableName: '${self:custom.membersTable}',",
  "          BillingMode: 'PAY_PER_REQUEST',",
  '          KeySchema: [',
  '            { AttributeName: Fields.memberId, KeyType: KeyTypes.HASH },',
  '            { AttributeName: Fields.visitedAt, KeyType: KeyTypes.RANGE },',
  '          ],',
  '        },',
  '      },',
  '    },',
  '  },',
  '};',
);

const LOCKERS = sourceLines(
  'const lockers = {',
  "  plugins: ['serverless-dynamodb-autoscaling'],",
  "  custom: { capacities: [{ table: 'LockersTable' }] },",
  '  resources: {',
  '    LockersTable: {',
  "      Type: 'AWS::DynamoDB::Table',",
  '      Properties: {',
  "        TableName: 'gym-lockers',",
  "        KeySchema: [{ AttributeName: 'lockerId', KeyType: 'HASH' }],",
  '        ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },',
  '      },',
  '    },',
  '  },',
  '};',
  'export default lockers;',
);

const SERVICE = sourceLines(
  'service: gym',
  'provider:',
  '  name: aws',
  '  runtime: nodejs20.x',
  '  environment:',
  '    MEMBERS_TABLE: ${self:custom.membersTable}',
  'custom:',
  '  membersTable: gym-members-${sls:stage}',
  'functions:',
  '  lastVisit:',
  '    handler: src/lastVisit.handler',
);

const HANDLER = sourceLines(
  "const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');",
  "const { DynamoDBDocumentClient, GetCommand } = require('@aws-sdk/lib-dynamodb');",
  'const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
  'exports.handler = async (event) => {',
  '  const { Item } = await ddb.send(new GetCommand({ TableName: process.env.MEMBERS_TABLE, Key: { memberId: event.memberId } }));',
  '  return Item;',
  '};',
);

describe('Parts of a Serverless service that serverless.ts merges in', () => {
  it("reads a part's resources section, as a template or as resources by logical id", () => {
    const members = hintsIn('resources/members.ts', MEMBERS);
    for (const expected of ['12:DeletionPolicy dynamodb-removal-policy', '12:DeletionPolicy dynamodb-removal-policy!', '15:BillingMode dynamodb-billing-mode', '16:KeySchema dynamodb-key-schema']) {
      assert.ok(members.includes(expected), `${expected} in\n${members.join('\n')}`);
    }
    const lockers = hintsIn('resources/lockers.ts', LOCKERS);
    for (const expected of ['9:KeySchema dynamodb-key-schema', '10:ProvisionedThroughput dynamodb-billing-mode']) {
      assert.ok(lockers.includes(expected), `${expected} in\n${lockers.join('\n')}`);
    }
  });

  it('reads a key schema whose names and key types are members of literal objects of the module', () => {
    const project = { 'serverless.yml': SERVICE, 'resources/members.ts': MEMBERS, 'src/lastVisit.js': HANDLER };
    const keyFindings = hintsOfFile(project, 'src/lastVisit.js').filter((hint) => hint.endsWith('dynamodb-workspace-key-attributes!'));
    assert.equal(keyFindings.length, 1, keyFindings.join('\n'));
    // A key type held by no literal leaves the key schema unknown, and the request unchecked.
    const unknownType = MEMBERS.replace('KeyType: KeyTypes.RANGE', 'KeyType: rangeKeyType');
    const unknownProject = { ...project, 'resources/members.ts': unknownType };
    assert.deepEqual(hintsOfFile(unknownProject, 'src/lastVisit.js').filter((hint) => hint.endsWith('dynamodb-workspace-key-attributes!')), []);
  });

  it('reads no resources section that is no CloudFormation, no whole service, and no part built in a function', () => {
    const settings = sourceLines('export const worker = {', "  region: 'eu-west-1',", '  resources: {', "    limits: { Type: 'cpu', Properties: { cores: 2 } },", '  },', '};');
    assert.deepEqual(hintsIn('resources/worker.ts', settings), []);
    const inFunction = `export function lockersPart() {\n  ${LOCKERS.replace('export default lockers;', 'return lockers;')}\n}`;
    assert.deepEqual(hintsIn('resources/lockers.ts', inFunction), []);
    const whole = LOCKERS.replace('const lockers = {', "const lockers = {\n  service: 'lockers',");
    assert.deepEqual(hintsIn('resources/lockers.ts', whole), []);
  });
});
