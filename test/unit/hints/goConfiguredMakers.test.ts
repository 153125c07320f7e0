/**
 * Go constructors of another package that load the SDK configuration themselves with options from their parameters
 * (`config.LoadDefaultConfig(ctx, config.WithRegion(region))`) and make a client from it, returned or inside a type of
 * their package (`workspace/goSqlOpeners.ts`'s `configured` makers): a Lambda handler that calls one makes a new
 * configuration and client on every invocation, unless the arguments it passes bring the event's data. Silent: a
 * constructor given the caller's `aws.Config`, one whose client itself takes a parameter (an endpoint), a call with
 * the event's Region, a call in `main`. A web handler's calls are read the same way.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from '../workspace/support';
import { sourceLines } from './support';

function perInvocation(files: Record<string, string>, file: string): string[] {
  return hintsOfFile(files, file).filter((hint) => hint.endsWith(' lambda-client-per-invocation!'));
}

const CLIENTS = sourceLines(
  'package awsclients',
  '',
  'import (',
  '\t"context"',
  '',
  '\t"github.com/aws/aws-sdk-go-v2/aws"',
  '\t"github.com/aws/aws-sdk-go-v2/config"',
  '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
  ')',
  '', // 10
  'type Services struct {',
  '\tcfg aws.Config',
  '\tDB  *dynamodb.Client',
  '}',
  '',
  'func NewServices(region string) (*Services, error) {',
  '\tcfg, err := config.LoadDefaultConfig(context.TODO(), config.WithRegion(region))',
  '\tif err != nil {',
  '\t\treturn nil, err',
  '\t}', // 20
  '\tdb := dynamodb.NewFromConfig(cfg)',
  '\treturn &Services{cfg: cfg, DB: db}, nil',
  '}',
  '',
  'func NewTable(ctx context.Context, region string) *dynamodb.Client {',
  '\tcfg, _ := config.LoadDefaultConfig(ctx, config.WithRegion(region))',
  '\treturn dynamodb.NewFromConfig(cfg)',
  '}',
  '',
  'func FromConfig(cfg aws.Config) *dynamodb.Client {', // 30
  '\treturn dynamodb.NewFromConfig(cfg)',
  '}',
  '',
  'func AtEndpoint(ctx context.Context, endpoint string) *dynamodb.Client {',
  '\tcfg, _ := config.LoadDefaultConfig(ctx)',
  '\treturn dynamodb.NewFromConfig(cfg, func(o *dynamodb.Options) {',
  '\t\to.BaseEndpoint = aws.String(endpoint)',
  '\t})',
  '}',
);

const HANDLER = sourceLines(
  'package main',
  '',
  'import (',
  '\t"context"',
  '\t"os"',
  '',
  '\t"github.com/aws/aws-lambda-go/events"',
  '\t"github.com/aws/aws-lambda-go/lambda"',
  '\t"github.com/aws/aws-sdk-go-v2/aws"',
  '', // 10
  '\t"example.com/shop/internal/awsclients"',
  ')',
  '',
  'type settings struct{ Region string }',
  '',
  'func handle(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {',
  '\tconf := new(settings)',
  '\tconf.Region = os.Getenv("AWS_REGION")',
  '\tsvc, err := awsclients.NewServices(conf.Region)',
  '\tif err != nil {', // 20
  '\t\treturn events.APIGatewayProxyResponse{StatusCode: 500}, err',
  '\t}',
  '\ttable := awsclients.NewTable(ctx, os.Getenv("AWS_REGION"))',
  '\tpicked := awsclients.NewTable(ctx, req.QueryStringParameters["region"])',
  '\tgiven := awsclients.FromConfig(aws.Config{Region: "eu-west-1"})',
  '\tlocal := awsclients.AtEndpoint(ctx, "http://localhost:8000")',
  '\t_, _, _, _, _ = svc, table, picked, given, local',
  '\treturn events.APIGatewayProxyResponse{StatusCode: 200}, nil',
  '}',
  '', // 30
  'func main() {',
  '\t_, _ = awsclients.NewServices("eu-west-1")',
  '\tlambda.Start(handle)',
  '}',
);

const WEB = sourceLines(
  'package web',
  '',
  'import (',
  '\t"net/http"',
  '\t"os"',
  '',
  '\t"github.com/labstack/echo/v4"',
  '',
  '\t"example.com/shop/internal/awsclients"',
  ')', // 10
  '',
  'type Handler struct{}',
  '',
  'func (h *Handler) List(c echo.Context) error {',
  '\tsvc, _ := awsclients.NewServices(os.Getenv("AWS_REGION"))',
  '\tpicked := awsclients.NewTable(c.Request().Context(), c.QueryParam("region"))',
  '\t_, _ = svc, picked',
  '\treturn c.NoContent(http.StatusOK)',
  '}',
);

const FILES = {
  'go.mod': sourceLines('module example.com/shop', '', 'go 1.22'),
  'internal/awsclients/clients.go': CLIENTS,
  'cmd/api/main.go': HANDLER,
  'internal/web/api.go': WEB,
};

describe('Go constructors of another package that load the SDK configuration with options from their parameters (workspace mode)', () => {
  it("reports a Lambda handler's calls that pass no data of the event: a Region read from the environment", () => {
    assert.deepEqual(perInvocation(FILES, 'cmd/api/main.go'), ['19:NewServices lambda-client-per-invocation!', '23:NewTable lambda-client-per-invocation!']);
  });

  it("says nothing for the event's Region, the caller's configuration, a client made with a parameter of its own, main, or the constructors' file", () => {
    const lines = perInvocation(FILES, 'cmd/api/main.go').map((hint) => hint.split(':')[0]);
    assert.ok(!lines.includes('24') && !lines.includes('25') && !lines.includes('26') && !lines.includes('32'));
    assert.deepEqual(perInvocation(FILES, 'internal/awsclients/clients.go'), []);
  });

  it("reads a web handler's calls the same way: the request's Region makes the client the request's own", () => {
    assert.deepEqual(
      hintsOfFile(FILES, 'internal/web/api.go').filter((hint) => hint.endsWith(' client-per-request!')),
      ['15:NewServices client-per-request!'],
    );
  });
});
