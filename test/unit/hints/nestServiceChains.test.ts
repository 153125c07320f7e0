/**
 * `client-per-request`, NestJS (workspace mode): a service that a route reaches through another service
 * (controller → `CatalogService.product` → `this.repository.byId(id)`) runs per request too, so a client its
 * method makes is made per request. Silent: methods only a scheduled job, a lifecycle hook or a method no route
 * calls reaches, and every file read alone.
 */
import * as assert from 'node:assert/strict';
import { contributionOf, copiedToThread, hintsOfFile as hints, workspaceOf } from '../workspace/support';
import { sourceLines } from './support';

const RULE = 'client-per-request!';

function reported(files: Record<string, string>, file: string, alone = false): string[] {
  return hints(files, file, alone ? null : undefined).filter((hint) => hint.endsWith(RULE));
}

const CONTROLLER = sourceLines(
  "import { Controller, Get, Param } from '@nestjs/common';",
  "import { CatalogService } from './catalog.service';",
  "@Controller('catalog')",
  'export class CatalogController {',
  '  constructor(private readonly catalog: CatalogService) {}',
  "  @Get(':sku')",
  "  async product(@Param('sku') sku: string) {",
  '    return this.catalog.product(sku);',
  '  }',
  '}',
);

const SERVICE = sourceLines(
  "import { Injectable } from '@nestjs/common';",
  "import { Cron } from '@nestjs/schedule';",
  "import { CatalogRepository } from './catalog.repository';",
  "import { PricingClient } from '../pricing/pricing.client';",
  '@Injectable()',
  'export class CatalogService {',
  '  constructor(',
  '    private readonly repository: CatalogRepository,',
  '    private readonly pricing: PricingClient,',
  '  ) {}',
  '  async product(sku: string) {',
  '    const item = await this.repository.bySku(sku);',
  '    return item ? { ...item, price: await this.pricing.quote(sku) } : null;',
  '  }',
  "  @Cron('0 3 * * *')",
  '  async nightly() {',
  '    await this.repository.reindex();',
  '  }',
  '}',
);

const REPOSITORY = sourceLines(
  "import { Injectable } from '@nestjs/common';",
  "import { DynamoDBClient, GetItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';",
  '@Injectable()',
  'export class CatalogRepository {',
  '  async bySku(sku: string) {',
  '    const client = new DynamoDBClient({});',
  "    const out = await client.send(new GetItemCommand({ TableName: 'catalog', Key: { sku: { S: sku } } }));",
  '    return out.Item;',
  '  }',
  '  async reindex() {',
  '    const client = new DynamoDBClient({});',
  "    return client.send(new ScanCommand({ TableName: 'catalog' }));",
  '  }',
  '}',
);

const PRICING = sourceLines(
  "import { Injectable } from '@nestjs/common';",
  "import Redis from 'ioredis';",
  '@Injectable()',
  'export class PricingClient {',
  '  async quote(sku: string) {',
  '    const redis = new Redis(process.env.PRICES_URL as string);',
  '    return redis.get(`price:${sku}`);',
  '  }',
  '}',
);

describe('NestJS services a route reaches through another service', () => {
  const files = {
    'src/catalog/catalog.controller.ts': CONTROLLER,
    'src/catalog/catalog.service.ts': SERVICE,
    'src/catalog/catalog.repository.ts': REPOSITORY,
    'src/pricing/pricing.client.ts': PRICING,
  };

  it('reports a client made in a method two services below a route, not in one only a scheduled job reaches', () => {
    assert.deepEqual(reported(files, 'src/catalog/catalog.repository.ts'), [`6:DynamoDBClient ${RULE}`]);
    assert.deepEqual(reported(files, 'src/pricing/pricing.client.ts'), [`6:Redis ${RULE}`]);
    assert.deepEqual(reported(files, 'src/catalog/catalog.repository.ts', true), []);
  });

  it('indexes the calls each service method makes, and follows them from the routes through a snapshot', () => {
    assert.deepEqual(contributionOf('src/catalog/catalog.service.ts', SERVICE)?.serviceCalls, [
      { className: 'CatalogService', method: 'product', module: './catalog.repository', path: 'CatalogRepository', methods: ['bySku'] },
      { className: 'CatalogService', method: 'product', module: '../pricing/pricing.client', path: 'PricingClient', methods: ['quote'] },
      { className: 'CatalogService', method: 'nightly', module: './catalog.repository', path: 'CatalogRepository', methods: ['reindex'] },
    ]);
    const model = copiedToThread(workspaceOf(files));
    assert.deepEqual(model.routeCalledMethods('src/catalog/catalog.repository.ts', 'CatalogRepository'), ['bySku']);
  });

  it('stays silent when no route reaches the first service', () => {
    const unrouted = CONTROLLER.replace("  @Get(':sku')\n", '');
    assert.deepEqual(reported({ ...files, 'src/catalog/catalog.controller.ts': unrouted }, 'src/catalog/catalog.repository.ts'), []);
    assert.deepEqual(reported({ ...files, 'src/catalog/catalog.controller.ts': unrouted }, 'src/pricing/pricing.client.ts'), []);
  });
});
