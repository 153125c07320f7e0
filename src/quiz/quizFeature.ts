/**
 * The quiz, loaded with the study part on first use: its engine over the synced progress, the quiz
 * commands, and the full count behind the status bar (whose item activation shows, see quizStatus.ts).
 */
import * as vscode from 'vscode';
import { Commands } from '../commands';
import { getCatalog } from '../content/catalog';
import { runMockInterview } from './mockInterview';
import { syncedProgressMark } from './progressKeys';
import { exportProgressToFile, importProgressFromFile, resetProgress, showStatistics } from './progressCommands';
import { ProgressSummary, QuizEngine } from './quizEngine';
import { QuizCard } from './quizCard';
import { itemsInScope, QuizItem, quizItems, StartQuizArgument, scopeFromArgument } from './quizScope';
import { QuizDeps, t } from './quizSession';
import { QuizStatus, readQuizSettings, SUMMARY_KEY } from './quizStatus';
import { createProgressStore } from './quizStore';
import { startupSummary } from './quizSummary';
import { reviewDue, startQuiz } from './startQuiz';

/** Progress over what a scope's quiz asks, and what it leaves out. */
export interface ScopeProgress extends ProgressSummary {
  /** Questions to ask the interviewer in the scope, left out of quizzes by awsDbStudy.quiz.includeAskInterviewer. */
  leftOut: number;
}

/** The quiz commands this feature runs. */
export type QuizCommandId =
  | typeof Commands.startQuiz
  | typeof Commands.reviewDue
  | typeof Commands.mockInterview
  | typeof Commands.showQuizStatistics
  | typeof Commands.exportProgress
  | typeof Commands.importProgress
  | typeof Commands.resetProgress;

/** What other features (the Topics tree, the welcome view) use from the quiz, and its commands. */
export interface QuizFeature extends vscode.Disposable {
  /** Fires after a grade, a reset or an import, when the settings change, and when time makes an item due. */
  onDidChangeProgress: vscode.Event<void>;
  /** Counts over exactly the items a quiz of this scope asks (ProgressSummary says what each count means). */
  progress(scope: StartQuizArgument): ScopeProgress;
  commands: Record<QuizCommandId, (...args: unknown[]) => Promise<unknown>>;
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

export function createQuizFeature(context: vscode.ExtensionContext, status: QuizStatus): QuizFeature {
  const store = createProgressStore(context);
  const engine = new QuizEngine(store, readQuizSettings);
  const changed = new vscode.EventEmitter<void>();
  const card = new QuizCard(context.extensionUri);

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

  /** Counts from the merged progress (parses content and replays the logs), and the summary for next startup. */
  const update = (): void => {
    const settings = readQuizSettings();
    const ids = items().map((item) => item.id);
    status.show(engine.dueCounts(ids));
    void context.globalState.update(SUMMARY_KEY, startupSummary(engine, ids, settings.includeAskInterviewer, syncedProgressMark(context.globalState)));
    if (Object.keys(engine.state().items).length > 0) {
      status.markQuizzed();
    }
    status.schedule(engine.nextChangeAt());
  };
  const refresh = guarded(update);
  const subscription = engine.onDidChange(() => {
    void refresh();
    changed.fire();
  });
  status.attach(() => engine.notifyChanged());

  return {
    onDidChangeProgress: changed.event,
    progress: scopeProgress,
    commands: {
      [Commands.startQuiz]: guarded((argument) => startQuiz(deps(), items(), argument)),
      [Commands.reviewDue]: guarded(() => reviewDue(deps(), items())),
      [Commands.mockInterview]: guarded(() => runMockInterview(deps(), items())),
      [Commands.showQuizStatistics]: guarded(() => showStatistics(deps(), items())),
      [Commands.exportProgress]: guarded(() => exportProgressToFile(deps())),
      [Commands.importProgress]: guarded(() => importProgressFromFile(deps())),
      [Commands.resetProgress]: guarded((serviceId) => resetProgress(deps(), items(), serviceId)),
    },
    dispose: () => {
      subscription.dispose();
      changed.dispose();
      card.dispose();
    },
  };
}
