/** The rule catalog indexed by what each rule matches, built once per catalog. */
import { cdkL1Construct } from './services';
import { HintRule, normalizeName } from './types';
import { push } from './multimap';

export interface RuleIndex {
  operations: Map<string, HintRule[]>;
  options: Map<string, { rule: HintRule; in: Set<string> }[]>;
  resources: Map<string, { rule: HintRule; props: Set<string> }[]>;
  redisCommands: Map<string, HintRule[]>;
  redisOptions: Map<string, HintRule[]>;
  /** Rules on the options of SQL driver connections, and those that show on each connection. */
  sqlOptions: Map<string, HintRule[]>;
  sqlConnections: HintRule[];
  ingress: HintRule[];
}

const indexes = new WeakMap<readonly HintRule[], RuleIndex>();

export function indexRules(rules: readonly HintRule[]): RuleIndex {
  const cached = indexes.get(rules);
  if (cached) {
    return cached;
  }
  const index: RuleIndex = { operations: new Map(), options: new Map(), resources: new Map(), redisCommands: new Map(), redisOptions: new Map(), sqlOptions: new Map(), sqlConnections: [], ingress: [] };
  for (const rule of rules) {
    const match = rule.match;
    match.operations.forEach((operation) => push(index.operations, operation, rule));
    const inOperations = new Set(match.in);
    match.options.forEach((option) => push(index.options, normalizeName(option), { rule, in: inOperations }));
    if (match.cloudformation) {
      const props = new Set(match.cloudformation.properties.map(normalizeName));
      for (const type of match.cloudformation.resources) {
        push(index.resources, `cloudformation ${type}`, { rule, props });
        const l1 = cdkL1Construct(type);
        if (l1) {
          push(index.resources, `cdk ${l1}`, { rule, props });
        }
      }
    }
    if (match.terraform) {
      const props = new Set(match.terraform.arguments.map(normalizeName));
      match.terraform.resources.forEach((type) => push(index.resources, `terraform ${type}`, { rule, props }));
    }
    if (match.cdk) {
      const props = new Set(match.cdk.props.map(normalizeName));
      match.cdk.constructs.forEach((construct) => push(index.resources, `cdk ${construct}`, { rule, props }));
    }
    if (match.ingress) {
      index.ingress.push(rule);
    }
    if (match.redis) {
      match.redis.commands.forEach((command) => push(index.redisCommands, normalizeName(command), rule));
      match.redis.options.forEach((option) => push(index.redisOptions, normalizeName(option), rule));
    }
    if (match.sql) {
      match.sql.options.forEach((option) => push(index.sqlOptions, normalizeName(option), rule));
      if (match.sql.connections) {
        index.sqlConnections.push(rule);
      }
    }
  }
  indexes.set(rules, index);
  return index;
}
