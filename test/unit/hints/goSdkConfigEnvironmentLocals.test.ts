/**
 * A Go client a handler makes from an SDK configuration it loads there, whose options name a local that only reads
 * the environment (`endpoint := os.Getenv("DYNAMODB_ENDPOINT")` then `session.NewSession(&aws.Config{Endpoint:
 * aws.String(endpoint)})`, `config.WithRegion(region)`): every request or invocation loads the same configuration, so
 * the client belongs at startup (`code/invocationDependence.ts`). Silent: options that name what the request holds
 * (a query parameter, the event), a local parsed from the request, and a package-level client.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function perCall(fileName: string, code: string, rule: string): string[] {
  return hintsIn(fileName, code).filter((hint) => hint.endsWith(`${rule}!`));
}

describe('Go SDK configuration options from the environment', () => {
  it('reports a gin handler whose v1 session takes an endpoint a local reads from the environment', () => {
    const code = sourceLines(
      'package user',
      '',
      'import (',
      '\t"net/http"',
      '\t"os"',
      '',
      '\t"github.com/aws/aws-sdk-go/aws"',
      '\t"github.com/aws/aws-sdk-go/aws/session"',
      '\t"github.com/aws/aws-sdk-go/service/dynamodb"',
      '\t"github.com/gin-gonic/gin"',
      ')',
      '',
      'func Profile(c *gin.Context) {',
      '\tendpoint := os.Getenv("DYNAMODB_ENDPOINT")',
      '\tsess := session.Must(session.NewSession(&aws.Config{Endpoint: aws.String(endpoint)}))',
      '\tsvc := dynamodb.New(sess)', // 16
      '\tout, err := svc.GetItem(&dynamodb.GetItemInput{TableName: aws.String(os.Getenv("TABLE"))})',
      '\tif err != nil {',
      '\t\treturn',
      '\t}',
      '\tc.JSON(http.StatusOK, out.Item)',
      '}',
      '',
      'func Tenant(c *gin.Context) {',
      '\tendpoint := c.Query("endpoint")',
      '\tsess := session.Must(session.NewSession(&aws.Config{Endpoint: aws.String(endpoint)}))',
      '\tsvc := dynamodb.New(sess)', // 27
      '\tout, _ := svc.GetItem(&dynamodb.GetItemInput{TableName: aws.String("t")})',
      '\tc.JSON(http.StatusOK, out.Item)',
      '}',
    );
    assert.deepEqual(perCall('profile.go', code, 'client-per-request'), ['16:New client-per-request!']);
  });

  it('reports a Lambda handler whose v2 configuration takes a region a local reads from the environment', () => {
    const code = sourceLines(
      'package main',
      '',
      'import (',
      '\t"context"',
      '\t"os"',
      '',
      '\t"github.com/aws/aws-lambda-go/events"',
      '\t"github.com/aws/aws-lambda-go/lambda"',
      '\t"github.com/aws/aws-sdk-go-v2/aws"',
      '\t"github.com/aws/aws-sdk-go-v2/config"',
      '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
      ')',
      '',
      'func handler(ctx context.Context, event events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {',
      '\tregion := os.Getenv("TABLE_REGION")',
      '\tcfg, err := config.LoadDefaultConfig(ctx, config.WithRegion(region))',
      '\tif err != nil {',
      '\t\treturn events.APIGatewayProxyResponse{StatusCode: 500}, err',
      '\t}',
      '\tclient := dynamodb.NewFromConfig(cfg)', // 20
      '\t_, err = client.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("orders")})',
      '\treturn events.APIGatewayProxyResponse{StatusCode: 200}, err',
      '}',
      '',
      'func main() { lambda.Start(handler) }',
    );
    assert.deepEqual(perCall('main.go', code, 'lambda-client-per-invocation'), ['20:NewFromConfig lambda-client-per-invocation!']);
  });

  it('stays silent on a region the event names and on a region parsed from the request', () => {
    const code = sourceLines(
      'package main',
      '',
      'import (',
      '\t"context"',
      '',
      '\t"github.com/aws/aws-lambda-go/events"',
      '\t"github.com/aws/aws-lambda-go/lambda"',
      '\t"github.com/aws/aws-sdk-go-v2/aws"',
      '\t"github.com/aws/aws-sdk-go-v2/config"',
      '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
      ')',
      '',
      'func handler(ctx context.Context, event events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {',
      '\tregion := event.QueryStringParameters["region"]',
      '\tcfg, _ := config.LoadDefaultConfig(ctx, config.WithRegion(region))',
      '\tclient := dynamodb.NewFromConfig(cfg)',
      '\t_, err := client.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("orders")})',
      '\treturn events.APIGatewayProxyResponse{StatusCode: 200}, err',
      '}',
      '',
      'func main() { lambda.Start(handler) }',
    );
    assert.deepEqual(perCall('main.go', code, 'lambda-client-per-invocation'), []);
  });
});
