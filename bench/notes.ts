/**
 * Note rendering in the extension host: every note's article put together from the HTML the build
 * rendered (header, body, related notes, sources), against plain markdown-it rendering the same
 * note's markdown, which a viewer that renders at run time must do, as the same-run baseline.
 */
import MarkdownIt from 'markdown-it';
import { performance } from 'node:perf_hooks';
import { renderNote } from '../src/notes/renderNote';
import { realCatalog, realContent } from '../test/support/realCatalog';

export interface NoteRenderFigures {
  notes: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  baselineP50Ms: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function measureNoteRendering(rounds = 20): NoteRenderFigures {
  const catalog = realCatalog();
  const plain = new MarkdownIt();
  const ours: number[] = [];
  const baseline: number[] = [];
  const markdown = new Map(realContent().notes.map((note) => [note.id, note.body]));
  for (const note of catalog.notes) {
    renderNote(note, catalog); // warm-up
    plain.render(markdown.get(note.id)!);
  }
  for (let round = 0; round < rounds; round++) {
    for (const note of catalog.notes) {
      let start = performance.now();
      renderNote(note, catalog);
      ours.push(performance.now() - start);
      start = performance.now();
      plain.render(markdown.get(note.id)!);
      baseline.push(performance.now() - start);
    }
  }
  ours.sort((a, b) => a - b);
  baseline.sort((a, b) => a - b);
  return {
    notes: catalog.notes.length,
    p50Ms: percentile(ours, 50),
    p99Ms: percentile(ours, 99),
    maxMs: ours[ours.length - 1],
    baselineP50Ms: percentile(baseline, 50),
  };
}
