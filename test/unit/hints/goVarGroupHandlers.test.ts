/**
 * Go Lambda handlers that declare their locals in a `var ( ... )` group: a client made there is the handler's local
 * (made per invocation), a Query input held there gets the fields assigned to it later (`qi.Limit = aws.Int32(100)`)
 * and its written `Limit` reads as a page the handler asks for, as the same input written in the call does. A Region
 * parsed from where the event comes from (`req.RequestContext.DomainName`, a stream record's `AWSRegion`) is the same on
 * every call; a batch wrapper that returns a copy of its output (`return *out, nil`) is judged by its callers. An item
 * decoded by a project function (`pkg.NoteFromItem(out.Item)`), changed, and put back by its own encoding method
 * (`note.ToAttributeValueMap()`) is a read-modify-write.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const IMPORTS = [
  'import (',
  '\t"context"',
  '\t"os"',
  '\t"strings"',
  '',
  '\t"github.com/aws/aws-lambda-go/events"',
  '\t"github.com/aws/aws-lambda-go/lambda"',
  '\t"github.com/aws/aws-sdk-go-v2/aws"',
  '\t"github.com/aws/aws-sdk-go-v2/config"',
  '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
  '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"',
  ')',
];

function withRule(hints: string[], rule: string): string[] {
  return hints.filter((hint) => hint.endsWith(` ${rule}`) || hint.endsWith(` ${rule}!`)).sort();
}

describe('Go handlers with var groups', () => {
  const roomsHandler = sourceLines(
    'package main', // 1
    '',
    ...IMPORTS, // 3-14
    '',
    'func handler(ctx context.Context, req events.APIGatewayWebsocketProxyRequest) (events.APIGatewayProxyResponse, error) {', // 16
    '\tvar (',
    '\t\tbody   = req.Body',
    '\t\tregion = strings.Split(req.RequestContext.DomainName, ".")[2]',
    '\t)',
    '\tcfg, err := config.LoadDefaultConfig(ctx, config.WithRegion(region))', // 21
    '\tif err != nil {',
    '\t\treturn events.APIGatewayProxyResponse{}, err',
    '\t}',
    '\tvar (',
    '\t\tbuf    []byte',
    '\t\tsvc    = dynamodb.NewFromConfig(cfg)', // 27
    '\t\trooms  = dynamodb.QueryInput{',
    '\t\t\tTableName:              aws.String(os.Getenv("TABLE")),',
    '\t\t\tKeyConditionExpression: aws.String("pk = :p"),',
    '\t\t\tLimit:                  aws.Int32(25),', // 31
    '\t\t\tExpressionAttributeValues: map[string]types.AttributeValue{":p": &types.AttributeValueMemberS{Value: "room"}},',
    '\t\t}',
    '\t)',
    '\tif body == "top" {',
    '\t\trooms.Limit = aws.Int32(100)', // 36
    '\t\tout, err := svc.Query(ctx, &rooms)',
    '\t\tif err != nil {',
    '\t\t\treturn events.APIGatewayProxyResponse{}, err',
    '\t\t}',
    '\t\t_ = out.Items',
    '\t}',
    '\tlisted, err := svc.Query(ctx, &rooms)', // 43
    '\tif err != nil {',
    '\t\treturn events.APIGatewayProxyResponse{}, err',
    '\t}',
    '\t_, _ = listed.Items, buf',
    '\treturn events.APIGatewayProxyResponse{StatusCode: 200}, nil',
    '}',
    '',
    'func main() { lambda.Start(handler) }',
  );

  it("reports the client made in the handler's var group, whose Region comes from the API's domain name", () => {
    const hints = hintsIn('main.go', roomsHandler);
    assert.deepEqual(withRule(hints, 'lambda-client-per-invocation'), ['27:NewFromConfig lambda-client-per-invocation', '27:NewFromConfig lambda-client-per-invocation!']);
  });

  it('reads the Limit assigned to the grouped input later, and its written Limit as a page asked for', () => {
    const hints = hintsIn('main.go', roomsHandler);
    assert.deepEqual(withRule(hints, 'dynamodb-limit'), ['31:Limit dynamodb-limit', '36:Limit dynamodb-limit']);
    assert.deepEqual(withRule(hints, 'dynamodb-query').filter((hint) => hint.endsWith('!')), []);
  });

  it("stays silent on a client whose Region is the request's data, and on one kept in a package variable", () => {
    const code = sourceLines(
      'package main',
      '',
      ...IMPORTS,
      '',
      'var shared *dynamodb.Client',
      '',
      'func handler(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {',
      '\tvar (',
      '\t\tregion = req.QueryStringParameters["region"]',
      '\t\tbody   = strings.TrimSpace(req.Body)',
      '\t)',
      '\tcfg, _ := config.LoadDefaultConfig(ctx, config.WithRegion(region))',
      '\tvar (',
      '\t\tsvc = dynamodb.NewFromConfig(cfg)',
      '\t)',
      '\tif shared == nil {',
      '\t\tdefaultCfg, _ := config.LoadDefaultConfig(ctx)',
      '\t\tshared = dynamodb.NewFromConfig(defaultCfg)',
      '\t}',
      '\t_, err := svc.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String(os.Getenv("TABLE")), Key: map[string]types.AttributeValue{"pk": &types.AttributeValueMemberS{Value: body}}})',
      '\treturn events.APIGatewayProxyResponse{StatusCode: 200}, err',
      '}',
      '',
      'func main() { lambda.Start(handler) }',
    );
    assert.deepEqual(withRule(hintsIn('main.go', code), 'lambda-client-per-invocation'), []);
  });

  it("reports a stream handler's client configured with the record's Region", () => {
    const code = sourceLines(
      'package main',
      '',
      ...IMPORTS,
      '',
      'func handler(ctx context.Context, req events.DynamoDBEvent) error {',
      '\tfor _, rec := range req.Records {',
      '\t\tcfg, err := config.LoadDefaultConfig(ctx, config.WithRegion(rec.AWSRegion))',
      '\t\tif err != nil {',
      '\t\t\treturn err',
      '\t\t}',
      '\t\tsvc := dynamodb.NewFromConfig(cfg)', // 22
      '\t\t_, err = svc.DeleteItem(ctx, &dynamodb.DeleteItemInput{TableName: aws.String(os.Getenv("TABLE"))})',
      '\t\tif err != nil {',
      '\t\t\treturn err',
      '\t\t}',
      '\t}',
      '\treturn nil',
      '}',
      '',
      'func main() { lambda.Start(handler) }',
    );
    assert.ok(hintsIn('main.go', code).includes('22:NewFromConfig lambda-client-per-invocation!'));
  });

  describe('a batch wrapper that returns a copy of its output', () => {
    const wrapper = [
      'func writeBatch(ctx context.Context, svc *dynamodb.Client, items []types.WriteRequest, table string) (dynamodb.BatchWriteItemOutput, error) {', // 16
      '\tout, err := svc.BatchWriteItem(ctx, &dynamodb.BatchWriteItemInput{', // 17
      '\t\tRequestItems: map[string][]types.WriteRequest{table: items},',
      '\t})',
      '\tif err != nil {',
      '\t\treturn dynamodb.BatchWriteItemOutput{}, err',
      '\t}',
      '\treturn *out, nil',
      '}',
    ];

    it('is retried where a helper the caller hands the output to resends what is left', () => {
      const code = sourceLines(
        'package main',
        '',
        ...IMPORTS,
        '',
        ...wrapper,
        '',
        'func retryLeft(ctx context.Context, svc *dynamodb.Client, out dynamodb.BatchWriteItemOutput, table string) error {',
        '\tleft := out.UnprocessedItems',
        '\tfor len(left[table]) > 0 {',
        '\t\tnext, err := writeBatch(ctx, svc, left[table], table)',
        '\t\tif err != nil {',
        '\t\t\treturn err',
        '\t\t}',
        '\t\tleft = next.UnprocessedItems',
        '\t}',
        '\treturn nil',
        '}',
        '',
        'func save(ctx context.Context, svc *dynamodb.Client, items []types.WriteRequest) error {',
        '\tout, err := writeBatch(ctx, svc, items, "rooms")',
        '\tif err != nil {',
        '\t\treturn err',
        '\t}',
        '\treturn retryLeft(ctx, svc, out, "rooms")',
        '}',
      );
      assert.deepEqual(withRule(hintsIn('main.go', code), 'dynamodb-batch-write-item'), ['17:BatchWriteItem dynamodb-batch-write-item', '17:BatchWriteItemInput dynamodb-batch-write-item']);
    });

    it('stays reported when no caller reads what is left', () => {
      const code = sourceLines(
        'package main',
        '',
        ...IMPORTS,
        '',
        ...wrapper,
        '',
        'func save(ctx context.Context, svc *dynamodb.Client, items []types.WriteRequest) error {',
        '\t_, err := writeBatch(ctx, svc, items, "rooms")',
        '\treturn err',
        '}',
      );
      assert.ok(hintsIn('main.go', code).includes('17:BatchWriteItem dynamodb-batch-write-item!'));
    });
  });

  describe("an item decoded by the project's own function and written back by its own method", () => {
    const v1 = (decode: string, write: string, change: string) =>
      sourceLines(
        'package main',
        '',
        'import (',
        '\t"github.com/aws/aws-sdk-go/aws"',
        '\t"github.com/aws/aws-sdk-go/aws/session"',
        '\t"github.com/aws/aws-sdk-go/service/dynamodb"',
        '\tboards "example.com/boards/shared"',
        ')',
        '',
        'var svc = dynamodb.New(session.Must(session.NewSession()))',
        '',
        'func pin(id, card string) error {', // 12
        '\tout, err := svc.GetItem(&dynamodb.GetItemInput{TableName: aws.String("boards"), Key: map[string]*dynamodb.AttributeValue{"id": {S: aws.String(id)}}})',
        '\tif err != nil {',
        '\t\treturn err',
        '\t}',
        `\tboard, err := ${decode}`, // 17
        '\tif err != nil {',
        '\t\treturn err',
        '\t}',
        `\t${change}`,
        `\t_, err = svc.PutItem(&dynamodb.PutItemInput{TableName: aws.String("boards"), Item: ${write}})`, // 22
        '\treturn err',
        '}',
      );

    it('reports the changed item put back whole', () => {
      const hints = hintsIn('main.go', v1('boards.BoardFromItem(out.Item)', 'board.ToAttributeValueMap()', 'board.Pinned = append(board.Pinned, card)'));
      assert.ok(hints.includes('22:PutItem dynamodb-read-modify-write!'), hints.join('\n'));
    });

    it('stays silent when the item is not changed, or the write is not built from it', () => {
      const unchanged = hintsIn('main.go', v1('boards.BoardFromItem(out.Item)', 'board.ToAttributeValueMap()', '_ = card'));
      const other = hintsIn('main.go', v1('boards.BoardFromItem(out.Item)', 'boards.Fresh(card).ToAttributeValueMap()', 'board.Pinned = append(board.Pinned, card)'));
      const notDecoder = hintsIn('main.go', v1('boards.Validate(out.Item)', 'board.ToAttributeValueMap()', 'board.Pinned = append(board.Pinned, card)'));
      for (const hints of [unchanged, other, notDecoder]) {
        assert.deepEqual(withRule(hints, 'dynamodb-read-modify-write'), []);
      }
    });
  });
});

