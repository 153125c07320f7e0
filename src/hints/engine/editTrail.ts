/**
 * Hover sites carried across edits. Between an edit and the next analysis (debounced), a hover reads
 * the last analysis's sites through the edits made since: the hover's offset is mapped back to the
 * analysed text, the site found there is mapped forward again. Recording an edit costs O(1) and a
 * hover O(edits + log sites). Where the text changed, next to it included (typing at the end of `scan`
 * makes another name), the trail answers `changed` and the hover waits for a fresh analysis.
 */
import { siteAt } from './analyze';
import { HintSite } from './types';

/** One replacement, in offsets of the text as it was just before it: `deleted` characters at `offset` became `inserted`. */
export interface TextChange {
  offset: number;
  deleted: number;
  inserted: number;
}

/** Past this many edits since the analysis, the trail gives up and hovers wait for a fresh analysis. */
const MAX_EDITS = 1000;

export class EditTrail {
  private readonly edits: TextChange[] = [];

  constructor(private readonly sites: readonly HintSite[]) {}

  get length(): number {
    return this.edits.length;
  }

  /** False once the trail is too long to follow. */
  add(change: TextChange): boolean {
    this.edits.push(change);
    return this.edits.length <= MAX_EDITS;
  }

  /** The site at an offset of the current text, undefined where there is none, `changed` where the text changed. */
  siteAt(offset: number): HintSite | undefined | 'changed' {
    let analysed = offset;
    for (let k = this.edits.length - 1; k >= 0; k--) {
      const edit = this.edits[k];
      if (analysed >= edit.offset - 1 && analysed <= edit.offset + edit.inserted) {
        return 'changed';
      }
      if (analysed > edit.offset + edit.inserted) {
        analysed -= edit.inserted - edit.deleted;
      }
    }
    const site = siteAt(this.sites, analysed);
    if (!site) {
      return undefined;
    }
    let start = site.start;
    let end = site.end;
    for (const edit of this.edits) {
      if (end < edit.offset) {
        continue;
      }
      if (start > edit.offset + edit.deleted) {
        start += edit.inserted - edit.deleted;
        end += edit.inserted - edit.deleted;
        continue;
      }
      return 'changed';
    }
    return start === site.start ? site : { ...site, start, end };
  }
}
