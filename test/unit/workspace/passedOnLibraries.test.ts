/**
 * A project module that configures a library and hands it on whole (`module.exports = dynamoose` after
 * `dynamoose.aws.ddb.set(...)`, `module.exports = AWS` after `AWS.config.update(...)`, `export default dynamoose`):
 * its importers read the name as the library's, also a module that makes a model or a client from it for a third
 * file, and a model a `var` binds once. Then the traps: a name bound twice, a cycle of modules.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile as hints } from './support';
import { sourceLines } from '../hints/support';

const CONFIGURED_DYNAMOOSE = sourceLines(
  "const dynamoose = require('dynamoose');",
  '',
  'if (process.env.LOCAL === "true") {',
  "  dynamoose.aws.ddb.local('http://localhost:8000');",
  '}',
  '',
  'module.exports = dynamoose;',
);

const PRODUCT_MODEL = sourceLines(
  "const dynamoose = require('../config/dynamo');",
  '',
  'const productSchema = new dynamoose.Schema({',
  '  sku: { type: String, hashKey: true },',
  '  title: String,',
  '});',
  '',
  "module.exports = dynamoose.model('Product', productSchema);",
);

const PRODUCT_CONTROLLER = sourceLines(
  "const Product = require('../models/product');",
  '',
  'exports.list = async (req, res) => {',
  '  res.json(await Product.scan().exec());',
  '};',
  '',
  'exports.show = async (req, res) => {',
  '  res.json(await Product.get(req.params.sku));',
  '};',
);

describe('libraries a project module hands on whole', () => {
  it('reads a dynamoose model made from a configured dynamoose of another module, in the file that uses the model', () => {
    const files = { 'src/config/dynamo.js': CONFIGURED_DYNAMOOSE, 'src/models/product.js': PRODUCT_MODEL, 'src/controllers/products.js': PRODUCT_CONTROLLER };
    assert.deepEqual(hints(files, 'src/controllers/products.js'), ['4:scan dynamodb-scan', '4:scan dynamodb-scan!', '8:get dynamodb-get-item']);
    assert.deepEqual(hints(files, 'src/models/product.js'), ['4:hashKey dynamodb-key-schema', '8:model dynamodb-billing-mode']);
  });

  it('reads the same through ES modules (`export default dynamoose`, a model bound to a const)', () => {
    const config = sourceLines("import dynamoose from 'dynamoose';", '', "dynamoose.aws.ddb.local('http://localhost:8000');", '', 'export default dynamoose;');
    const model = sourceLines("import dynamoose from '../config/dynamo';", '', "export const Product = dynamoose.model('Product', new dynamoose.Schema({ sku: { type: String, hashKey: true } }));");
    const controller = sourceLines("import { Product } from '../models/product';", '', 'export const list = async () => Product.scan().exec();');
    const files = { 'src/config/dynamo.ts': config, 'src/models/product.ts': model, 'src/controllers/products.ts': controller };
    assert.deepEqual(hints(files, 'src/controllers/products.ts'), ['3:scan dynamodb-scan', '3:scan dynamodb-scan!']);
  });

  it('reads a client made from the AWS SDK or a Redis class that a module requires and hands on', () => {
    const aws = sourceLines("const AWS = require('aws-sdk');", '', "AWS.config.update({ region: process.env.AWS_REGION });", '', 'module.exports = AWS;');
    const users = sourceLines("const AWS = require('../lib/aws');", '', 'const docClient = new AWS.DynamoDB.DocumentClient();', '', 'exports.all = async () => (await docClient.scan({ TableName: process.env.USERS }).promise()).Items;');
    assert.deepEqual(hints({ 'src/lib/aws.js': aws, 'src/services/users.js': users }, 'src/services/users.js'), ['5:scan dynamodb-scan', '5:scan dynamodb-scan!']);
    const redisClass = sourceLines("const Redis = require('ioredis');", '', 'module.exports = Redis;');
    const cache = sourceLines("const Redis = require('../lib/redis');", '', 'const redis = new Redis(process.env.REDIS_URL);', '', 'exports.keys = () => redis.keys("session:*");');
    assert.deepEqual(hints({ 'src/lib/redis.js': redisClass, 'src/services/cache.js': cache }, 'src/services/cache.js'), ['3:Redis redis-tls', '5:keys redis-keys', '5:keys redis-keys!']);
  });

  it('reads a model a `var` binds once, as older Express apps write it, and nothing from one assigned again in a function', () => {
    const model = sourceLines("const Dynamoose = require('../config/dynamo');", "var AuditSchema = new Dynamoose.Schema({ id: String, action: String });", "var Audit = Dynamoose.model('audits', AuditSchema);", '', 'module.exports = Audit;');
    const logger = sourceLines("const Audit = require('../models/audit');", '', 'exports.log = async (entry) => {', '  await new Audit(entry).save();', '};');
    const files = { 'src/config/dynamo.js': CONFIGURED_DYNAMOOSE, 'src/models/audit.js': model, 'src/helpers/logger.js': logger };
    assert.deepEqual(hints(files, 'src/helpers/logger.js'), ['4:save dynamodb-put-item']);
    const reassigned = model.replace('module.exports = Audit;', 'function useMock(mock) { Audit = mock; }\nmodule.exports = Audit;');
    assert.deepEqual(hints({ ...files, 'src/models/audit.js': reassigned }, 'src/helpers/logger.js'), []);
  });

  it('gives nothing through a name bound twice, or modules that require each other', () => {
    const rebound = sourceLines("let dynamoose = require('dynamoose');", 'dynamoose = require("./fake-dynamoose");', '', 'module.exports = dynamoose;');
    const model = sourceLines("const dynamoose = require('../config/dynamo');", "module.exports = dynamoose.model('Product', new dynamoose.Schema({ sku: { type: String, hashKey: true } }));");
    const controller = sourceLines("const Product = require('../models/product');", 'exports.list = async () => Product.scan().exec();');
    assert.deepEqual(hints({ 'src/config/dynamo.js': rebound, 'src/models/product.js': model, 'src/controllers/products.js': controller }, 'src/controllers/products.js'), []);
    const first = sourceLines("const second = require('./second');", "const dynamoose = require('dynamoose');", 'module.exports = second;');
    const second = sourceLines("const first = require('./first');", "module.exports = first.model('Product', new first.Schema({ sku: { type: String, hashKey: true } }));");
    const reader = sourceLines("const Product = require('./second');", 'exports.list = async () => Product.scan().exec();');
    assert.deepEqual(hints({ 'src/first.js': first, 'src/second.js': second, 'src/reader.js': reader }, 'src/reader.js'), []);
  });
});
