/**
 * `lambda-client-per-invocation` through a Java or C# Lambda handler's call of a static method of a class of another
 * file that builds a client on each call (`workspace/staticMakers.ts` marks it, `code/handlerClients.ts` reads the
 * call): `ClientFactory.dynamo()` returning `DynamoDbClient.builder().build()`, `ClientFactory.Create()` returning
 * `new AmazonDynamoDBClient()`. Silent: a static field the method fills once, a `Lazy<T>`, a cache's lambda, a map it fills, a
 * client built from the method's parameter, and a file read alone.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from '../workspace/support';
import { sourceLines } from './support';

function perInvocation(files: Record<string, string>, file: string): string[] {
  return hintsOfFile(files, file).filter((hint) => hint.endsWith('lambda-client-per-invocation!'));
}

const JAVA_FACTORY = sourceLines(
  'package com.example.orders.aws;',
  '',
  'import java.util.Map;',
  'import java.util.concurrent.ConcurrentHashMap;',
  'import software.amazon.awssdk.regions.Region;',
  'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
  '',
  'public final class ClientFactory {',
  '    private static DynamoDbClient shared;',
  '    private static final Map<String, DynamoDbClient> BY_REGION = new ConcurrentHashMap<>();',
  '',
  '    public static DynamoDbClient dynamo() {',
  '        return DynamoDbClient.builder().region(Region.US_EAST_1).build();',
  '    }',
  '',
  '    public static synchronized DynamoDbClient sharedDynamo() {',
  '        if (shared == null) {',
  '            shared = DynamoDbClient.create();',
  '        }',
  '        return shared;',
  '    }',
  '',
  '    public static DynamoDbClient forRegion(String region) {',
  '        return BY_REGION.computeIfAbsent(region, r -> DynamoDbClient.builder().region(Region.of(r)).build());',
  '    }',
  '',
  '    public static DynamoDbClient west() {',
  '        DynamoDbClient client = DynamoDbClient.builder().region(Region.US_WEST_2).build();',
  '        BY_REGION.put("us-west-2", client);',
  '        return client;',
  '    }',
  '',
  '    public static DynamoDbClient of(Region region) {',
  '        return DynamoDbClient.builder().region(region).build();',
  '    }',
  '',
  '    public DynamoDbClient instance() {',
  '        return DynamoDbClient.create();',
  '    }',
  '}',
);

const JAVA_HANDLER = sourceLines(
  'package com.example.orders;',
  '',
  'import com.amazonaws.services.lambda.runtime.Context;',
  'import com.amazonaws.services.lambda.runtime.RequestHandler;',
  'import com.example.orders.aws.ClientFactory;',
  'import software.amazon.awssdk.regions.Region;',
  'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
  '',
  'public class OrderHandler implements RequestHandler<Map<String, String>, String> {',
  '    private static final DynamoDbClient KEPT = ClientFactory.dynamo();',
  '',
  '    @Override',
  '    public String handleRequest(Map<String, String> input, Context context) {',
  '        DynamoDbClient client = ClientFactory.dynamo();',
  '        DynamoDbClient shared = ClientFactory.sharedDynamo();',
  '        DynamoDbClient regional = ClientFactory.forRegion("us-east-1");',
  '        DynamoDbClient east = ClientFactory.of(Region.US_EAST_1);',
  '        DynamoDbClient west = ClientFactory.west();',
  '        return input.get("id");',
  '    }',
  '}',
);

const CSHARP_FACTORY = sourceLines(
  'using System;',
  'using Amazon.DynamoDBv2;',
  '',
  'namespace Orders.Data',
  '{',
  '    public static class ClientFactory',
  '    {',
  '        private static readonly Lazy<IAmazonDynamoDB> Lazy = new Lazy<IAmazonDynamoDB>(() => new AmazonDynamoDBClient());',
  '',
  '        public static IAmazonDynamoDB Create() => new AmazonDynamoDBClient();',
  '',
  '        public static IAmazonDynamoDB Shared() => Lazy.Value;',
  '',
  '        public static IAmazonDynamoDB WithConfig(AmazonDynamoDBConfig config)',
  '        {',
  '            return new AmazonDynamoDBClient(config);',
  '        }',
  '    }',
  '}',
);

const CSHARP_HANDLER = sourceLines(
  'using Amazon.DynamoDBv2;',
  'using Amazon.Lambda.Core;',
  'using Orders.Data;',
  '',
  'namespace Orders.Api',
  '{',
  '    public class Function',
  '    {',
  '        public async Task<string> FunctionHandler(OrderRequest input, ILambdaContext context)',
  '        {',
  '            var client = ClientFactory.Create();',
  '            var shared = ClientFactory.Shared();',
  '            var configured = ClientFactory.WithConfig(new AmazonDynamoDBConfig());',
  '            return input.Id;',
  '        }',
  '    }',
  '}',
);

const FILES = {
  'src/main/java/com/example/orders/aws/ClientFactory.java': JAVA_FACTORY,
  'src/main/java/com/example/orders/OrderHandler.java': JAVA_HANDLER,
  'Orders.Data/ClientFactory.cs': CSHARP_FACTORY,
  'Orders.Api/Function.cs': CSHARP_HANDLER,
};

describe('Java and C# static client factories that a Lambda handler calls (workspace mode)', () => {
  it('reports the handler\'s call of a static method that builds a client each time, not a kept, lazy, cached or configured one', () => {
    assert.deepEqual(perInvocation(FILES, 'src/main/java/com/example/orders/OrderHandler.java'), ['14:dynamo lambda-client-per-invocation!']);
    assert.deepEqual(perInvocation(FILES, 'Orders.Api/Function.cs'), ['11:Create lambda-client-per-invocation!']);
    // The factories themselves are no handlers.
    assert.deepEqual(perInvocation(FILES, 'src/main/java/com/example/orders/aws/ClientFactory.java'), []);
    assert.deepEqual(perInvocation(FILES, 'Orders.Data/ClientFactory.cs'), []);
  });

  it('says nothing for a file read alone', () => {
    assert.deepEqual(hintsOfFile(FILES, 'Orders.Api/Function.cs', null).filter((hint) => hint.includes('lambda-client-per-invocation')), []);
    assert.deepEqual(hintsOfFile(FILES, 'src/main/java/com/example/orders/OrderHandler.java', null).filter((hint) => hint.includes('lambda-client-per-invocation')), []);
  });
});
