import * as vscode from 'vscode';
import { Commands } from '../commands';
import { webviewPage } from '../webview/webviewPage';
import { CARD_COMMANDS } from './cardHtml';
import { CardKey, isCardMessage } from './cardProtocol';
import { CardEvents } from './quickInput';

export const QUIZ_CARD_VIEW_TYPE = 'awsDbStudy.quizCard';
/** Puts the keyboard back into the quiz's picker after a click elsewhere. */

export interface CardShowOptions {
  /** Move the keyboard into the card (the mock interview's answer box); otherwise the picker keeps it. */
  focus?: boolean;
}

/** What the learner typed in the card's answer box, with how they left it. */
export type CardAnswer = { kind: 'submit' | 'end' | 'draft'; text: string };

/**
 * The quiz's reading pane beside the editor. The command palette drives the quiz and keeps the
 * keyboard: the card's options and grades can also be clicked, its note links open notes beside it
 * without taking focus, and a number key pressed in the card counts as pressed in the picker.
 */
export class QuizCard implements vscode.Disposable, CardEvents {
  private panel: vscode.WebviewPanel | undefined;
  private readonly keyEmitter = new vscode.EventEmitter<CardKey>();
  private readonly answerEmitter = new vscode.EventEmitter<CardAnswer>();
  /** A key pressed or a button clicked in the card. */
  readonly onDidPressKey = this.keyEmitter.event;
  /** The mock interview's answer box changed, was submitted or ended. */
  readonly onDidAnswer = this.answerEmitter.event;
  private readonly noteEmitter = new vscode.EventEmitter<void>();
  /** A note opened beside the card from one of its links or from the picker. */
  readonly onDidOpenNote = this.noteEmitter.event;
  private readonly closeEmitter = new vscode.EventEmitter<void>();
  /** The learner closed the card. */
  readonly onDidClose = this.closeEmitter.event;

  constructor(private readonly extensionUri: vscode.Uri) {}

  show(title: string, bodyHtml: string, options: CardShowOptions = {}): void {
    if (!this.panel) {
      // Beside whatever is open, so that the card never covers the note or code the learner came from.
      const column = vscode.window.tabGroups.activeTabGroup.activeTab ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
      const panel = vscode.window.createWebviewPanel(QUIZ_CARD_VIEW_TYPE, title, { viewColumn: column, preserveFocus: !options.focus }, {
        enableScripts: true,
        enableCommandUris: CARD_COMMANDS,
        localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media'), vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview')],
      });
      panel.onDidDispose(() => {
        this.panel = undefined;
        this.closeEmitter.fire();
      });
      panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message));
      this.panel = panel;
    } else if (!this.panel.visible) {
      // Hidden behind another tab (a note opened from the tree, say): bring it back beside that tab.
      this.panel.reveal(vscode.ViewColumn.Beside, !options.focus);
    } else if (options.focus) {
      this.panel.reveal(undefined, false);
    }
    this.panel.title = title;
    this.panel.webview.html = webviewPage(this.panel.webview, this.extensionUri, {
      title,
      styles: ['note.css', 'quiz-card.css'],
      script: 'quizCard.js',
      body: `<main id="quiz-card" aria-live="polite" aria-labelledby="card-title">\n${bodyHtml}\n</main>`,
    });
  }

  /** The editor column beside the card: left of it, or right of it when it is the first column. */
  besideColumn(): vscode.ViewColumn {
    const column = this.panel?.viewColumn ?? vscode.ViewColumn.One;
    return column === vscode.ViewColumn.One ? vscode.ViewColumn.Two : column - 1;
  }

  /** Opens a note beside the card without taking the keyboard from the quiz. */
  async openNoteBeside(noteId: string): Promise<void> {
    await vscode.commands.executeCommand(Commands.openNote, { noteId, viewColumn: this.besideColumn(), preserveFocus: true });
  }

  private receive(message: unknown): void {
    if (!isCardMessage(message)) {
      return;
    }
    switch (message.type) {
      case 'key':
        this.keyEmitter.fire(message.key);
        break;
      case 'openNote':
        void this.openNoteBeside(message.noteId).then(() => this.noteEmitter.fire());
        break;
      default:
        this.answerEmitter.fire({ kind: message.type, text: message.text });
    }
  }

  dispose(): void {
    this.panel?.dispose();
    this.keyEmitter.dispose();
    this.answerEmitter.dispose();
    this.closeEmitter.dispose();
    this.noteEmitter.dispose();
  }
}
