import * as vscode from 'vscode';
import { Commands } from '../commands';
import { getCatalog } from '../content/catalog';
import { runMockInterview } from './mockInterview';
import { exportProgressToFile, importProgressFromFile, resetProgress, showStatistics } from './progressCommands';
import { ProgressSummary, QuizEngine } from './quizEngine';
import { QuizCard } from './quizCard';
import { QuizItem, quizItems } from './quizScope';
import { QuizDeps, t } from './quizSession';
import { QuizSettings, sanitizeQuizSettings } from './quizSettings';
import { GlobalStateStore, QUIZ_STATE_KEY } from './quizStore';
import { reviewDue, startQuiz } from './startQuiz';

/** What other features (the Topics tree, the welcome view) use from the quiz. */
export interface QuizApi {
  /** Fires after a grade, a reset or an import, when the settings change, and when time makes an item due. */
  onDidChangeProgress: vscode.Event<void>;
  /**
   * Counts over the given question or multiple-choice ids. `due`: answered before and due now.
   * `known`: in FSRS's Review state (past the learning steps) and not due. `fresh`: never answered.
   */
  progress(questionIds: readonly string[]): ProgressSummary;
}

export const HAS_QUIZZED_CONTEXT = 'awsDbStudy.hasQuizzed';
const STATUS_BAR_ID = 'awsDbStudy.quizStatus';
// The due count refreshes when an item falls due, and at least this often.
const MAX_REFRESH_MS = 60 * 60 * 1000;

function readQuizSettings(): QuizSettings {
  const config = vscode.workspace.getConfiguration('awsDbStudy.quiz');
  return sanitizeQuizSettings({
    desiredRetention: config.get('desiredRetention'),
    maximumInterval: config.get('maximumInterval'),
    dailyNewLimit: config.get('dailyNewLimit'),
    shuffleOptions: config.get('shuffleOptions'),
    includeAskInterviewer: config.get('includeAskInterviewer'),
    mockInterviewQuestions: config.get('mockInterviewQuestions'),
    mockInterviewMinutes: config.get('mockInterviewMinutes'),
    showStatusBar: config.get('showStatusBar'),
  });
}

/** Runs a command so that a failure becomes an error message, never an exception thrown into VS Code. */
function guarded<T>(run: (...args: unknown[]) => Promise<T> | T): (...args: unknown[]) => Promise<T | undefined> {
  return async (...args) => {
    try {
      return await run(...args);
    } catch (error) {
      void vscode.window.showErrorMessage(t('AWS DB quiz: {0}', error instanceof Error ? error.message : String(error)));
      return undefined;
    }
  };
}

export function registerQuiz(context: vscode.ExtensionContext): QuizApi {
  context.globalState.setKeysForSync([QUIZ_STATE_KEY]);
  const store = new GlobalStateStore(context.globalState, (message) => void vscode.window.showWarningMessage(message));
  const engine = new QuizEngine(store, readQuizSettings);
  const changed = new vscode.EventEmitter<void>();
  const card = new QuizCard(context.extensionUri);
  const statusBar = vscode.window.createStatusBarItem(STATUS_BAR_ID, vscode.StatusBarAlignment.Left, 20);
  statusBar.name = t('AWS DB Quiz');
  statusBar.command = Commands.reviewDue;

  let eligible: { includeAskInterviewer: boolean; items: QuizItem[] } | undefined;
  const items = (): QuizItem[] => {
    const { includeAskInterviewer } = readQuizSettings();
    if (eligible?.includeAskInterviewer !== includeAskInterviewer) {
      eligible = { includeAskInterviewer, items: quizItems(getCatalog(), includeAskInterviewer) };
    }
    return eligible.items;
  };
  const deps = (): QuizDeps => ({ engine, catalog: getCatalog(), card, settings: readQuizSettings });

  let timer: ReturnType<typeof setTimeout> | undefined;
  let hasQuizzed = false;
  const update = (): void => {
    clearTimeout(timer);
    const ids = items().map((item) => item.id);
    const due = engine.dueIds(ids).length;
    const fresh = Math.min(engine.progress(ids).fresh, engine.newLeftToday());
    if (readQuizSettings().showStatusBar) {
      statusBar.text = `$(mortar-board) ${t('{0} due', due + fresh)}`;
      statusBar.tooltip = t('AWS DB quiz: {0} reviews due and {1} new questions left for today. Click to review.', due, fresh);
      statusBar.accessibilityInformation = { label: t('AWS DB quiz: {0} reviews due and {1} new questions left for today', due, fresh) };
      statusBar.show();
    } else {
      statusBar.hide();
    }
    if (!hasQuizzed && Object.keys(engine.state().items).length > 0) {
      hasQuizzed = true;
      void vscode.commands.executeCommand('setContext', HAS_QUIZZED_CONTEXT, true);
    }
    const delay = Math.min(MAX_REFRESH_MS, Math.max(1000, engine.nextChangeAt() - engine.clock().getTime() + 500));
    timer = setTimeout(() => engine.notifyChanged(), delay);
    // A pending refresh must not keep a plain Node process (the benchmark) alive.
    (timer as { unref?: () => void }).unref?.();
  };
  const refresh = guarded(update);

  context.subscriptions.push(
    changed,
    card,
    statusBar,
    new vscode.Disposable(() => clearTimeout(timer)),
    engine.onDidChange(() => {
      void refresh();
      changed.fire();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('awsDbStudy.quiz')) {
        engine.notifyChanged();
      }
    }),
    // Settings Sync may have brought progress from another machine while the window was in the background.
    vscode.window.onDidChangeWindowState((state) => {
      if (state.focused) {
        void refresh();
      }
    }),
    vscode.commands.registerCommand(Commands.startQuiz, guarded((argument) => startQuiz(deps(), items(), argument))),
    vscode.commands.registerCommand(Commands.reviewDue, guarded(() => reviewDue(deps(), items()))),
    vscode.commands.registerCommand(Commands.mockInterview, guarded(() => runMockInterview(deps(), items()))),
    vscode.commands.registerCommand(Commands.showQuizStatistics, guarded(() => showStatistics(deps(), items()))),
    vscode.commands.registerCommand(Commands.exportProgress, guarded(() => exportProgressToFile(deps()))),
    vscode.commands.registerCommand(Commands.importProgress, guarded(() => importProgressFromFile(deps()))),
    vscode.commands.registerCommand(Commands.resetProgress, guarded((serviceId) => resetProgress(deps(), items(), serviceId))),
  );
  // The first due count needs the catalog: compute it after activation, not during it.
  setTimeout(() => void refresh(), 0);

  return { onDidChangeProgress: changed.event, progress: (ids) => engine.progress(ids) };
}
