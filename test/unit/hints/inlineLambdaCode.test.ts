/**
 * Lambda code written inline in a YAML template (`Code: ZipFile: |`, SAM's `InlineCode: |`) is read as code of
 * its runtime's language, in place: its hovers and findings land on the template's lines, and its hovers show
 * that language's examples.
 */
import * as assert from 'node:assert/strict';
import { analyzeText, siteAt } from '../../../src/hints/engine/analyze';
import { HintRule } from '../../../src/hints/engine/types';
import { hoverMarkdown } from '../../../src/hints/hoverMarkdown';
import { HOVER_COMMANDS, HOVER_LABELS, hintsIn, realHintRules, sourceLines } from './support';

const FUNCTION_HEAD = ['Resources:', '  ListOrders:', '    Type: AWS::Lambda::Function', '    Properties:', '      Handler: index.handler'];

describe('Lambda code inline in a template', () => {
  it('reads a Python ZipFile: a Scan in its handler and the client it makes per invocation, on the template\'s lines', () => {
    const template = sourceLines(
      ...FUNCTION_HEAD,
      '      Runtime: python3.12',
      '      Code:',
      '        ZipFile: |',
      '          import os',
      '          import boto3',
      '',
      '          def handler(event, context):',
      '              table = boto3.resource("dynamodb").Table(os.environ["TABLE"])',
      '              return table.scan()["Items"]',
      '      Timeout: 10',
    );
    const hints = hintsIn('template.yaml', template);
    assert.ok(hints.includes('14:scan dynamodb-scan!'), hints.join('\n'));
    assert.ok(hints.includes('13:resource lambda-client-per-invocation!'), hints.join('\n'));
    // The quick fix of a file may insert where the template has no code: findings from inline code carry none.
    const analysis = analyzeText(template, realHintRules(), { kind: 'yaml', fileName: 'template.yaml' });
    assert.ok(analysis.findings.every((finding) => finding.fix === undefined));
  });

  it('reads Node.js code behind !Sub, and a SAM function\'s InlineCode with the runtime its Globals give', () => {
    const zipFile = sourceLines(
      ...FUNCTION_HEAD,
      '      Runtime: nodejs20.x',
      '      Code:',
      '        ZipFile: !Sub |',
      '          const { DynamoDBClient, BatchWriteItemCommand } = require("@aws-sdk/client-dynamodb");',
      '          const client = new DynamoDBClient({});',
      '          exports.handler = async () => {',
      '            await client.send(new BatchWriteItemCommand({ RequestItems: { "${Table}": [] } }));',
      '          };',
    );
    assert.ok(hintsIn('template.yaml', zipFile).includes('12:BatchWriteItemCommand dynamodb-batch-write-item!'));
    const sam = sourceLines(
      'Transform: AWS::Serverless-2016-10-31',
      'Globals:',
      '  Function:',
      '    Runtime: python3.11',
      'Resources:',
      '  Purge:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Handler: index.handler',
      '      InlineCode: |-',
      '        import boto3',
      '        client = boto3.client("dynamodb")',
      '        def handler(event, context):',
      '            return client.scan(TableName="orders")',
    );
    assert.ok(hintsIn('template.yaml', sam).includes('14:scan dynamodb-scan!'));
  });

  it('shows the Python example on the inline Scan, where the template\'s own sites show CloudFormation', () => {
    const template = sourceLines(
      ...FUNCTION_HEAD,
      '      Runtime: python3.12',
      '      Code:',
      '        ZipFile: |',
      '          import boto3',
      '          def handler(event, context):',
      '              return boto3.client("dynamodb").scan(TableName="orders")',
    );
    const rules = realHintRules();
    const analysis = analyzeText(template, rules, { kind: 'yaml', fileName: 'template.yaml' });
    const site = siteAt(analysis.sites, template.indexOf('scan('));
    assert.ok(site && analysis.language === 'cloudformation');
    const shown = site.ruleIds.map((id) => rules.find((rule) => rule.id === id)).filter((rule): rule is HintRule => rule !== undefined);
    const markdown = hoverMarkdown(shown, { language: site.language ?? analysis.language, origin: site.origin }, HOVER_LABELS, HOVER_COMMANDS);
    assert.match(markdown, /```python\n/);
    assert.doesNotMatch(markdown, /```yaml/);
  });

  it('honours the suppression comment the editor writes above an inline line, a comment to YAML and Python alike', () => {
    const template = sourceLines(
      ...FUNCTION_HEAD,
      '      Runtime: python3.12',
      '      Code:',
      '        ZipFile: |',
      '          import boto3',
      '          table = boto3.resource("dynamodb").Table("orders")',
      '          def handler(event, context):',
      '              # aws-db-hints-disable-next-line dynamodb-scan',
      '              return table.scan()["Items"]',
    );
    assert.deepEqual(hintsIn('template.yaml', template).filter((hint) => hint.endsWith('!')), []);
  });

  it('reads nothing from a folded block, another property\'s block, a JSON string, an unread runtime or a runtime it cannot tell', () => {
    const scan = '          boto3.client("dynamodb").scan(TableName="orders")';
    const folded = sourceLines(...FUNCTION_HEAD, '      Runtime: python3.12', '      Code:', '        ZipFile: >', '          import boto3', scan);
    const description = sourceLines(...FUNCTION_HEAD, '      Runtime: python3.12', '      Description: |', '          import boto3', scan);
    const java = sourceLines(...FUNCTION_HEAD, '      Runtime: java21', '      Code:', '        ZipFile: |', '          import boto3', scan);
    const parameter = sourceLines(...FUNCTION_HEAD, '      Runtime: !Ref Runtime', '      Code:', '        ZipFile: |', '          import boto3', scan);
    for (const template of [folded, description, java, parameter]) {
      assert.deepEqual(hintsIn('template.yaml', template).filter((hint) => hint.includes('dynamodb-scan')), [], template);
    }
    const json = JSON.stringify({
      Resources: { Fn: { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'python3.12', Code: { ZipFile: 'import boto3\nboto3.client("dynamodb").scan(TableName="t")\n' } } } },
    }, null, 2);
    assert.deepEqual(hintsIn('template.json', json).filter((hint) => hint.includes('dynamodb-scan')), []);
  });

  it('reads a runtime given by a parameter as its default, and one with no default as the language the code\'s lines show', () => {
    const code = ['      Code:', '        ZipFile: |', '          import boto3', '', '          def handler(event, context):', '              return boto3.client("dynamodb").scan(TableName="orders")'];
    const withDefault = sourceLines('Parameters:', '  Runtime:', '    Type: String', '    Default: python3.12', ...FUNCTION_HEAD, '      Runtime: !Ref Runtime', ...code);
    assert.ok(hintsIn('template.yaml', withDefault).includes('16:scan dynamodb-scan!'));
    // A nested stack's parameter, filled by its parent: the code's own lines are Python's.
    const filledByParent = sourceLines('Parameters:', '  Runtime:', '    Type: String', ...FUNCTION_HEAD, '      Runtime: !Ref Runtime', ...code);
    assert.ok(hintsIn('template.yaml', filledByParent).includes('15:scan dynamodb-scan!'));
    const node = sourceLines(
      ...FUNCTION_HEAD,
      '      Runtime: !Ref NodeRuntime',
      '      Code:',
      '        ZipFile: |',
      '          const { DynamoDBClient, ScanCommand } = require("@aws-sdk/client-dynamodb");',
      '          exports.handler = async () => (await new DynamoDBClient({}).send(new ScanCommand({ TableName: "orders" }))).Items;',
    );
    assert.ok(hintsIn('template.yaml', node).some((hint) => hint.startsWith('10:ScanCommand dynamodb-scan')));
    // A default of a runtime the engine does not read, and code whose lines could be either language, stay unread.
    const javaDefault = sourceLines('Parameters:', '  Runtime:', '    Default: java21', ...FUNCTION_HEAD, '      Runtime: !Ref Runtime', ...code);
    const both = sourceLines(...FUNCTION_HEAD, '      Runtime: !Ref Runtime', ...code, '          exports.handler = 1');
    for (const template of [javaDefault, both]) {
      assert.deepEqual(hintsIn('template.yaml', template).filter((hint) => hint.includes('dynamodb-scan')), [], template);
    }
  });

  it('ends a block at the first line no deeper than its key, and reads the template around it as before', () => {
    const template = sourceLines(
      ...FUNCTION_HEAD,
      '      Runtime: python3.12',
      '      Code:',
      '        ZipFile: |',
      '          import boto3',
      '          def handler(event, context):',
      '              return boto3.client("dynamodb").get_item(TableName="t", Key={})',
      '        S3ObjectVersion: boto3.client("dynamodb").scan(TableName="t")',
      '  Orders:',
      '    Type: AWS::DynamoDB::Table',
      '    Properties:',
      '      BillingMode: PAY_PER_REQUEST',
    );
    const hints = hintsIn('template.yaml', template);
    assert.ok(hints.includes('16:BillingMode dynamodb-billing-mode'), hints.join('\n'));
    assert.ok(hints.includes('11:get_item dynamodb-get-item'), hints.join('\n'));
    // The line at the key's depth is the template's again, however much it looks like code.
    assert.ok(!hints.some((hint) => hint.startsWith('12:')), hints.join('\n'));
  });
});
