import * as vscode from 'vscode';
import { CardKey } from './cardProtocol';

/** Puts the keyboard back into the picker, e.g. after a note opened beside the quiz card. */
const FOCUS_QUICK_INPUT = 'workbench.action.focusQuickOpen';

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
  /** Keys pressed or buttons clicked in the quiz card: a number picks like typing it, Enter accepts. */
  cardKeys?: vscode.Event<CardKey>;
}

/**
 * One step of the quiz as a Quick Pick. It stays open when focus moves (a note opened beside it), and
 * resolves undefined when the user presses Escape.
 */
export function pick<T>(options: PickOptions<T>): Promise<T | undefined> {
  return new Promise((resolve) => {
    const quickPick = vscode.window.createQuickPick<PickItem<T>>();
    let done = false;
    const listeners: vscode.Disposable[] = [];
    const finish = (value: T | undefined): void => {
      if (!done) {
        done = true;
        listeners.forEach((listener) => listener.dispose());
        resolve(value);
        quickPick.dispose();
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
        quickPick.value = '';
        void Promise.resolve(item.run()).then(() => vscode.commands.executeCommand(FOCUS_QUICK_INPUT));
      } else if (item?.value !== undefined) {
        finish(item.value);
      }
    };
    quickPick.onDidAccept(accept);
    if (options.cardKeys) {
      listeners.push(
        options.cardKeys((key) => {
          const keyed = options.keys?.get(key);
          if (keyed !== undefined) {
            finish(keyed);
          } else if (key === 'enter') {
            accept();
          }
        }),
      );
    }
    quickPick.onDidHide(() => finish(undefined));
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
  /** Keys pressed or buttons clicked in the quiz card: Enter accepts what is typed in the box. */
  cardKeys?: vscode.Event<CardKey>;
}

/** A free-text step: the learner thinks or types, then presses Enter. Escape resolves undefined. */
export function input(options: InputOptions): Promise<InputResult | undefined> {
  return new Promise((resolve) => {
    const box = vscode.window.createInputBox();
    let done = false;
    const running: vscode.Disposable[] = [];
    const finish = (result: InputResult | undefined): void => {
      if (!done) {
        done = true;
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
    if (options.cardKeys) {
      running.push(options.cardKeys((key) => key === 'enter' && finish({ kind: 'accept', value: box.value })));
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
