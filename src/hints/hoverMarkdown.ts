/** The hover text for one or more rules, as markdown with command links. Pure: labels come in localized. */
import { inReaderTerms } from './engine/readerTerms';
import { HintLanguage, HintRule, HintService, SiteOrigin, WorkspaceSite } from './engine/types';
import { pickExample } from './examples';
import { DefinitionLink, workspaceHoverMarkdown, WorkspaceHoverLabels } from './workspaceHover';

export interface HoverLabels {
  service: Record<string, string>;
  openNote: (title: string) => string;
  documentation: string;
  disable: string;
  controls: string;
  /** Above a Java example shown in a Kotlin file, which has no example of its own. */
  javaExample: string;
  /** For the table a workspace site names; without them the workspace part is left out. */
  workspace?: WorkspaceHoverLabels;
}

export interface HoverCommands {
  openNote: string;
  disableRule: string;
  /** Where a link to a definition in another file of the workspace points (a file link the hover allows). */
  definitionLink?: DefinitionLink;
}

function commandLink(command: string, args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

/** Markdown link text must not close the link early. */
function linkText(text: string): string {
  return text.replace(/[[\]\\]/g, '\\$&');
}

/** The file and the place the hover is for: they pick the example and the names in the title. */
export interface HoverPlace {
  language: HintLanguage;
  origin: SiteOrigin;
  /** The option's name as written in the file. */
  name?: string;
  /** What the workspace model says about the table (and index) the site names. */
  workspace?: WorkspaceSite;
  /** The service a finding at the site names, for a rule reported where a finding is (not the rule's home service). */
  service?: HintService;
}

export function hoverMarkdown(rules: readonly HintRule[], place: HoverPlace, labels: HoverLabels, commands: HoverCommands): string {
  const workspace = place.workspace && labels.workspace ? [workspaceHoverMarkdown(place.workspace, labels.workspace, commands.definitionLink)] : [];
  const explained = rules
    .map((rule) => {
      const title = inReaderTerms(rule.title, rule, place.origin, place.name);
      const service = rule.match.reportedOnly ? (place.service ?? rule.service) : rule.service;
      const parts = [`**${title}** · ${labels.service[service] ?? service}`, rule.hover.trim()];
      const example = pickExample(rule, place.language, place.origin);
      if (example?.inJava) {
        parts.push(`*${labels.javaExample}*`);
      }
      if (example) {
        parts.push(`\`\`\`${example.fence}\n${example.code.trim()}\n\`\`\``);
      }
      if (rule.diagnostic?.controls.length) {
        parts.push(`${labels.controls}: ${rule.diagnostic.controls.join(' · ')}`);
      }
      parts.push(
        [
          `[${linkText(labels.openNote(rule.noteTitle))}](${commandLink(commands.openNote, [rule.note])})`,
          `[${linkText(labels.documentation)}](${rule.doc})`,
          `[${linkText(labels.disable)}](${commandLink(commands.disableRule, [rule.id])})`,
        ].join(' · '),
      );
      return parts.join('\n\n');
    });
  return [...workspace, ...explained].join('\n\n---\n\n');
}
