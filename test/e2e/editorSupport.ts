/** What the e2e tests of the editor share: opening a file at a position, the hover there, a SAM app to judge code with. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from '../harness/workbench';

/** Opens a workspace file with Quick Open and puts the cursor at line:column with Go to Line. */
export async function openAt(page: Page, file: string, line: number, column: number): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(file);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: file }).first().waitFor();
  await input.press('Enter');
  await goToLine(page, file, line, column);
}

/** Puts the cursor at line:column of the active editor, which shows `file`, with Go to Line. */
export async function goToLine(page: Page, file: string, line: number, column: number): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  await page.locator(`.tab.active[aria-label^="${file}"]`).waitFor({ timeout: 20_000 });
  await page.keyboard.press('Control+G');
  await input.waitFor();
  await input.fill(`:${line}:${column}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: `line ${line}` }).first().waitFor();
  await input.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await page.locator('.statusbar', { hasText: `Ln ${line}, Col ${column}` }).waitFor();
}

/**
 * Shows the hover at the cursor (Ctrl+K Ctrl+I) until one containing `text` appears, and returns its
 * text. It asks again while none does: the hover needs the extension activated by the file (and, for
 * what the workspace model knows, the model to have read the templates).
 */
export async function showHover(page: Page, text: string, timeoutMs = 20_000): Promise<string> {
  const hover = page.locator('.monaco-hover-content', { hasText: text }).first();
  const deadline = Date.now() + timeoutMs;
  while (!(await hover.isVisible()) && Date.now() < deadline) {
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    await hover.waitFor({ timeout: 1000 }).catch(() => undefined);
  }
  await hover.waitFor({ timeout: 1000 });
  return (await hover.textContent()) ?? '';
}

/**
 * Writes a SAM app into the sample workspace: a table `Orders` (partition key `pk`, GSI `byCustomer`
 * keyed on `customerId`, keys only) and a function whose handler `src/sam-list-orders.ts` queries it
 * through ORDERS_TABLE; `queryOptions` are the Query's lines after its TableName (line 9 on). Returns
 * the app's folder, for the caller to remove.
 */
export function writeSamApp(name: string, queryOptions: string[]): string {
  const app = path.join(REPO_ROOT, 'examples', name);
  fs.mkdirSync(path.join(app, 'src'), { recursive: true });
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
      ...queryOptions,
      "    KeyConditionExpression: 'customerId = :c',",
      "    ExpressionAttributeValues: { ':c': event.customerId },",
      '  }));',
      '}',
      '',
    ].join('\n'),
  );
  return app;
}

/**
 * Opens `file` through the Explorer, expanding `folders` from the workspace root: Quick Open's file
 * index does not know files created after the window opened.
 */
export async function openFromExplorer(page: Page, folders: string[], file: string): Promise<void> {
  await page.keyboard.press('Control+Shift+E');
  const row = (name: string) => page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
  // A folder opens on a click, once the tree has focus: click until its child shows.
  const chain = [...folders, file];
  for (let level = 0; level < folders.length; level++) {
    for (let attempt = 0; attempt < 10 && !(await row(chain[level + 1]).isVisible()); attempt++) {
      await row(chain[level]).click();
      await row(chain[level + 1]).waitFor({ timeout: 1000 }).catch(() => undefined);
    }
  }
  await row(file).click();
  await page.locator(`.tab.active[aria-label^="${file}"]`).waitFor({ timeout: 20_000 });
}
