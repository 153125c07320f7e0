/**
 * One analysis per document version, shared by hovers, diagnostics and code actions. Between an edit
 * and the next analysis, hovers read the last analysis's sites through the edits (`engine/editTrail`),
 * so a hover right after typing costs a lookup, not a whole-file pass; where the text changed, the
 * hover waits for a fresh analysis.
 */
import * as vscode from 'vscode';
import { analyzeText, AnalysisResult, siteAt } from './engine/analyze';
import { Budget } from './engine/budget';
import { documentKind, DocumentKind, isAnalysedKind } from './engine/documentKinds';
import { EditTrail } from './engine/editTrail';
import { HintLanguage, HintSite } from './engine/types';
import { hintRules } from './ruleCatalog';
import { HintSettings, severityFor } from './settings';
import { SkippedDocuments } from './skippedDocuments';
import type { WorkspaceIndex } from './workspace/workspaceIndex';

/** The last analysis's sites followed through the edits since, valid for one document version and workspace model. */
interface Carried {
  trail: EditTrail;
  version: number;
  workspaceVersion: number;
  language: HintLanguage;
}

export class AnalysisCache {
  /** Per document: the analysis, and the document and workspace model versions it was made at. */
  private readonly analyses = new Map<string, { version: number; workspaceVersion: number; result: AnalysisResult }>();
  private readonly carried = new Map<string, Carried>();

  constructor(
    private readonly settings: () => HintSettings,
    private readonly skipped: SkippedDocuments,
    private readonly workspace: WorkspaceIndex,
  ) {}

  /** The analysis of the document as it is now; undefined where hints do not apply. */
  analysis(document: vscode.TextDocument): AnalysisResult | undefined {
    const kind = documentKind(document.languageId, document.fileName);
    if (!kind || !isAnalysedKind(kind) || !this.settings().enabled) {
      return undefined;
    }
    const key = document.uri.toString();
    const cached = this.analyses.get(key);
    const workspaceVersion = this.workspace.version;
    if (cached && cached.version === document.version && cached.workspaceVersion === workspaceVersion) {
      return cached.result;
    }
    const result = this.analyze(document.getText(), kind, document.uri, document.fileName);
    this.analyses.set(key, { version: document.version, workspaceVersion, result });
    this.carried.delete(key);
    this.skipped.record(document.uri, result.skipped);
    return result;
  }

  /** Analyses a text with the workspace model of its folder, and its path there, when it has one. */
  analyze(text: string, kind: DocumentKind, uri: vscode.Uri, fileName: string): AnalysisResult {
    const settings = this.settings();
    const workspace = this.workspace.documentWorkspace(uri);
    return analyzeText(text, hintRules(), {
      kind,
      fileName: workspace?.fileName ?? fileName,
      workspace: workspace?.workspace,
      severityOf: (rule) => severityFor(settings, rule),
      budget: new Budget(settings.timeBudgetMs),
    });
  }

  /** The hover site at an offset: followed through recent edits where that is exact, else from a fresh analysis. */
  siteAt(document: vscode.TextDocument, offset: number): { site?: HintSite; language?: HintLanguage } {
    const carried = this.carried.get(document.uri.toString());
    if (carried && carried.version === document.version && carried.workspaceVersion === this.workspace.version) {
      const site = carried.trail.siteAt(offset);
      if (site !== 'changed') {
        return { site, language: carried.language };
      }
    }
    const result = this.analysis(document);
    return { site: result && siteAt(result.sites, offset), language: result?.language };
  }

  /** Records an edit in the trail of the document's last analysis; a trail it cannot follow is dropped. */
  edited(event: vscode.TextDocumentChangeEvent): void {
    if (event.contentChanges.length === 0) {
      // Only the dirty state changed: same text, same version.
      return;
    }
    const key = event.document.uri.toString();
    const carried = this.carried.get(key) ?? this.trailFrom(key);
    this.carried.delete(key);
    // Each event raises the version by one; a gap means an event was missed and the trail cannot follow.
    if (!carried || carried.version !== event.document.version - 1) {
      return;
    }
    for (const change of event.contentChanges) {
      if (!carried.trail.add({ offset: change.rangeOffset, deleted: change.rangeLength, inserted: change.text.length })) {
        return;
      }
    }
    this.carried.set(key, { ...carried, version: event.document.version });
  }

  private trailFrom(key: string): Carried | undefined {
    const cached = this.analyses.get(key);
    const language = cached?.result.language;
    return cached && language && !cached.result.skipped
      ? { trail: new EditTrail(cached.result.sites), version: cached.version, workspaceVersion: cached.workspaceVersion, language }
      : undefined;
  }

  forget(uri: vscode.Uri): void {
    this.analyses.delete(uri.toString());
    this.carried.delete(uri.toString());
  }

  clear(): void {
    this.analyses.clear();
    this.carried.clear();
  }
}
