import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Commands } from '../../../src/commands';
import type { WorkspaceCheckSummary } from '../../../src/hints/workspaceCheck';
import { activateExtension, waitFor } from './helpers';

// The bundled suite runs from out/test/integration; the repository root is three levels up.
const ROOT = path.resolve(__dirname, '../../..');
const fixture = (relative: string): vscode.Uri => vscode.Uri.file(path.join(ROOT, 'test/fixtures/hints', relative));
const example = (relative: string): vscode.Uri => vscode.Uri.file(path.join(ROOT, 'examples', relative));

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

async function hoverAt(uri: vscode.Uri, needle: string, occurrence = 0): Promise<string> {
  const document = await vscode.workspace.openTextDocument(uri);
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) {
    offset = document.getText().indexOf(needle, offset + 1);
  }
  assert.ok(offset >= 0, `${needle} not found`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, document.positionAt(offset + 1));
  return hoverText(hovers);
}

async function ourDiagnostics(uri: vscode.Uri, expected: (diagnostics: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  return waitFor(() => {
    const diagnostics = vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'aws-db-hints');
    return expected(diagnostics) ? diagnostics : undefined;
  });
}

const codeOf = (diagnostic: vscode.Diagnostic): string => (typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code));

describe('design hints in a real VS Code', () => {
  before(async () => {
    await activateExtension();
  });

  it('hovers over ScanCommand in TypeScript with the fact, the note link and the doc link', async () => {
    const text = await hoverAt(example('orders-repository.ts'), 'ScanCommand', 1);
    assert.match(text, /\*\*Scan\*\* · Amazon DynamoDB/);
    assert.match(text, /1 MB/);
    assert.match(text, /command:awsDbStudy\.openNote\?/);
    assert.match(text, /https:\/\/docs\.aws\.amazon\.com\/amazondynamodb\/latest\/APIReference\/API_Scan\.html/);
  });

  it('hovers right after an edit: sites after it moved, and a call typed just now found', async () => {
    const source = "import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';\nconst client = new DynamoDBClient({});\n\nexport const all = () => client.send(new ScanCommand({ TableName: 't' }));\n";
    const document = await vscode.workspace.openTextDocument({ language: 'typescript', content: source });
    const hoverOn = async (needle: string): Promise<string> => {
      const offset = document.getText().indexOf(needle);
      assert.ok(offset >= 0, `${needle} not found`);
      return hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset + 1)));
    };
    assert.match(await hoverOn('ScanCommand({'), /\*\*Scan\*\*/);
    // A line inserted above the call: the hover follows the call to its new place.
    const above = new vscode.WorkspaceEdit();
    above.insert(document.uri, new vscode.Position(2, 0), '// the orders table\n');
    assert.ok(await vscode.workspace.applyEdit(above));
    assert.match(await hoverOn('ScanCommand({'), /\*\*Scan\*\*/);
    assert.equal(await hoverOn('orders table'), '');
    // A call typed where there was none: the hover there waits for a fresh analysis and finds it.
    const typed = new vscode.WorkspaceEdit();
    typed.insert(document.uri, document.positionAt(document.getText().length), "export const other = () => client.send(new ScanCommand({ TableName: 'other' }));\n");
    assert.ok(await vscode.workspace.applyEdit(typed));
    assert.match(await hoverOn("ScanCommand({ TableName: 'other'"), /\*\*Scan\*\*/);
  });

  it('gives no hover on a scan in a comment or an IAM action string', async () => {
    assert.equal(await hoverAt(fixture('traps/traps.ts'), 'docClient.scan'), '');
    assert.equal(await hoverAt(fixture('traps/traps.ts'), 'dynamodb:Scan'), '');
  });

  it('hovers in Terraform files even without a Terraform extension', async () => {
    const text = await hoverAt(example('database.tf'), 'publicly_accessible');
    assert.match(text, /\*\*publicly_accessible\*\*/, 'the title uses the Terraform name');
    assert.match(text, /```hcl\n/);
    assert.match(text, /checkov CKV_AWS_17/);
  });

  it('shows the example in the language of the file: Python for Scan, CloudFormation for PubliclyAccessible', async () => {
    const python = await hoverAt(fixture('python/orders_repository.py'), 'scan(', 1);
    assert.match(python, /```python\npaginator = client\.get_paginator\("scan"\)/);
    assert.doesNotMatch(python, /paginateScan/);
    const template = await hoverAt(fixture('cloudformation/database.yaml'), 'PubliclyAccessible');
    assert.match(template, /\*\*PubliclyAccessible\*\*/);
    assert.match(template, /```yaml\nDatabase:\n {2}Type: AWS::RDS::DBInstance\n(?:.*\n)*? {4}PubliclyAccessible: false/);
    assert.doesNotMatch(template, /```hcl/);
  });

  it('hovers in Python, Java, Go, C#, CloudFormation and Redis client code', async () => {
    assert.match(await hoverAt(fixture('python/orders_repository.py'), 'scan(', 1), /\*\*Scan\*\*/);
    assert.match(await hoverAt(fixture('java/OrderRepository.java'), 'consistentRead'), /\*\*consistentRead\*\*/, 'the Java builder name');
    assert.match(await hoverAt(fixture('go/orders.go'), 'QueryInput'), /\*\*Query\*\*/);
    assert.match(await hoverAt(fixture('csharp/OrderRepository.cs'), 'ScanAsync'), /\*\*Scan\*\*/);
    assert.match(await hoverAt(fixture('cloudformation/database.yaml'), 'AutomaticFailoverEnabled'), /\*\*AutomaticFailoverEnabled\*\*/);
    assert.match(await hoverAt(fixture('typescript/cache.ts'), 'keys('), /\*\*KEYS\*\*/);
    // A CDK app in Go: the construct's prop, with the example in Go CDK's own terms.
    const goCdk = await hoverAt(fixture('realworld/go/session47_cdk_ledger/infra/ledger_stack.go'), 'RemovalPolicy:');
    assert.match(goCdk, /```go\n[^`]*awscdk\.RemovalPolicy_/, goCdk);
  });

  it('reports diagnostics with the rule id and a link to its documentation', async () => {
    const uri = fixture('terraform/main.tf');
    await vscode.window.showTextDocument(uri);
    const diagnostics = await ourDiagnostics(uri, (found) => found.length > 0);
    assert.deepEqual(diagnostics.map(codeOf).sort(), ['elasticache-transit-encryption', 'rds-master-password', 'rds-publicly-accessible']);
    const publicAccess = diagnostics.find((diagnostic) => codeOf(diagnostic) === 'rds-publicly-accessible')!;
    assert.equal(publicAccess.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(publicAccess.range.start.line, 10);
    assert.equal(typeof publicAccess.code === 'object' && publicAccess.code.target.toString(), 'https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html');
  });

  it('offers the quick fix, a suppression and the note, and the fix applies', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'python', content: 'import redis\nr = redis.Redis()\nstale = r.keys("session:*")\n' });
    const diagnostics = await ourDiagnostics(document.uri, (found) => found.length === 1);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostics[0].range);
    const titles = actions.map((action) => action.title);
    assert.ok(titles.includes('Replace KEYS with a SCAN iterator'), titles.join(', '));
    assert.ok(titles.includes('Suppress redis-keys on this line'));
    assert.ok(titles.some((title) => title.startsWith('Open note: ')));
    const fix = actions.find((action) => action.title === 'Replace KEYS with a SCAN iterator')!;
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.equal(document.getText(), 'import redis\nr = redis.Redis()\nstale = list(r.scan_iter(match="session:*", count=500))\n');
    await ourDiagnostics(document.uri, (found) => found.length === 0);
  });

  it('reports a literal AWS access key in a handler that makes its client, with the hover in the file\'s language', async () => {
    const content = [
      'import boto3',
      '',
      '',
      'def handler(event, context):',
      '    client = boto3.client("dynamodb", aws_access_key_id="AKIA0189ZQWJ8N1RV9PD", aws_secret_access_key="wQ8r1Zt0Lm9Vb8Nc1Xd0Kp9Hs8Jf1Gy0Tu9Ea8Ri")',
      '    return client.get_item(TableName="orders", Key={"pk": {"S": event["id"]}})',
      '',
    ].join('\n');
    const document = await vscode.workspace.openTextDocument({ language: 'python', content });
    const diagnostics = await ourDiagnostics(document.uri, (found) => found.some((diagnostic) => codeOf(diagnostic) === 'aws-literal-access-key'));
    const key = diagnostics.find((diagnostic) => codeOf(diagnostic) === 'aws-literal-access-key')!;
    assert.equal(key.range.start.line, 4);
    assert.equal(document.getText(key.range), '"AKIA0189ZQWJ8N1RV9PD"');
    const hover = await hoverAt(document.uri, 'AKIA0189');
    assert.match(hover, /default credential/);
    assert.match(hover, /```python\n# No keys: boto3's credential chain/);
  });

  it('checks files that are not open with AWS DB: Check Workspace for Design Hints', async () => {
    const uri = example('template.yaml');
    await vscode.commands.executeCommand(Commands.checkWorkspace);
    const diagnostics = await ourDiagnostics(uri, (found) => found.length > 0);
    assert.ok(diagnostics.map(codeOf).includes('rds-storage-encrypted'));
  });

  it('lists the files the workspace check skipped, and what .gitignore left out', async () => {
    const dir = path.join(ROOT, 'examples', 'hostile-check');
    fs.mkdirSync(dir, { recursive: true });
    try {
      fs.writeFileSync(path.join(dir, '.gitignore'), 'ignored.py\n');
      fs.writeFileSync(path.join(dir, 'ignored.py'), 'import redis\nr = redis.Redis()\nr.keys("*")\n');
      fs.writeFileSync(path.join(dir, 'generated.ts'), `export const x = ${JSON.stringify('x'.repeat(5000))};\n`);
      const summary = await vscode.commands.executeCommand<WorkspaceCheckSummary>(Commands.checkWorkspace);
      assert.deepEqual(summary.skipped.filter((entry) => entry.file.includes('hostile-check')).map((entry) => `${entry.file} ${entry.reason.split(' ')[0]}`), ['hostile-check/generated.ts long-line']);
      assert.ok(summary.ignored >= 1);
      assert.deepEqual(vscode.languages.getDiagnostics(vscode.Uri.file(path.join(dir, 'ignored.py'))), []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('checks a file git tracks although .gitignore lists it, as git and the CLI do', async () => {
    const workspace = path.join(ROOT, 'examples');
    const dir = path.join(workspace, 'tracked-check');
    const git = (...args: string[]): void => {
      execFileSync('git', ['-c', 'user.email=dev@example.com', '-c', 'user.name=dev', ...args], { cwd: workspace, stdio: 'ignore' });
    };
    fs.mkdirSync(dir, { recursive: true });
    try {
      fs.writeFileSync(path.join(dir, 'tracked.py'), 'import redis\nr = redis.Redis()\nr.keys("*")\n');
      fs.writeFileSync(path.join(dir, 'untracked.py'), 'import redis\nr = redis.Redis()\nr.keys("*")\n');
      git('init', '-q');
      git('add', 'tracked-check/tracked.py');
      fs.writeFileSync(path.join(dir, '.gitignore'), '*.py\n');
      const summary = await vscode.commands.executeCommand<WorkspaceCheckSummary>(Commands.checkWorkspace);
      assert.ok(summary.ignored >= 1);
      assert.deepEqual(vscode.languages.getDiagnostics(vscode.Uri.file(path.join(dir, 'tracked.py'))).map(codeOf), ['redis-keys']);
      assert.deepEqual(vscode.languages.getDiagnostics(vscode.Uri.file(path.join(dir, 'untracked.py'))), []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(path.join(workspace, '.git'), { recursive: true, force: true });
    }
  });

  it('publishes no diagnostics from the workspace check when awsDbStudy.hints.diagnostics is off', async () => {
    const config = vscode.workspace.getConfiguration('awsDbStudy.hints');
    const uri = example('template.yaml');
    await config.update('diagnostics', false, vscode.ConfigurationTarget.Global);
    try {
      await ourDiagnostics(uri, (found) => found.length === 0);
      const summary = await vscode.commands.executeCommand<WorkspaceCheckSummary>(Commands.checkWorkspace);
      assert.ok(summary.findings > 0, 'the check still counts findings');
      assert.deepEqual(vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'aws-db-hints'), []);
    } finally {
      await config.update('diagnostics', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('turns a rule off in the user settings and on again with the command', async () => {
    const uri = example('database.tf');
    await vscode.window.showTextDocument(uri);
    await ourDiagnostics(uri, (found) => found.some((diagnostic) => codeOf(diagnostic) === 'rds-backup-retention'));
    const hints = () => vscode.workspace.getConfiguration('awsDbStudy.hints');
    await vscode.commands.executeCommand(Commands.disableHintRule, 'rds-backup-retention', 'user');
    try {
      assert.deepEqual(hints().inspect('rules')?.globalValue, { 'rds-backup-retention': 'off' });
      await ourDiagnostics(uri, (found) => found.length > 0 && !found.some((diagnostic) => codeOf(diagnostic) === 'rds-backup-retention'));
      assert.equal(await hoverAt(uri, 'backup_retention_period'), '');
      await vscode.commands.executeCommand(Commands.enableHintRule, 'rds-backup-retention');
      assert.equal(hints().inspect('rules')?.globalValue, undefined);
      await ourDiagnostics(uri, (found) => found.some((diagnostic) => codeOf(diagnostic) === 'rds-backup-retention'));
    } finally {
      await hints().update('rules', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
