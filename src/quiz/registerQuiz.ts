import * as vscode from 'vscode';
import { Commands } from '../commands';
import { getCatalog } from '../content/catalog';
import { runMockInterview } from './mockInterview';
import { exportProgressToFile, importProgressFromFile, resetProgress, showStatistics } from './progressCommands';
import { DueCounts, ProgressSummary, QuizEngine } from './quizEngine';
import { QuizCard } from './quizCard';
import { itemsInScope, QuizItem, quizItems, StartQuizArgument, scopeFromArgument } from './quizScope';
import { QuizDeps, t } from './quizSession';
import { QuizSettings, sanitizeQuizSettings } from './quizSettings';
import { createProgressStore } from './quizStore';
import { countsFromSummary, startupSummary } from './quizSummary';
import { formatDueCounts, reviewDue, startQuiz } from './startQuiz';

/** Progress over what a scope's quiz asks, and what it leaves out. */
export interface ScopeProgress extends ProgressSummary {
  /** Questions to ask the interviewer in the scope, left out of quizzes by awsDbStudy.quiz.includeAskInterviewer. */
  leftOut: number;
}

/** What other features (the Topics tree, the welcome view) use from the quiz. */
export interface QuizApi {
  /** Fires after a grade, a reset or an import, when the settings change, and when time makes an item due. */
  onDidChangeProgress: vscode.Event<void>;
  /** Counts over exactly the items a quiz of this scope asks (ProgressSummary says what each count means). */
  progress(scope: StartQuizArgument): ScopeProgress;
}

/** The status bar's counts, kept in this machine's global state so that startup reads them without replaying. */
export const SUMMARY_KEY = 'awsDbStudy.quiz.summary';

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
    sessionLength: config.get('sessionLength'),
    sessionMinutes: config.get('sessionMinutes'),
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
  const store = createProgressStore(context);
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
  let everything: QuizItem[] | undefined;
  const scopeProgress = (argument: StartQuizArgument): ScopeProgress => {
    const scope = scopeFromArgument(getCatalog(), argument);
    if (!scope || scope === 'invalid') {
      return { total: 0, due: 0, learning: 0, known: 0, fresh: 0, leftOut: 0 };
    }
    const asked = itemsInScope(getCatalog(), items(), scope);
    everything ??= quizItems(getCatalog(), true);
    const all = itemsInScope(getCatalog(), everything, scope).length;
    return { ...engine.progress(asked.map((item) => item.id)), leftOut: all - asked.length };
  };
  const deps = (): QuizDeps => ({ engine, catalog: getCatalog(), card, settings: readQuizSettings });

  let timer: ReturnType<typeof setTimeout> | undefined;
  let hasQuizzed = false;
  const show = (counts: DueCounts): void => {
    if (readQuizSettings().showStatusBar) {
      statusBar.text = `$(mortar-board) ${formatDueCounts(counts)}`;
      statusBar.tooltip = t("AWS DB quiz: {0} reviews due and {1} new questions left for today. Click to start today's review.", counts.due, counts.fresh);
      statusBar.accessibilityInformation = { label: t('AWS DB quiz: {0} reviews due and {1} new questions left for today', counts.due, counts.fresh) };
      statusBar.show();
    } else {
      statusBar.hide();
    }
  };
  const schedule = (at: number): void => {
    clearTimeout(timer);
    const delay = Math.min(MAX_REFRESH_MS, Math.max(1000, at - Date.now() + 500));
    timer = setTimeout(() => engine.notifyChanged(), delay);
    // A pending refresh must not keep a plain Node process (the benchmark) alive.
    (timer as { unref?: () => void }).unref?.();
  };
  /** Counts from the merged progress (parses content and replays the logs), and the summary for next startup. */
  const update = (): void => {
    const settings = readQuizSettings();
    const ids = items().map((item) => item.id);
    show(engine.dueCounts(ids));
    void context.globalState.update(SUMMARY_KEY, startupSummary(engine, ids, settings.includeAskInterviewer));
    if (!hasQuizzed && Object.keys(engine.state().items).length > 0) {
      hasQuizzed = true;
      void vscode.commands.executeCommand('setContext', HAS_QUIZZED_CONTEXT, true);
    }
    schedule(engine.nextChangeAt());
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
  // At startup the status bar reads the summary the last session left: no content parsing, no replay.
  // The full count (catalog and logs) waits until something needs it, or for a fresh install.
  const settings = readQuizSettings();
  const summary = context.globalState.get<unknown>(SUMMARY_KEY);
  const fromSummary = countsFromSummary(summary, Date.now(), settings.dailyNewLimit, settings.includeAskInterviewer);
  if (fromSummary) {
    show(fromSummary);
    if ((summary as { dueTimes: number[] }).dueTimes.length > 0) {
      hasQuizzed = true;
      void vscode.commands.executeCommand('setContext', HAS_QUIZZED_CONTEXT, true);
    }
    const dueTimes = (summary as { dueTimes: number[] }).dueTimes.filter((time) => time > Date.now());
    schedule(Math.min(Date.now() + MAX_REFRESH_MS, ...dueTimes));
  } else {
    setTimeout(() => void refresh(), 0);
  }

  return { onDidChangeProgress: changed.event, progress: scopeProgress };
}
