import { Catalog, ChoiceItem, Note, Question, Section, Service, ServiceId } from './types';

/** Read-only look-ups over the catalog, built once when content is first needed. */
export class CatalogIndex {
  private readonly notesById: Map<string, Note>;
  private readonly sectionsById = new Map<string, { service: Service; section: Section }>();
  private byNote: Map<string, Array<Question | ChoiceItem>> | undefined;

  constructor(readonly catalog: Catalog) {
    this.notesById = new Map(catalog.notes.map((note) => [note.id, note]));
    for (const service of catalog.services) {
      for (const section of service.sections) {
        this.sectionsById.set(section.id, { service, section });
      }
    }
  }

  get services(): readonly Service[] {
    return this.catalog.services;
  }

  get notes(): readonly Note[] {
    return this.catalog.notes;
  }

  get questions(): readonly Question[] {
    return this.catalog.questions;
  }

  get choices(): readonly ChoiceItem[] {
    return this.catalog.choices;
  }

  /** Free-recall questions and multiple-choice items that link to a note. */
  questionsForNote(noteId: string): Array<Question | ChoiceItem> {
    this.byNote ??= this.indexByNote();
    return this.byNote.get(noteId) ?? [];
  }

  private indexByNote(): Map<string, Array<Question | ChoiceItem>> {
    const byNote = new Map<string, Array<Question | ChoiceItem>>();
    for (const item of [...this.catalog.questions, ...this.catalog.choices]) {
      for (const noteId of item.noteIds) {
        byNote.set(noteId, [...(byNote.get(noteId) ?? []), item]);
      }
    }
    return byNote;
  }

  note(id: string): Note | undefined {
    return this.notesById.get(id);
  }

  service(id: ServiceId): Service | undefined {
    return this.catalog.services.find((service) => service.id === id);
  }

  sectionOf(sectionId: string): { service: Service; section: Section } | undefined {
    return this.sectionsById.get(sectionId);
  }

  /** Notes in the order the tree shows them: by service, then section, then the section's list. */
  notesInOrder(): Note[] {
    return this.catalog.services.flatMap((service) =>
      service.sections.flatMap((section) => section.noteIds.map((id) => this.notesById.get(id)).filter((note): note is Note => !!note)),
    );
  }
}
