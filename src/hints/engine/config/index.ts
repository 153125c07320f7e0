/**
 * Application configuration files, read for the database and Redis connections they configure: Spring Boot's
 * `application.yml` and `application.properties` as Java, ASP.NET Core's `appsettings.json` as C#, Redisson's YAML
 * configuration as Java, sequelize-cli's `config/config.json` and TypeORM's `ormconfig.json` as JavaScript, INI
 * settings files (`database.ini`, `alembic.ini`) as Python, so that the
 * SQL and Redis client rules of those languages apply to them.
 */
import { DocumentModel } from '../model';
import { LineIndex } from '../text';
import { ConfigFormat, HintLanguage } from '../types';
import { readAppSettings } from './appsettings';
import { readIniSettings } from './iniSettings';
import { readOrmJsonConfig } from './ormJson';
import { readRedissonConfig } from './redisson';
import { readSpringConfig } from './spring';
import { readSpringProperties } from './springProperties';
import { configFileOf, isTestSettings } from './values';

/** The model of a configuration file by its name (or a YAML file's root keys), or undefined when the file is none (or a test's). */
export function readConfigFile(kind: 'yaml' | 'json' | 'properties' | 'ini', text: string, lines: LineIndex, fileName: string | undefined): { model: DocumentModel; language: HintLanguage } | undefined {
  if (kind === 'ini') {
    // ConfigParser's files configure Python code: the Python drivers' and redis-py's hovers fit them. A test's is none.
    return isTestSettings(fileName) ? undefined : { model: readIniSettings(lines), language: 'python' };
  }
  const file = configFileOf(fileName, kind === 'yaml' ? text : undefined);
  if (file === 'spring' && kind === 'yaml') {
    return inFormat(readSpringConfig(text, lines), 'spring-config', 'java');
  }
  if (file === 'spring' && kind === 'properties') {
    return inFormat(readSpringProperties(lines), 'spring-properties', 'java');
  }
  if (file === 'redisson' && kind === 'yaml') {
    return inFormat(readRedissonConfig(text, lines), 'redisson-config', 'java');
  }
  if (file === 'appsettings' && kind === 'json') {
    return inFormat(readAppSettings(text, lines), 'appsettings', 'csharp');
  }
  if ((file === 'sequelize' || file === 'typeorm') && kind === 'json') {
    // Their options are those of the ORM's call in JavaScript, whose hovers fit them.
    return { model: readOrmJsonConfig(file, text, lines), language: 'javascript' };
  }
  return undefined;
}

/** The model with its contexts and connections marked as read from a file of `format`, so that their hovers show that file's form. */
function inFormat(model: DocumentModel, format: ConfigFormat, language: HintLanguage): { model: DocumentModel; language: HintLanguage } {
  for (const read of [...model.contexts, ...(model.sqlConnections ?? [])]) {
    // A reader may have named the origin itself (Quarkus's datasource in an `application.properties`: Java's examples).
    read.readerOrigin ??= format;
  }
  return { model, language };
}
