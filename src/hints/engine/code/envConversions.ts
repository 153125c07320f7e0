/**
 * A number, flag or duration parsed from one value (`strconv.Atoi(os.Getenv("REDIS_DB"))`, `int(os.environ["PORT"])`,
 * `Number(process.env.PORT)`, `Integer.parseInt(System.getenv("PORT"))`): a pure conversion, so what it parses
 * from the environment is still the environment's, which every call of a function shares.
 */
import type { CodeAnalyzer } from './analyzer';

/** Conversions by their written name: Go's strconv and time, Python's and JavaScript's built-ins, Java's boxes. */
const CONVERSIONS = new Set([
  'strconv.Atoi', 'strconv.ParseInt', 'strconv.ParseUint', 'strconv.ParseBool', 'strconv.ParseFloat', 'time.ParseDuration',
  'int', 'float', 'bool', 'str',
  'Number', 'parseInt', 'parseFloat', 'Boolean', 'String',
  'Integer.parseInt', 'Integer.valueOf', 'Long.parseLong', 'Boolean.parseBoolean',
]);

/** The first token of the argument when a conversion call starts at `start` (`strconv.Atoi(` then the value), else -1. */
export function convertedArgument(a: CodeAnalyzer, start: number): number {
  if (!a.isId(start) || a.isAccess(start - 1)) {
    return -1;
  }
  const qualified = a.isAccess(start + 1) && a.isId(start + 2);
  const open = qualified ? start + 3 : start + 1;
  const name = qualified ? `${a.tokens.text(start)}.${a.tokens.text(start + 2)}` : a.tokens.text(start);
  return a.is(open, '(') && a.partner[open] > open + 1 && CONVERSIONS.has(name) ? open + 1 : -1;
}
