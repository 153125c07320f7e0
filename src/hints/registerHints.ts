/**
 * Design hints in the editor: hovers, diagnostics (on open and change, debounced), quick fixes, the
 * workspace check and the disable-rule command. Thin: all analysis is the pure engine's.
 */
import * as vscode from 'vscode';
import { Commands } from '../commands';
import { analyzeText, AnalysisResult, documentKind, siteAt } from './engine/analyze';
import { DEFAULT_LIMITS } from './engine/text';
import { Finding, HintRule, Severity } from './engine/types';
import { suppressionFix } from './engine/fixes';
import { hoverMarkdown, HoverLabels } from './hoverMarkdown';
import { hintRule, hintRules } from './ruleCatalog';
import { HintSettings, parseHintSettings, severityFor } from './settings';

const SECTION = 'awsDbStudy.hints';
/** Context key the Getting Started walkthrough waits for (package.json completionEvents). */
const HINT_SEEN_CONTEXT = 'awsDbStudy.hasSeenHint';
const DEBOUNCE_MS = 300;
const WORKSPACE_GLOB = '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs,py,java,go,cs,tf,yaml,yml,json,template}';
const WORKSPACE_EXCLUDE = '**/{node_modules,.git,cdk.out,.terraform,.aws-sam,dist,out}/**';

/**
 * Languages with hints; `.tf` files match by pattern, since VS Code has no built-in Terraform language,
 * and so do CloudFormation `.template` files, which open as plain text.
 */
export const HINT_SELECTOR: vscode.DocumentSelector = [
  ...['javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'python', 'java', 'go', 'csharp', 'terraform', 'yaml', 'json', 'jsonc'].map((language) => ({ language })),
  { pattern: '**/*.tf' },
  { pattern: '**/*.template' },
];

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

function readSettings(): HintSettings {
  const config = vscode.workspace.getConfiguration(SECTION);
  return parseHintSettings(config.get('enabled'), config.get('diagnostics'), config.get('rules'));
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

class HintService implements vscode.HoverProvider, vscode.CodeActionProvider {
  private settings = readSettings();
  private readonly cache = new Map<string, { version: number; result: AnalysisResult }>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private hintSeen = false;

  constructor(readonly diagnostics: vscode.DiagnosticCollection) {}

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
    const result = analyzeText(document.getText(), hintRules(), { kind, fileName: document.fileName, severityOf: (rule) => severityFor(this.settings, rule) });
    this.cache.set(key, { version: document.version, result });
    return result;
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
    if (!site) {
      return undefined;
    }
    const rules = site.ruleIds.map((id) => hintRule(id)).filter((rule): rule is HintRule => rule !== undefined);
    const markdown = new vscode.MarkdownString(hoverMarkdown(rules, hoverLabels(), { openNote: Commands.openNote, disableRule: Commands.disableHintRule }));
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
      diagnostic.source = 'aws-db-hints';
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

  async checkWorkspace(): Promise<void> {
    if (!this.settings.enabled) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Design hints are turned off (setting awsDbStudy.hints.enabled).'));
      return;
    }
    const summary = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the workspace for design hints'), cancellable: true },
      async (progress, token) => {
        const files = await vscode.workspace.findFiles(WORKSPACE_GLOB, WORKSPACE_EXCLUDE, undefined, token);
        let findings = 0;
        let checked = 0;
        for (const uri of files) {
          if (token.isCancellationRequested) {
            break;
          }
          progress.report({ increment: 100 / Math.max(files.length, 1), message: vscode.workspace.asRelativePath(uri) });
          const kind = documentKind(undefined, uri.path);
          if (!kind) {
            continue;
          }
          const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
          let result: AnalysisResult | undefined;
          let positions: { positionAt(offset: number): vscode.Position };
          if (open) {
            result = this.analysis(open);
            positions = open;
          } else {
            const stat = await vscode.workspace.fs.stat(uri);
            if (stat.size > DEFAULT_LIMITS.maxSize) {
              continue;
            }
            const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
            result = analyzeText(text, hintRules(), { kind, fileName: uri.path, severityOf: (rule) => severityFor(this.settings, rule) });
            const lines = result.lines;
            positions = { positionAt: (offset) => { const p = lines.position(offset); return new vscode.Position(p.line, p.character); } };
          }
          checked++;
          if (result) {
            findings += result.findings.length;
            this.diagnostics.set(uri, this.toDiagnostics(positions, result.findings));
          }
        }
        return { checked, findings, cancelled: token.isCancellationRequested };
      },
    );
    const message = summary.cancelled
      ? vscode.l10n.t('Design hints: check cancelled after {0} files ({1} findings).', summary.checked, summary.findings)
      : vscode.l10n.t('Design hints: {0} files checked, {1} findings.', summary.checked, summary.findings);
    // Not awaited: the command finishes when the check does, not when the message is dismissed.
    const show = vscode.l10n.t('Show Problems');
    void vscode.window.showInformationMessage(message, ...(summary.findings > 0 ? [show] : [])).then((choice) => {
      if (choice === show) {
        void vscode.commands.executeCommand('workbench.actions.view.problems');
      }
    });
  }

  async disableRule(ruleId: unknown): Promise<void> {
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
    const config = vscode.workspace.getConfiguration(SECTION);
    const current = config.get<Record<string, unknown>>('rules');
    const next = { ...(typeof current === 'object' && current !== null && !Array.isArray(current) ? current : {}), [id]: 'off' };
    await config.update('rules', next, vscode.ConfigurationTarget.Global);
    void vscode.window.showInformationMessage(vscode.l10n.t('Design hint {0} is off. Turn it on again in the setting awsDbStudy.hints.rules.', id));
  }
}

export function registerHints(context: vscode.ExtensionContext): void {
  const diagnostics = vscode.languages.createDiagnosticCollection('aws-db-hints');
  const service = new HintService(diagnostics);
  context.subscriptions.push(
    diagnostics,
    vscode.languages.registerHoverProvider(HINT_SELECTOR, service),
    vscode.languages.registerCodeActionsProvider(HINT_SELECTOR, service, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    vscode.commands.registerCommand(Commands.checkWorkspace, () => service.checkWorkspace()),
    vscode.commands.registerCommand(Commands.disableHintRule, (ruleId?: unknown) => service.disableRule(ruleId)),
    vscode.workspace.onDidOpenTextDocument((document) => service.scheduleUpdate(document)),
    vscode.workspace.onDidChangeTextDocument((event) => service.scheduleUpdate(event.document)),
    vscode.workspace.onDidCloseTextDocument((document) => {
      service.forget(document);
      diagnostics.delete(document.uri);
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SECTION)) {
        service.reloadSettings();
      }
    }),
  );
  // Documents already open when the extension activates; deferred so activation stays cheap.
  setTimeout(() => service.refreshOpenDocuments(), 0);
}
