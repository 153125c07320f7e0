const MAX_ENTRIES = 100;

/** Back/forward history of one note panel, like a browser's. Pure, so that it is unit-tested. */
export class NoteHistory {
  private constructor(
    private entries: string[],
    private position: number,
  ) {}

  static start(noteId: string): NoteHistory {
    return new NoteHistory([noteId], 0);
  }

  static restore(entries: string[], position: number): NoteHistory {
    return new NoteHistory([...entries], position);
  }

  get current(): string {
    return this.entries[this.position];
  }

  get canGoBack(): boolean {
    return this.position > 0;
  }

  get canGoForward(): boolean {
    return this.position < this.entries.length - 1;
  }

  /** Opens a note: drops the forward entries, as following a link does in a browser. */
  visit(noteId: string): void {
    if (noteId === this.current) {
      return;
    }
    this.entries = [...this.entries.slice(0, this.position + 1), noteId].slice(-MAX_ENTRIES);
    this.position = this.entries.length - 1;
  }

  back(): void {
    this.position = Math.max(0, this.position - 1);
  }

  forward(): void {
    this.position = Math.min(this.entries.length - 1, this.position + 1);
  }

  snapshot(): { history: string[]; position: number } {
    return { history: [...this.entries], position: this.position };
  }
}
