/**
 * Design hints in the editor: hovers, diagnostics (on open and change, debounced), quick fixes, the
 * workspace check and the disable-rule command. Loaded on first use (see chunks.ts); activation
 * registers the providers and commands that call in here (registerHints.ts). Thin: all analysis is
 * the pure engine's.
 */
import * as vscode from 'vscode';
import { Commands } from '../commands';
import { analyzeText, AnalysisResult, siteAt } from './engine/analyze';
import { Budget } from './engine/budget';
import { documentKind, DocumentKind, EXCLUDED_FOLDERS_GLOB, HINT_FILE_GLOB } from './engine/documentKinds';
import { GitignoreRules, selectFile } from './engine/fileSelection';
import { DEFAULT_LIMITS } from './engine/text';
import { Finding, HintRule, Severity } from './engine/types';
import { suppressionFix } from './engine/fixes';
import { DIAGNOSTIC_SOURCE, HINTS_SECTION } from './hintIds';
import { hoverMarkdown, HoverLabels } from './hoverMarkdown';
import { hintRule, hintRules } from './ruleCatalog';
import { restoreRule, rulesTurnedOff, turnRuleOff, turnRuleOn } from './ruleToggles';
import { HintSettings, parseHintSettings, severityFor } from './settings';
import { SkippedDocuments } from './skippedDocuments';

/** Context key the Getting Started walkthrough waits for (package.json completionEvents). */
const HINT_SEEN_CONTEXT = 'awsDbStudy.hasSeenHint';
const DEBOUNCE_MS = 300;

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

function readSettings(): HintSettings {
  const config = vscode.workspace.getConfiguration(HINTS_SECTION);
  return parseHintSettings(config.get('enabled'), config.get('diagnostics'), config.get('rules'), config.get('timeBudgetMs'));
}

function hoverLabels(): HoverLabels {
  return {
    service: { dynamodb: 'Amazon DynamoDB', rds: 'Amazon RDS', elasticache: 'Amazon ElastiCache' },
    openNote: (title) => vscode.l10n.t('Open note: {0}', title),
    documentation: vscode.l10n.t('AWS documentation'),
    disable: vscode.l10n.t('Disable this hint'),
    controls: vscode.l10n.t('Same check as'),
  };
}

export class HintService implements vscode.HoverProvider, vscode.CodeActionProvider, vscode.Disposable {
  private settings = readSettings();
  private readonly cache = new Map<string, { version: number; result: AnalysisResult }>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private hintSeen = false;

  readonly skipped = new SkippedDocuments();

  constructor(readonly diagnostics: vscode.DiagnosticCollection) {}

  dispose(): void {
    this.timers.forEach((timer) => clearTimeout(timer));
    this.skipped.dispose();
  }

  reloadSettings(): void {
    this.settings = readSettings();
    this.cache.clear();
    this.refreshOpenDocuments();
  }

  analysis(document: vscode.TextDocument): AnalysisResult | undefined {
    const kind = documentKind(document.languageId, document.fileName);
    if (!kind || !this.settings.enabled) {
      return undefined;
    }
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    if (cached && cached.version === document.version) {
      return cached.result;
    }
    const result = this.analyze(document.getText(), kind, document.fileName);
    this.cache.set(key, { version: document.version, result });
    this.skipped.record(document.uri, result.skipped);
    return result;
  }

  private analyze(text: string, kind: DocumentKind, fileName: string): AnalysisResult {
    return analyzeText(text, hintRules(), {
      kind,
      fileName,
      severityOf: (rule) => severityFor(this.settings, rule),
      budget: new Budget(this.settings.timeBudgetMs),
    });
  }

  /** Completes the walkthrough's "Hover over an AWS call" step, once per session. */
  private noteHintSeen(): void {
    if (!this.hintSeen) {
      this.hintSeen = true;
      void vscode.commands.executeCommand('setContext', HINT_SEEN_CONTEXT, true);
    }
  }

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const result = this.analysis(document);
    const site = result && siteAt(result.sites, document.offsetAt(position));
    if (!site || !result.language) {
      return undefined;
    }
    const rules = site.ruleIds.map((id) => hintRule(id)).filter((rule): rule is HintRule => rule !== undefined);
    const place = { language: result.language, origin: site.origin, name: site.name };
    const markdown = new vscode.MarkdownString(hoverMarkdown(rules, place, hoverLabels(), { openNote: Commands.openNote, disableRule: Commands.disableHintRule }));
    markdown.isTrusted = { enabledCommands: [Commands.openNote, Commands.disableHintRule] };
    this.noteHintSeen();
    return new vscode.Hover(markdown, new vscode.Range(document.positionAt(site.start), document.positionAt(site.end)));
  }

  toDiagnostics(document: { positionAt(offset: number): vscode.Position }, findings: readonly Finding[]): vscode.Diagnostic[] {
    return findings.map((finding) => {
      const rule = hintRule(finding.ruleId);
      const diagnostic = new vscode.Diagnostic(
        new vscode.Range(document.positionAt(finding.start), document.positionAt(finding.end)),
        finding.message,
        SEVERITY[finding.severity],
      );
      diagnostic.source = DIAGNOSTIC_SOURCE;
      diagnostic.code = rule ? { value: rule.id, target: vscode.Uri.parse(rule.doc) } : finding.ruleId;
      return diagnostic;
    });
  }

  updateDiagnostics(document: vscode.TextDocument): void {
    if (!this.settings.diagnostics) {
      this.diagnostics.delete(document.uri);
      return;
    }
    const result = this.analysis(document);
    if (!result) {
      return;
    }
    this.diagnostics.set(document.uri, this.toDiagnostics(document, result.findings));
  }

  scheduleUpdate(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.updateDiagnostics(document);
      }, DEBOUNCE_MS),
    );
  }

  forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.cache.delete(key);
    this.skipped.forget(document.uri);
  }

  refreshOpenDocuments(): void {
    if (!this.settings.enabled || !this.settings.diagnostics) {
      this.diagnostics.clear();
      return;
    }
    for (const document of vscode.workspace.textDocuments) {
      if (documentKind(document.languageId, document.fileName)) {
        this.updateDiagnostics(document);
      }
    }
  }

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const result = this.analysis(document);
    if (!result) {
      return [];
    }
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) {
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

  /** The .gitignore rules of every workspace folder, keyed like `workspaceKey`. */
  private async workspaceGitignore(token: vscode.CancellationToken): Promise<GitignoreRules> {
    let rules = new GitignoreRules();
    const files = await vscode.workspace.findFiles('**/.gitignore', EXCLUDED_FOLDERS_GLOB, undefined, token);
    for (const uri of files) {
      const key = workspaceKey(uri);
      if (key) {
        const folder = key.slice(0, key.lastIndexOf('/'));
        rules = rules.with(folder, new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
      }
    }
    return rules;
  }

  /** Checks every file of the workspace the CLI would check (documentKinds and .gitignore), reporting what it skipped. */
  async checkWorkspace(): Promise<WorkspaceCheckSummary | undefined> {
    if (!this.settings.enabled) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Design hints are turned off (setting awsDbStudy.hints.enabled).'));
      return undefined;
    }
    const summary = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the workspace for design hints'), cancellable: true },
      async (progress, token): Promise<WorkspaceCheckSummary> => {
        const found = await vscode.workspace.findFiles(HINT_FILE_GLOB, EXCLUDED_FOLDERS_GLOB, undefined, token);
        const gitignore = await this.workspaceGitignore(token);
        const done: WorkspaceCheckSummary = { checked: 0, findings: 0, skipped: [], ignored: 0, cancelled: false };
        const files: { uri: vscode.Uri; kind: DocumentKind }[] = [];
        for (const uri of found) {
          const key = workspaceKey(uri);
          const verdict = key ? selectFile(key, gitignore) : { read: false as const, reason: 'not-a-hint-file' as const };
          if (verdict.read) {
            files.push({ uri, kind: verdict.kind });
          } else if (verdict.reason === 'gitignore' || verdict.reason === 'excluded-folder') {
            done.ignored++;
          }
        }
        const skip = (uri: vscode.Uri, reason: string): void => {
          done.skipped.push({ file: vscode.workspace.asRelativePath(uri), reason });
          this.skipped.log(vscode.l10n.t('Skipped {0}: {1}', vscode.workspace.asRelativePath(uri), reason));
        };
        for (const { uri, kind } of files) {
          if (token.isCancellationRequested) {
            done.cancelled = true;
            break;
          }
          progress.report({ increment: 100 / Math.max(files.length, 1), message: vscode.workspace.asRelativePath(uri) });
          const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
          let result: AnalysisResult | undefined;
          let positions: { positionAt(offset: number): vscode.Position };
          if (open) {
            result = this.analysis(open);
            positions = open;
          } else {
            const stat = await vscode.workspace.fs.stat(uri);
            if (stat.size > DEFAULT_LIMITS.maxSize) {
              skip(uri, `too-large (${stat.size} bytes, over the ${DEFAULT_LIMITS.maxSize} limit)`);
              continue;
            }
            result = this.analyze(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), kind, uri.path);
            const lines = result.lines;
            positions = { positionAt: (offset) => { const p = lines.position(offset); return new vscode.Position(p.line, p.character); } };
          }
          if (!result) {
            continue;
          }
          if (result.skipped) {
            skip(uri, `${result.skipped.kind} (${result.skipped.detail})`);
            continue;
          }
          done.checked++;
          done.findings += result.findings.length;
          if (this.settings.diagnostics) {
            this.diagnostics.set(uri, this.toDiagnostics(positions, result.findings));
          }
        }
        return done;
      },
    );
    const counts = vscode.l10n.t('{0} files checked, {1} findings, {2} skipped, {3} ignored (.gitignore and dependency folders).', summary.checked, summary.findings, summary.skipped.length, summary.ignored);
    this.skipped.log(summary.cancelled ? vscode.l10n.t('Workspace check cancelled: {0}', counts) : vscode.l10n.t('Workspace check: {0}', counts));
    const message = summary.cancelled ? vscode.l10n.t('Design hints: check cancelled after {0}', counts) : vscode.l10n.t('Design hints: {0}', counts);
    const showProblems = vscode.l10n.t('Show Problems');
    const showSkipped = vscode.l10n.t('Show Skipped Files');
    const choices = [...(summary.findings > 0 && this.settings.diagnostics ? [showProblems] : []), ...(summary.skipped.length > 0 ? [showSkipped] : [])];
    // Not awaited: the command finishes when the check does, not when the message is dismissed.
    void vscode.window.showInformationMessage(message, ...choices).then((choice) => {
      if (choice === showProblems) {
        void vscode.commands.executeCommand('workbench.actions.view.problems');
      } else if (choice === showSkipped) {
        this.skipped.show();
      }
    });
    return summary;
  }

  /**
   * Turns a rule off in the user or workspace settings (asked, unless `where` says), then offers Undo
   * and Open Settings. Resolves once the setting is written, not when the notification is dismissed.
   */
  async disableRule(ruleId: unknown, where?: unknown): Promise<void> {
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
    const config = vscode.workspace.getConfiguration(HINTS_SECTION);
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
        const current = vscode.workspace.getConfiguration(HINTS_SECTION);
        await current.update('rules', restoreRule(valueIn(current, target), ruleIdOff, previous), target);
      } else if (choice === openSettings) {
        await openRulesSetting(target);
      }
    });
  }

  /** Turns a rule that is off (in user or workspace settings) on again; asks which one unless given. */
  async enableRule(ruleId: unknown): Promise<void> {
    const config = vscode.workspace.getConfiguration(HINTS_SECTION);
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
  await vscode.commands.executeCommand(command, { query: `${HINTS_SECTION}.rules` });
}

/** What the workspace check returns (the command's result, which tests read). */
export interface WorkspaceCheckSummary {
  checked: number;
  findings: number;
  /** Files the check would have read but did not, with the reason. */
  skipped: { file: string; reason: string }[];
  /** Files left out by .gitignore or an excluded folder. */
  ignored: number;
  cancelled: boolean;
}

/** A file's path inside its workspace folder, prefixed by the folder's index: `0/src/app.ts`. */
function workspaceKey(uri: vscode.Uri): string | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) {
    return undefined;
  }
  const base = folder.uri.path.replace(/\/+$/, '');
  return uri.path.startsWith(`${base}/`) ? `${folder.index}/${uri.path.slice(base.length + 1)}` : undefined;
}
