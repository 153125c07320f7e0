/** Reading and validating the `awsDbStudy.hints.*` settings. Pure: takes what the configuration returned. */
import { DEFAULT_TIME_BUDGET_MS } from './engine/budget';
import { HintRule, SEVERITIES, Severity } from './engine/types';

export type RuleSetting = Severity | 'off';

export interface HintSettings {
  enabled: boolean;
  diagnostics: boolean;
  rules: ReadonlyMap<string, RuleSetting>;
  /** Milliseconds one document's analysis may take before it is reported as skipped. */
  timeBudgetMs: number;
}

/** The bounds of the `awsDbStudy.hints.timeBudgetMs` setting (package.json says the same). */
export const TIME_BUDGET_RANGE = { minimum: 50, maximum: 60_000 } as const;

/** Settings come from users' JSON: anything malformed is ignored, never thrown. */
export function parseHintSettings(enabled: unknown, diagnostics: unknown, rules: unknown, timeBudgetMs?: unknown): HintSettings {
  const perRule = new Map<string, RuleSetting>();
  if (typeof rules === 'object' && rules !== null && !Array.isArray(rules)) {
    for (const [id, value] of Object.entries(rules)) {
      if (value === 'off' || SEVERITIES.includes(value as Severity)) {
        perRule.set(id, value as RuleSetting);
      }
    }
  }
  const budget =
    typeof timeBudgetMs === 'number' && Number.isFinite(timeBudgetMs)
      ? Math.min(TIME_BUDGET_RANGE.maximum, Math.max(TIME_BUDGET_RANGE.minimum, Math.round(timeBudgetMs)))
      : DEFAULT_TIME_BUDGET_MS;
  return { enabled: enabled !== false, diagnostics: diagnostics !== false, rules: perRule, timeBudgetMs: budget };
}

export function severityFor(settings: HintSettings, rule: HintRule): RuleSetting {
  return settings.rules.get(rule.id) ?? rule.diagnostic?.severity ?? 'information';
}
