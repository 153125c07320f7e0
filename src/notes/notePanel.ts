import * as vscode from 'vscode';
import { NOTE_PANEL_VIEW_TYPE } from '../commands';
import { getCatalog } from '../content/catalog';
import { NoteHistory } from './noteHistory';
import { HostMessage, isNotePanelState, isWebviewMessage, NotePanelState, WebviewMessage } from './protocol';
import { renderNote } from './renderNote';
import { noteShellHtml } from './noteShell';

/** The quiz command the "Quiz this topic" button runs, with `{ noteId }`. */
const START_QUIZ_COMMAND = 'awsDbStudy.startQuiz';

interface PanelHooks {
  onDidShow(panel: NotePanel, noteId: string): void;
  onDidFocus(panel: NotePanel): void;
  onDidDispose(panel: NotePanel): void;
}

/** One note webview with its own back/forward history. */
class NotePanel {
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private scrollY: number;
  /** The https links of the note on show: a message asking to open any other URL is ignored. */
  private externalLinks: ReadonlySet<string> = new Set();

  constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly history: NoteHistory,
    private readonly hooks: PanelHooks,
    scrollY = 0,
  ) {
    this.scrollY = scrollY;
    panel.webview.options = webviewOptions(extensionUri);
    const first = this.message();
    panel.webview.html = noteShellHtml(panel.webview, extensionUri, first);
    hooks.onDidShow(this, first.noteId);
    panel.onDidDispose(() => this.dispose(), null, this.disposables);
    panel.onDidChangeViewState((event) => event.webviewPanel.active && hooks.onDidFocus(this), null, this.disposables);
    panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message), null, this.disposables);
    this.updateTitle();
  }

  get noteId(): string {
    return this.history.current;
  }

  navigateTo(noteId: string): void {
    if (noteId === this.history.current) {
      // Opening the note on screen keeps the reader's place: no new page, no scroll to the top.
      this.hooks.onDidShow(this, noteId);
      return;
    }
    this.history.visit(noteId);
    this.scrollY = 0;
    this.render();
  }

  private receive(message: unknown): void {
    if (!isWebviewMessage(message)) {
      return;
    }
    const handlers: { [K in WebviewMessage['type']]: (m: Extract<WebviewMessage, { type: K }>) => void } = {
      // The page already shows the note it was created with; render only if the user moved on since.
      ready: (m) => {
        this.ready = true;
        if (m.noteId !== this.history.current) {
          this.render();
        }
      },
      openNote: (m) => {
        if (getCatalog().note(m.noteId)) {
          this.navigateTo(m.noteId);
        }
      },
      openExternal: (m) => {
        if (this.externalLinks.has(m.url)) {
          void vscode.env.openExternal(vscode.Uri.parse(m.url, true));
        }
      },
      navigate: (m) => {
        if (m.direction === 'back') {
          this.history.back();
        } else {
          this.history.forward();
        }
        this.scrollY = 0;
        this.render();
      },
      quizNote: (m) => {
        if (getCatalog().note(m.noteId)) {
          void vscode.commands.executeCommand(START_QUIZ_COMMAND, { noteId: m.noteId });
        }
      },
    };
    (handlers[message.type] as (m: WebviewMessage) => void)(message);
  }

  private render(): void {
    this.updateTitle();
    const message = this.message();
    this.hooks.onDidShow(this, message.noteId);
    if (this.ready) {
      void this.panel.webview.postMessage(message);
    }
  }

  /** The current note, rendered, with the navigation state the webview needs. */
  private message(): HostMessage {
    const catalog = getCatalog();
    const note = catalog.note(this.history.current) ?? catalog.notesInOrder()[0];
    const rendered = renderNote(note, catalog);
    this.externalLinks = rendered.externalLinks;
    return {
      type: 'show',
      noteId: note.id,
      title: note.title,
      html: rendered.html,
      canGoBack: this.history.canGoBack,
      canGoForward: this.history.canGoForward,
      quizQuestions: catalog.questionsForNote(note.id).length,
      state: { ...this.history.snapshot(), scrollY: this.scrollY },
    };
  }

  private updateTitle(): void {
    this.panel.title = getCatalog().note(this.history.current)?.title ?? vscode.l10n.t('AWS DB Note');
  }

  private dispose(): void {
    this.hooks.onDidDispose(this);
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

/** A column to show a note in, and whether the keyboard stays where it is. */
export interface NotePlacement {
  viewColumn: vscode.ViewColumn;
  preserveFocus: boolean;
}

/**
 * Opens and restores note panels: by default one panel reused for every note (the
 * `awsDbStudy.notes.reusePanel` setting opens one per note instead).
 */
export class NotePanels implements vscode.Disposable {
  private readonly panels = new Set<NotePanel>();
  private lastActive: NotePanel | undefined;
  private readonly showEmitter = new vscode.EventEmitter<string>();
  /** Fires with the note id whenever a panel shows a note. */
  readonly onDidShowNote = this.showEmitter.event;
  private readonly hooks: PanelHooks = {
    onDidShow: (_panel, noteId) => this.showEmitter.fire(noteId),
    onDidFocus: (panel) => {
      this.lastActive = panel;
      this.showEmitter.fire(panel.noteId);
    },
    onDidDispose: (panel) => {
      this.panels.delete(panel);
      if (this.lastActive === panel) {
        this.lastActive = [...this.panels].pop();
      }
    },
  };

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly reusePanel: () => boolean,
  ) {}

  /**
   * Shows a note: in the reused panel, in the panel already showing it, or in a new panel beside the
   * editor; with a placement, in that column (moving the panel there) and perhaps without focus.
   */
  show(noteId: string, placement?: NotePlacement): void {
    const existing = this.reusePanel() ? this.lastActive : [...this.panels].find((panel) => panel.noteId === noteId);
    if (existing) {
      existing.navigateTo(noteId);
      existing.panel.reveal(placement?.viewColumn, placement?.preserveFocus ?? false);
      this.lastActive = existing;
      return;
    }
    const column = placement?.viewColumn ?? (vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active);
    const webviewPanel = vscode.window.createWebviewPanel(
      NOTE_PANEL_VIEW_TYPE,
      '',
      { viewColumn: column, preserveFocus: placement?.preserveFocus ?? false },
      webviewOptions(this.extensionUri),
    );
    this.track(new NotePanel(webviewPanel, this.extensionUri, NoteHistory.start(noteId), this.hooks));
  }

  /** Restores a panel after a window reload from the state its webview saved; bad state opens the first note. */
  revive(webviewPanel: vscode.WebviewPanel, state: unknown): void {
    const catalog = getCatalog();
    const saved: NotePanelState | undefined = isNotePanelState(state) ? state : undefined;
    const history =
      saved && saved.history.every((id) => catalog.note(id))
        ? NoteHistory.restore(saved.history, saved.position)
        : NoteHistory.start(catalog.notesInOrder()[0].id);
    this.track(new NotePanel(webviewPanel, this.extensionUri, history, this.hooks, saved?.scrollY ?? 0));
  }

  get activeNoteId(): string | undefined {
    return this.lastActive?.noteId;
  }

  private track(panel: NotePanel): void {
    this.panels.add(panel);
    this.lastActive = panel;
  }

  dispose(): void {
    this.panels.forEach((panel) => panel.panel.dispose());
    this.showEmitter.dispose();
  }
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    enableFindWidget: true,
    retainContextWhenHidden: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
  };
}
