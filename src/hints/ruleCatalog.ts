import loadHintRules from 'aws-db-study:hint-rules';
import { HintRule } from './engine/types';

let rules: HintRule[] | undefined;
let byId: Map<string, HintRule> | undefined;

/** The bundled rules, unpacked on first use (not at activation) and separately from the study catalog. */
export function hintRules(): HintRule[] {
  rules ??= loadHintRules();
  return rules;
}

export function hintRule(id: string): HintRule | undefined {
  byId ??= new Map(hintRules().map((rule) => [rule.id, rule]));
  return byId.get(id);
}
