/**
 * PyMySQL before 1.0 took its connection settings by position, in the order `host, user, password, database`
 * (`pymysql.connect(rds_host, name, password, db_name, connect_timeout=5)`, as AWS's early Lambda tutorial wrote
 * it); 1.0 made them keyword-only. PyMySQL has no DSN: a first positional argument is the host, read as the
 * `host=` keyword would be, and so are the user, password and database after it.
 */
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import type { OptionOccurrence } from '../model';
import { positionalOption } from './options';

const POSITIONS = ['host', 'user', 'password', 'database'];

/** The positional arguments of the PyMySQL call whose `(` is `open`, as the options they set; empty for none. */
export function pymysqlPositionalOptions(a: CodeAnalyzer, open: number): OptionOccurrence[] {
  const options: OptionOccurrence[] = [];
  for (const [index, [start, end]] of segments(a, open).entries()) {
    // A keyword argument or a spread ends the positional ones.
    if (index >= POSITIONS.length || end <= start || (a.isId(start) && a.is(start + 1, '=')) || a.is(start, '*') || a.is(start, '**')) {
      break;
    }
    options.push(positionalOption(a, start, end, POSITIONS[index]));
  }
  return options;
}
