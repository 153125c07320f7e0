// A plain require, run at activation: `import * as` makes esbuild copy every API name onto a new object.
import vscode = require('vscode');
import { Commands } from '../commands';
import { HINT_SAMPLE_TYPESCRIPT } from './hintSample';

const STUDIED_KEY = 'awsDbStudy.hasStudied';

export interface GettingStartedApi {
  /** Records that the user has studied (opened a note or graded a question): hides the welcome view. */
  markStudied(): void;
}

export function registerGettingStarted(context: vscode.ExtensionContext): GettingStartedApi {
  const setContext = (studied: boolean): void => void vscode.commands.executeCommand('setContext', STUDIED_KEY, studied);
  // An unset context key is false already: only a learner who has studied needs it set.
  if (context.globalState.get<boolean>(STUDIED_KEY, false)) {
    setContext(true);
  }
  // The Get Started view (package.json) has no provider: without one, VS Code shows its viewsWelcome content.
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.tryDesignHints, async () => {
      const document = await vscode.workspace.openTextDocument({ language: 'typescript', content: HINT_SAMPLE_TYPESCRIPT });
      await vscode.window.showTextDocument(document, { preview: false });
    }),
  );
  return {
    markStudied: () => {
      if (!context.globalState.get<boolean>(STUDIED_KEY, false)) {
        void context.globalState.update(STUDIED_KEY, true);
        setContext(true);
      }
    },
  };
}
