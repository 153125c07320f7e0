/**
 * Pulumi AWS resource classes subclassed to fix their arguments: Python `super().__init__(name, key=value, **kwargs)`
 * and TypeScript `super(name, { ... }, opts)` in a class that extends `rds.Cluster`, `aws.elasticache.ServerlessCache`...
 * make that resource with those arguments. A spread of the caller's arguments or a base of the file in between leaves
 * absent settings unknown; a call that passes nothing of its own gets no hint.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const onlyFindings = (found: string[]): string[] => found.filter((hint) => hint.endsWith('!'));

describe('Pulumi resource subclasses', () => {
  it('reads the keywords a Python subclass passes to super().__init__, through a base of the file', () => {
    const source = sourceLines(
      'from pulumi_aws import rds',
      '',
      '',
      'class Cluster(rds.Cluster):',
      '    def __init__(self, resource_name: str, **kwargs) -> None:',
      '        super().__init__(resource_name, **kwargs)',
      '',
      '',
      'class ReportingCluster(Cluster):',
      '    def __init__(self, resource_name: str, version: str = "8.0.mysql_aurora.3.04.1") -> None:',
      '        super().__init__(',
      '            resource_name,',
      '            engine="aurora-mysql",',
      '            engine_version=version,',
      '            storage_encrypted=False,',
      '            master_password="hunter2hunter2",',
      '        )',
    );
    const found = hintsIn('reporting.py', source);
    assert.ok(!found.some((hint) => hint.startsWith('6:')), found.join('\n'));
    assert.deepEqual(onlyFindings(found), ['15:storage_encrypted rds-storage-encrypted!', '16:"hunter2hunter2" rds-master-password!']);
  });

  it('leaves settings a **kwargs or a base of the file may set unknown', () => {
    const source = sourceLines(
      'import pulumi_aws as aws',
      '',
      '',
      'class AppCache(aws.elasticache.ReplicationGroup):',
      '    def __init__(self, resource_name: str, node_type: str, **kwargs) -> None:',
      '        super().__init__(resource_name, engine="redis", node_type=node_type, description="app", **kwargs)',
    );
    const found = hintsIn('cache.py', source);
    assert.deepEqual(onlyFindings(found), []);
    assert.ok(found.some((hint) => hint.startsWith('6:') && hint.includes('node_type')), found.join('\n'));
  });

  it('reads the args object a TypeScript subclass passes to super', () => {
    const source = sourceLines(
      'import * as aws from "@pulumi/aws";',
      'import * as pulumi from "@pulumi/pulumi";',
      '',
      'export class ReportingDb extends aws.rds.Instance {',
      '  constructor(name: string, opts?: pulumi.CustomResourceOptions) {',
      '    super(name, {',
      '      engine: "postgres",',
      '      instanceClass: "db.t4g.micro",',
      '      allocatedStorage: 20,',
      '      publiclyAccessible: true,',
      '    }, opts);',
      '  }',
      '}',
    );
    const found = hintsIn('reporting-db.ts', source);
    assert.ok(found.includes('8:instanceClass rds-instance-class'), found.join('\n'));
    assert.ok(onlyFindings(found).some((hint) => hint.startsWith('10:publiclyAccessible rds-publicly-accessible')), found.join('\n'));
  });

  it('reads no super call of a ComponentResource', () => {
    const source = sourceLines(
      'import * as pulumi from "@pulumi/pulumi";',
      'import * as aws from "@pulumi/aws";',
      '',
      'export class Store extends pulumi.ComponentResource {',
      '  constructor(name: string, args: { engine: string }, opts?: pulumi.ComponentResourceOptions) {',
      '    super("app:store", name, { engine: "redis", storageEncrypted: false }, opts);',
      '  }',
      '}',
    );
    assert.deepEqual(hintsIn('store.ts', source), []);
  });
});
