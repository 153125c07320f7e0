/** Reading and validating the `awsDbStudy.hints.*` settings. Pure: takes what the configuration returned. */
import { HintRule, SEVERITIES, Severity } from './engine/types';

export type RuleSetting = Severity | 'off';

export interface HintSettings {
  enabled: boolean;
  diagnostics: boolean;
  rules: ReadonlyMap<string, RuleSetting>;
}

/** Settings come from users' JSON: anything malformed is ignored, never thrown. */
export function parseHintSettings(enabled: unknown, diagnostics: unknown, rules: unknown): HintSettings {
  const perRule = new Map<string, RuleSetting>();
  if (typeof rules === 'object' && rules !== null && !Array.isArray(rules)) {
    for (const [id, value] of Object.entries(rules)) {
      if (value === 'off' || SEVERITIES.includes(value as Severity)) {
        perRule.set(id, value as RuleSetting);
      }
    }
  }
  return { enabled: enabled !== false, diagnostics: diagnostics !== false, rules: perRule };
}

export function severityFor(settings: HintSettings, rule: HintRule): RuleSetting {
  return settings.rules.get(rule.id) ?? rule.diagnostic?.severity ?? 'information';
}
