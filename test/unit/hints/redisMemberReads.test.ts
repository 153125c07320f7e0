/**
 * Per-member reads of sorted sets and geo sets (ZSCORE, GEOPOS) sent one by one in a loop, directly or through a
 * helper method of the same class: ZMSCORE, or GEOPOS with many members, answers them in one round trip.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const findings = (hints: string[]): string[] => hints.filter((hint) => hint.endsWith('!'));

describe('Redis per-member reads in a loop', () => {
  it('TypeScript (node-redis in a NestJS service): a helper that reads one score per call, awaited per member', () => {
    const found = hintsIn(
      'leaderboard.service.ts',
      sourceLines(
        "import { Inject, Injectable } from '@nestjs/common';",
        "import { RedisClientType } from 'redis';",
        '@Injectable()',
        'export class LeaderboardService {',
        "  constructor(@Inject('CACHE') private readonly cache: RedisClientType) {}",
        '  async board(name: string) {',
        '    const players = await this.cache.zRange(name, 0, 9, { REV: true });',
        '    const rows: Record<string, number | null> = {};',
        '    for (const player of players) {',
        '      rows[player] = await this.scoreOf(name, player);',
        '    }',
        '    return rows;',
        '  }',
        '  async scoreOf(name: string, player: string) {',
        '    return this.cache.zScore(name, player);',
        '  }',
        '  async together(name: string, players: string[]) {',
        '    return Promise.all(players.map((player) => this.cache.zScore(name, player)));',
        '  }',
        '  async bump(name: string, players: string[]) {',
        '    for (const player of players) {',
        '      await this.addOne(name, player);',
        '    }',
        '  }',
        '  async addOne(name: string, player: string) {',
        '    await this.cache.zIncrBy(name, 1, player);',
        '  }',
        '}',
      ),
    );
    assert.deepEqual(findings(found), ['10:scoreOf redis-loop-round-trips!']);
  });

  it('JavaScript (ioredis): GEOPOS awaited per member of a radius search, but not once for all of them', () => {
    const found = hintsIn(
      'stores.js',
      sourceLines(
        "const Redis = require('ioredis');",
        'const geo = new Redis(process.env.GEO_URL);',
        'async function nearby(lon, lat) {',
        "  const names = await geo.georadius('stores', lon, lat, 5, 'km');",
        '  const out = [];',
        '  for (const name of names) {',
        "    const [pos] = await geo.geopos('stores', name);",
        '    out.push({ name, pos });',
        '  }',
        '  return out;',
        '}',
        'async function positions(names) {',
        "  return geo.geopos('stores', ...names);",
        '}',
        'module.exports = { nearby, positions };',
      ),
    );
    assert.deepEqual(findings(found), ['7:geopos redis-loop-round-trips!']);
  });
});
