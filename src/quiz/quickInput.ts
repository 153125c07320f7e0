import * as vscode from 'vscode';
import { CardKey } from './cardProtocol';

/** What the quiz card reports while a step waits: keys pressed or buttons clicked, notes opened. */
export interface CardEvents {
  /** A number picks like typing it in the picker; Enter accepts. */
  onDidPressKey: vscode.Event<CardKey>;
  /** A note opened beside the card: the picker takes the keyboard back. */
  onDidOpenNote: vscode.Event<void>;
}

export interface PickItem<T> extends vscode.QuickPickItem {
  /** What picking the item returns. */
  value?: T;
  /** An action that keeps the picker open, e.g. opening a note mid-question. */
  run?: () => Thenable<unknown> | void;
}

export interface PickOptions<T> {
  title: string;
  placeholder: string;
  items: ReadonlyArray<PickItem<T>>;
  /** Typed values that pick at once: "1" to "4" for grades, option numbers for multiple choice. */
  keys?: ReadonlyMap<string, T>;
  active?: PickItem<T>;
  /**
   * Text under the input that wraps instead of being cut, e.g. the whole question. Shown by VS Code
   * versions whose QuickPick has `prompt`; older ones get it in the placeholder.
   */
  prompt?: string;
  card?: CardEvents;
}

/** The quiz step on screen (its title), for tests that wait for the next step instead of sleeping. */
let shown: { title: string; kind: 'pick' | 'input' } | undefined;

export function currentQuizInput(): { title: string; kind: 'pick' | 'input' } | undefined {
  return shown;
}

function track(title: string, kind: 'pick' | 'input'): () => void {
  const entry = { title, kind };
  shown = entry;
  return () => {
    if (shown === entry) {
      shown = undefined;
    }
  };
}

/**
 * One step of the quiz as a Quick Pick. It stays open when focus moves (a note opened beside it) and
 * takes the keyboard back afterwards; it resolves undefined when the user presses Escape.
 */
export function pick<T>(options: PickOptions<T>): Promise<T | undefined> {
  return new Promise((resolve) => {
    const quickPick = vscode.window.createQuickPick<PickItem<T>>();
    let done = false;
    const untrack = track(options.title, 'pick');
    const listeners: vscode.Disposable[] = [];
    const finish = (value: T | undefined): void => {
      if (!done) {
        done = true;
        untrack();
        listeners.forEach((listener) => listener.dispose());
        resolve(value);
        quickPick.dispose();
      }
    };
    // Hiding and showing again is what reliably puts the keyboard back in the input, whether focus
    // went to the picker's list (a click on an item) or to a webview; that one hide is not an Escape.
    let hidesToIgnore = 0;
    const refocus = (): void => {
      if (done) {
        return;
      }
      hidesToIgnore++;
      quickPick.hide();
      quickPick.value = '';
      quickPick.show();
      if (options.active) {
        quickPick.activeItems = [options.active];
      }
    };
    quickPick.title = options.title;
    const withPrompt = quickPick as vscode.QuickPick<PickItem<T>> & { prompt?: string };
    if (options.prompt && 'prompt' in withPrompt) {
      withPrompt.prompt = options.prompt;
      quickPick.placeholder = options.placeholder;
    } else {
      quickPick.placeholder = options.prompt ?? options.placeholder;
    }
    quickPick.items = options.items;
    quickPick.ignoreFocusOut = true;
    quickPick.matchOnDescription = true;
    if (options.active) {
      quickPick.activeItems = [options.active];
    }
    quickPick.onDidChangeValue((value) => {
      const keyed = options.keys?.get(value.trim());
      if (keyed !== undefined) {
        finish(keyed);
      }
    });
    const accept = (): void => {
      const item = quickPick.activeItems[0];
      if (item?.run) {
        void Promise.resolve(item.run()).then(refocus);
      } else if (item?.value !== undefined) {
        finish(item.value);
      }
    };
    quickPick.onDidAccept(accept);
    if (options.card) {
      listeners.push(
        options.card.onDidPressKey((key) => {
          const keyed = options.keys?.get(key);
          if (keyed !== undefined) {
            finish(keyed);
          } else if (key === 'enter') {
            accept();
          }
        }),
        options.card.onDidOpenNote(refocus),
      );
    }
    quickPick.onDidHide(() => {
      if (hidesToIgnore > 0) {
        hidesToIgnore--;
      } else {
        finish(undefined);
      }
    });
    quickPick.show();
  });
}

export type InputResult = { kind: 'accept'; value: string } | { kind: 'skip' } | { kind: 'timeout'; value: string };

export interface InputOptions {
  title: string;
  prompt: string;
  placeholder: string;
  /** Offers a Skip button in the title bar. */
  skippable?: boolean;
  /** Runs while the box is open, e.g. a countdown; `timeout` closes the box with what was typed. */
  whileOpen?: (box: vscode.InputBox, timeout: () => void) => vscode.Disposable;
  /** The quiz card: Enter there accepts what is typed in the box. */
  card?: CardEvents;
}

/** A free-text step: the learner thinks or types, then presses Enter. Escape resolves undefined. */
export function input(options: InputOptions): Promise<InputResult | undefined> {
  return new Promise((resolve) => {
    const box = vscode.window.createInputBox();
    let done = false;
    const running: vscode.Disposable[] = [];
    const untrack = track(options.title, 'input');
    const finish = (result: InputResult | undefined): void => {
      if (!done) {
        done = true;
        untrack();
        running.forEach((disposable) => disposable.dispose());
        resolve(result);
        box.dispose();
      }
    };
    box.title = options.title;
    box.prompt = options.prompt;
    box.placeholder = options.placeholder;
    box.ignoreFocusOut = true;
    if (options.skippable) {
      box.buttons = [{ iconPath: new vscode.ThemeIcon('debug-step-over'), tooltip: vscode.l10n.t('Skip (not graded)') }];
      box.onDidTriggerButton(() => finish({ kind: 'skip' }));
    }
    box.onDidAccept(() => finish({ kind: 'accept', value: box.value }));
    box.onDidHide(() => finish(undefined));
    if (options.card) {
      running.push(options.card.onDidPressKey((key) => key === 'enter' && finish({ kind: 'accept', value: box.value })));
    }
    box.show();
    const whileOpen = options.whileOpen?.(box, () => finish({ kind: 'timeout', value: box.value }));
    if (whileOpen) {
      // The task may have ended the box at once (time already up).
      if (done) {
        whileOpen.dispose();
      } else {
        running.push(whileOpen);
      }
    }
  });
}
