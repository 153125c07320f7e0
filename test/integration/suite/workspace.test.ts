import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionTestApi } from '../../../src/extension';
import { activateExtension, waitFor } from './helpers';

/** The examples folder, the workspace the in-host suites run in. */
function exampleUri(file: string): vscode.Uri {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, file);
}

describe('workspace model in a real VS Code', () => {
  let api: ExtensionTestApi;
  before(async () => {
    api = await activateExtension();
    await api.workspace.ensureStarted();
  });

  it('lists the tables and databases of the examples under a Workspace node, each opening its definition', async () => {
    const workspace = await waitFor(() => api.topics.getChildren().find((node) => node.label === 'Workspace'));
    const children = await api.topics.getChildren(workspace);
    assert.deepEqual(
      children.map((node) => node.label),
      ['Orders', 'OrdersTable', 'AuroraCluster', 'Db', 'Legacy', 'aws_db_instance.orders', 'aws_elasticache_replication_group.sessions', 'OrdersDatabase'],
    );
    const table = await api.topics.getTreeItem(children.find((node) => node.label === 'OrdersTable')!);
    assert.match(String(table.description), /^DynamoDB table · pk \(S\) · on-demand/);
    assert.equal(table.command?.command, 'vscode.open');
    const [uri, options] = table.command!.arguments as [vscode.Uri, { selection: vscode.Range }];
    assert.equal(uri.toString(), exampleUri('template.yaml').toString());
    assert.equal(options.selection.start.line, 13);
  });

  it('judges a code file by its path in its folder, and follows templates written, edited unsaved and deleted', async () => {
    const code = api.workspace.documentWorkspace(exampleUri('orders-repository.ts'))!;
    assert.equal(code.fileName, 'orders-repository.ts');
    const named = (name: string): string | undefined => code.workspace.resolveTable(code.fileName, { kind: 'literal', name })?.logicalName;
    const dir = exampleUri('workspace-check');
    const template = vscode.Uri.joinPath(dir, 'template.yaml');
    try {
      const text = 'Resources:\n  Written:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      TableName: written-in-test\n';
      await vscode.workspace.fs.writeFile(template, new TextEncoder().encode(text));
      await waitFor(() => named('written-in-test'));
      const document = await vscode.workspace.openTextDocument(template);
      const edit = new vscode.WorkspaceEdit();
      const at = text.indexOf('written-in-test');
      edit.replace(template, new vscode.Range(document.positionAt(at), document.positionAt(at + 'written'.length)), 'edited');
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.equal(await waitFor(() => named('edited-in-test')), 'Written');
      assert.equal(named('written-in-test'), undefined);
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await vscode.workspace.fs.delete(dir, { recursive: true });
    }
    await waitFor(() => (named('written-in-test') === undefined && named('edited-in-test') === undefined ? true : undefined));
  });
});
