/**
 * Command-line tools: a command of click or typer (Python), commander (Node) or CommandLineParser and
 * System.CommandLine (C#) runs once per process, as `main` does, and so does a function of the file that only such
 * commands call. A Redis client it opens and closes is the tool's whole life, not a connection per call.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

const RULE = 'redis-connection-per-call';
const findings = (file: string, code: string): string[] => hintsOfRules(file, code, [RULE]).filter((hint) => hint.endsWith('!'));

describe('Command-line commands run once per process', () => {
  it('leaves a click command alone, and still reports a helper it calls once per key', () => {
    const tool = sourceLines(
      'import os',
      'import click',
      'import redis',
      '',
      '@click.group()',
      'def cli():',
      '    pass',
      '',
      '@cli.command()',
      '@click.argument("pattern")',
      'def purge(pattern):',
      '    client = redis.Redis(host=os.environ["REDIS_HOST"])', // 12
      '    for key in client.scan_iter(match=pattern):',
      '        drop(key)',
      '    client.close()',
      '',
      'def drop(key):',
      '    conn = redis.Redis(host=os.environ["REDIS_HOST"])', // 18
      '    conn.unlink(key)',
      '    conn.close()',
    );
    assert.deepEqual(findings('tool.py', tool), [`18:Redis ${RULE}!`]);
  });

  it('leaves a commander action alone, written in place or named, and not a function of a file without commander', () => {
    const inPlace = sourceLines(
      "const { program } = require('commander');",
      "const Redis = require('ioredis');",
      "program.command('purge <pattern>').action(async (pattern) => {",
      '  const client = new Redis(process.env.REDIS_URL);',
      '  await client.unlink(pattern);',
      '  await client.quit();',
      '});',
    );
    assert.deepEqual(findings('tool.js', inPlace), []);
    const named = sourceLines(
      "import { program } from 'commander';",
      "import Redis from 'ioredis';",
      'async function purge(pattern) {',
      '  const client = new Redis(process.env.REDIS_URL);',
      '  await client.unlink(pattern);',
      '  await client.quit();',
      '}',
      "program.command('purge <pattern>').action(purge);",
    );
    assert.deepEqual(findings('tool.ts', named), []);
    const noFramework = sourceLines(
      "const Redis = require('ioredis');",
      'queue.action(async (pattern) => {',
      '  const client = new Redis(process.env.REDIS_URL);', // 3
      '  await client.unlink(pattern);',
      '  await client.quit();',
      '});',
    );
    assert.deepEqual(findings('worker.js', noFramework), [`3:Redis ${RULE}!`]);
  });

  it('leaves a CommandLineParser handler and the method it calls alone, and not one another method also calls', () => {
    const program = (extraCaller: string[]): string =>
      sourceLines(
        'using CommandLine;',
        'using StackExchange.Redis;',
        'class Purge { [Option(\'p\')] public string Pattern { get; set; } }',
        'class Program {',
        '  static void Main(string[] args) {',
        '    Parser.Default.ParseArguments<Purge>(args).WithParsed<Purge>(async o => await RunPurge(o));',
        '  }',
        '  static async Task RunPurge(Purge o) {',
        '    var redis = ConnectionMultiplexer.Connect(Environment.GetEnvironmentVariable("REDIS"));', // 9
        '    await redis.GetDatabase().KeyDeleteAsync(o.Pattern);',
        '    redis.Dispose();',
        '  }',
        ...extraCaller,
        '}',
      );
    assert.deepEqual(findings('Program.cs', program([])), []);
    const alsoPerRequest = ['  static async Task Nightly(Purge[] all) {', '    foreach (var o in all) { await RunPurge(o); }', '  }'];
    assert.deepEqual(findings('Program.cs', program(alsoPerRequest)), [`9:ConnectionMultiplexer ${RULE}!`]);
  });

  it('reads a command whose options class shares its name, passed by System.CommandLine', () => {
    const program = sourceLines(
      'using System.CommandLine;',
      'using StackExchange.Redis;',
      'class ClientKeys { public string Host { get; set; } }',
      'class Program {',
      '  static void Main(string[] args) {',
      '    var command = new Command("clients");',
      '    command.SetHandler(async (ClientKeys options) => await ClientKeys(options));',
      '  }',
      '  static async Task ClientKeys(ClientKeys options) {',
      '    var redis = ConnectionMultiplexer.Connect(options.Host);',
      '    redis.Dispose();',
      '  }',
      '}',
    );
    assert.deepEqual(findings('Program.cs', program), []);
  });
});
