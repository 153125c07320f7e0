/**
 * The hint engine on realistic fixtures, one folder per language: every hover and every finding at
 * its exact line and column (1-based), and trap files (comments, strings, IAM actions, unrelated
 * libraries, wrapper definitions) that must produce nothing.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeText, AnalysisResult } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { realHintRules } from './support';

const FIXTURES = path.resolve(__dirname, '../../fixtures/hints');

function analyzeFixture(relative: string): AnalysisResult {
  const file = path.join(FIXTURES, relative);
  const text = fs.readFileSync(file, 'utf8');
  // Named as in the fixtures folder: its path in this repository is under `test/`, which the engine reads as a test's.
  return analyzeText(text, realHintRules(), { kind: documentKind(undefined, file)!, fileName: relative });
}

function described(result: AnalysisResult) {
  const at = (offset: number): string => {
    const position = result.lines.position(offset);
    return `${position.line + 1}:${position.character + 1}`;
  };
  return {
    hovers: result.sites.flatMap((site) => site.ruleIds.map((id) => `${at(site.start)} ${id}`)),
    findings: result.findings.map((finding) => `${at(finding.start)} ${finding.severity} ${finding.ruleId}`),
  };
}

const EXPECTED: Record<string, { hovers: string[]; findings: string[] }> = {
  'typescript/cache.ts': {
    hovers: ['6:3 redis-password', '7:3 redis-tls', '7:10 redis-tls', '11:28 redis-keys', '13:17 redis-unlink', '18:15 redis-flush', '22:15 redis-expire', '23:20 redis-multi'],
    findings: ['6:13 warning redis-password', '7:10 warning redis-tls', '11:28 warning redis-keys', '18:15 warning redis-flush'],
  },
  'typescript/order-store.ts': {
    hovers: ['30:11 dynamodb-get-item', '30:110 dynamodb-consistent-read', '38:19 dynamodb-query', '40:32 dynamodb-key-condition-expression', '49:44 dynamodb-scan', '49:81 dynamodb-filter-expression', '49:113 dynamodb-limit', '55:11 dynamodb-query', '57:9 dynamodb-index-name', '58:9 dynamodb-key-condition-expression', '61:9 dynamodb-consistent-read', '62:9 dynamodb-return-consumed-capacity', '69:44 dynamodb-batch-get-item', '69:62 dynamodb-request-items', '75:11 dynamodb-transact-write-items', '77:9 dynamodb-transact-items', '78:83 dynamodb-update-expression'],
    findings: ['49:44 warning dynamodb-scan', '49:81 information dynamodb-filter-expression', '49:113 information dynamodb-limit', '55:11 information dynamodb-query', '61:9 warning dynamodb-consistent-read', '69:44 warning dynamodb-batch-get-item'],
  },
  'typescript/reports.ts': {
    hovers: ['7:40 dynamodb-scan', '7:76 dynamodb-projection-expression', '7:98 dynamodb-expression-reserved-word'],
    findings: ['7:40 warning dynamodb-scan', '7:98 error dynamodb-expression-reserved-word'],
  },
  'typescript/stack.ts': {
    hovers: ['12:7 dynamodb-key-schema', '13:7 dynamodb-billing-mode', '14:7 dynamodb-ttl', '15:7 dynamodb-removal-policy', '19:7 rds-engine-version-extended-support', '21:7 rds-publicly-accessible', '22:7 rds-storage-encrypted', '23:7 rds-multi-az', '24:7 rds-backup-retention', '26:8 rds-proxy', '28:45 rds-instance-class', '28:95 rds-publicly-accessible'],
    findings: ['11:18 information dynamodb-pitr', '18:24 information rds-deletion-protection', '21:7 warning rds-publicly-accessible', '22:7 warning rds-storage-encrypted', '23:7 information rds-multi-az', '28:13 information rds-deletion-protection', '28:13 information rds-multi-az', '28:13 warning rds-storage-encrypted', '28:95 warning rds-publicly-accessible'],
  },
  'javascript/legacy-sessions.js': {
    hovers: ['1:22 aws-sdk-end-of-support', '9:5 dynamodb-filter-expression', '12:32 dynamodb-scan', '18:6 dynamodb-batch-write-item', '18:19 dynamodb-request-items'],
    findings: ['1:22 information aws-sdk-end-of-support', '9:5 information dynamodb-filter-expression', '12:32 warning dynamodb-scan'],
  },
  'python/cache.py': {
    hovers: ['10:5 redis-tls', '11:5 redis-tls', '12:5 redis-password', '17:22 redis-keys', '18:15 redis-unlink', '18:15 redis-loop-round-trips', '22:11 redis-flush', '29:16 rds-auth-token'],
    findings: ['11:5 warning redis-tls', '17:22 warning redis-keys', '18:15 information redis-loop-round-trips'],
  },
  'python/orders_repository.py': {
    hovers: ['15:22 dynamodb-query', '15:28 dynamodb-key-condition-expression', '23:23 dynamodb-scan', '27:16 dynamodb-pagination-keys', '31:22 dynamodb-scan', '31:27 dynamodb-filter-expression', '36:38 dynamodb-query', '37:58 dynamodb-index-name', '37:84 dynamodb-key-condition-expression', '43:12 dynamodb-batch-write-item', '43:29 dynamodb-request-items', '47:18 dynamodb-get-item', '47:53 dynamodb-consistent-read'],
    findings: ['15:22 information dynamodb-query', '31:22 warning dynamodb-scan', '31:27 information dynamodb-filter-expression', '43:12 warning dynamodb-batch-write-item'],
  },
  'java/OrderRepository.java': {
    hovers: ['21:32 dynamodb-query', '23:18 dynamodb-index-name', '24:18 dynamodb-key-condition-expression', '27:18 dynamodb-consistent-read', '29:43 dynamodb-query', '34:25 dynamodb-scan', '34:30 dynamodb-scan', '38:25 dynamodb-scan', '38:39 dynamodb-scan'],
    findings: ['27:18 warning dynamodb-consistent-read', '29:43 information dynamodb-query', '34:25 warning dynamodb-scan'],
  },
  'go/orders.go': {
    hovers: ['17:23 dynamodb-query', '17:44 dynamodb-query', '19:3 dynamodb-index-name', '20:3 dynamodb-key-condition-expression', '21:3 dynamodb-consistent-read', '31:24 dynamodb-scan', '31:61 dynamodb-scan', '43:23 dynamodb-scan', '43:43 dynamodb-scan'],
    findings: ['17:23 information dynamodb-query', '21:3 warning dynamodb-consistent-read', '43:23 warning dynamodb-scan'],
  },
  'csharp/OrderRepository.cs': {
    hovers: ['19:27 dynamodb-query', '22:13 dynamodb-index-name', '23:13 dynamodb-key-condition-expression', '24:13 dynamodb-consistent-read', '26:38 dynamodb-query', '36:38 dynamodb-scan', '36:52 dynamodb-scan', '36:88 dynamodb-pagination-keys'],
    findings: ['24:13 warning dynamodb-consistent-read', '26:38 information dynamodb-query'],
  },
  'cloudformation/cluster.json': {
    hovers: ['9:9 rds-master-password', '10:9 rds-storage-encrypted', '11:9 rds-deletion-protection', '15:15 rds-proxy'],
    // The proxy leaves RequireTLS out, which CloudFormation takes as false.
    findings: ['10:9 warning rds-storage-encrypted', '14:5 warning rds-proxy-require-tls'],
  },
  'cloudformation/database.yaml': {
    hovers: ['10:5 rds-removal-policy', '13:7 rds-instance-class', '14:7 rds-storage-autoscaling', '16:7 rds-master-password', '17:7 rds-publicly-accessible', '18:7 rds-backup-retention', '19:7 rds-deletion-protection', '24:7 rds-instance-class', '29:7 elasticache-engine', '30:7 elasticache-node-type', '31:7 elasticache-replica-count', '32:7 elasticache-automatic-failover', '33:7 elasticache-transit-encryption', '34:7 elasticache-at-rest-encryption', '35:7 elasticache-auth-token', '39:7 dynamodb-billing-mode', '40:7 dynamodb-key-schema', '43:7 dynamodb-key-schema', '46:7 dynamodb-ttl', '49:7 dynamodb-pitr', '50:9 dynamodb-pitr'],
    findings: ['8:3 information rds-multi-az', '8:3 warning rds-storage-encrypted', '17:7 warning rds-publicly-accessible', '18:7 warning rds-backup-retention', '19:7 warning rds-deletion-protection', '32:7 warning elasticache-automatic-failover', '35:18 warning elasticache-auth-token', '36:3 information dynamodb-removal-policy'],
  },
  'cloudformation/sam-app.yaml': {
    hovers: ['41:5 dynamodb-removal-policy', '43:7 dynamodb-key-schema', '44:7 dynamodb-encryption-key', '45:7 dynamodb-pitr', '50:5 rds-removal-policy', '55:7 rds-master-password', '56:7 rds-storage-encrypted', '57:7 rds-backup-retention', '58:7 rds-deletion-protection', '64:7 elasticache-engine', '64:7 elasticache-standalone-redis-tls', '65:7 elasticache-node-type', '66:7 elasticache-replica-count', '67:7 elasticache-transit-encryption', '70:11 elasticache-serverless', '71:48 elasticache-engine', '71:64 elasticache-snapshot-retention', '81:19 rds-open-ingress', '91:17 elasticache-open-ingress'],
    findings: ['41:5 information dynamodb-removal-policy', '50:5 warning rds-removal-policy', '56:7 warning rds-storage-encrypted', '57:7 warning rds-backup-retention', '64:7 warning elasticache-standalone-redis-tls', '81:19 warning rds-open-ingress', '91:17 warning elasticache-open-ingress'],
  },
  'cloudformation/orders.template': {
    hovers: ['10:7 rds-removal-policy', '13:9 rds-instance-class', '14:9 rds-storage-autoscaling', '15:9 rds-storage-encrypted', '16:9 rds-publicly-accessible', '17:9 rds-backup-retention', '22:7 dynamodb-removal-policy', '24:9 dynamodb-billing-mode', '25:9 dynamodb-key-schema', '26:9 dynamodb-key-schema', '36:19 rds-open-ingress'],
    findings: ['8:5 information rds-deletion-protection', '8:5 information rds-multi-az', '16:9 warning rds-publicly-accessible', '22:7 information dynamodb-removal-policy', '36:19 warning rds-open-ingress'],
  },
  'serverless/serverless.yml': {
    hovers: ['41:7 dynamodb-removal-policy', '44:9 dynamodb-billing-mode', '45:9 dynamodb-key-schema', '48:9 dynamodb-key-schema', '50:9 dynamodb-secondary-index-definition', '55:9 dynamodb-pitr', '56:11 dynamodb-pitr', '62:9 rds-instance-class', '63:9 rds-storage-autoscaling', '64:9 rds-publicly-accessible', '65:9 rds-storage-encrypted', '66:9 rds-backup-retention'],
    findings: ['41:7 information dynamodb-removal-policy', '58:5 information rds-deletion-protection', '58:5 information rds-multi-az', '64:9 warning rds-publicly-accessible', '65:9 warning rds-storage-encrypted', '66:9 warning rds-backup-retention'],
  },
  'terraform/data-tier.tf': {
    hovers: ['31:3 rds-engine-version-extended-support', '34:3 rds-instance-class', '35:3 rds-storage-autoscaling', '39:3 rds-master-password', '41:3 rds-master-password', '42:3 rds-publicly-accessible', '43:3 rds-backup-retention', '44:3 rds-skip-final-snapshot', '57:3 rds-storage-encrypted', '58:3 rds-deletion-protection', '59:3 rds-publicly-accessible', '61:13 rds-instance-class', '69:3 dynamodb-key-schema', '70:3 dynamodb-key-schema', '71:3 dynamodb-pitr', '72:3 dynamodb-ttl', '73:3 dynamodb-ttl', '74:3 dynamodb-deletion-protection', '81:3 elasticache-engine', '82:3 elasticache-node-type', '83:3 elasticache-replica-count', '84:3 elasticache-automatic-failover', '91:3 rds-master-password', '92:3 rds-storage-encrypted', '93:3 rds-skip-final-snapshot', '99:3 rds-instance-class', '101:3 rds-publicly-accessible', '104:10 rds-proxy', '108:3 rds-proxy-require-tls', '118:3 elasticache-engine', '119:3 elasticache-node-type', '120:3 elasticache-replica-count', '121:3 elasticache-transit-encryption', '124:10 elasticache-serverless', '126:3 elasticache-engine', '127:3 elasticache-snapshot-retention', '139:34 rds-open-ingress', '162:24 rds-open-ingress', '168:23 elasticache-open-ingress'],
    findings: ['25:8 information rds-deletion-protection', '25:8 information rds-multi-az', '39:14 warning rds-master-password', '42:3 warning rds-publicly-accessible', '43:3 warning rds-backup-retention', '44:3 warning rds-skip-final-snapshot', '57:3 warning rds-storage-encrypted', '77:8 warning elasticache-access-control', '84:3 warning elasticache-automatic-failover', '87:28 information rds-deletion-protection', '101:3 warning rds-publicly-accessible', '121:3 warning elasticache-transit-encryption', '139:34 warning rds-open-ingress', '162:24 warning rds-open-ingress', '168:23 warning elasticache-open-ingress'],
  },
  'terraform/main.tf': {
    hovers: ['5:3 rds-instance-class', '6:3 rds-storage-autoscaling', '8:3 rds-master-password', '9:3 rds-storage-encrypted', '10:3 rds-multi-az', '11:3 rds-publicly-accessible', '12:3 rds-deletion-protection', '13:3 rds-backup-retention', '14:3 rds-skip-final-snapshot', '16:3 rds-iam-auth', '21:3 rds-instance-class', '22:3 rds-publicly-accessible', '23:3 rds-multi-az', '29:3 elasticache-engine', '30:3 elasticache-node-type', '31:3 elasticache-replica-count', '32:3 elasticache-automatic-failover', '33:3 elasticache-at-rest-encryption', '34:3 elasticache-transit-encryption', '35:3 elasticache-access-control', '40:3 dynamodb-billing-mode', '41:3 dynamodb-key-schema', '43:3 dynamodb-key-schema', '48:3 dynamodb-ttl', '53:3 dynamodb-pitr'],
    findings: ['8:33 warning rds-master-password', '11:3 warning rds-publicly-accessible', '34:3 warning elasticache-transit-encryption'],
  },
};

describe('hint engine on fixtures', () => {
  for (const [fixture, expected] of Object.entries(EXPECTED)) {
    it(`finds exactly the expected hovers and findings in ${fixture}`, () => {
      assert.deepEqual(described(analyzeFixture(fixture)), expected);
    });
  }

  it('covers every language the brief lists', () => {
    const languages = new Set(Object.keys(EXPECTED).map((fixture) => analyzeFixture(fixture).language));
    assert.deepEqual([...languages].sort(), ['cloudformation', 'csharp', 'go', 'java', 'javascript', 'python', 'terraform', 'typescript']);
  });

  for (const trap of fs.readdirSync(path.join(FIXTURES, 'traps'))) {
    it(`stays silent on the trap file ${trap}`, () => {
      const result = analyzeFixture(`traps/${trap}`);
      assert.deepEqual(described(result), { hovers: [], findings: [] });
    });
  }
});
