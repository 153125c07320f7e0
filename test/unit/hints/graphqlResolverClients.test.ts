/**
 * `client-per-request` in GraphQL resolvers: a TypeGraphQL or NestJS resolver method under `@Query()` or
 * `@Mutation()`, and a function under the `Query` or `Mutation` key of a resolver map (Apollo Server, Mercurius),
 * run for every operation that selects them, so a client made in one is made per request. Silent: clients made
 * at module level or given in the context, methods under other decorators, and maps under other keys.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const RULE = 'client-per-request!';

function reported(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => hint.endsWith(RULE));
}

describe('GraphQL resolvers: clients made on every request', () => {
  it('reports a client made in a TypeGraphQL or NestJS resolver method, not one made at module level', () => {
    const typeGraphql = sourceLines(
      "import { Arg, Query, Mutation, Resolver } from 'type-graphql';",
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';",
      'const shared = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      '@Resolver()',
      'export class WalletResolver {',
      '  @Query(() => String)',
      "  async wallet(@Arg('id') id: string) {",
      '    const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      "    return (await doc.send(new GetCommand({ TableName: 'wallets', Key: { id } }))).Item;",
      '  }',
      '  @Mutation(() => Boolean)',
      "  async touch(@Arg('id') id: string) {",
      "    await shared.send(new GetCommand({ TableName: 'wallets', Key: { id } }));",
      '    return true;',
      '  }',
      '  helper() {',
      '    return new DynamoDBClient({});',
      '  }',
      '}',
    );
    assert.deepEqual(reported('wallet.resolver.ts', typeGraphql), [`9:DynamoDBClient ${RULE}`]);
    const nest = sourceLines(
      "import { Args, Mutation, Resolver } from '@nestjs/graphql';",
      "import Redis from 'ioredis';",
      '@Resolver()',
      'export class CounterResolver {',
      '  @Mutation(() => Number)',
      "  async bump(@Args('key') key: string) {",
      '    const redis = new Redis(process.env.REDIS_URL!);',
      '    return redis.incr(key);',
      '  }',
      '}',
    );
    assert.deepEqual(reported('counter.resolver.ts', nest), [`7:Redis ${RULE}`]);
  });

  it('stays silent on a decorator of the same name from another module', () => {
    const other = sourceLines(
      "import { Controller, Get, Query } from '@nestjs/common';",
      "import { Query as GqlQuery } from './decorators';",
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      '@Controller()',
      'export class Lookup {',
      '  @GqlQuery()',
      "  find(@Query('id') id: string) {",
      '    return new DynamoDBClient({});',
      '  }',
      '}',
    );
    assert.deepEqual(reported('lookup.ts', other), []);
  });

  it('reports a client made in a resolver map function under Query or Mutation, not one given in the context', () => {
    const apollo = sourceLines(
      "import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';",
      'export const resolvers = {',
      '  Query: {',
      '    order: async (_parent, args) => {',
      '      const client = new DynamoDBClient({});',
      "      return client.send(new GetItemCommand({ TableName: 'orders', Key: { id: { S: args.id } } }));",
      '    },',
      '    cached: (_parent, args, { ddb }) => ddb.send(new GetItemCommand({ TableName: \'orders\', Key: { id: { S: args.id } } })),',
      '  },',
      '  Mutation: {',
      '    async cancel(_parent, args) {',
      '      const client = new DynamoDBClient({});',
      "      return client.send(new GetItemCommand({ TableName: 'orders', Key: { id: { S: args.id } } }));",
      '    },',
      '  },',
      '  Subscription: {',
      '    watch: { subscribe: () => new DynamoDBClient({}) },',
      '  },',
      '};',
      'export const setup = { Query: makeQuery(() => new DynamoDBClient({})) };',
    );
    assert.deepEqual(reported('resolvers.ts', apollo), [`5:DynamoDBClient ${RULE}`, `12:DynamoDBClient ${RULE}`]);
  });
});
