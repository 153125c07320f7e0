import * as vscode from 'vscode';
import { ProgressStore } from './quizEngine';
import { loadState, QuizState } from './quizState';

/** The globalState key of the quiz progress; registered for Settings Sync. */
export const QUIZ_STATE_KEY = 'awsDbStudy.quiz.progress';

/**
 * Quiz progress in `globalState`. Every read checks the stored value, so that a value Settings Sync
 * brought from another machine is picked up; parsing happens only when that value changed.
 */
export class GlobalStateStore implements ProgressStore {
  private cache: { raw: unknown; state: QuizState } | undefined;
  /** False when the stored value is from a newer schema: this version must not overwrite it. */
  private writable = true;
  private reported = false;

  constructor(
    private readonly memento: vscode.Memento,
    private readonly warn: (message: string) => void,
  ) {}

  read(): QuizState {
    const raw = this.memento.get<unknown>(QUIZ_STATE_KEY);
    if (this.cache && (this.cache.raw === raw || !this.writable)) {
      return this.cache.state;
    }
    const loaded = loadState(raw);
    this.writable = loaded.status !== 'newer';
    if (!this.reported && (loaded.status === 'newer' || loaded.dropped > 0)) {
      this.reported = true;
      this.warn(
        loaded.status === 'newer'
          ? vscode.l10n.t('AWS DB quiz: your progress was saved by a newer version of this extension. Update the extension; until then, answers are not saved.')
          : vscode.l10n.t('AWS DB quiz: {0} saved progress entries could not be read and were dropped; the rest of your progress is kept.', loaded.dropped),
      );
    }
    this.cache = { raw, state: loaded.state };
    return loaded.state;
  }

  async write(state: QuizState): Promise<void> {
    if (this.writable) {
      await this.memento.update(QUIZ_STATE_KEY, state);
    }
    this.cache = { raw: this.memento.get<unknown>(QUIZ_STATE_KEY), state };
  }
}
