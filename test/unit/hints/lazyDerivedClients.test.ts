/**
 * A client made into a local during a lazy set-up in two steps is kept with the object made from it: a boto3 resource
 * whose `Table(...)` is stored in a `global` name, an SDK client wrapped into a module-level document client. Neither a
 * Lambda handler that does it, nor one that calls a helper of another module doing it, makes a client per invocation;
 * a client whose call result alone is stored outside still does.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { hintsOfRules, realHintRules, sourceLines } from './support';

const RULE = 'lambda-client-per-invocation';

function reported(files: Record<string, string>, file: string): string[] {
  const built = new WorkspaceModel();
  built.batch(() => Object.entries(files).forEach(([name, text]) => built.update(name, indexFile(name, documentKind(undefined, name)!, text))));
  const result = analyzeText(files[file], realHintRules(), { kind: documentKind(undefined, file)!, fileName: file, workspace: built });
  return result.findings.filter((finding) => finding.ruleId === RULE).map((finding) => `${result.lines.lineOf(finding.start) + 1}:${files[file].slice(finding.start, finding.end)}`);
}

describe('clients kept through the object a lazy set-up makes from them', () => {
  it('keeps a boto3 resource whose Table a Python handler stores in a global name', () => {
    const code = sourceLines(
      'import os',
      'import boto3',
      '',
      'orders = None',
      '',
      'def handler(event, context):',
      '    global orders',
      '    if orders is None:',
      '        dynamodb = boto3.resource("dynamodb")',
      '        orders = dynamodb.Table(os.environ["ORDERS_TABLE"])',
      '    return orders.get_item(Key={"pk": event["id"]}).get("Item")',
    );
    assert.deepEqual(hintsOfRules('handler.py', code, [RULE]).filter((hint) => hint.endsWith('!')), []);
  });

  it('keeps an SDK client a TypeScript handler wraps into a module-level document client', () => {
    const code = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';",
      'let docs: DynamoDBDocumentClient | undefined;',
      'export const handler = async (event: { id: string }) => {',
      '  if (!docs) {',
      '    const raw = new DynamoDBClient({});',
      '    docs = DynamoDBDocumentClient.from(raw);',
      '  }',
      "  return docs.send(new GetCommand({ TableName: 'orders', Key: { pk: event.id } }));",
      '};',
    );
    assert.deepEqual(hintsOfRules('handler.ts', code, [RULE]).filter((hint) => hint.endsWith('!')), []);
  });

  it('still reports a client whose call result alone is stored outside, and a Table kept in a local', () => {
    const code = sourceLines(
      'import os',
      'import boto3',
      '',
      'last_reply = None',
      '',
      'def handler(event, context):',
      '    global last_reply',
      '    client = boto3.client("dynamodb")',
      '    last_reply = client.get_item(TableName=os.environ["T"], Key={"pk": {"S": event["id"]}})',
      '    dynamodb = boto3.resource("dynamodb")',
      '    table = dynamodb.Table(os.environ["T"])',
      '    return table.get_item(Key={"pk": event["id"]})',
    );
    assert.deepEqual(hintsOfRules('handler.py', code, [RULE]).filter((hint) => hint.endsWith('!')), ['10:resource lambda-client-per-invocation!', '8:client lambda-client-per-invocation!']);
  });

  it('does not report a handler calling a helper of another module that sets its table up lazily', () => {
    const files = {
      'svc/counts.py': sourceLines(
        'import os',
        'import boto3',
        '',
        'table = None',
        '',
        'def hits_for(path):',
        '    global table',
        '    if not table:',
        '        dynamodb = boto3.resource("dynamodb")',
        '        table = dynamodb.Table(os.environ["TABLE_NAME"])',
        '    return table.get_item(Key={"pk": path}).get("Item")',
      ),
      'svc/index.py': sourceLines('from .counts import hits_for', '', 'def handler(event, context):', '    return hits_for(event["path"])'),
    };
    assert.deepEqual(reported(files, 'svc/index.py'), []);
  });
});
