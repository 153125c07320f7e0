import * as vscode from 'vscode';
import { NOTE_PANEL_VIEW_TYPE } from '../commands';
import { getCatalog } from '../content/catalog';
import { NoteHistory } from './noteHistory';
import { HostMessage, isNotePanelState, isWebviewMessage, NotePanelState, WebviewMessage } from './protocol';
import { renderNote } from './renderNote';
import { noteShellHtml } from './noteShell';

/** The note webview: one panel reused for every note, with in-panel back/forward navigation. */
export class NotePanel {
  private static current: NotePanel | undefined;

  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private scrollY = 0;

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly history: NoteHistory,
  ) {
    panel.webview.options = webviewOptions(extensionUri);
    panel.webview.html = noteShellHtml(panel.webview, extensionUri);
    panel.onDidDispose(() => this.dispose(), null, this.disposables);
    panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message), null, this.disposables);
    this.updateTitle();
  }

  /** Shows a note in the existing panel, or opens a panel beside the active editor. */
  static show(extensionUri: vscode.Uri, noteId: string): void {
    if (NotePanel.current) {
      NotePanel.current.navigateTo(noteId);
      NotePanel.current.panel.reveal(undefined, false);
      return;
    }
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    const panel = vscode.window.createWebviewPanel(NOTE_PANEL_VIEW_TYPE, '', column, webviewOptions(extensionUri));
    NotePanel.current = new NotePanel(panel, extensionUri, NoteHistory.start(noteId));
  }

  /** Restores a panel after a window reload from the state its webview saved. */
  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, state: unknown): void {
    const catalog = getCatalog();
    const saved: NotePanelState | undefined = isNotePanelState(state) ? state : undefined;
    const history = saved && saved.history.every((id) => catalog.note(id))
      ? NoteHistory.restore(saved.history, saved.position)
      : NoteHistory.start(catalog.notesInOrder()[0].id);
    NotePanel.current?.panel.dispose();
    NotePanel.current = new NotePanel(panel, extensionUri, history);
    NotePanel.current.scrollY = saved?.scrollY ?? 0;
  }

  static get currentNoteId(): string | undefined {
    return NotePanel.current?.history.current;
  }

  private navigateTo(noteId: string): void {
    this.history.visit(noteId);
    this.scrollY = 0;
    this.render();
  }

  private receive(message: unknown): void {
    if (!isWebviewMessage(message)) {
      return;
    }
    const handlers: { [K in WebviewMessage['type']]: (m: Extract<WebviewMessage, { type: K }>) => void } = {
      ready: () => {
        this.ready = true;
        this.render();
      },
      openNote: (m) => {
        if (getCatalog().note(m.noteId)) {
          this.navigateTo(m.noteId);
        }
      },
      openExternal: (m) => void vscode.env.openExternal(vscode.Uri.parse(m.url, true)),
      navigate: (m) => {
        if (m.direction === 'back') {
          this.history.back();
        } else {
          this.history.forward();
        }
        this.scrollY = 0;
        this.render();
      },
    };
    (handlers[message.type] as (m: WebviewMessage) => void)(message);
  }

  private render(): void {
    this.updateTitle();
    if (!this.ready) {
      return;
    }
    const note = getCatalog().note(this.history.current);
    if (!note) {
      return;
    }
    const rendered = renderNote(note, getCatalog());
    const message: HostMessage = {
      type: 'show',
      noteId: note.id,
      title: note.title,
      html: rendered.html,
      canGoBack: this.history.canGoBack,
      canGoForward: this.history.canGoForward,
      state: { ...this.history.snapshot(), scrollY: this.scrollY },
    };
    void this.panel.webview.postMessage(message);
  }

  private updateTitle(): void {
    const note = getCatalog().note(this.history.current);
    this.panel.title = note ? note.title : vscode.l10n.t('AWS DB Note');
  }

  private dispose(): void {
    if (NotePanel.current === this) {
      NotePanel.current = undefined;
    }
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    retainContextWhenHidden: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
  };
}
