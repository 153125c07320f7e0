/**
 * A Go function that returns a response of the Lambda runtime's `events` package (`(events.APIGatewayProxyResponse,
 * error)`, `events.SQSEventResponse`) answers an invocation, so it is a handler even where `lambda.Start` is called in
 * another package: a client it makes from the shared configuration gets `lambda-client-per-invocation`. Silent: such
 * a function whose client takes its parameters (a Region the caller names), a helper that only builds the response,
 * and a function that returns a type of another package named like the runtime's.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const PER_INVOCATION = 'lambda-client-per-invocation!';

function perInvocation(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => hint.endsWith(PER_INVOCATION));
}

const IMPORTS = [
  'package orders',
  '',
  'import (',
  '\t"context"',
  '',
  '\t"github.com/aws/aws-lambda-go/events"',
  '\t"github.com/aws/aws-sdk-go-v2/config"',
  '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
  ')',
  '',
];

describe('Go handlers told by their results', () => {
  it('reads a function returning an events response as a handler, started from another package', () => {
    const code = sourceLines(
      ...IMPORTS,
      'func Handle(ctx context.Context, req Request) (events.APIGatewayProxyResponse, error) {', // 11
      '\tcfg, _ := config.LoadDefaultConfig(ctx)',
      '\tdb := dynamodb.NewFromConfig(cfg)',
      '\t_ = db',
      '\treturn events.APIGatewayProxyResponse{StatusCode: 200}, nil',
      '}',
      '',
      'func (w *Worker) Consume(ctx context.Context, batch Batch) (*events.SQSEventResponse, error) {', // 18
      '\tcfg, _ := config.LoadDefaultConfig(ctx)',
      '\tdb := dynamodb.NewFromConfig(cfg)', // 20
      '\t_ = db',
      '\treturn &events.SQSEventResponse{}, nil',
      '}',
    );
    assert.deepEqual(perInvocation('handle.go', code), [`13:NewFromConfig ${PER_INVOCATION}`, `20:NewFromConfig ${PER_INVOCATION}`]);
  });

  it('stays silent on a client the caller configures, a response builder and a function of no events package', () => {
    const code = sourceLines(
      ...IMPORTS,
      'func HandleIn(ctx context.Context, region string) (events.APIGatewayProxyResponse, error) {',
      '\tcfg, _ := config.LoadDefaultConfig(ctx, config.WithRegion(region))',
      '\tdb := dynamodb.NewFromConfig(cfg)',
      '\t_ = db',
      '\treturn events.APIGatewayProxyResponse{}, nil',
      '}',
      '',
      'func reply(status int) events.APIGatewayProxyResponse {',
      '\treturn events.APIGatewayProxyResponse{StatusCode: status}',
      '}',
    );
    assert.deepEqual(perInvocation('handle.go', code), []);
    const other = sourceLines(
      'package orders',
      '',
      'import (',
      '\t"context"',
      '',
      '\t"github.com/aws/aws-sdk-go-v2/config"',
      '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
      '\t"example.com/shop/events"',
      ')',
      '',
      'func Open(ctx context.Context) (events.Store, error) {',
      '\tcfg, _ := config.LoadDefaultConfig(ctx)',
      '\treturn events.Store{DB: dynamodb.NewFromConfig(cfg)}, nil',
      '}',
    );
    assert.deepEqual(perInvocation('store.go', other), []);
  });
});
