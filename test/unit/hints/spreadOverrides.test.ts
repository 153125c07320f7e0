/**
 * Settings spread from a shared object into CDK props: in a dict or object literal a later key wins, so
 * what `{**BASE, **overrides}` or `{ ...BASE, ...props.overrides }` lends from BASE may be replaced by the
 * overrides, whose keys are unknown: no finding from BASE then. Spread alone, or followed by keys or
 * spreads that are known, BASE still decides; call keywords (`f(**a, **b)`) cannot repeat a key.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

/** Findings only, as `line:text rule`. */
function findings(fileName: string, code: string): string[] {
  return hintsIn(fileName, code)
    .filter((hint) => hint.endsWith('!'))
    .map((hint) => hint.slice(0, -1))
    .filter((hint) => !hint.endsWith('rds-engine-version-extended-support'));
}

const PYTHON_HEAD = [
  'from aws_cdk import Stack, aws_ec2 as ec2, aws_rds as rds',
  'from constructs import Construct',
  '',
  'SHARED_DB = {"storage_encrypted": False, "deletion_protection": False}',
  '',
  '',
  'class LedgerStack(Stack):',
  '    def __init__(self, scope: Construct, construct_id: str, vpc: ec2.IVpc, db_overrides: dict, **kwargs) -> None:',
  '        super().__init__(scope, construct_id, **kwargs)',
];

const ENGINE = 'engine=rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_16)';

describe('Settings spread from a shared object, then overridden', () => {
  it('says nothing of a Python dict of shared settings merged with overrides before it is spread', () => {
    const code = sourceLines(...PYTHON_HEAD, '        settings = {**SHARED_DB, **db_overrides}', `        rds.DatabaseInstance(self, "Ledger", ${ENGINE}, vpc=vpc, **settings)`);
    assert.deepEqual(findings('ledger_stack.py', code), []);
  });

  it('still reads the shared settings spread alone, after known keys, or next to other keywords of the call', () => {
    const alone = sourceLines(...PYTHON_HEAD, `        rds.DatabaseInstance(self, "Ledger", ${ENGINE}, vpc=vpc, **SHARED_DB)`);
    assert.deepEqual(findings('ledger_stack.py', alone), ['4:"storage_encrypted" rds-storage-encrypted', '4:"deletion_protection" rds-deletion-protection', '10:DatabaseInstance rds-multi-az']);
    const known = sourceLines(...PYTHON_HEAD, '        extra = {"multi_az": True}', '        settings = {**SHARED_DB, **extra}', `        rds.DatabaseInstance(self, "Ledger", ${ENGINE}, vpc=vpc, **settings)`);
    assert.deepEqual(findings('ledger_stack.py', known), ['4:"storage_encrypted" rds-storage-encrypted', '4:"deletion_protection" rds-deletion-protection']);
    // Overrides spread before the shared settings: the shared ones come last and win.
    const first = sourceLines(...PYTHON_HEAD, '        settings = {**db_overrides, **SHARED_DB}', `        rds.DatabaseInstance(self, "Ledger", ${ENGINE}, vpc=vpc, **settings)`);
    assert.deepEqual(findings('ledger_stack.py', first), ['4:"storage_encrypted" rds-storage-encrypted', '4:"deletion_protection" rds-deletion-protection']);
  });

  it('says nothing of a TypeScript object of shared settings spread before props whose keys are unknown', () => {
    const code = (spreads: string): string =>
      sourceLines(
        "import * as ec2 from 'aws-cdk-lib/aws-ec2';",
        "import * as rds from 'aws-cdk-lib/aws-rds';",
        "import { Construct } from 'constructs';",
        '',
        'const SHARED_DB = { storageEncrypted: false, publiclyAccessible: true };',
        '',
        'export function ledgerDb(scope: Construct, vpc: ec2.IVpc, overrides: Partial<rds.DatabaseInstanceProps>): rds.DatabaseInstance {',
        `  return new rds.DatabaseInstance(scope, 'Ledger', { engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }), vpc, ${spreads} });`,
        '}',
      );
    assert.deepEqual(findings('ledger.ts', code('...SHARED_DB, ...overrides')), []);
    assert.deepEqual(findings('ledger.ts', code('...overrides, ...SHARED_DB')), ['5:storageEncrypted rds-storage-encrypted', '5:publiclyAccessible rds-publicly-accessible']);
    // Spread alone, the object of the file is all the props say: what it leaves out is left out (Multi-AZ here).
    assert.deepEqual(findings('ledger.ts', code('...SHARED_DB')), ['5:storageEncrypted rds-storage-encrypted', '5:publiclyAccessible rds-publicly-accessible', '8:DatabaseInstance rds-deletion-protection', '8:DatabaseInstance rds-multi-az']);
  });

  it('reads absent props past a spread that builds a value inside a call (a callback, an argument), not the props', () => {
    const code = (shards: string): string =>
      sourceLines(
        "import { CfnReplicationGroup } from 'aws-cdk-lib/aws-elasticache';",
        "import { Construct } from 'constructs';",
        'export function cache(scope: Construct, shards: { replicaCount: number }[], extra: object) {',
        "  return new CfnReplicationGroup(scope, 'Cache', {",
        "    replicationGroupDescription: 'cache',",
        '    atRestEncryptionEnabled: true,',
        `    ${shards}`,
        '  });',
        '}',
      );
    const absent = ['4:CfnReplicationGroup elasticache-access-control', '4:CfnReplicationGroup elasticache-transit-encryption'];
    assert.deepEqual(findings('cache.ts', code('nodeGroupConfiguration: shards.map((shard, i) => ({ ...shard, nodeGroupId: `000${i + 1}` })),')).sort(), absent);
    assert.deepEqual(findings('cache.ts', code('tags: Object.values({ ...extra }).map(String).map((value) => ({ key: value, value })),')).sort(), absent);
    // Spread into the props themselves, or into the props object passed to a call: any prop may come from it.
    assert.deepEqual(findings('cache.ts', code('...extra,')), []);
    assert.deepEqual(findings('cache.ts', code('...(shards.length > 1 ? { ...extra } : {}),')), []);
  });
});
