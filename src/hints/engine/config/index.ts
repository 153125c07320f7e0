/**
 * Application configuration files, read for the database and Redis connections they configure: Spring Boot's
 * `application.yml` and `application.properties` as Java, ASP.NET Core's `appsettings.json` as C#, so that the SQL and Redis client rules of
 * those languages apply to them.
 */
import { DocumentModel } from '../model';
import { LineIndex } from '../text';
import { HintLanguage } from '../types';
import { readAppSettings } from './appsettings';
import { readSpringConfig } from './spring';
import { readSpringProperties } from './springProperties';
import { configFileOf } from './values';

/** The model of a configuration file by its name, or undefined when the file is none (or a test's). */
export function readConfigFile(kind: 'yaml' | 'json' | 'properties', text: string, lines: LineIndex, fileName: string | undefined): { model: DocumentModel; language: HintLanguage } | undefined {
  const file = configFileOf(fileName);
  if (file === 'spring' && kind === 'yaml') {
    return { model: readSpringConfig(text, lines), language: 'java' };
  }
  if (file === 'spring' && kind === 'properties') {
    return { model: readSpringProperties(lines), language: 'java' };
  }
  if (file === 'appsettings' && kind === 'json') {
    return { model: readAppSettings(text, lines), language: 'csharp' };
  }
  return undefined;
}
