/**
 * The last things the workspace model was told and did (watcher events, reads, removals), kept for the
 * tests to print when a wait for a file event fails: such a failure cannot be replayed, only read.
 */
const KEPT = 100;

export class EventTrail {
  private readonly kept: string[] = [];

  record(what: string, path: string): void {
    if (this.kept.length === KEPT) {
      this.kept.shift();
    }
    this.kept.push(`${new Date().toISOString().slice(11, 23)} ${what} ${path}`);
  }

  entries(): readonly string[] {
    return [...this.kept];
  }
}
