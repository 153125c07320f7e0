import { emptyLog, MachineLog } from '../../../src/quiz/progressLog';
import { ProgressStore, QuizEngine, SchedulerSettings } from '../../../src/quiz/quizEngine';

/** Logs held in memory: this machine's first, then any other machine's. Counts writes. */
export class MemoryStore implements ProgressStore {
  writes = 0;
  private all: readonly MachineLog[];

  constructor(mine: MachineLog = emptyLog('this-machine'), others: readonly MachineLog[] = []) {
    this.all = [mine, ...others];
  }

  logs(): readonly MachineLog[] {
    return this.all;
  }

  async update(change: (mine: MachineLog) => MachineLog): Promise<void> {
    this.writes++;
    this.all = [change(this.all[0]), ...this.all.slice(1)];
  }
}

/** A clock the test moves by hand; starts on a local Monday morning so "today" is unambiguous. */
export class FakeClock {
  time = new Date(2025, 0, 6, 9, 0, 0).getTime();

  now = (): Date => new Date(this.time);

  advanceMinutes(minutes: number): void {
    this.time += minutes * 60_000;
  }

  advanceDays(days: number): void {
    const date = new Date(this.time);
    date.setDate(date.getDate() + days);
    this.time = date.getTime();
  }
}

export const DEFAULT_SCHEDULER: SchedulerSettings = { desiredRetention: 0.9, maximumInterval: 365, dailyNewLimit: 20 };

export function testEngine(settings: Partial<SchedulerSettings> = {}, mine?: MachineLog): { engine: QuizEngine; store: MemoryStore; clock: FakeClock; settings: SchedulerSettings } {
  const store = new MemoryStore(mine);
  const clock = new FakeClock();
  const current = { ...DEFAULT_SCHEDULER, ...settings };
  return { engine: new QuizEngine(store, () => current, clock.now), store, clock, settings: current };
}

/** Stands in for vscode.l10n.t: fills {0}, {1}… */
export const t = (message: string, ...args: Array<string | number>): string => message.replace(/\{(\d+)\}/g, (_match, index: string) => String(args[Number(index)]));
