/**
 * The hover sites and findings of Lambda code a YAML template carries inline (`iac/inlineCode.ts`), added to
 * the template's own. Each block is analysed as a file of its language laid over the template, so offsets
 * need no mapping. Its sites say their language, so that hovers show that language's examples; its findings
 * carry no quick fix, since a fix for a file may insert where the template has no code (an import at its top).
 */
import { codeOverTemplate, InlineCode } from './iac/inlineCode';
import { Analysis, Finding, HintSite } from './types';

export function withInlineCode(
  text: string,
  blocks: readonly InlineCode[],
  template: { sites: HintSite[]; findings: Finding[] },
  analyze: (code: string, kind: InlineCode['kind']) => Analysis,
): { sites: HintSite[]; findings: Finding[] } {
  const sites = [...template.sites];
  const findings = [...template.findings];
  for (const block of blocks) {
    const code = analyze(codeOverTemplate(text, block.span), block.kind);
    if (code.skipped) {
      continue;
    }
    sites.push(...code.sites.map((site) => ({ ...site, language: block.kind })));
    findings.push(...code.findings.map(({ fix: _fix, ...finding }) => finding));
  }
  return {
    sites: sites.sort((a, b) => a.start - b.start),
    findings: findings.sort((a, b) => a.start - b.start || a.ruleId.localeCompare(b.ruleId)),
  };
}
