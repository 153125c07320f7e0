/**
 * The JSON configuration files of two JavaScript ORMs, which they load by name: sequelize-cli's `config/config.json`,
 * one object per environment (https://sequelize.org/docs/v6/other-topics/migrations/#configuration), and TypeORM
 * 0.2's `ormconfig.json`, one connection or a list of them
 * (https://github.com/typeorm/typeorm/blob/0.2.45/docs/using-ormconfig.md). Each connection whose engine RDS runs is
 * read with the options its code form has (`password`, `host`, `ssl.rejectUnauthorized`; Sequelize's
 * `dialectOptions.ssl`, since it hands only those to the driver), so the JavaScript SQL rules apply. As for the
 * other configuration files, findings need an RDS endpoint in the file; any other server gives hovers only, and a
 * local server's connection and the `test` environment are not read.
 */
import { readJson } from '../iac/json';
import { IacMap, IacNode } from '../iac/tree';
import { DocumentModel, NO_SCOPES, OptionContext, OptionOccurrence } from '../model';
import { LineIndex } from '../text';
import { normalizeName } from '../types';
import { TEST_ENVIRONMENT } from '../code/sqlConfigFiles';
import { namesLocalHost } from '../code/sqlDsnOptions';
import { ENGINE_KEY, ormClientType, servesRds } from '../code/sqlOrmJs';
import { configLiteral, hoverOnly, isRdsHost } from './values';

export type OrmJsonFlavor = 'sequelize' | 'typeorm';

/** Nesting read below a connection: `dialectOptions.ssl.rejectUnauthorized` is three deep. */
const MAX_DEPTH = 4;

/** Reads an ORM's JSON configuration into one SQL client context per connection. */
export function readOrmJsonConfig(flavor: OrmJsonFlavor, text: string, lines: LineIndex): DocumentModel {
  const { root, suppressions } = readJson(text, lines);
  const model: DocumentModel = { operations: [], contexts: [], redisCalls: [], scopes: NO_SCOPES, suppressions };
  for (const connection of root ? connections(flavor, root) : []) {
    const context = connectionContext(flavor, connection);
    if (context) {
      model.contexts.push(context);
    }
  }
  return model;
}

/** The maps that configure a connection: the root, each of a list, or each environment's but a test's (each of its list, where it lists several). */
function connections(flavor: OrmJsonFlavor, root: IacNode): IacMap[] {
  const engineKey = ENGINE_KEY[flavor];
  const namesEngine = (map: IacMap): boolean => map.entries.some((entry) => entry.key === engineKey);
  const configures = (node: IacNode): node is IacMap => node.kind === 'map' && namesEngine(node);
  if (root.kind === 'list') {
    return root.items.filter(configures);
  }
  if (root.kind !== 'map') {
    return [];
  }
  if (namesEngine(root)) {
    return [root];
  }
  const environments = root.entries.filter((entry) => !TEST_ENVIRONMENT.test(entry.key));
  return environments.flatMap((entry) => (entry.value.kind === 'list' ? entry.value.items : [entry.value])).filter(configures);
}

function connectionContext(flavor: OrmJsonFlavor, connection: IacMap): OptionContext | undefined {
  // The engine the JSON names, as the same ORM's call in code is judged (`sqlOrmJs.ts`).
  const engine = scalarText(connection, ENGINE_KEY[flavor])?.toLowerCase();
  if (engine === undefined || !servesRds(flavor, engine)) {
    return undefined;
  }
  const options: OptionOccurrence[] = [];
  collect(connection, flavor, 0, options);
  const host = scalarText(connection, 'host');
  const rds = host !== undefined && isRdsHost(host);
  const anchor = connection.entries.find((entry) => entry.key === ENGINE_KEY[flavor])!.keySpan;
  const context: OptionContext = { kind: 'sql-client', type: ormClientType(flavor, engine), options, complete: rds, anchor };
  // A local server's connection is a developer's, as in code.
  if (namesLocalHost(context)) {
    return undefined;
  }
  context.options = rds ? options : hoverOnly(options);
  return context;
}

/** Every scalar entry of the connection and of its nested maps, as options; Sequelize's own `ssl` is not the driver's. */
function collect(map: IacMap, flavor: OrmJsonFlavor, depth: number, into: OptionOccurrence[]): void {
  for (const entry of map.entries) {
    if (depth === 0 && flavor === 'sequelize' && entry.key === 'ssl') {
      continue;
    }
    const value = entry.value;
    const norm = normalizeName(entry.key);
    if (value.kind === 'scalar') {
      const literal = norm === 'password' && value.literal.kind === 'str' ? configLiteral(value.literal.value) : value.literal;
      into.push({ name: entry.key, norm, key: entry.keySpan, value: value.span, literal, removal: entry.removal });
    } else if (value.kind === 'map' && depth < MAX_DEPTH) {
      into.push({ name: entry.key, norm, key: entry.keySpan, value: value.span, literal: { kind: 'expr', text: '' }, removal: entry.removal });
      collect(value, flavor, depth + 1, into);
    }
  }
}

function scalarText(map: IacMap, key: string): string | undefined {
  const value = map.entries.find((entry) => entry.key === key)?.value;
  return value?.kind === 'scalar' && value.literal.kind === 'str' ? value.literal.value : undefined;
}
