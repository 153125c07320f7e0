/** Quick fixes for our diagnostics: the rule's fix where a safe one exists, a suppression comment, and the note. */
import * as vscode from 'vscode';
import { Commands } from '../commands';
import { suppressionFix } from './engine/fixes';
import { AnalysisCache } from './analysisCache';
import { hintRule } from './ruleCatalog';

export class HintCodeActions implements vscode.CodeActionProvider {
  constructor(private readonly cache: AnalysisCache) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const result = this.cache.analysis(document);
    if (!result) {
      return [];
    }
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== 'aws-db-hints') {
        continue;
      }
      const ruleId = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
      const start = document.offsetAt(diagnostic.range.start);
      const finding = result.findings.find((candidate) => candidate.ruleId === ruleId && candidate.start === start);
      const rule = hintRule(ruleId);
      if (!finding || !rule) {
        continue;
      }
      if (finding.fix) {
        const action = new vscode.CodeAction(finding.fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        for (const edit of finding.fix.edits) {
          action.edit.replace(document.uri, new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end)), edit.newText);
        }
        action.diagnostics = [diagnostic];
        action.isPreferred = true;
        actions.push(action);
      }
      if (result.commentPrefix) {
        const suppress = suppressionFix(result.lines, finding.start, ruleId, result.commentPrefix);
        const action = new vscode.CodeAction(vscode.l10n.t('Suppress {0} on this line', ruleId), vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        for (const edit of suppress.edits) {
          action.edit.insert(document.uri, document.positionAt(edit.start), edit.newText);
        }
        action.diagnostics = [diagnostic];
        actions.push(action);
      }
      const open = new vscode.CodeAction(vscode.l10n.t('Open note: {0}', rule.noteTitle), vscode.CodeActionKind.QuickFix);
      open.command = { command: Commands.openNote, title: open.title, arguments: [rule.note] };
      open.diagnostics = [diagnostic];
      actions.push(open);
    }
    return actions;
  }
}
