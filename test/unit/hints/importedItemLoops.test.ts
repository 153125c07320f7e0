/**
 * `dynamodb-item-loop` one call away in another module (workspace mode): a loop that waits, per element, on a
 * repository method or an exported function of another file whose one DynamoDB request is an item request a batch
 * could send. Silent: a helper that also queries, a conditional write, calls sent together, and a file read alone.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { realHintRules, sourceLines } from './support';

const RULE = 'dynamodb-item-loop';

/** The rule's findings in `file` as `line:text`, read in workspace mode beside the other files, or alone. */
function reported(files: Record<string, string>, file: string, alone = false): string[] {
  const built = new WorkspaceModel();
  built.batch(() => Object.entries(files).forEach(([name, text]) => built.update(name, indexFile(name, documentKind(undefined, name)!, text))));
  const result = analyzeText(files[file], realHintRules(), { kind: documentKind(undefined, file)!, fileName: file, ...(alone ? {} : { workspace: built }) });
  return result.findings.filter((finding) => finding.ruleId === RULE).map((finding) => `${result.lines.lineOf(finding.start) + 1}:${files[file].slice(finding.start, finding.end)}`);
}

const COACHES = sourceLines(
  "import { Injectable } from '@nestjs/common';",
  "import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';",
  '@Injectable()',
  'export class CoachRepository {',
  '  constructor(private readonly doc: DynamoDBDocumentClient) {}',
  '  async findOne(email: string) {',
  "    const get = new GetCommand({ TableName: 'Users', Key: { pk: `Coach#${email}`, sk: 'Profile' } });",
  '    const { Item } = await this.doc.send(get);',
  '    return Coach.from(Item);',
  '  }',
  '  async claim(coach: Coach) {',
  "    await this.doc.send(new PutCommand({ TableName: 'Users', Item: coach, ConditionExpression: 'attribute_not_exists(pk)' }));",
  '  }',
  '  async withSessions(email: string) {',
  "    const { Item } = await this.doc.send(new GetCommand({ TableName: 'Users', Key: { pk: `Coach#${email}`, sk: 'Profile' } }));",
  "    const { Items } = await this.doc.send(new QueryCommand({ TableName: 'Sessions', KeyConditionExpression: 'coach = :c', ExpressionAttributeValues: { ':c': email } }));",
  '    return { ...Item, sessions: Items };',
  '  }',
  '}',
  'class Coach {',
  '  static from(item: unknown) {',
  '    return item as Coach;',
  '  }',
  '}',
);

const RANKING = sourceLines(
  "import { Injectable } from '@nestjs/common';",
  "import { CoachRepository } from '../coaches/coach.repository';",
  '@Injectable()',
  'export class RankingQuery {',
  '  constructor(private readonly coaches: CoachRepository) {}',
  '  async rank(emails: string[]) {',
  '    const ranked = [];',
  '    for (const email of emails) {',
  '      const coach = await this.coaches.findOne(email);',
  '      ranked.push(coach);',
  '    }',
  '    for (const email of emails) {',
  '      ranked.push(await this.coaches.withSessions(email));',
  '      await this.coaches.claim(ranked[0]);',
  '    }',
  '    return Promise.all(emails.map((email) => this.coaches.findOne(email)));',
  '  }',
  '}',
);

describe('DynamoDB item requests one call away in another module, per element of a loop', () => {
  it('a NestJS service awaiting an injected repository method whose one request is a GetItem', () => {
    const files = { 'src/coaches/coach.repository.ts': COACHES, 'src/ranking/ranking.query.ts': RANKING };
    assert.deepEqual(reported(files, 'src/ranking/ranking.query.ts'), ['9:findOne']);
  });

  it('nothing when the file is read alone: the method could do anything', () => {
    const files = { 'src/coaches/coach.repository.ts': COACHES, 'src/ranking/ranking.query.ts': RANKING };
    assert.deepEqual(reported(files, 'src/ranking/ranking.query.ts', true), []);
  });

  it('a Lambda handler awaiting an exported function of another module per record', () => {
    const files = {
      'src/users.js': sourceLines(
        "const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');",
        "const { DynamoDBDocumentClient, GetCommand } = require('@aws-sdk/lib-dynamodb');",
        'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
        'async function getUser(id) {',
        '  const { Item } = await doc.send(new GetCommand({ TableName: process.env.USERS_TABLE, Key: { id } }));',
        '  return Item;',
        '}',
        'module.exports = { getUser };',
      ),
      'src/notify.js': sourceLines(
        "const { getUser } = require('./users');",
        'exports.handler = async (event) => {',
        '  for (const record of event.Records) {',
        '    const user = await getUser(JSON.parse(record.body).userId);',
        '    console.log(user);',
        '  }',
        '};',
      ),
    };
    assert.deepEqual(reported(files, 'src/notify.js'), ['4:getUser']);
  });
});
