/** The hover text for one or more rules, as markdown with command links. Pure: labels come in localized. */
import { HintRule } from './engine/types';

export interface HoverLabels {
  service: Record<string, string>;
  openNote: (title: string) => string;
  documentation: string;
  disable: string;
  controls: string;
}

export interface HoverCommands {
  openNote: string;
  disableRule: string;
}

function commandLink(command: string, args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

/** Markdown link text must not close the link early. */
function linkText(text: string): string {
  return text.replace(/[[\]\\]/g, '\\$&');
}

export function hoverMarkdown(rules: readonly HintRule[], labels: HoverLabels, commands: HoverCommands): string {
  return rules
    .map((rule) => {
      const parts = [`**${rule.title}** · ${labels.service[rule.service] ?? rule.service}`, rule.hover.trim()];
      if (rule.example) {
        parts.push(`\`\`\`${rule.example.language}\n${rule.example.code.trim()}\n\`\`\``);
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
    })
    .join('\n\n---\n\n');
}
