/**
 * A per-document time budget. `analyzeText` makes the budget it is given the active one for the
 * duration of one analysis; the engine's long loops call `budgetTick()` and its passes call
 * `budgetCheck()`, and past the deadline the analysis stops with `BudgetExceeded` and the document
 * is reported as skipped. The hooks are free functions so that any analyzer can call them without
 * a budget threaded through its signatures; analyses are synchronous, so one active budget at a
 * time is exact.
 */

/** Milliseconds one document may take before it is reported as skipped. */
export const DEFAULT_TIME_BUDGET_MS = 1000;

/** How many ticks pass between two readings of the clock: keeps a tick to an increment and a mask. */
const TICKS_PER_READING = 1024;

export class BudgetExceeded extends Error {
  constructor(readonly limitMs: number) {
    super(`analysis took longer than its ${limitMs} ms budget`);
  }
}

export class Budget {
  private readonly deadline: number;
  private ticks = 0;

  /** `now` is injected in tests so that results never depend on the machine's speed. */
  constructor(
    readonly limitMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.deadline = now() + limitMs;
  }

  check(): void {
    if (this.now() > this.deadline) {
      throw new BudgetExceeded(this.limitMs);
    }
  }

  tick(): void {
    if ((++this.ticks & (TICKS_PER_READING - 1)) === 0) {
      this.check();
    }
  }
}

let active: Budget | undefined;

/** Runs one analysis with `budget` as the active budget (none: unbounded). */
export function withBudget<T>(budget: Budget | undefined, run: () => T): T {
  const previous = active;
  active = budget;
  try {
    return run();
  } finally {
    active = previous;
  }
}

/** At a pass boundary: throws `BudgetExceeded` past the deadline. */
export function budgetCheck(): void {
  active?.check();
}

/** Inside a long loop: reads the clock only now and then. */
export function budgetTick(): void {
  active?.tick();
}
