/**
 * Go wrapper libraries over the AWS SDK and Redis clients: type aliases that name the upstream client, a second
 * client handed out by a method's later result, a request sent from a function literal the wrapper calls (judged
 * by the wrapper's callers), go-redis's `Scan(&v)` on a command's reply, and guregu/dynamo v1 on the Go SDK v1.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, hintsOfRules, sourceLines } from './support';

function assertHas(found: string[], ...expected: string[]): void {
  for (const hint of expected) {
    assert.ok(found.includes(hint), `${hint} in\n${found.join('\n')}`);
  }
}

function assertLacks(found: string[], ...unexpected: string[]): void {
  for (const hint of unexpected) {
    assert.ok(!found.includes(hint), `no ${hint} in\n${found.join('\n')}`);
  }
}

describe('Go wrapper libraries', () => {
  describe('type aliases of a client type', () => {
    const wrapper = sourceLines(
      'package kv', // 1
      'import (',
      '\t"context"',
      '\t"time"',
      '\tlibvalkey "github.com/valkey-io/valkey-go"',
      '\tgoredis "github.com/redis/go-redis/v9"',
      ')',
      '// Upstream names the parent library client once.', // 8
      'type Upstream = libvalkey.Client',
      'type (',
      '\tRedisUpstream = *goredis.Client',
      '\tOptions       = goredis.Options',
      ')',
      'type Store struct {', // 14
      '\tup  Upstream',
      '\trdb RedisUpstream',
      '}',
      'func (s *Store) Put(ctx context.Context, key, value string, ttl time.Duration) error {', // 18
      '\treturn s.up.Do(ctx, s.up.B().Set().Key(key).Value(value).Ex(ttl).Build()).Error()',
      '}',
      'func (s *Store) Drop(ctx context.Context, key string) error {', // 21
      '\treturn s.up.Do(ctx, s.up.B().Del().Key(key).Build()).Error()',
      '}',
      'func (s *Store) Purge(ctx context.Context) ([]string, error) {', // 24
      '\treturn s.rdb.Keys(ctx, "session:*").Result()',
      '}',
    );

    it('reads a field declared with an alias as the aliased client, also an alias of a group', () => {
      const found = hintsIn('store.go', wrapper);
      assertHas(found, '19:Set redis-expire', '22:Del redis-unlink', '25:Keys redis-keys', '25:Keys redis-keys!');
    });

    it('leaves a defined type alone: it has none of the client methods', () => {
      const found = hintsIn('store.go', wrapper.replace('type Upstream = libvalkey.Client', 'type Upstream libvalkey.Client'));
      assertLacks(found, '19:Set redis-expire', '22:Del redis-unlink');
    });

    it('leaves a name the file declares as two aliases alone', () => {
      const twice = wrapper.replace('\tOptions       = goredis.Options', '\tUpstream      = goredis.Options');
      assertLacks(hintsIn('store.go', twice), '19:Set redis-expire');
    });
  });

  describe('go-redis replies', () => {
    it('reads Scan(&v) on a command of a Cmdable or an interface of commands as the reply, not SCAN', () => {
      const found = hintsOfRules(
        'cache.go',
        sourceLines(
          'package cache', // 1
          'import (',
          '\t"context"',
          '\t"github.com/redis/go-redis/v9"',
          ')',
          'type Commands interface {', // 6
          '\tGet(ctx context.Context, key string) *redis.StringCmd',
          '\tDel(ctx context.Context, keys ...string) *redis.IntCmd',
          '}',
          'type Cache struct {', // 10
          '\tcmds Commands',
          '\tany  redis.Cmdable',
          '}',
          'func (c *Cache) Load(ctx context.Context, key string, v any) error {', // 14
          '\treturn c.cmds.Get(ctx, key).Scan(v)',
          '}',
          'func (c *Cache) Profile(ctx context.Context, key string, v any) error {', // 17
          '\treturn c.any.HGetAll(ctx, key).Scan(v)',
          '}',
          'func (c *Cache) Page(ctx context.Context) ([]string, error) {', // 20
          '\tkeys, _, err := c.any.Scan(ctx, 0, "user:*", 100).Result()',
          '\treturn keys, err',
          '}',
        ),
        ['redis-scan', 'redis-collection-read'],
      );
      assert.deepEqual(found, ['18:HGetAll redis-collection-read', '21:Scan redis-scan']);
    });
  });

  describe('a request sent from a function literal the wrapper calls', () => {
    const wrapper = sourceLines(
      'package ddb', // 1
      'import (',
      '\t"context"',
      '\t"github.com/aws/aws-sdk-go-v2/aws"',
      '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
      ')',
      'type Limiter interface{ Do(ctx context.Context, fn func() error) error }',
      'type Table struct {', // 8
      '\tclient  *dynamodb.Client',
      '\tlimiter Limiter',
      '}',
      'func (t *Table) query(ctx context.Context, input *dynamodb.QueryInput) (*dynamodb.QueryOutput, error) {', // 12
      '\tsend := func(ctx context.Context) (*dynamodb.QueryOutput, error) {',
      '\t\treturn t.client.Query(ctx, input)', // 14
      '\t}',
      '\tif t.limiter == nil {',
      '\t\treturn send(ctx)',
      '\t}',
      '\tvar out *dynamodb.QueryOutput',
      '\terr := t.limiter.Do(ctx, func() error {',
      '\t\tvar err error',
      '\t\tout, err = send(ctx)',
      '\t\treturn err',
      '\t})',
      '\treturn out, err',
      '}',
      'func (t *Table) write(ctx context.Context, input *dynamodb.BatchWriteItemInput) (*dynamodb.BatchWriteItemOutput, error) {', // 27
      '\tsend := func(ctx context.Context) (*dynamodb.BatchWriteItemOutput, error) {',
      '\t\tout, err := t.client.BatchWriteItem(ctx, input)', // 29
      '\t\treturn out, err',
      '\t}',
      '\treturn send(ctx)',
      '}',
    );
    const callers = sourceLines(
      'func (t *Table) All(ctx context.Context, pk string) ([]map[string]any, error) {', // 34
      '\tinput := &dynamodb.QueryInput{TableName: aws.String("orders"), KeyConditionExpression: aws.String("pk = :pk")}',
      '\tvar items []map[string]any',
      '\tfor {',
      '\t\tout, err := t.query(ctx, input)',
      '\t\tif err != nil {',
      '\t\t\treturn nil, err',
      '\t\t}',
      '\t\titems = append(items, nil)',
      '\t\tif out.LastEvaluatedKey == nil {',
      '\t\t\treturn items, nil',
      '\t\t}',
      '\t\tinput.ExclusiveStartKey = out.LastEvaluatedKey',
      '\t}',
      '}',
      'func (t *Table) Save(ctx context.Context, input *dynamodb.BatchWriteItemInput) error {', // 49
      '\tfor len(input.RequestItems) > 0 {',
      '\t\tout, err := t.write(ctx, input)',
      '\t\tif err != nil {',
      '\t\t\treturn err',
      '\t\t}',
      '\t\tinput = &dynamodb.BatchWriteItemInput{RequestItems: out.UnprocessedItems}',
      '\t}',
      '\treturn nil',
      '}',
    );

    it('reports the one page and the unread UnprocessedItems at the literal when no caller pages or retries', () => {
      const found = hintsIn('table.go', wrapper);
      assertHas(found, '14:Query dynamodb-query!', '29:BatchWriteItem dynamodb-batch-write-item!');
    });

    it("judges the literal's request by the callers of the function that calls it: they page and retry", () => {
      const found = hintsIn('table.go', `${wrapper}\n${callers}`);
      assertHas(found, '14:Query dynamodb-query', '29:BatchWriteItem dynamodb-batch-write-item');
      assertLacks(found, '14:Query dynamodb-query!', '29:BatchWriteItem dynamodb-batch-write-item!');
    });

    it('keeps a literal whose output its function never hands out reported', () => {
      const kept = wrapper.replace('\t\treturn send(ctx)', '\t\t_, err := send(ctx)\n\t\treturn nil, err').replace('\treturn out, err', '\treturn nil, err');
      const found = hintsIn('table.go', `${kept}\n${callers}`);
      assertHas(found, '14:Query dynamodb-query!');
    });
  });

  describe('later results of a method', () => {
    it('reads a second client a method of the file hands out beside the first', () => {
      const found = hintsOfRules(
        'conn.go',
        sourceLines(
          'package conn', // 1
          'import (',
          '\t"context"',
          '\t"github.com/redis/go-redis/v9"',
          ')',
          'type Store struct {', // 6
          '\tprimary *redis.Client',
          '\treplica *redis.ClusterClient',
          '}',
          'func (s *Store) clients() (primary *redis.Client, replica *redis.ClusterClient, ok bool) {', // 10
          '\treturn s.primary, s.replica, s.replica != nil',
          '}',
          'func (s *Store) Purge(ctx context.Context) error {', // 13
          '\tprimary, replica, ok := s.clients()',
          '\tif ok {',
          '\t\treplica.Keys(ctx, "draft:*")', // 16
          '\t}',
          '\treturn primary.Keys(ctx, "draft:*").Err()', // 18
          '}',
          'func count() (int, error) { return 0, nil }', // 20
          'func (s *Store) Count(ctx context.Context) int {',
          '\tn, keys := count()',
          '\t_ = keys',
          '\treturn n',
          '}',
        ),
        ['redis-keys'],
      );
      assert.deepEqual(found, ['16:Keys redis-keys', '16:Keys redis-keys!', '18:Keys redis-keys', '18:Keys redis-keys!']);
    });
  });

  describe('guregu/dynamo v1', () => {
    it('reports the Go SDK v1 under guregu/dynamo v1, not under v2', () => {
      const v1 = sourceLines(
        'package store', // 1
        'import (',
        '\t"github.com/aws/aws-sdk-go/aws/session"',
        '\t"github.com/guregu/dynamo"', // 4
        ')',
        'type Item struct{ ID string }',
        'func Save(it Item) error {',
        '\tdb := dynamo.New(session.Must(session.NewSession()))',
        '\treturn db.Table("items").Put(it).Run()', // 9
        '}',
      );
      assertHas(hintsIn('store.go', v1), '4:github.com/guregu/dynamo aws-sdk-end-of-support!', '9:Put dynamodb-put-item');
      const v2 = v1.replace('\t"github.com/aws/aws-sdk-go/aws/session"\n', '').replace('"github.com/guregu/dynamo"', '"github.com/guregu/dynamo/v2"');
      assert.deepEqual(hintsOfRules('store.go', v2, ['aws-sdk-end-of-support']), []);
    });
  });

  describe('request parts completed by assignment', () => {
    it('reads the fields set on a KeysAndAttributes or a Get held by a name, as those written in the literal', () => {
      const found = hintsOfRules(
        'reader.go',
        sourceLines(
          'package reader', // 1
          'import (',
          '\t"context"',
          '\t"github.com/aws/aws-sdk-go-v2/aws"',
          '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
          '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"',
          ')',
          'func Fetch(ctx context.Context, db *dynamodb.Client, keys []map[string]types.AttributeValue, proj *string, strong bool) error {', // 8
          '\tk := types.KeysAndAttributes{Keys: keys}',
          '\tif proj != nil {',
          '\t\tk.ProjectionExpression = proj', // 11
          '\t}',
          '\tk.ConsistentRead = aws.Bool(strong)', // 13
          '\tget := &types.Get{TableName: aws.String("orders"), Key: keys[0]}',
          '\tget.ProjectionExpression = proj', // 15
          '\tgot := "unrelated"',
          '\t_ = got',
          '\t_, err := db.BatchGetItem(ctx, &dynamodb.BatchGetItemInput{RequestItems: map[string]types.KeysAndAttributes{"orders": k}})',
          '\tif err != nil {',
          '\t\treturn err',
          '\t}',
          '\t_, err = db.TransactGetItems(ctx, &dynamodb.TransactGetItemsInput{TransactItems: []types.TransactGetItem{{Get: get}}})',
          '\treturn err',
          '}',
        ),
        ['dynamodb-projection-expression', 'dynamodb-consistent-read'],
      );
      assert.deepEqual(found, ['11:ProjectionExpression dynamodb-projection-expression', '13:ConsistentRead dynamodb-consistent-read', '15:ProjectionExpression dynamodb-projection-expression']);
    });
  });
});
