import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands, NOTE_PANEL_VIEW_TYPE, TOPICS_VIEW_ID, WELCOME_VIEW_ID } from '../../../src/commands';
import { getCatalog } from '../../../src/content/catalog';
import type { ExtensionTestApi } from '../../../src/extension';
import { EXTENSION_ID, activateExtension, waitFor } from './helpers';

describe('extension in a real VS Code', () => {
  let api: ExtensionTestApi;
  before(async () => {
    api = await activateExtension();
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

  it('shows the three services and the cross-service guides in the Topics tree, as its own provider gives them', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.awsDbStudy');
    // The Workspace node (what the examples' IaC defines) follows the topics; workspace.test.ts reads it.
    const roots = (await api.topics.getChildren()).filter((node) => !node.kind.startsWith('workspace'));
    const items = await Promise.all(roots.map((node) => api.topics.getTreeItem(node)));
    assert.deepEqual(items.map((item) => item.label), ['Amazon RDS', 'Amazon DynamoDB', 'Amazon ElastiCache', 'Across services']);
    for (const root of roots) {
      assert.ok((await api.topics.getChildren(root)).length > 0, `${root.label} has sections`);
    }
  });

  it('counts in the tree what the quiz asks, and says what it leaves out', async () => {
    const roots = await api.topics.getChildren();
    const elasticache = await api.topics.getTreeItem(roots.find((node) => node.label === 'Amazon ElastiCache')!);
    // Before any answer: "64 to quiz · 12 to ask the interviewer" (the numbers follow the content).
    const counts = /^(\d+) to quiz · (\d+) to ask the interviewer$/.exec(String(elasticache.description));
    assert.ok(counts, String(elasticache.description));
    const catalog = getCatalog();
    const asks = catalog.questions.filter((question) => question.service === 'elasticache' && question.group === 'ask-interviewer').length;
    const quizzed = catalog.questions.filter((question) => question.service === 'elasticache').length - asks + catalog.choices.filter((choice) => choice.service === 'elasticache').length;
    assert.deepEqual([Number(counts[1]), Number(counts[2])], [quizzed, asks]);
    assert.match(String(elasticache.contextValue), /quizzable/);

    // A scope with nothing to quiz is not offered a quiz.
    const across = roots.find((node) => node.label === 'Across services')!;
    for (const section of await api.topics.getChildren(across)) {
      const item = await api.topics.getTreeItem(section);
      assert.doesNotMatch(String(item.description ?? ''), /to quiz/);
      assert.doesNotMatch(String(item.contextValue), /quizzable/);
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
    const elasticache = (await api.topics.getChildren()).find((root) => root.label === 'Amazon ElastiCache')!;
    const notes = (await Promise.all((await api.topics.getChildren(elasticache)).map((section) => api.topics.getChildren(section)))).flat();
    const node = notes.find((candidate) => candidate.kind === 'note' && candidate.noteId === 'elasticache-cluster-mode')!;
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
