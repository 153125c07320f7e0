/** Links from a document to the IaC definitions the workspace model found (paths relative to the document's workspace folder). */
import * as vscode from 'vscode';
import { Finding } from './engine/types';
import { SourceRef } from './engine/workspace/types';

/** A workspace-relative path of the workspace model, in the workspace folder of the document that refers to it. */
export function definitionUri(document: vscode.Uri, at: SourceRef): vscode.Uri | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(document);
  const segments = at.file.split('/');
  if (!folder || segments.some((segment) => segment === '' || segment === '.' || segment === '..')) {
    return undefined;
  }
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/** A definition as a file link that opens at its line and column (`#L12,5`): a link a hover allows without trusting it. */
export function definitionLink(document: vscode.Uri, at: SourceRef): string | undefined {
  return definitionUri(document, at)
    ?.with({ fragment: `L${at.line + 1},${at.character + 1}` })
    .toString();
}

/** The definitions a workspace finding was checked against, as links in the Problems panel. */
export function relatedInformation(document: vscode.Uri, finding: Finding): vscode.DiagnosticRelatedInformation[] {
  return (finding.related ?? []).flatMap(({ message, at }) => {
    const uri = definitionUri(document, at);
    const position = new vscode.Position(at.line, at.character);
    return uri ? [new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, position), message)] : [];
  });
}
