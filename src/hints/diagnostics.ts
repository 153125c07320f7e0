/** Diagnostics for open documents: on open and change (debounced), and all again when settings change. */
import * as vscode from 'vscode';
import { documentKind } from './engine/documentKinds';
import { Finding, Severity } from './engine/types';
import { AnalysisCache } from './analysisCache';
import { relatedInformation } from './definitionLinks';
import { hintRule } from './ruleCatalog';
import { HintSettings } from './settings';

const DEBOUNCE_MS = 300;

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** Our findings as diagnostics; with the document's URI, workspace findings link the definitions they were checked against. */
export function toDiagnostics(document: { positionAt(offset: number): vscode.Position }, findings: readonly Finding[], uri?: vscode.Uri): vscode.Diagnostic[] {
  return findings.map((finding) => {
    const rule = hintRule(finding.ruleId);
    const diagnostic = new vscode.Diagnostic(new vscode.Range(document.positionAt(finding.start), document.positionAt(finding.end)), finding.message, SEVERITY[finding.severity]);
    diagnostic.source = 'aws-db-hints';
    diagnostic.code = rule ? { value: rule.id, target: vscode.Uri.parse(rule.doc) } : finding.ruleId;
    const related = uri ? relatedInformation(uri, finding) : [];
    if (related.length > 0) {
      diagnostic.relatedInformation = related;
    }
    return diagnostic;
  });
}

export class DiagnosticsScheduler implements vscode.Disposable {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    readonly collection: vscode.DiagnosticCollection,
    private readonly cache: AnalysisCache,
    private readonly settings: () => HintSettings,
  ) {}

  update(document: vscode.TextDocument): void {
    if (!this.settings().diagnostics) {
      this.collection.delete(document.uri);
      return;
    }
    const result = this.cache.analysis(document);
    if (result) {
      this.collection.set(document.uri, toDiagnostics(document, result.findings, document.uri));
    }
  }

  schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.update(document);
      }, DEBOUNCE_MS),
    );
  }

  forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.collection.delete(document.uri);
  }

  refreshOpenDocuments(): void {
    const settings = this.settings();
    if (!settings.enabled || !settings.diagnostics) {
      this.collection.clear();
      return;
    }
    for (const document of vscode.workspace.textDocuments) {
      if (documentKind(document.languageId, document.fileName)) {
        this.update(document);
      }
    }
  }

  dispose(): void {
    this.timers.forEach((timer) => clearTimeout(timer));
    this.timers.clear();
  }
}
