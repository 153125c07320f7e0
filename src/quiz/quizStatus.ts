/**
 * The quiz's status-bar item ("3 due · 20 new"), registered at activation and counted just after it.
 * Until the study part is loaded (first quiz, tree or note), its counts come from what global state
 * holds: the summary the last full count left, or, on a fresh install, the item counts the build made.
 * No content is unpacked and no log replayed for it. A full count (the study part's quiz engine) runs
 * when the stored figures cannot tell: no summary, another setting, or reviews Settings Sync brought
 * since the last count.
 */
import quizItemCounts from 'aws-db-study:quiz-counts';
// A plain require, run at activation: `import * as` makes esbuild copy every API name onto a new object.
import vscode = require('vscode');
import { Commands } from '../commands';
import { DueCounts, nextDayStart } from './dueCounts';
import { hasNoProgress, SYNCED_KEYS, syncedProgressMark } from './progressKeys';
import { QuizSettings, sanitizeQuizSettings } from './quizSettings';
import { countsFromSummary, freshInstallCounts, readStartupSummary } from './quizSummary';

/** The last full count's summary, in this machine's global state (see quizSummary.ts). */
export const SUMMARY_KEY = 'awsDbStudy.quiz.summary';
export const HAS_QUIZZED_CONTEXT = 'awsDbStudy.hasQuizzed';
const STATUS_BAR_ID = 'awsDbStudy.quizStatus';
// The due count refreshes when an item falls due, and at least this often.
const MAX_REFRESH_MS = 60 * 60 * 1000;

export function readQuizSettings(): QuizSettings {
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

/** "3 due · 20 new": the one wording of the counts, in the status bar, the picker and the statistics. */
export function formatDueCounts(counts: DueCounts): string {
  return `${vscode.l10n.t('{0} due', counts.due)} · ${vscode.l10n.t('{0} new', counts.fresh)}`;
}

export class QuizStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(STATUS_BAR_ID, vscode.StatusBarAlignment.Left, 20);
  private timer: ReturnType<typeof setTimeout> | undefined;
  private hasQuizzed = false;
  /** Tells the study part's engine that the counts may have changed; set once that part is loaded. */
  private engineChanged: (() => void) | undefined;

  /** `loadEngine` loads the study part, which attaches its engine here. */
  constructor(
    private readonly memento: vscode.Memento,
    private readonly loadEngine: () => void,
  ) {
    this.item.name = vscode.l10n.t('AWS DB Quiz');
    this.item.command = Commands.reviewDue;
  }

  /** The study part's quiz counts from here on; `changed` makes it count again. */
  attach(changed: () => void): void {
    this.engineChanged = changed;
  }

  show(counts: DueCounts): void {
    if (readQuizSettings().showStatusBar) {
      this.item.text = `$(mortar-board) ${formatDueCounts(counts)}`;
      this.item.tooltip = vscode.l10n.t("AWS DB quiz: {0} reviews due and {1} new questions left for today. Click to start today's review.", counts.due, counts.fresh);
      this.item.accessibilityInformation = { label: vscode.l10n.t('AWS DB quiz: {0} reviews due and {1} new questions left for today', counts.due, counts.fresh) };
      this.item.show();
    } else {
      this.item.hide();
    }
  }

  /** Counts again at `at` (capped at an hour from now). */
  schedule(at: number): void {
    clearTimeout(this.timer);
    const delay = Math.min(MAX_REFRESH_MS, Math.max(1000, at - Date.now() + 500));
    this.timer = setTimeout(() => this.refresh(), delay);
    // A pending refresh must not keep a plain Node process (the benchmark) alive.
    (this.timer as { unref?: () => void }).unref?.();
  }

  /** Something has been graded: the walkthrough's quiz step is done. */
  markQuizzed(): void {
    if (!this.hasQuizzed) {
      this.hasQuizzed = true;
      void vscode.commands.executeCommand('setContext', HAS_QUIZZED_CONTEXT, true);
    }
  }

  /** Counts again: with the engine once the study part is loaded, otherwise from the store when that can tell. */
  refresh(): void {
    if (this.engineChanged || !this.countFromStore()) {
      this.fullCount();
    }
  }

  private fullCount(): void {
    if (!this.engineChanged) {
      this.loadEngine();
    }
    this.engineChanged?.();
  }

  /**
   * Shows the counts that global state gives without the engine; false when only a full count can
   * tell. It hashes the synced logs to see whether Settings Sync changed them since the last count.
   */
  private countFromStore(): boolean {
    const settings = readQuizSettings();
    const now = Date.now();
    if (hasNoProgress(this.memento)) {
      const eligible = settings.includeAskInterviewer ? quizItemCounts.withAskInterviewer : quizItemCounts.withoutAskInterviewer;
      this.show(freshInstallCounts(eligible, settings.dailyNewLimit));
      this.schedule(nextDayStart(now));
      return true;
    }
    const summary = readStartupSummary(this.memento.get(SUMMARY_KEY));
    const counts = countsFromSummary(summary, now, settings.dailyNewLimit, settings.includeAskInterviewer);
    if (!summary || !counts || summary.mark !== syncedProgressMark(this.memento)) {
      return false;
    }
    this.show(counts);
    if (summary.dueTimes.length > 0) {
      this.markQuizzed();
    }
    this.schedule(Math.min(nextDayStart(now), ...summary.dueTimes.filter((time) => time > now)));
    return true;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.item.dispose();
  }
}

/** Registers the synced keys, shows the counts and keeps them current; `loadEngine` loads the study part. */
export function registerQuizStatus(context: vscode.ExtensionContext, loadEngine: () => void): QuizStatus {
  context.globalState.setKeysForSync([...SYNCED_KEYS]);
  const status = new QuizStatus(context.globalState, loadEngine);
  context.subscriptions.push(
    status,
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('awsDbStudy.quiz')) {
        status.refresh();
      }
    }),
    // Settings Sync may have brought progress from another machine while the window was in the background.
    vscode.window.onDidChangeWindowState((state) => {
      if (state.focused) {
        status.refresh();
      }
    }),
  );
  // The first count waits until activation is over: nothing needs it before.
  setTimeout(() => status.refresh(), 0);
  return status;
}
