/**
 * Stands in for linkify-it in the bundles. markdown-it constructs a linkify-it matcher whatever its
 * options, but its linkify rules return at once unless `linkify: true`, and notes render with it off
 * (renderNote.ts), so the matcher and its tables would be bundled and never used.
 */
export default class NoLinkify {
  pretest(): boolean {
    return false;
  }

  test(): boolean {
    return false;
  }

  match(): null {
    return null;
  }

  matchAtStart(): null {
    return null;
  }
}
