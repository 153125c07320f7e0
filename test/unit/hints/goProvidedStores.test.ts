/**
 * Go services whose stores are made in one package and used through another (wire and fx providers): a data store's
 * CDK props built apart from the construct (`var Orders = awsdynamodb.TableProps{...}` handed to a project maker), the
 * client package entgo generates (`ent.Open("postgres", dsn, opts...)`), and go-redis's `SMembersMap`, which sends SMEMBERS.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('Go stores made by providers in another package', () => {
  it('reads a data store\'s props literal no construct of the file reads, as incomplete props', () => {
    const code = sourceLines(
      'package infra', // 1
      '',
      'import (',
      '\t"github.com/aws/aws-cdk-go/awscdk/v2"',
      '\t"github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"',
      '\t"github.com/aws/jsii-runtime-go"',
      ')',
      '',
      'type StoreProps struct {', // 9
      '\tawsdynamodb.TableProps',
      '\tIndexes []awsdynamodb.GlobalSecondaryIndexProps',
      '}',
      '',
      'var Orders = &StoreProps{', // 14
      '\tTableProps: awsdynamodb.TableProps{',
      '\t\tPartitionKey:  &awsdynamodb.Attribute{Name: jsii.String("pk"), Type: awsdynamodb.AttributeType_STRING},',
      '\t\tRemovalPolicy: awscdk.RemovalPolicy_DESTROY,', // 17
      '\t\tBillingMode:   awsdynamodb.BillingMode_PAY_PER_REQUEST,', // 18
      '\t},',
      '\tIndexes: []awsdynamodb.GlobalSecondaryIndexProps{{IndexName: jsii.String("byDate")}},', // 20
      '}',
      '',
      'func Build(stack awscdk.Stack) awsdynamodb.Table {', // 23
      '\treturn awsdynamodb.NewTable(stack, jsii.String("Audit"), &awsdynamodb.TableProps{',
      '\t\tPartitionKey: &awsdynamodb.Attribute{Name: jsii.String("id"), Type: awsdynamodb.AttributeType_STRING},', // 25
      '\t})',
      '}',
    );
    const found = hintsIn('infra/tables.go', code);
    assert.ok(found.includes('16:PartitionKey dynamodb-key-schema'), found.join('\n'));
    assert.ok(found.includes('17:RemovalPolicy dynamodb-removal-policy!'), found.join('\n'));
    assert.ok(found.includes('18:BillingMode dynamodb-billing-mode'), found.join('\n'));
    // Incomplete: no point-in-time recovery finding for what the maker may add; the construct made in place is read once.
    assert.ok(!found.some((hint) => /^1[4-9]:.* dynamodb-pitr/.test(hint)), found.join('\n'));
    assert.equal(found.filter((hint) => hint.startsWith('25:PartitionKey dynamodb-key-schema')).length, 1, found.join('\n'));
    assert.ok(!found.some((hint) => hint.startsWith('20:')), found.join('\n'));
  });

  it('reads entgo\'s generated client Open and its dialect sql.Open as database/sql\'s, the driver named by a string or entgo\'s dialect', () => {
    const code = sourceLines(
      'package datasource', // 1
      '',
      'import (',
      '\t"example.com/billing/internal/ent"',
      '\t"entgo.io/ent/dialect"',
      '\tentsql "entgo.io/ent/dialect/sql"',
      '',
      '\t_ "github.com/lib/pq"',
      ')',
      '',
      'const dsn = "host=billing.c5.us-east-1.rds.amazonaws.com user=billing password=Bill1ng-Pw dbname=billing"', // 11
      '',
      'func Open() (*ent.Client, error) {',
      '\treturn ent.Open("postgres", dsn, ent.Debug())', // 14
      '}',
      '',
      'func Driver() (*entsql.Driver, error) {',
      '\treturn entsql.Open(dialect.Postgres, dsn)', // 18
      '}',
      '',
      'func Local() (*ent.Client, error) {',
      '\treturn ent.Open(dialect.SQLite, "file:ent?mode=memory")', // 22: SQLite is no RDS database
      '}',
    );
    const found = hintsIn('internal/datasource/open.go', code).filter((hint) => / rds-sql-/.test(hint));
    assert.ok(found.includes('14:Open rds-sql-connection'), found.join('\n'));
    assert.ok(found.includes('18:Open rds-sql-connection'), found.join('\n'));
    assert.ok(found.some((hint) => /^11:.* rds-sql-password!$/.test(hint)), found.join('\n'));
    assert.ok(!found.some((hint) => hint.startsWith('22:')), found.join('\n'));
  });

  it('reads go-redis SMembersMap as SMEMBERS', () => {
    const code = sourceLines(
      'package cache',
      '',
      'import (',
      '\t"context"',
      '',
      '\t"github.com/redis/go-redis/v9"',
      ')',
      '',
      'type Tags struct{ rdb *redis.Client }',
      '',
      'func (t *Tags) All(ctx context.Context, key string) (map[string]struct{}, error) {',
      '\treturn t.rdb.SMembersMap(ctx, key).Result()', // 12
      '}',
    );
    const found = hintsIn('internal/cache/tags.go', code);
    assert.ok(found.includes('12:SMembersMap redis-collection-read'), found.join('\n'));
  });
});
