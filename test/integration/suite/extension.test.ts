import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands, NOTE_PANEL_VIEW_TYPE, TOPICS_VIEW_ID, WELCOME_VIEW_ID } from '../../../src/commands';
import { getCatalog } from '../../../src/content/catalog';
import { TopicTreeModel } from '../../../src/tree/topicTreeModel';
import { EXTENSION_ID, activateExtension, waitFor } from './helpers';

describe('extension in a real VS Code', () => {
  before(async () => {
    await activateExtension();
  });

  it('is installed under the id the tests expect', () => {
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID));
  });

  it('registers every command it contributes, and no other awsDbStudy command', async () => {
    // VS Code adds commands of its own for each view (awsDbStudy.topics.focus and so on).
    const viewCommands = [TOPICS_VIEW_ID, WELCOME_VIEW_ID].map((view) => `${view}.`);
    const registered = (await vscode.commands.getCommands(true)).filter(
      (id) => id.startsWith('awsDbStudy.') && !viewCommands.some((prefix) => id.startsWith(prefix)),
    );
    assert.deepEqual(registered.sort(), Object.values(Commands).sort());
  });

  it('shows the three services and the cross-service guides in the Topics tree', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.awsDbStudy');
    const model = new TopicTreeModel(getCatalog);
    assert.deepEqual(
      model.roots().map((node) => node.label),
      ['Amazon RDS', 'Amazon DynamoDB', 'Amazon ElastiCache', 'Across services'],
    );
    for (const service of model.roots()) {
      assert.ok(model.children(service).length > 0, `${service.label} has sections`);
    }
  });

  it('opens a note in a webview panel titled after the note', async () => {
    const note = getCatalog().note('dynamodb-query-scan')!;
    await vscode.commands.executeCommand(Commands.openNote, note.id);
    const tab = await waitFor(() =>
      vscode.window.tabGroups.all
        .flatMap((group) => group.tabs)
        .find((candidate) => candidate.input instanceof vscode.TabInputWebview && candidate.input.viewType.endsWith(NOTE_PANEL_VIEW_TYPE)),
    );
    assert.equal(tab.label, note.title);
  });

  it('opens a note from a Topics tree node, as the tree context menu passes it', async () => {
    const model = new TopicTreeModel(getCatalog);
    const node = model.noteNode('elasticache-cluster-mode')!;
    await vscode.commands.executeCommand(Commands.openNote, node);
    await waitFor(() =>
      vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((tab) => tab.label === getCatalog().note('elasticache-cluster-mode')!.title),
    );
  });

  it('reuses the panel for the next note', async () => {
    const next = getCatalog().note('rds-multi-az')!;
    await vscode.commands.executeCommand(Commands.openNote, next.id);
    const tabs = await waitFor(() => {
      const noteTabs = vscode.window.tabGroups.all
        .flatMap((group) => group.tabs)
        .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(NOTE_PANEL_VIEW_TYPE));
      return noteTabs.length === 1 && noteTabs[0].label === next.title ? noteTabs : undefined;
    });
    assert.equal(tabs.length, 1);
  });
});
