import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, runFromPalette, screenshot, useWorkbench } from '../harness/workbench';
import { goToLine, openAt, openFromExplorer, showHover, writeSamApp } from './editorSupport';

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
    // Leave the sample as it was: undo the unsaved edit, and wait until the editor shows the original line again.
    await page.keyboard.press('Control+Z');
    await page.waitForFunction(() => [...document.querySelectorAll('.monaco-editor .view-line')].some((node) => /publicly_accessible\s*=\s*true/.test((node.textContent ?? '').replace(/\u00a0/g, ' '))));
  });

  it('marks a database that leaves deletion protection out as information, and its quick fix turns it on', async () => {
    const { page } = workbench();
    // The Problems panel draws only the rows in view: only this file's problems are listed.
    await runFromPalette(page, 'View: Close All Editors');
    await openAt(page, 'database.tf', 1, 28);
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'Deletion protection is not set' });
    await row.first().waitFor({ timeout: 30_000 });
    assert.equal(await row.first().locator('.codicon-info').count(), 1, 'shown with the information icon');
    await openAt(page, 'database.tf', 1, 28);
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'deletion_protection' });
    await fix.first().waitFor({ timeout: 20_000 });
    await fix.first().click();
    await page.waitForFunction(() => [...document.querySelectorAll('.monaco-editor .view-line')].some((node) => /deletion_protection\s*=\s*true/.test((node.textContent ?? '').replace(/\u00a0/g, ' '))));
    await screenshot(page, 'hint-deletion-protection-fix');
    // Leave the sample as it was: undo the unsaved edit, and wait until the inserted line is gone.
    await page.keyboard.press('Control+Z');
    await page.waitForFunction(() => ![...document.querySelectorAll('.monaco-editor .view-line')].some((node) => /deletion_protection\s*=\s*true/.test((node.textContent ?? '').replace(/\u00a0/g, ' '))));
  });

  it('shows the table and its GSI when hovering over an IndexName that a SAM template defines', async () => {
    const { page } = workbench();
    const app = writeSamApp('e2e-sam-app', ["    IndexName: 'byCustomer',"]);
    try {
      await openFromExplorer(page, ['e2e-sam-app', 'src'], 'sam-list-orders.ts');
      await goToLine(page, 'sam-list-orders.ts', 9, 18);
      // Asked again until it shows: the workspace model reads the new template in the background.
      const text = await showHover(page, 'global secondary index', 60_000);
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

  it('shows the removal-policy hint with a Go CDK example when hovering over a Go CDK stack prop', async () => {
    const { page } = workbench();
    const app = path.join(REPO_ROOT, 'examples', 'e2e-go-cdk');
    fs.mkdirSync(app, { recursive: true });
    fs.writeFileSync(
      path.join(app, 'orders_stack.go'),
      [
        'package main',
        '',
        'import (',
        '    "github.com/aws/aws-cdk-go/awscdk/v2"',
        '    "github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"',
        '    "github.com/aws/jsii-runtime-go"',
        ')',
        '',
        'func NewOrdersStack(scope awscdk.App, id string) awscdk.Stack {',
        '    stack := awscdk.NewStack(scope, &id, nil)',
        '    awsdynamodb.NewTable(stack, jsii.String("Orders"), &awsdynamodb.TableProps{',
        '        PartitionKey:  &awsdynamodb.Attribute{Name: jsii.String("pk"), Type: awsdynamodb.AttributeType_STRING},',
        '        RemovalPolicy: awscdk.RemovalPolicy_DESTROY,',
        '    })',
        '    return stack',
        '}',
        '',
      ].join('\n'),
    );
    try {
      await openFromExplorer(page, ['e2e-go-cdk'], 'orders_stack.go');
      await goToLine(page, 'orders_stack.go', 13, 10);
      // The finding's own hover part also names DeletionPolicy: wait for the rule's part, which names the service.
      const text = await showHover(page, 'Amazon DynamoDB');
      assert.match(text, /DeletionPolicy/);
      assert.match(text, /RemovalPolicy_RETAIN/, 'the example in Go CDK terms');
      await screenshot(page, 'hint-hover-go-cdk');
      await page.keyboard.press('Escape');
    } finally {
      fs.rmSync(app, { recursive: true, force: true });
    }
  });

  it('warns in the Problems panel about a rate-limit counter that INCR creates and a separate EXPIRE times out', async () => {
    const { page } = workbench();
    // The Problems panel draws only the rows in view: only this file's problems are listed.
    await runFromPalette(page, 'View: Close All Editors');
    const folder = path.join(REPO_ROOT, 'examples', 'e2e-rate-limit');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(
      path.join(folder, 'limiter.py'),
      [
        'import redis',
        '',
        '',
        'class RateLimiter:',
        '    def __init__(self, url):',
        '        self.redis = redis.Redis.from_url(url)',
        '',
        '    def allow(self, user_id, limit=100):',
        '        key = f"rate:{user_id}"',
        '        count = self.redis.incr(key)',
        '        if count == 1:',
        '            self.redis.expire(key, 60)',
        '        return count <= limit',
        '',
      ].join('\n'),
    );
    try {
      await openFromExplorer(page, ['e2e-rate-limit'], 'limiter.py');
      await page.keyboard.press('Control+Shift+M');
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'INCR creates the key without a TTL' });
      await row.first().waitFor({ timeout: 30_000 });
      assert.equal(await row.first().locator('.codicon-warning').count(), 1, 'shown with the warning icon');
      assert.match((await row.first().textContent()) ?? '', /redis-expire/);
      await screenshot(page, 'hint-problems-incr-expire');
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('explains on hover that a Redis client made without TLS for the cache host the environment names talks in clear', async () => {
    const { page } = workbench();
    const folder = path.join(REPO_ROOT, 'examples', 'e2e-redis-tls');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'session_cache.py'), ['import os', '', 'import redis', '', 'sessions = redis.Redis(host=os.environ["SESSION_CACHE_HOST"], port=6379)', ''].join('\n'));
    try {
      await openFromExplorer(page, ['e2e-redis-tls'], 'session_cache.py');
      await goToLine(page, 'session_cache.py', 5, 19);
      const text = await showHover(page, 'Redis client TLS');
      assert.match(text, /rediss:\/\//);
      assert.match(text, /TransitEncryptionMode/);
      await screenshot(page, 'hint-hover-redis-without-tls');
      await page.keyboard.press('Escape');
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('explains on hover that dynamoose creates a model\'s table provisioned at one read and one write unit when no throughput is given', async () => {
    const { page } = workbench();
    const folder = path.join(REPO_ROOT, 'examples', 'e2e-dynamoose-defaults');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(
      path.join(folder, 'parcel.js'),
      ["const dynamoose = require('dynamoose');", '', "const schema = new dynamoose.Schema({ parcelId: { type: String, hashKey: true } });", '', "module.exports = dynamoose.model('Parcels', schema);", ''].join('\n'),
    );
    try {
      await openFromExplorer(page, ['e2e-dynamoose-defaults'], 'parcel.js');
      await goToLine(page, 'parcel.js', 5, 28);
      const text = await showHover(page, 'BillingMode');
      assert.match(text, /one read and one write unit/);
      await screenshot(page, 'hint-hover-dynamoose-default-throughput');
      await page.keyboard.press('Escape');
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('reads the table a handler in another file constructs a repository with, and warns about its one-page Scan', async () => {
    const { page } = workbench();
    await runFromPalette(page, 'View: Close All Editors');
    const folder = path.join(REPO_ROOT, 'examples', 'e2e-injected-table');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(
      path.join(folder, 'repository.py'),
      ['class ItemRepository:', '    def __init__(self, table):', '        self._table = table', '', '    def list_items(self):', '        return self._table.scan()["Items"]', ''].join('\n'),
    );
    fs.writeFileSync(
      path.join(folder, 'handler.py'),
      [
        'import os',
        '',
        'import boto3',
        '',
        'from repository import ItemRepository',
        '',
        'repository = ItemRepository(boto3.resource("dynamodb").Table(os.environ["ITEMS_TABLE"]))',
        '',
        '',
        'def handler(event, context):',
        '    return {"items": repository.list_items()}',
        '',
      ].join('\n'),
    );
    try {
      await openFromExplorer(page, ['e2e-injected-table'], 'repository.py');
      await page.keyboard.press('Control+Shift+M');
      // The workspace model reads handler.py in the background; the repository's problems follow when it has.
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'LastEvaluatedKey' });
      await row.first().waitFor({ timeout: 60_000 });
      assert.match((await row.first().textContent()) ?? '', /dynamodb-scan/);
      await goToLine(page, 'repository.py', 6, 29);
      const text = await showHover(page, 'Amazon DynamoDB', 30_000);
      assert.match(text, /Scan/);
      await screenshot(page, 'hint-injected-table-scan');
      await page.keyboard.press('Escape');
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it("warns about a literal password in sequelize-cli's config.json and explains it on hover", async () => {
    const { page } = workbench();
    await runFromPalette(page, 'View: Close All Editors');
    const folder = path.join(REPO_ROOT, 'examples', 'e2e-sequelize-config');
    fs.mkdirSync(path.join(folder, 'config'), { recursive: true });
    fs.writeFileSync(
      path.join(folder, 'config', 'config.json'),
      JSON.stringify(
        {
          development: { username: 'root', password: null, database: 'shop_dev', host: '127.0.0.1', dialect: 'mysql' },
          production: { username: 'shop', password: 'Shop-Live-2021', database: 'shop', host: 'shop.c1x2y3.eu-west-1.rds.amazonaws.com', dialect: 'mysql' },
        },
        null,
        2,
      ),
    );
    try {
      await openFromExplorer(page, ['e2e-sequelize-config', 'config'], 'config.json');
      await page.keyboard.press('Control+Shift+M');
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'literal database password' });
      await row.first().waitFor({ timeout: 30_000 });
      assert.match((await row.first().textContent()) ?? '', /rds-sql-password/);
      // `"password": "Shop-Live-2021"` of production, on line 11 of the file JSON.stringify wrote.
      await goToLine(page, 'config.json', 11, 8);
      const text = await showHover(page, 'Amazon RDS', 30_000);
      assert.match(text, /password/i);
      await screenshot(page, 'hint-sequelize-config-json');
      await page.keyboard.press('Escape');
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('errs on a reserved word in an UpdateExpression and warns about a TTL in milliseconds, with the hover on the expression', async () => {
    const { page } = workbench();
    await runFromPalette(page, 'View: Close All Editors');
    const folder = path.join(REPO_ROOT, 'examples', 'e2e-session-store');
    fs.mkdirSync(folder, { recursive: true });
    const lines = [
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';",
      '',
      'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      '',
      'export class SessionStore {',
      '  async save(id: string): Promise<void> {',
      '    const ttl = Date.now() + 3_600_000;',
      "    await doc.send(new PutCommand({ TableName: 'sessions', Item: { pk: id, ttl } }));",
      '  }',
      '',
      '  async close(id: string): Promise<void> {',
      "    await doc.send(new UpdateCommand({ TableName: 'sessions', Key: { pk: id }, UpdateExpression: 'SET status = :s', ExpressionAttributeValues: { ':s': 'CLOSED' } }));",
      '  }',
      '}',
      '',
    ];
    fs.writeFileSync(path.join(folder, 'session-store.ts'), lines.join('\n'));
    try {
      await openFromExplorer(page, ['e2e-session-store'], 'session-store.ts');
      await page.keyboard.press('Control+Shift+M');
      const reserved = page.locator('.markers-panel .monaco-list-row', { hasText: 'is a reserved word in DynamoDB expressions' });
      await reserved.first().waitFor({ timeout: 30_000 });
      assert.equal(await reserved.first().locator('.codicon-error').count(), 1, 'shown with the error icon');
      assert.match((await reserved.first().textContent()) ?? '', /dynamodb-expression-reserved-word/);
      const ttl = page.locator('.markers-panel .monaco-list-row', { hasText: 'Time to Live reads epoch seconds' });
      await ttl.first().waitFor({ timeout: 30_000 });
      assert.match((await ttl.first().textContent()) ?? '', /dynamodb-ttl-not-in-seconds/);
      await goToLine(page, 'session-store.ts', 13, lines[12].indexOf("'SET status") + 3);
      const text = await showHover(page, 'Reserved word as an attribute name', 30_000);
      assert.match(text, /ExpressionAttributeNames/);
      await screenshot(page, 'hint-reserved-word-and-ttl');
      await page.keyboard.press('Escape');
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it("reads a team's CDK construct subclass from another file where a stack makes it: a public database in the Problems panel", async () => {
    const { page } = workbench();
    await runFromPalette(page, 'View: Close All Editors');
    const folder = path.join(REPO_ROOT, 'examples', 'e2e-platform-constructs');
    fs.mkdirSync(path.join(folder, 'lib', 'constructs'), { recursive: true });
    fs.writeFileSync(
      path.join(folder, 'lib', 'constructs', 'platform-database.ts'),
      [
        "import { Duration } from 'aws-cdk-lib';",
        "import * as rds from 'aws-cdk-lib/aws-rds';",
        "import { Construct } from 'constructs';",
        '',
        'export class PlatformDatabase extends rds.DatabaseInstance {',
        '  constructor(scope: Construct, id: string, props: rds.DatabaseInstanceProps) {',
        '    super(scope, id, { ...props, backupRetention: Duration.days(7) });',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    const stack = [
      "import { Stack } from 'aws-cdk-lib';",
      "import * as ec2 from 'aws-cdk-lib/aws-ec2';",
      "import * as rds from 'aws-cdk-lib/aws-rds';",
      "import { Construct } from 'constructs';",
      "import { PlatformDatabase } from './constructs/platform-database';",
      '',
      'export class LedgerStack extends Stack {',
      '  constructor(scope: Construct, id: string, vpc: ec2.IVpc) {',
      '    super(scope, id);',
      "    new PlatformDatabase(this, 'Ledger', {",
      '      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_17 }),',
      '      vpc,',
      '      publiclyAccessible: true,',
      '    });',
      '  }',
      '}',
      '',
    ];
    fs.writeFileSync(path.join(folder, 'lib', 'ledger-stack.ts'), stack.join('\n'));
    try {
      await openFromExplorer(page, ['e2e-platform-constructs', 'lib'], 'ledger-stack.ts');
      await page.keyboard.press('Control+Shift+M');
      // The workspace model reads the construct's file in the background; the stack's problem follows when it has.
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'publicly accessible' });
      await row.first().waitFor({ timeout: 60_000 });
      assert.match((await row.first().textContent()) ?? '', /rds-publicly-accessible/);
      await goToLine(page, 'ledger-stack.ts', 13, 8);
      const text = await showHover(page, 'PubliclyAccessible', 30_000);
      assert.match(text, /public/i);
      await screenshot(page, 'hint-cdk-construct-subclass');
      await page.keyboard.press('Escape');
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
