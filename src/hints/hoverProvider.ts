/** Hovers on hint sites: the rules' text, with command links restricted to an allow-list. */
import * as vscode from 'vscode';
import { Commands } from '../commands';
import { HintRule } from './engine/types';
import { SourceRef } from './engine/workspace/types';
import { definitionLink } from './definitionLinks';
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
    javaExample: vscode.l10n.t('Example in Java: Kotlin calls the same operations and client methods'),
    workspace: {
      table: (name) => vscode.l10n.t('Table {0}', name),
      definedIn: (place) => vscode.l10n.t('defined in {0}', place),
      partitionKey: vscode.l10n.t('partition key'),
      sortKey: vscode.l10n.t('sort key'),
      billingMode: vscode.l10n.t('billing mode'),
      indexes: vscode.l10n.t('Indexes'),
      noIndexes: vscode.l10n.t('No secondary indexes.'),
      projection: vscode.l10n.t('projection'),
      more: (count) => vscode.l10n.t('and {0} more', count),
      readsGsi: (index) => vscode.l10n.t('This request reads {0}, a global secondary index: its reads are eventually consistent only, and ConsistentRead true is rejected.', index),
      readsLsi: (index) => vscode.l10n.t('This request reads {0}, a local secondary index: strongly consistent reads (ConsistentRead true) are allowed here.', index),
    },
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
    const place = { language: site.language ?? language, origin: site.origin, name: site.name, workspace: site.workspace, service: site.service };
    const links = { openNote: Commands.openNote, disableRule: Commands.disableHintRule, definitionLink: (at: SourceRef) => definitionLink(document.uri, at) };
    const markdown = new vscode.MarkdownString(hoverMarkdown(rules, place, hoverLabels(), links));
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
