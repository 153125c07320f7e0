/** The commands that turn a hint rule off (from a hover or a quick pick) and on again, in user or workspace settings. */
import * as vscode from 'vscode';
import { hintRule, hintRules } from './ruleCatalog';
import { restoreRule, rulesTurnedOff, turnRuleOff, turnRuleOn } from './ruleToggles';

export const SECTION = 'awsDbStudy.hints';

/**
 * Turns a rule off in the user or workspace settings (asked, unless `where` says), then offers Undo
 * and Open Settings. Resolves once the setting is written, not when the notification is dismissed.
 */
export async function disableRule(ruleId: unknown, where?: unknown): Promise<void> {
  let id = typeof ruleId === 'string' && hintRule(ruleId) ? ruleId : undefined;
  if (!id) {
    const picked = await vscode.window.showQuickPick(
      hintRules().map((rule) => ({ label: rule.id, description: rule.title, detail: rule.diagnostic?.message })),
      { title: vscode.l10n.t('Disable a design hint rule'), matchOnDescription: true },
    );
    id = picked?.label;
  }
  if (!id) {
    return;
  }
  const target = where === 'user' || where === 'workspace' ? toTarget(where) : await pickTarget(id);
  if (target === undefined) {
    return;
  }
  const config = vscode.workspace.getConfiguration(SECTION);
  const { next, previous } = turnRuleOff(valueIn(config, target), id);
  await config.update('rules', next, target);
  const undo = vscode.l10n.t('Undo');
  const openSettings = vscode.l10n.t('Open Settings');
  const message =
    target === vscode.ConfigurationTarget.Workspace
      ? vscode.l10n.t('Design hint {0} is off in this workspace.', id)
      : vscode.l10n.t('Design hint {0} is off in your user settings.', id);
  const ruleIdOff = id;
  void vscode.window.showInformationMessage(message, undo, openSettings).then(async (choice) => {
    if (choice === undo) {
      const current = vscode.workspace.getConfiguration(SECTION);
      await current.update('rules', restoreRule(valueIn(current, target), ruleIdOff, previous), target);
    } else if (choice === openSettings) {
      await openRulesSetting(target);
    }
  });
}

/** Turns a rule that is off (in user or workspace settings) on again; asks which one unless given. */
export async function enableRule(ruleId: unknown): Promise<void> {
  const config = vscode.workspace.getConfiguration(SECTION);
  const inspected = config.inspect<Record<string, unknown>>('rules');
  const scopes: [vscode.ConfigurationTarget, string][] = [
    [vscode.ConfigurationTarget.Global, vscode.l10n.t('User settings')],
    [vscode.ConfigurationTarget.Workspace, vscode.l10n.t('Workspace settings')],
  ];
  const offIn = (id: string) => scopes.filter(([target]) => rulesTurnedOff(target === vscode.ConfigurationTarget.Global ? inspected?.globalValue : inspected?.workspaceValue).includes(id));
  const off = [...new Set([...rulesTurnedOff(inspected?.globalValue), ...rulesTurnedOff(inspected?.workspaceValue)])].sort();
  if (off.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No design hint rule is turned off.'));
    return;
  }
  let id = typeof ruleId === 'string' && off.includes(ruleId) ? ruleId : undefined;
  if (!id) {
    const picked = await vscode.window.showQuickPick(
      off.map((offId) => ({ label: offId, description: hintRule(offId)?.title, detail: offIn(offId).map(([, label]) => label).join(' · ') })),
      { title: vscode.l10n.t('Turn a design hint rule back on'), matchOnDescription: true },
    );
    id = picked?.label;
  }
  if (!id) {
    return;
  }
  for (const [target] of offIn(id)) {
    await config.update('rules', turnRuleOn(valueIn(config, target), id), target);
  }
  void vscode.window.showInformationMessage(vscode.l10n.t('Design hint {0} is on again.', id));
}

function toTarget(where: 'user' | 'workspace'): vscode.ConfigurationTarget {
  return where === 'workspace' ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
}

/** User or workspace settings; without a workspace there is only the user's. */
async function pickTarget(ruleId: string): Promise<vscode.ConfigurationTarget | undefined> {
  if (!vscode.workspace.workspaceFolders?.length) {
    return vscode.ConfigurationTarget.Global;
  }
  const user = { label: vscode.l10n.t('User settings'), detail: vscode.l10n.t('Off in every workspace'), target: vscode.ConfigurationTarget.Global };
  const workspace = { label: vscode.l10n.t('Workspace settings'), detail: vscode.l10n.t('Off in this workspace only'), target: vscode.ConfigurationTarget.Workspace };
  const picked = await vscode.window.showQuickPick([user, workspace], { title: vscode.l10n.t('Where should design hint {0} be turned off?', ruleId) });
  return picked?.target;
}

function valueIn(config: vscode.WorkspaceConfiguration, target: vscode.ConfigurationTarget): unknown {
  const inspected = config.inspect('rules');
  return target === vscode.ConfigurationTarget.Workspace ? inspected?.workspaceValue : inspected?.globalValue;
}

async function openRulesSetting(target: vscode.ConfigurationTarget): Promise<void> {
  const command = target === vscode.ConfigurationTarget.Workspace ? 'workbench.action.openWorkspaceSettings' : 'workbench.action.openSettings';
  await vscode.commands.executeCommand(command, { query: `${SECTION}.rules` });
}

