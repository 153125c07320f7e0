/** Hover markdown (allow-listed command links only) and the validation of the hints settings. */
import * as assert from 'node:assert/strict';
import { hoverMarkdown } from '../../../src/hints/hoverMarkdown';
import { parseHintSettings, severityFor } from '../../../src/hints/settings';
import { HOVER_COMMANDS, HOVER_LABELS, realHintRules } from './support';


describe('hint hovers and settings', () => {
  const rule = (id: string) => realHintRules().find((candidate) => candidate.id === id)!;

  const terraform = { language: 'terraform', origin: 'terraform', name: 'publicly_accessible' } as const;

  it('shows the fact, the example, the controls and three links', () => {
    const markdown = hoverMarkdown([rule('rds-publicly-accessible')], terraform, HOVER_LABELS, HOVER_COMMANDS);
    assert.match(markdown, /^\*\*publicly_accessible\*\* · Amazon RDS/);
    assert.match(markdown, /```hcl\nresource "aws_db_instance" "orders" \{\n(?:.*\n)*? {2}publicly_accessible = false/);
    assert.match(markdown, /Same check as: checkov CKV_AWS_17 · Security Hub RDS\.2/);
    assert.ok(markdown.includes(`[Open note: ${rule('rds-publicly-accessible').noteTitle}](command:awsDbStudy.openNote?${encodeURIComponent('["rds-security"]')})`));
    assert.ok(markdown.includes('[AWS documentation](https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html)'));
    assert.ok(markdown.includes(`(command:awsDbStudy.disableHintRule?${encodeURIComponent('["rds-publicly-accessible"]')})`));
  });

  it('links only to https pages and to the two allow-listed commands', () => {
    const markdown = hoverMarkdown(realHintRules(), { language: 'typescript', origin: 'sdk' }, HOVER_LABELS, HOVER_COMMANDS);
    for (const [, target] of markdown.matchAll(/\]\(([^)\s]+)\)/g)) {
      assert.match(target, /^(?:https:\/\/|command:awsDbStudy\.(?:openNote|disableHintRule)\?)/, target);
    }
  });

  it('separates several rules at one place', () => {
    const markdown = hoverMarkdown([rule('redis-tls'), rule('redis-password')], { language: 'python', origin: 'redis-py' }, HOVER_LABELS, HOVER_COMMANDS);
    assert.equal(markdown.split('\n\n---\n\n').length, 2);
  });

  it('ignores malformed settings instead of failing', () => {
    const settings = parseHintSettings('yes', undefined, { 'rds-multi-az': 'warning', 'dynamodb-query': 'off', 'redis-keys': 'loud', 'redis-scan': 3 });
    assert.equal(settings.enabled, true);
    assert.equal(settings.diagnostics, true);
    assert.deepEqual([...settings.rules.entries()], [['rds-multi-az', 'warning'], ['dynamodb-query', 'off']]);
    assert.equal(severityFor(settings, rule('rds-multi-az')), 'warning');
    assert.equal(severityFor(settings, rule('dynamodb-query')), 'off');
    assert.equal(severityFor(settings, rule('redis-keys')), 'warning');
    assert.equal(parseHintSettings(false, false, []).enabled, false);
    assert.equal(parseHintSettings(undefined, undefined, 'off').rules.size, 0);
  });
});
