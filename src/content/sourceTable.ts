/**
 * The catalog as the build packs it: every source list (of notes, questions and choice items) as indices
 * into one table of distinct sources. A note and the questions on it cite the same AWS pages, and
 * written out each time they were about a quarter of the catalog, too far apart for the compressor's
 * window to share them (9 KB less of the web build's packed content).
 */
import { Catalog, ChoiceItem, Note, Question, Source } from './types';

type Indexed<T extends { sources: Source[] }> = Omit<T, 'sources'> & { sources: number[] };

export interface PackedCatalog extends Omit<Catalog, 'notes' | 'questions' | 'choices'> {
  sourceTable: Source[];
  notes: Indexed<Note>[];
  questions: Indexed<Question>[];
  choices: Indexed<ChoiceItem>[];
}

/** At build time: the catalog with its sources in one table. */
export function packSources(catalog: Catalog): PackedCatalog {
  const sourceTable: Source[] = [];
  const indexOf = new Map<string, number>();
  const refer = (source: Source): number => {
    const key = JSON.stringify([source.title, source.url]);
    let index = indexOf.get(key);
    if (index === undefined) {
      index = sourceTable.push({ title: source.title, url: source.url }) - 1;
      indexOf.set(key, index);
    }
    return index;
  };
  const indexed = <T extends { sources: Source[] }>(item: T): Indexed<T> => ({ ...item, sources: item.sources.map(refer) });
  return { ...catalog, sourceTable, notes: catalog.notes.map(indexed), questions: catalog.questions.map(indexed), choices: catalog.choices.map(indexed) };
}

/** At run time: the catalog as the rest of the extension reads it. An index past the table fails loudly: the build made both. */
export function unpackSources(packed: PackedCatalog): Catalog {
  const { sourceTable, ...rest } = packed;
  const source = (index: number): Source => {
    const found = sourceTable[index];
    if (!found) {
      throw new Error(`the packed catalog cites source ${index}, past its table of ${sourceTable.length}`);
    }
    return found;
  };
  const expanded = <T extends { sources: Source[] }>(item: Indexed<T>): T => ({ ...item, sources: item.sources.map(source) }) as unknown as T;
  return { ...rest, notes: rest.notes.map(expanded<Note>), questions: rest.questions.map(expanded<Question>), choices: rest.choices.map(expanded<ChoiceItem>) };
}
