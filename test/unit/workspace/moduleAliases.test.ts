/**
 * module-alias: a `package.json`'s `_moduleAliases` maps `require('@services/aws')` to the app's own folder,
 * written from that manifest's folder, whole (`@models`) or as the start of a path (`@models/User`). Then the
 * traps: an alias of another app's manifest, a name no alias maps, a target that leaves the workspace.
 */
import * as assert from 'node:assert/strict';
import { readPackageJson } from '../../../src/hints/engine/workspace/packages';
import { hintsOfFile as hints } from './support';
import { sourceLines } from '../hints/support';

const MANIFEST = JSON.stringify({ name: 'bookings-api', main: 'src/index.js', _moduleAliases: { '@app': 'src', '@services': 'src/services', '@models': './src/models' } }, null, 2);

const AWS_SERVICE = sourceLines("const AWS = require('aws-sdk');", '', 'module.exports = { db: new AWS.DynamoDB.DocumentClient() };');
const ITEMS = sourceLines("const { db } = require('@services/aws');", '', 'exports.find = async (params) => (await db.get(params).promise()).Item;');
const MODEL = sourceLines("const dynamoose = require('dynamoose');", '', "module.exports = dynamoose.model('Bookings', new dynamoose.Schema({ id: { type: String, hashKey: true } }));");
const MODELS = sourceLines("const Booking = require('./Booking');", '', 'module.exports = { Booking };');

function app(extra: Record<string, string> = {}): Record<string, string> {
  return { 'package.json': MANIFEST, 'src/services/aws/index.js': AWS_SERVICE, 'src/services/items.js': ITEMS, 'src/models/Booking.js': MODEL, 'src/models/index.js': MODELS, ...extra };
}

describe('module-alias aliases', () => {
  it("reads a manifest's _moduleAliases", () => {
    assert.deepEqual(readPackageJson(MANIFEST)?.moduleAliases, { '@app': 'src', '@services': 'src/services', '@models': './src/models' });
    assert.equal(readPackageJson('{ "name": "plain" }')?.moduleAliases, undefined);
  });

  it('follows an alias as the start of a path and as a whole module, from the folder of the manifest', () => {
    assert.deepEqual(hints(app(), 'src/services/items.js'), ['3:get dynamodb-get-item']);
    const repository = sourceLines("const Booking = require('@models/Booking');", "const { Booking: Same } = require('@models');", '', 'exports.one = (id) => Booking.get({ id });', 'exports.two = (id) => Same.get({ id });');
    assert.deepEqual(hints(app({ 'src/repositories/bookings.js': repository }), 'src/repositories/bookings.js'), ['4:get dynamodb-get-item', '5:get dynamodb-get-item']);
  });

  it("gives nothing through another app's aliases, a name no alias maps, or a target outside the workspace", () => {
    const other = { 'admin/package.json': JSON.stringify({ name: 'admin', _moduleAliases: { '@shared': '../src/services' } }), 'admin/index.js': sourceLines("const { db } = require('@services/aws');", "exports.find = (p) => db.get(p).promise();") };
    assert.deepEqual(hints(app(other), 'admin/index.js'), []);
    const unmapped = sourceLines("const { db } = require('@lib/aws');", "exports.find = (p) => db.get(p).promise();");
    assert.deepEqual(hints(app({ 'src/unmapped.js': unmapped }), 'src/unmapped.js'), []);
    const outside = JSON.stringify({ name: 'bookings-api', _moduleAliases: { '@services': '../../elsewhere/services' } });
    assert.deepEqual(hints({ ...app(), 'package.json': outside }, 'src/services/items.js'), []);
  });
});
