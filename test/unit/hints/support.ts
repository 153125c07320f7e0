import * as path from 'node:path';
import { compileContent, formatErrors } from '../../../src/content/compiler/compileContent';
import { HintRule } from '../../../src/hints/engine/types';

let cached: HintRule[] | undefined;

/** The repository's hint rules, compiled the way the build does; fails loudly if they are invalid. */
export function realHintRules(): HintRule[] {
  if (!cached) {
    const { hintRules, errors } = compileContent(path.resolve(__dirname, '../../../content'));
    if (errors.length > 0) {
      throw new Error(`content/ is invalid:\n${formatErrors(errors)}`);
    }
    cached = hintRules;
  }
  return cached;
}

/** The English hover labels the editor passes to hoverMarkdown, and our two allow-listed commands. */
export const HOVER_LABELS = {
  service: { dynamodb: 'Amazon DynamoDB', rds: 'Amazon RDS', elasticache: 'Amazon ElastiCache' },
  openNote: (title: string) => `Open note: ${title}`,
  documentation: 'AWS documentation',
  disable: 'Disable this hint',
  controls: 'Same check as',
};
export const HOVER_COMMANDS = { openNote: 'awsDbStudy.openNote', disableRule: 'awsDbStudy.disableHintRule' };
