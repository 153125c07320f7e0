import { CatalogIndex } from '../content/catalogIndex';
import { ServiceId } from '../content/types';

/** One row of the Topics tree. Ids are stable so that VS Code keeps expansion state across refreshes. */
export type TopicNode =
  | { kind: 'service'; id: string; serviceId: ServiceId; label: string; tooltip: string }
  | { kind: 'section'; id: string; serviceId: ServiceId; label: string; tooltip: string }
  | { kind: 'note'; id: string; serviceId: ServiceId; noteId: string; label: string; tooltip: string };

/** The pure shape of the tree: services → sections → notes, in catalog order. */
export class TopicTreeModel {
  /** Takes a source rather than the catalog so that content is parsed when the tree is first shown. */
  constructor(private readonly catalogSource: () => CatalogIndex) {}

  private get catalog(): CatalogIndex {
    return this.catalogSource();
  }

  roots(): TopicNode[] {
    return this.catalog.services.map((service) => ({
      kind: 'service',
      id: `service:${service.id}`,
      serviceId: service.id,
      label: service.title,
      tooltip: service.summary,
    }));
  }

  children(node: TopicNode): TopicNode[] {
    if (node.kind === 'service') {
      const service = this.catalog.service(node.serviceId);
      return (service?.sections ?? []).map((section) => ({
        kind: 'section',
        id: `section:${section.id}`,
        serviceId: node.serviceId,
        label: section.title,
        tooltip: section.noteIds.map((id) => this.catalog.note(id)?.title ?? id).join(' · '),
      }));
    }
    if (node.kind === 'section') {
      const entry = this.catalog.sectionOf(node.id.slice('section:'.length));
      return (entry?.section.noteIds ?? []).flatMap((noteId) => {
        const note = this.catalog.note(noteId);
        return note ? [this.noteNode(note.id)!] : [];
      });
    }
    return [];
  }

  noteNode(noteId: string): TopicNode | undefined {
    const note = this.catalog.note(noteId);
    if (!note) {
      return undefined;
    }
    return { kind: 'note', id: `note:${note.id}`, serviceId: note.service, noteId: note.id, label: note.title, tooltip: note.summary };
  }

  /** The quiz scope a node stands for: what its progress counts and what its "Start Quiz" asks. */
  quizScope(node: TopicNode): { serviceId: ServiceId } | { sectionId: string } | { noteId: string } {
    if (node.kind === 'note') {
      return { noteId: node.noteId };
    }
    return node.kind === 'section' ? { sectionId: node.id.slice('section:'.length) } : { serviceId: node.serviceId };
  }

  parent(node: TopicNode): TopicNode | undefined {
    if (node.kind === 'service') {
      return undefined;
    }
    const serviceNode = this.roots().find((root) => root.serviceId === node.serviceId);
    if (node.kind === 'section' || !serviceNode) {
      return serviceNode;
    }
    const sectionId = `section:${this.catalog.note(node.noteId)?.section ?? ''}`;
    return this.children(serviceNode).find((section) => section.id === sectionId);
  }
}
