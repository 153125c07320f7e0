import * as vscode from 'vscode';
import type { ExtensionTestApi } from '../../../src/extension';

export const EXTENSION_ID = 'aws-db-study.aws-db-study';

/** Activates our extension; tests that skip this race VS Code's lazy activation. Returns its test API. */
export async function activateExtension(): Promise<ExtensionTestApi> {
  const extension = vscode.extensions.getExtension<ExtensionTestApi>(EXTENSION_ID);
  if (!extension) {
    throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  }
  return extension.activate();
}

type QuizStep = NonNullable<ReturnType<ExtensionTestApi['quizInput']>>;

/** Waits until a quiz step is on screen (another one than `after`, when given) that matches. */
export async function quizStep(api: ExtensionTestApi, match: { title?: RegExp; kind?: QuizStep['kind']; after?: QuizStep } = {}): Promise<QuizStep> {
  return waitFor(() => {
    const shown = api.quizInput();
    const fits = shown && shown !== match.after && (!match.title || match.title.test(shown.title)) && (!match.kind || shown.kind === match.kind);
    return fits ? shown : undefined;
  });
}

/**
 * Accepts the quiz step on screen (Enter) once it is there, and waits until it is gone. The step exists
 * in the extension host a moment before the workbench draws it: an Enter that came too early is repeated.
 */
export async function acceptStep(api: ExtensionTestApi, match: Parameters<typeof quizStep>[1] = {}): Promise<QuizStep> {
  const step = await quizStep(api, match);
  for (let attempt = 0; ; attempt++) {
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    try {
      await waitFor(() => (api.quizInput() !== step ? true : undefined), 2_000);
      return step;
    } catch (error) {
      if (attempt === 4) {
        throw error;
      }
    }
  }
}

/** Closes the quiz step on screen (Escape) and waits until it is gone. */
export async function closeStep(api: ExtensionTestApi, match: Parameters<typeof quizStep>[1] = {}): Promise<void> {
  const step = await quizStep(api, match);
  for (let attempt = 0; ; attempt++) {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    try {
      await waitFor(() => (api.quizInput() !== step ? true : undefined), 2_000);
      return;
    } catch (error) {
      if (attempt === 4) {
        throw error;
      }
    }
  }
}

/** Polls until `probe` returns a value, for UI state that settles asynchronously. */
export async function waitFor<T>(probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`condition not met within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
