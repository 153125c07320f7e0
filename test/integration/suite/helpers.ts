import * as vscode from 'vscode';

export const EXTENSION_ID = 'aws-db-study.aws-db-study';

/** Activates our extension; tests that skip this race VS Code's lazy activation. */
export async function activateExtension(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) {
    throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  }
  await extension.activate();
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
