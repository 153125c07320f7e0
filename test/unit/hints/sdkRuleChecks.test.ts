/**
 * The checks behind the new SDK and Redis rules, on code shaped like real projects (clients made in
 * handlers, classes and factories), each with the traps that must stay silent.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { realHintRules } from './support';

/** `line:column ruleId` for every finding of the given rule. */
function findings(fileName: string, text: string, ruleId: string): string[] {
  const result = analyzeText(text, realHintRules(), { kind: documentKind(undefined, fileName)!, fileName });
  return result.findings
    .filter((finding) => finding.ruleId === ruleId)
    .map((finding) => {
      const position = result.lines.position(finding.start);
      return `${position.line + 1}:${position.character + 1} ${text.slice(finding.start, finding.end)}`;
    });
}

function hovers(fileName: string, text: string, ruleId: string): string[] {
  const result = analyzeText(text, realHintRules(), { kind: documentKind(undefined, fileName)!, fileName });
  return result.sites.filter((site) => site.ruleIds.includes(ruleId)).map((site) => text.slice(site.start, site.end));
}

describe('DeleteAutomatedBackups (true or left out)', () => {
  const handler = (options: string) => `import boto3

def handler(event, context):
    rds = boto3.client("rds")
    instance_id = event["id"]
    rds.delete_db_instance(DBInstanceIdentifier=instance_id, FinalDBSnapshotIdentifier=instance_id + "-final"${options})
`;

  it('reports a delete that leaves it out, in a Lambda handler', () => {
    assert.deepEqual(findings('cleanup.py', handler(''), 'rds-delete-automated-backups'), ['6:9 delete_db_instance']);
  });

  it('reports an explicit true at the option and offers to set it to false', () => {
    const text = handler(', DeleteAutomatedBackups=True');
    assert.deepEqual(findings('cleanup.py', text, 'rds-delete-automated-backups'), ['6:112 DeleteAutomatedBackups']);
    const result = analyzeText(text, realHintRules(), { kind: 'python', fileName: 'cleanup.py' });
    assert.equal(result.findings.find((finding) => finding.ruleId === 'rds-delete-automated-backups')?.fix?.edits[0].newText, 'False');
  });

  it('stays silent when the backups are kept, or when the request is built elsewhere', () => {
    assert.deepEqual(findings('cleanup.py', handler(', DeleteAutomatedBackups=False'), 'rds-delete-automated-backups'), []);
    const spread = `import { RDSClient, DeleteDBInstanceCommand } from '@aws-sdk/client-rds';
export class Teardown {
  private readonly rds = new RDSClient({});
  async run(input) {
    await this.rds.send(new DeleteDBInstanceCommand({ ...input, SkipFinalSnapshot: false }));
  }
}
`;
    assert.deepEqual(findings('teardown.ts', spread, 'rds-delete-automated-backups'), []);
  });

  it('reads C# object initialisers and Java builders on injected clients', () => {
    const csharp = `using Amazon.RDS;
using Amazon.RDS.Model;
public class Databases {
  private readonly IAmazonRDS _rds;
  public Databases(IAmazonRDS rds) { _rds = rds; }
  public Task Drop(string id) => _rds.DeleteDBInstanceAsync(new DeleteDBInstanceRequest { DBInstanceIdentifier = id, FinalDBSnapshotIdentifier = id + "-final", DeleteAutomatedBackups = false });
}
`;
    assert.deepEqual(findings('Databases.cs', csharp, 'rds-delete-automated-backups'), []);
    const java = `import software.amazon.awssdk.services.rds.RdsClient;
public class Databases {
  private final RdsClient rds;
  Databases(RdsClient rds) { this.rds = rds; }
  void drop(String id) {
    rds.deleteDBInstance(b -> b.dbInstanceIdentifier(id).finalDBSnapshotIdentifier(id + "-final"));
  }
}
`;
    assert.deepEqual(findings('Databases.java', java, 'rds-delete-automated-backups'), ['6:9 deleteDBInstance']);
  });
});

describe('engine version past the end of standard support', () => {
  it('reports PostgreSQL 11 created from a class method, not PostgreSQL 16', () => {
    const text = (version: string) => `import { RDSClient, CreateDBInstanceCommand } from '@aws-sdk/client-rds';
export class Provisioner {
  private rds = new RDSClient({});
  async create(id) {
    await this.rds.send(new CreateDBInstanceCommand({ DBInstanceIdentifier: id, Engine: 'postgres', EngineVersion: '${version}', StorageEncrypted: true }));
  }
}
`;
    assert.deepEqual(findings('provision.ts', text('11.22'), 'rds-engine-version-extended-support'), ["5:116 '11.22'"]);
    assert.deepEqual(findings('provision.ts', text('16.4'), 'rds-engine-version-extended-support'), []);
  });

  it('reads Aurora MySQL version 2 in Go and MySQL 5.7 in Terraform', () => {
    const go = `package db

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/rds"
)

type Store struct{ client *rds.Client }

func (s *Store) Create(ctx context.Context) error {
	_, err := s.client.CreateDBCluster(ctx, &rds.CreateDBClusterInput{
		DBClusterIdentifier: aws.String("orders"),
		Engine:              aws.String("aurora-mysql"),
		EngineVersion:       aws.String("5.7.mysql_aurora.2.11.2"),
		StorageEncrypted:    aws.Bool(true),
	})
	return err
}
`;
    assert.deepEqual(findings('store.go', go, 'rds-engine-version-extended-support'), ['14:24 aws.String("5.7.mysql_aurora.2.11.2")']);
    const terraform = `resource "aws_db_instance" "legacy" {
  engine            = "mysql"
  engine_version    = "5.7.44"
  storage_encrypted = true
}
`;
    assert.deepEqual(findings('main.tf', terraform, 'rds-engine-version-extended-support'), ['3:23 "5.7.44"']);
  });

  it('reads the version a CDK engine expression pins, in TypeScript and Python stacks', () => {
    const typescript = (version: string) => `import * as rds from 'aws-cdk-lib/aws-rds';
import { Stack } from 'aws-cdk-lib';

export class DataStack extends Stack {
  constructor(scope, id, props) {
    super(scope, id, props);
    new rds.DatabaseInstance(this, 'Db', {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.${version} }),
      vpc: props.vpc,
      storageEncrypted: true,
    });
  }
}
`;
    assert.deepEqual(findings('stack.ts', typescript('VER_11_22'), 'rds-engine-version-extended-support'), ['8:15 rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_11_22 })']);
    assert.deepEqual(findings('stack.ts', typescript('VER_16_4'), 'rds-engine-version-extended-support'), []);
    const python = `from aws_cdk import Stack
from aws_cdk import aws_rds as rds

class DataStack(Stack):
    def __init__(self, scope, construct_id, vpc):
        super().__init__(scope, construct_id)
        rds.DatabaseCluster(self, "Aurora",
            engine=rds.DatabaseClusterEngine.aurora_mysql(version=rds.AuroraMysqlEngineVersion.VER_2_11_2),
            vpc=vpc, storage_encrypted=True)
        rds.DatabaseInstance(self, "Latest", engine=rds.DatabaseInstanceEngine.MYSQL, vpc=vpc, storage_encrypted=True)
`;
    assert.deepEqual(findings('stack.py', python, 'rds-engine-version-extended-support'), ['8:20 rds.DatabaseClusterEngine.aurora_mysql(version=rds.AuroraMysqlEngineVersion.VER_2_11_2)']);
  });

  it('reads CDK Aurora MySQL 2 spelt with its MySQL version (VER_5_7_12), and leaves Aurora MySQL 3 and the newest majors alone', () => {
    const stack = (engine: string) => `import * as rds from 'aws-cdk-lib/aws-rds';
import { Stack } from 'aws-cdk-lib';

export class LegacyStack extends Stack {
  constructor(scope, id, props) {
    super(scope, id, props);
    new rds.DatabaseCluster(this, 'Reports', {
      engine: ${engine},
      vpc: props.vpc,
      storageEncrypted: true,
    });
  }
}
`;
    // CDK's AuroraMysqlEngineVersion.VER_5_7_12 is engine version "5.7.12": Aurora MySQL version 2 (MySQL 5.7-compatible).
    assert.deepEqual(findings('stack.ts', stack('rds.DatabaseClusterEngine.auroraMysql({ version: rds.AuroraMysqlEngineVersion.VER_5_7_12 })'), 'rds-engine-version-extended-support'), [
      '8:15 rds.DatabaseClusterEngine.auroraMysql({ version: rds.AuroraMysqlEngineVersion.VER_5_7_12 })',
    ]);
    for (const engine of [
      'rds.DatabaseClusterEngine.auroraMysql({ version: rds.AuroraMysqlEngineVersion.VER_3_08_0 })',
      'rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_17_4 })',
      'rds.DatabaseInstanceEngine.mysql({ version: rds.MysqlEngineVersion.VER_8_4_3 })',
      'rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_18_1 })',
    ]) {
      assert.deepEqual(findings('stack.ts', stack(engine), 'rds-engine-version-extended-support'), [], engine);
    }
  });

  it('stays silent without a visible engine, and on versions it cannot read', () => {
    const text = `import boto3

rds = boto3.client("rds")

def upgrade(instance_id, engine):
    rds.modify_db_instance(DBInstanceIdentifier=instance_id, EngineVersion="11.22", AllowMajorVersionUpgrade=True)
    rds.create_db_instance(DBInstanceIdentifier=instance_id, Engine=engine, EngineVersion="12.19", StorageEncrypted=True)
    rds.create_db_instance(DBInstanceIdentifier=instance_id, Engine="postgres", EngineVersion=VERSION, StorageEncrypted=True)
`;
    assert.deepEqual(findings('upgrade.py', text, 'rds-engine-version-extended-support'), []);
    assert.deepEqual(hovers('upgrade.py', text, 'rds-engine-version-extended-support'), ['EngineVersion', 'EngineVersion', 'EngineVersion']);
  });
});

describe('ElastiCache users without a password', () => {
  const factory = (options: string) => `import boto3

def create_cache_user(user_id, secret):
    elasticache = boto3.client("elasticache")
    return elasticache.create_user(UserId=user_id, UserName=user_id, Engine="valkey",
                                   AccessString="on ~app:* -@all +@read", ${options})
`;

  it('reports NoPasswordRequired, the no-password-required mode and literal passwords', () => {
    assert.deepEqual(findings('users.py', factory('NoPasswordRequired=True'), 'elasticache-create-user'), ['6:75 NoPasswordRequired']);
    assert.deepEqual(findings('users.py', factory('AuthenticationMode={"Type": "no-password-required"}'), 'elasticache-create-user'), ['6:95 "Type"']);
    assert.deepEqual(findings('users.py', factory('Passwords=["correct-horse-battery-staple"]'), 'elasticache-create-user'), ['6:85 ["correct-horse-battery-staple"]']);
  });

  it('stays silent for IAM users and passwords read at runtime', () => {
    assert.deepEqual(findings('users.py', factory('AuthenticationMode={"Type": "iam"}'), 'elasticache-create-user'), []);
    assert.deepEqual(findings('users.py', factory('Passwords=[secret]'), 'elasticache-create-user'), []);
    assert.deepEqual(findings('users.py', factory('NoPasswordRequired=False, Passwords=[secret]'), 'elasticache-create-user'), []);
    const disabledDefault = factory('NoPasswordRequired=True').replace('"on ~app:* -@all +@read"', '"off -@all"');
    assert.deepEqual(findings('users.py', disabledDefault, 'elasticache-create-user'), [], 'a disabled user cannot sign in');
    const typescript = `import { ElastiCacheClient, CreateUserCommand } from '@aws-sdk/client-elasticache';
export class CacheUsers {
  private client = new ElastiCacheClient({});
  create(id, password) {
    return this.client.send(new CreateUserCommand({ UserId: id, UserName: id, Engine: 'valkey', AccessString: 'on ~* +@read', Passwords: [password] }));
  }
}
`;
    assert.deepEqual(findings('users.ts', typescript, 'elasticache-create-user'), []);
    assert.deepEqual(hovers('users.ts', typescript, 'elasticache-create-user'), ['CreateUserCommand', 'AccessString', 'Passwords']);
  });

  it('reads a literal password list in C#', () => {
    const csharp = `using Amazon.ElastiCache;
using Amazon.ElastiCache.Model;
public class CacheUsers {
  private readonly IAmazonElastiCache _elastiCache;
  public CacheUsers(IAmazonElastiCache elastiCache) { _elastiCache = elastiCache; }
  public Task Create(string env) => _elastiCache.CreateUserAsync(new CreateUserRequest {
    UserId = env + "-reporting", UserName = "reporting", Engine = "valkey", AccessString = "on ~report:* +@read",
    Passwords = new List<string> { "reporting-password-123456" },
  });
}
`;
    assert.deepEqual(findings('CacheUsers.cs', csharp, 'elasticache-create-user'), ['8:17 new List<string> { "reporting-password-123456" }']);
  });
});

describe('Redis password without TLS', () => {
  it('reports ioredis and node-redis clients made in a factory without TLS', () => {
    const text = `import Redis from 'ioredis';
import { createClient } from 'redis';

export function connect(config) {
  const sessions = new Redis({ host: config.host, port: 6379, password: config.password });
  const queue = createClient({ url: 'redis://queue.internal:6379', password: config.password });
  return { sessions, queue };
}
`;
    assert.deepEqual(findings('cache.ts', text, 'redis-auth-without-tls'), ['5:63 password', '6:68 password']);
  });

  it('reports a redis-py client created inside a function', () => {
    const text = `import os
import redis

def get_cache():
    return redis.Redis(host=os.environ["CACHE_HOST"], port=6379, password=os.environ["CACHE_PASSWORD"])
`;
    assert.deepEqual(findings('cache.py', text, 'redis-auth-without-tls'), ['5:66 password']);
  });

  it('stays silent with TLS, a rediss:// or unknown URL, a local server, or no password', () => {
    const text = `import Redis from 'ioredis';
import { createClient } from 'redis';

export class Caches {
  private a = new Redis({ host: process.env.CACHE_HOST, password: process.env.CACHE_PASSWORD, tls: {} });
  private b = createClient({ url: 'rediss://cache.internal:6379', password: process.env.CACHE_PASSWORD });
  private c = createClient({ url: process.env.REDIS_URL, password: process.env.CACHE_PASSWORD });
  private d = new Redis({ host: 'localhost', port: 6379, password: 'dev-only' });
  private e = createClient({ socket: { host: process.env.CACHE_HOST, tls: true }, password: process.env.CACHE_PASSWORD });
  private f = new Redis({ host: process.env.CACHE_HOST });
}
`;
    assert.deepEqual(findings('caches.ts', text, 'redis-auth-without-tls'), []);
    const python = `import redis

def cache(host, password, use_tls):
    return redis.Redis(host=host, password=password, ssl=use_tls)
`;
    assert.deepEqual(findings('cache.py', python, 'redis-auth-without-tls'), []);
  });

  it('reads the password and the scheme of a redis:// URL given to a JavaScript client', () => {
    const text = `import Redis from 'ioredis';
import { createClient } from 'redis';

export function connect() {
  const sessions = new Redis('redis://:s3cret@sessions.internal:6379/0');
  const queue = createClient({ url: 'redis://worker:s3cret@queue.internal:6379' });
  const secure = new Redis('rediss://:s3cret@cache.internal:6379');
  const hostOnly = new Redis(6379, 'cache.internal');
  return { sessions, queue, secure, hostOnly };
}
`;
    assert.deepEqual(findings('cache.ts', text, 'redis-auth-without-tls'), ['5:40 s3cret', '6:53 s3cret']);
    assert.deepEqual(findings('cache.ts', text, 'redis-password'), ['5:40 s3cret', '6:53 s3cret', '7:39 s3cret']);
  });

  it('reads redis-py positional arguments: the URL of from_url and the password of Redis(host, port, db, password)', () => {
    const text = `import os
import redis

def clients():
    by_url = redis.from_url("redis://:s3cret@cache.internal:6379/0")
    by_class_url = redis.Redis.from_url("redis://default:s3cret@cache.internal:6379/0")
    positional = redis.Redis("cache.internal", 6379, 0, os.environ["CACHE_PASSWORD"])
    return by_url, by_class_url, positional
`;
    assert.deepEqual(findings('cache.py', text, 'redis-auth-without-tls'), ['5:39 s3cret', '6:58 s3cret', '7:57 os.environ["CACHE_PASSWORD"]']);
    assert.deepEqual(findings('cache.py', text, 'redis-password'), ['5:39 s3cret', '6:58 s3cret']);
  });

  it('stays silent on a redis-py URL that is rediss:// or not shown, and on positional arguments that are not the password', () => {
    const text = `import os
import redis
from redis.asyncio import from_url as async_from_url

def clients(password):
    secure = redis.from_url("rediss://cache.internal:6379/0", password=password)
    from_settings = redis.Redis.from_url(os.environ["REDIS_URL"], password=password)
    formatted = redis.from_url("redis://:{}@cache.internal:6379".format(password))
    asynchronous = async_from_url(os.environ["REDIS_URL"], password=password)
    host_port_db = redis.Redis("cache.internal", 6379, 0)
    return secure, from_settings, formatted, asynchronous, host_port_db
`;
    assert.deepEqual(findings('cache.py', text, 'redis-auth-without-tls'), []);
    assert.deepEqual(findings('cache.py', text, 'redis-password'), []);
  });
});

describe('TLS verification turned off by a no-op checkServerIdentity', () => {
  it('reports a callback that accepts every name, not one that checks', () => {
    const text = `import Redis from 'ioredis';
import * as tls from 'node:tls';

export const insecure = new Redis({ host: process.env.CACHE_HOST, tls: { checkServerIdentity: () => undefined } });
export const pinned = new Redis({ host: process.env.CACHE_HOST, tls: { checkServerIdentity: (host, cert) => tls.checkServerIdentity(host, cert) } });
`;
    assert.deepEqual(findings('cache.ts', text, 'redis-tls'), ['4:74 checkServerIdentity']);
  });
});

describe('hovers of the new request-shape and Redis command rules', () => {
  it('explains DynamoDB expressions and return values in a repository class', () => {
    const text = `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';

export class Counters {
  private readonly doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));

  async bump(pk) {
    return this.doc.send(new UpdateCommand({ TableName: 'pages', Key: { pk }, UpdateExpression: 'ADD views :one', ConditionExpression: 'attribute_exists(pk)', ExpressionAttributeValues: { ':one': 1 }, ReturnValues: 'UPDATED_NEW' }));
  }

  async recent(pk) {
    return this.doc.send(new QueryCommand({ TableName: 'pages', KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, Limit: 10 }));
  }
}
`;
    assert.deepEqual(hovers('counters.ts', text, 'dynamodb-update-expression'), ['UpdateExpression']);
    assert.deepEqual(hovers('counters.ts', text, 'dynamodb-condition-expression'), ['ConditionExpression']);
    assert.deepEqual(hovers('counters.ts', text, 'dynamodb-return-values'), ['ReturnValues']);
    assert.deepEqual(hovers('counters.ts', text, 'dynamodb-key-condition-expression'), ['KeyConditionExpression']);
  });

  it('explains UNLINK, MGET, pipelines and the EXPIRE family on a client, not on a Map', () => {
    const text = `import redis

def evict(r: redis.Redis, keys):
    r.delete(keys[0])
    r.unlink(*keys)
    values = r.mget(keys)
    pipe = r.pipeline()
    r.ttl(keys[0])
    r.persist(keys[0])
    local = {}
    local.get("x")
    return values, pipe
`;
    assert.deepEqual(hovers('evict.py', text, 'redis-unlink'), ['delete', 'unlink']);
    assert.deepEqual(hovers('evict.py', text, 'redis-mget'), ['mget', 'pipeline']);
    assert.deepEqual(hovers('evict.py', text, 'redis-expire'), ['ttl', 'persist']);
    // Outside a loop, one command per key is no finding, so the round-trip hover stays away.
    assert.deepEqual(hovers('evict.py', text, 'redis-loop-round-trips'), []);
  });
});

describe('TransactItems over 100 actions', () => {
  const transaction = (count: number) => `import boto3

client = boto3.client("dynamodb")

def seed(table):
    client.transact_write_items(TransactItems=[
${Array.from({ length: count }, (_, i) => `        {"Put": {"TableName": table, "Item": {"pk": {"S": "item-${i}"}}}},`).join('\n')}
    ])
`;

  it('reports a literal list of 101 actions, not one of 100', () => {
    assert.deepEqual(findings('seed.py', transaction(101), 'dynamodb-transact-items'), ['6:33 TransactItems']);
    assert.deepEqual(findings('seed.py', transaction(100), 'dynamodb-transact-items'), []);
  });

  it('stays silent on a list built at runtime', () => {
    const text = `import { DynamoDBClient, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
const ddb = new DynamoDBClient({});
export async function save(actions) {
  await ddb.send(new TransactWriteItemsCommand({ TransactItems: actions.map((action) => ({ Put: action })) }));
}
`;
    assert.deepEqual(findings('save.ts', text, 'dynamodb-transact-items'), []);
    assert.deepEqual(hovers('save.ts', text, 'dynamodb-transact-items'), ['TransactItems']);
  });
});

describe('Redis commands one key at a time in a loop', () => {
  it('reports awaited per-key commands in for and while loops of a class', () => {
    const text = `import Redis from 'ioredis';
import { createClient } from 'redis';

export class SessionStore {
  private redis = new Redis({ host: process.env.CACHE_HOST, tls: {} });
  private client = createClient({ url: process.env.REDIS_URL });

  async load(ids) {
    const sessions = [];
    for (const id of ids) {
      sessions.push(await this.redis.get(\`session:\${id}\`));
    }
    let i = 0;
    while (i < ids.length) {
      await this.client.del(ids[i]);
      i++;
    }
    return sessions;
  }

  async purge(prefix) {
    for await (const key of this.client.scanIterator({ MATCH: \`\${prefix}*\`, COUNT: 500 })) {
      await this.client.unlink(key);
    }
  }
}
`;
    assert.deepEqual(findings('sessions.ts', text, 'redis-loop-round-trips'), ['11:38 get', '15:25 del', '23:25 unlink']);
  });

  it('reports sync and asyncio redis-py loops, including async for over scan_iter', () => {
    const text = `import redis
import redis.asyncio as aioredis

r = redis.Redis(host="cache.internal", ssl=True)
cache = aioredis.Redis(host="cache.internal", ssl=True)

def warm(keys):
    for key in keys:
        r.set(key, "1", ex=60)

async def touch():
    async for key in cache.scan_iter(match="user:*"):
        await cache.expire(key, 60)
`;
    assert.deepEqual(findings('warm.py', text, 'redis-loop-round-trips'), ['9:11 set', '13:21 expire']);
  });

  it('stays silent on pipelines, MULTI, callbacks that a client may pipeline, and single calls', () => {
    const text = `import Redis from 'ioredis';
import { createClient } from 'redis';

export class Batches {
  private redis = new Redis({ host: process.env.CACHE_HOST, tls: {} });
  private client = createClient({ url: process.env.REDIS_URL });

  async run(ids) {
    const pipeline = this.redis.pipeline();
    for (const id of ids) {
      pipeline.get(id);
    }
    const tx = this.redis.multi();
    for (const id of ids) tx.expire(id, 60);
    await Promise.all(ids.map((id) => this.client.get(id)));
    await Promise.all(ids.map(async (id) => JSON.parse(await this.redis.get(id))));
    const started = [];
    for (const id of ids) {
      started.push(this.redis.get(id));
    }
    await Promise.all(started);
    const first = await this.redis.get(ids[0]);
    return [await pipeline.exec(), await tx.exec(), first];
  }
}
`;
    assert.deepEqual(findings('batches.ts', text, 'redis-loop-round-trips'), []);
    assert.deepEqual(hovers('batches.ts', text, 'redis-loop-round-trips'), [], 'the hover shows only where the finding is');
    const python = `import redis

r = redis.Redis(host="cache.internal", ssl=True)

def clear(keys):
    with r.pipeline() as pipe:
        for key in keys:
            pipe.delete(key)
        pipe.execute()
    r.unlink(*keys)
    cursor = 0
    while True:
        cursor, batch = r.scan(cursor, match="tmp:*", count=500)
        if batch:
            r.unlink(*batch)
        if cursor == 0:
            break
`;
    assert.deepEqual(findings('clear.py', python, 'redis-loop-round-trips'), []);
  });
});

describe('KEYS to SCAN quick fix for asyncio redis-py', () => {
  const fixed = (text: string): string | undefined => {
    const result = analyzeText(text, realHintRules(), { kind: 'python', fileName: 'purge.py' });
    const edit = result.findings.find((finding) => finding.ruleId === 'redis-keys')?.fix?.edits[0];
    return edit && text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
  };

  it('rewrites an awaited KEYS into an async comprehension over scan_iter', () => {
    const text = `import redis.asyncio as redis

r = redis.Redis(host="cache.internal", ssl=True)

async def purge(user_id):
    keys = await r.keys(f"session:{user_id}:*")
    await r.unlink(*keys)
`;
    assert.equal(fixed(text), text.replace('await r.keys(f"session:{user_id}:*")', '[key async for key in r.scan_iter(match=f"session:{user_id}:*", count=500)]'));
  });

  it('offers no rewrite when the reply is not awaited into a variable', () => {
    const text = `import redis.asyncio as redis

r = redis.Redis(host="cache.internal", ssl=True)

async def count(user_id):
    return len(await r.keys(f"session:{user_id}:*"))
`;
    assert.equal(fixed(text), undefined);
  });
});
