/**
 * A client a request's helper builds from what a settings loader of the same file returns (`params =
 * config(section="redis")` over a ConfigParser, `loadConfig()` over a JSON file): the same settings on every request,
 * so the client could be made once. A loader that reads the request, or is given what the request holds, is not alike.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

const RULES = ['client-per-request'];
/** The findings of `client-per-request` (each also has its hover). */
const findings = (file: string, code: string): string[] => hintsOfRules(file, code, RULES).filter((hint) => hint.endsWith('!'));

const flaskApp = (loaderBody: string[], call: string): string =>
  sourceLines(
    'from configparser import ConfigParser',
    'from flask import Flask, request',
    'import redis',
    '',
    'app = Flask(__name__)',
    '',
    "def config(filename='config/app.ini', section='postgresql'):",
    ...loaderBody,
    '',
    'def cache_client():',
    `    params = ${call}`,
    '    return redis.Redis(**params)',
    '',
    "@app.route('/profile')",
    'def profile():',
    '    cache = cache_client()', // 15 + loader lines
    "    return cache.get('profile') or ''",
  );

const INI_LOADER = ['    parser = ConfigParser()', '    parser.read(filename)', '    return dict(parser.items(section))'];

describe('Clients built from a settings loader of the file', () => {
  it('reports a Redis client a route\'s helper builds from a ConfigParser loader given literals, at the route\'s call', () => {
    assert.deepEqual(findings('app.py', flaskApp(INI_LOADER, "config(section='redis')")), ['18:cache_client client-per-request!']);
  });

  it('reads a JavaScript loader over a JSON file the same way', () => {
    const code = sourceLines(
      "const fs = require('fs');",
      "const Redis = require('ioredis');",
      "const express = require('express');",
      'const app = express();',
      'function loadSettings(name) {',
      "  return JSON.parse(fs.readFileSync(`./settings/${name}.json`, 'utf8'));",
      '}',
      "app.get('/feed', async (req, res) => {",
      "  const settings = loadSettings('cache');",
      '  const cache = new Redis(settings);', // 10
      "  res.json(await cache.lrange('feed', 0, 20));",
      '});',
    );
    assert.deepEqual(findings('server.js', code), ['10:Redis client-per-request!']);
  });

  it('leaves a loader that reads the request, one given what the request holds, and a function that reads no settings', () => {
    const readsRequest = [...INI_LOADER.slice(0, 2), "    return dict(parser.items(request.args.get('region', section)))"];
    assert.deepEqual(findings('app.py', flaskApp(readsRequest, "config(section='redis')")), []);
    const given = flaskApp(INI_LOADER, "config(section=request.headers['X-Tenant'])");
    assert.deepEqual(findings('app.py', given), []);
    const noSettings = ['    return {"host": section}'];
    assert.deepEqual(findings('app.py', flaskApp(noSettings, "config(section='redis')")), []);
  });
});
