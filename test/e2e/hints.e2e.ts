import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { screenshot, useWorkbench } from '../harness/workbench';
import { goToLine, openAt, showHover } from './editorSupport';

describe('design hints in code-server, as a person sees them', function () {
  const workbench = useWorkbench();

  it('shows the Scan hint when hovering over ScanCommand in TypeScript', async () => {
    const { page } = workbench();
    await openAt(page, 'orders-repository.ts', 8, 42);
    const text = await showHover(page, 'Amazon DynamoDB');
    assert.match(text, /Scan/);
    assert.match(text, /1 MB/);
    assert.match(text, /Open note: Query versus Scan/);
    await screenshot(page, 'hint-hover-scan');
    await page.keyboard.press('Escape');
  });

  it('lists publicly_accessible = true from a Terraform file as a warning in the Problems panel', async () => {
    const { page } = workbench();
    await openAt(page, 'database.tf', 10, 3);
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'publicly accessible' });
    await row.first().waitFor({ timeout: 30_000 });
    assert.equal(await row.first().locator('.codicon-warning').count(), 1, 'shown with the warning icon');
    assert.match((await page.locator('.markers-panel').textContent()) ?? '', /rds-publicly-accessible/);
    await screenshot(page, 'hint-problems-terraform');
  });

  it('applies the quick fix that sets publicly_accessible to false', async () => {
    const { page } = workbench();
    await openAt(page, 'database.tf', 10, 3);
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Set publicly_accessible to false' });
    await fix.first().waitFor({ timeout: 20_000 });
    await fix.first().click();
    const line = page.locator('.monaco-editor .view-line', { hasText: 'publicly_accessible' });
    await page.waitForFunction(() => [...document.querySelectorAll('.monaco-editor .view-line')].some((node) => /publicly_accessible\s*=\s*false/.test(node.textContent ?? '')));
    assert.match(((await line.first().textContent()) ?? '').replace(/\u00a0/g, ' '), /publicly_accessible\s*=\s*false/);
    await screenshot(page, 'hint-quick-fix');
    // Leave the sample as it was: undo the unsaved edit.
    await page.keyboard.press('Control+Z');
  });

  it('shows the table and its GSI when hovering over an IndexName that a SAM template defines', async () => {
    const { page } = workbench();
    // A SAM app written into the workspace: the handler reads the table through ORDERS_TABLE.
    const app = path.resolve(__dirname, '../../examples/e2e-sam-app');
    fs.mkdirSync(path.join(app, 'src'), { recursive: true });
    try {
      fs.writeFileSync(
        path.join(app, 'template.yaml'),
        [
          'Transform: AWS::Serverless-2016-10-31',
          'Resources:',
          '  Orders:',
          '    Type: AWS::DynamoDB::Table',
          '    Properties:',
          '      BillingMode: PAY_PER_REQUEST',
          '      AttributeDefinitions:',
          '        - { AttributeName: pk, AttributeType: S }',
          '        - { AttributeName: customerId, AttributeType: S }',
          '      KeySchema:',
          '        - { AttributeName: pk, KeyType: HASH }',
          '      GlobalSecondaryIndexes:',
          '        - IndexName: byCustomer',
          '          KeySchema: [{ AttributeName: customerId, KeyType: HASH }]',
          '          Projection: { ProjectionType: KEYS_ONLY }',
          '  ListOrders:',
          '    Type: AWS::Serverless::Function',
          '    Properties:',
          '      CodeUri: src/',
          '      Handler: sam-list-orders.handler',
          '      Runtime: nodejs20.x',
          '      Environment:',
          '        Variables:',
          '          ORDERS_TABLE: !Ref Orders',
          '',
        ].join('\n'),
      );
      fs.writeFileSync(
        path.join(app, 'src', 'sam-list-orders.ts'),
        [
          "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
          "import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';",
          '',
          'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
          '',
          'export async function handler(event: { customerId: string }) {',
          '  return doc.send(new QueryCommand({',
          '    TableName: process.env.ORDERS_TABLE,',
          "    IndexName: 'byCustomer',",
          "    KeyConditionExpression: 'customerId = :c',",
          "    ExpressionAttributeValues: { ':c': event.customerId },",
          '  }));',
          '}',
          '',
        ].join('\n'),
      );
      // Through the Explorer: Quick Open's file index does not know files created after the window opened.
      await page.keyboard.press('Control+Shift+E');
      const row = (name: string) => page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
      // A folder opens on a click, once the tree has focus: click until its child shows.
      for (const [folder, child] of [
        ['e2e-sam-app', 'src'],
        ['src', 'sam-list-orders.ts'],
      ]) {
        for (let attempt = 0; attempt < 10 && !(await row(child).isVisible()); attempt++) {
          await row(folder).click();
          await row(child).waitFor({ timeout: 1000 }).catch(() => undefined);
        }
      }
      await row('sam-list-orders.ts').click();
      await goToLine(page, 'sam-list-orders.ts', 9, 18);
      // The workspace model reads the new template in the background: ask longer.
      const text = await showHover(page, 'global secondary index', 20);
      assert.match(text, /Orders/);
      assert.match(text, /byCustomer/);
      assert.match(text, /customerId/);
      assert.match(text, /KEYS_ONLY/);
      await screenshot(page, 'hint-hover-workspace-gsi');
      await page.keyboard.press('Escape');
    } finally {
      fs.rmSync(app, { recursive: true, force: true });
    }
  });
});
