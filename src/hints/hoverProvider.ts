/** Hovers on hint sites: the rules' text, with command links restricted to an allow-list. */
import * as vscode from 'vscode';
import { Commands } from '../commands';
import { HintRule } from './engine/types';
import { AnalysisCache } from './analysisCache';
import { hoverMarkdown, HoverLabels } from './hoverMarkdown';
import { hintRule } from './ruleCatalog';

/** Context key the Getting Started walkthrough waits for (package.json completionEvents). */
const HINT_SEEN_CONTEXT = 'awsDbStudy.hasSeenHint';

function hoverLabels(): HoverLabels {
  return {
    service: { dynamodb: 'Amazon DynamoDB', rds: 'Amazon RDS', elasticache: 'Amazon ElastiCache' },
    openNote: (title) => vscode.l10n.t('Open note: {0}', title),
    documentation: vscode.l10n.t('AWS documentation'),
    disable: vscode.l10n.t('Disable this hint'),
    controls: vscode.l10n.t('Same check as'),
  };
}

export class HintHoverProvider implements vscode.HoverProvider {
  private hintSeen = false;

  constructor(private readonly cache: AnalysisCache) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const { site, language } = this.cache.siteAt(document, document.offsetAt(position));
    if (!site || !language) {
      return undefined;
    }
    const rules = site.ruleIds.map((id) => hintRule(id)).filter((rule): rule is HintRule => rule !== undefined);
    const place = { language, origin: site.origin, name: site.name };
    const markdown = new vscode.MarkdownString(hoverMarkdown(rules, place, hoverLabels(), { openNote: Commands.openNote, disableRule: Commands.disableHintRule }));
    markdown.isTrusted = { enabledCommands: [Commands.openNote, Commands.disableHintRule] };
    this.noteHintSeen();
    return new vscode.Hover(markdown, new vscode.Range(document.positionAt(site.start), document.positionAt(site.end)));
  }

  /** Completes the walkthrough's "Hover over an AWS call" step, once per session. */
  private noteHintSeen(): void {
    if (!this.hintSeen) {
      this.hintSeen = true;
      void vscode.commands.executeCommand('setContext', HINT_SEEN_CONTEXT, true);
    }
  }
}
