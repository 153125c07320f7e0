/**
 * A Go service's loop that waits, element by element, on a repository method of another package whose one DynamoDB
 * request is a GetItem it hands back or an unconditional PutItem of its parameter: one round trip per element. The
 * repository is held in a field of the service's struct or passed as a parameter, declared with the repository's
 * struct or with an interface its file declares for it. Silent: a method of the same name on another type, an
 * interface two types of the file implement, a put with a condition, and a call outside a loop.
 */
import * as assert from 'node:assert/strict';
import { sourceLines } from '../hints/support';
import { hintsOfFile as hints } from './support';

const GO_MOD = sourceLines('module example.com/shop', '', 'go 1.22');

const REPOSITORY = sourceLines(
  'package repositories',
  '',
  'import (',
  '\t"context"',
  '',
  '\t"github.com/aws/aws-sdk-go-v2/aws"',
  '\t"github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"',
  '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
  '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"',
  ')',
  '',
  'type Item struct {',
  '\tID    string `dynamodbav:"id"`',
  '\tPrice int    `dynamodbav:"price"`',
  '}',
  '',
  'type ItemStore interface {',
  '\tFind(ctx context.Context, id string) (*Item, error)',
  '\tSave(ctx context.Context, item Item) error',
  '}',
  '',
  'func NewItemStore(db *dynamodb.Client) ItemStore { return &itemStore{db: db} }',
  '',
  'type itemStore struct{ db *dynamodb.Client }',
  '',
  'func (s *itemStore) Find(ctx context.Context, id string) (*Item, error) {',
  '\tout, err := s.db.GetItem(ctx, &dynamodb.GetItemInput{',
  '\t\tTableName: aws.String("items"),',
  '\t\tKey:       map[string]types.AttributeValue{"id": &types.AttributeValueMemberS{Value: id}},',
  '\t})',
  '\tif err != nil {',
  '\t\treturn nil, err',
  '\t}',
  '\tvar item Item',
  '\terr = attributevalue.UnmarshalMap(out.Item, &item)',
  '\treturn &item, err',
  '}',
  '',
  'func (s *itemStore) Save(ctx context.Context, item Item) error {',
  '\tav, err := attributevalue.MarshalMap(item)',
  '\tif err != nil {',
  '\t\treturn err',
  '\t}',
  '\t_, err = s.db.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String("items"), Item: av})',
  '\treturn err',
  '}',
);

const SERVICE = sourceLines(
  'package services',
  '',
  'import (',
  '\t"context"',
  '',
  '\t"example.com/shop/internal/repositories"',
  ')',
  '',
  'type Cache interface{ Find(ctx context.Context, id string) (*repositories.Item, error) }',
  '',
  'type orderService struct {',
  '\titems repositories.ItemStore',
  '\tcache Cache',
  '}',
  '',
  'func (o orderService) Total(ctx context.Context, ids []string) (int, error) {',
  '\ttotal := 0',
  '\tfor _, id := range ids {',
  '\t\titem, err := o.items.Find(ctx, id)', // 19
  '\t\tif err != nil {',
  '\t\t\treturn 0, err',
  '\t\t}',
  '\t\ttotal += item.Price',
  '\t\tif _, err := o.cache.Find(ctx, id); err != nil {', // 24
  '\t\t\treturn 0, err',
  '\t\t}',
  '\t}',
  '\tfirst, _ := o.items.Find(ctx, ids[0])', // 28
  '\t_ = first',
  '\treturn total, nil',
  '}',
  '',
  'func Restock(ctx context.Context, store repositories.ItemStore, items []repositories.Item) error {',
  '\tfor _, item := range items {',
  '\t\tif err := store.Save(ctx, item); err != nil {', // 35
  '\t\t\treturn err',
  '\t\t}',
  '\t}',
  '\treturn nil',
  '}',
);

const files = { 'go.mod': GO_MOD, 'internal/repositories/items.go': REPOSITORY, 'internal/services/orders.go': SERVICE };
const loops = (found: string[]): string[] => found.filter((hint) => hint.endsWith('dynamodb-item-loop!'));

describe('workspace: Go item requests one repository call away in another package', () => {
  it('reports the loop calls of a field and a parameter declared with the repository interface, not another type of the same method', () => {
    assert.deepEqual(loops(hints(files, 'internal/services/orders.go')), ['19:Find dynamodb-item-loop!', '35:Save dynamodb-item-loop!']);
  });

  it('reads a field declared with the repository struct itself', () => {
    const exported = REPOSITORY.replace(/itemStore/g, 'ItemStoreImpl');
    const service = SERVICE.replace('\titems repositories.ItemStore', '\titems *repositories.ItemStoreImpl');
    assert.deepEqual(loops(hints({ ...files, 'internal/repositories/items.go': exported, 'internal/services/orders.go': service }, 'internal/services/orders.go')), [
      '19:Find dynamodb-item-loop!',
      '35:Save dynamodb-item-loop!',
    ]);
  });

  it('says nothing where two types of the repository file implement the method, or the put has a condition', () => {
    const twoStores = REPOSITORY + sourceLines('', 'type memoryStore struct{ items map[string]Item }', '', 'func (m *memoryStore) Find(ctx context.Context, id string) (*Item, error) {', '\titem := m.items[id]', '\treturn &item, nil', '}');
    assert.deepEqual(loops(hints({ ...files, 'internal/repositories/items.go': twoStores }, 'internal/services/orders.go')), ['35:Save dynamodb-item-loop!']);
    const conditional = REPOSITORY.replace('Item: av})', 'Item: av, ConditionExpression: aws.String("attribute_not_exists(id)")})');
    assert.deepEqual(loops(hints({ ...files, 'internal/repositories/items.go': conditional }, 'internal/services/orders.go')), ['19:Find dynamodb-item-loop!']);
  });
});
