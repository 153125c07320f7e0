/**
 * JavaScript constructor functions, the classes of older Node services: `function Store() { this.client =
 * redis.createClient(); }` with methods set on the prototype (`Store.prototype.list = function () {...}`).
 * `this.client` in the constructor and in those methods (and in arrow callbacks inside them) is the client
 * the constructor assigns; a lowercase function, a plain function's `this`, another constructor's prototype,
 * a local of the constructor and a `this` rebound by a nested `function` stay unknown.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('JavaScript constructor functions and their prototype methods', () => {
  it('reads the client a constructor assigns in its prototype methods, arrow callbacks included', () => {
    const code = sourceLines(
      "const redis = require('redis');",
      'const client = redis.createClient();',
      '',
      'function Cache() {',
      '  this.client = client;',
      "  this.client.on('error', (err) => console.error(err));",
      '}',
      '',
      'Cache.prototype.all = async function all(prefix) {',
      "  const keys = await this.client.keys(prefix + '*');",
      '  return keys;',
      '};',
      '',
      'Cache.prototype.put = function (key, value) {',
      '  return new Promise((resolve) => this.client.set(key, value, resolve));',
      '};',
      '',
      'module.exports = Cache;',
    );
    const found = hintsIn('cache.js', code);
    assert.ok(found.includes('10:keys redis-keys'), found.join('\n'));
    assert.ok(found.includes('10:keys redis-keys!'), found.join('\n'));
    assert.ok(found.includes('15:set redis-expire'), found.join('\n'));
  });

  it('reads a client made by a module getter and assigned in the constructor (`this.client = redisClient.getClient()`)', () => {
    const code = sourceLines(
      "const redis = require('redis');",
      '',
      'const getClient = () => redis.createClient({ url: process.env.REDIS_URL });',
      '',
      'function Rooms() {',
      '  this.client = getClient();',
      '}',
      '',
      'Rooms.prototype.list = function (callback) {',
      "  this.client.hgetall('rooms', (err, rooms) => callback(err ? {} : rooms));",
      '};',
      '',
      'module.exports = new Rooms();',
    );
    assert.ok(hintsIn('rooms.js', code).includes('10:hgetall redis-collection-read'));
  });

  it('traps: a lowercase function, another prototype, a constructor local, a nested function and an unassigned field stay silent', () => {
    const code = sourceLines(
      "const redis = require('redis');",
      '',
      'function makeCache() {',
      '  this.client = redis.createClient();',
      "  return this.client.keys('*');",
      '}',
      '',
      'function Store() {',
      '  const local = redis.createClient();',
      '  this.ready = false;',
      "  local.on('ready', () => { this.ready = true; });",
      '}',
      '',
      'Store.prototype.scan = function () {',
      "  return this.local.keys('*');",
      '};',
      '',
      'Store.prototype.later = function () {',
      "  setTimeout(function () { this.client.keys('*'); }, 10);",
      '};',
      '',
      'Other.prototype.all = function () {',
      "  return this.client.keys('*');",
      '};',
      '',
      'function Later() {',
      '  this.client = redis.createClient();',
      '}',
      '',
      'Later.prototype.all = function () {',
      "  return this.cache.keys('*');",
      '};',
    );
    const found = hintsIn('traps.js', code).filter((hint) => hint.includes('redis-keys'));
    assert.deepEqual(found, []);
  });
});
