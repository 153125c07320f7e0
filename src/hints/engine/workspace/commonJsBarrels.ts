/**
 * A CommonJS barrel: a module that passes on what other modules of the project export, by setting
 * `module.exports` to a `require` of one (`module.exports = require('./aws.service')`), to a name bound to
 * one (`const awsService = require('./aws.service'); module.exports = awsService;`) or to an object of such
 * names (`module.exports = { User, Outlet }`). Express projects put one in each folder's `index.js`, and the
 * files that `require('../aws')` get the client through it. The test reads the text only, in linear time.
 */

/** `const name = require('./…')`: a module-level name bound to a project module. */
const REQUIRED_NAME = /\b(?:const|let|var)[ \t]+([A-Za-z_$][\w$]*)[ \t]*=[ \t]*require\([ \t]*['"]\.\.?\//g;
/** `module.exports = require('./…')`. */
const EXPORTS_REQUIRE = /\bmodule\.exports[ \t]*=[ \t]*require\([ \t]*['"]\.\.?\//;
/** `module.exports = name` or `module.exports = { a, b: c }` (an object with no nested braces). */
const EXPORTS_VALUE = /\bmodule\.exports[ \t]*=[ \t]*(\{[^{}]*\}|[A-Za-z_$][\w$]*)/g;

/** Files read per test: barrels are short; a longer file is a module with code of its own. */
const MAX_BARREL_LENGTH = 4000;

/** Whether a JavaScript file's `module.exports` passes on another module of the project, whole or by names. */
export function isCommonJsBarrel(text: string): boolean {
  if (text.length > MAX_BARREL_LENGTH || !text.includes('module.exports')) {
    return false;
  }
  if (EXPORTS_REQUIRE.test(text)) {
    return true;
  }
  const required = new Set<string>();
  for (const match of text.matchAll(REQUIRED_NAME)) {
    required.add(match[1]);
  }
  if (required.size === 0) {
    return false;
  }
  for (const match of text.matchAll(EXPORTS_VALUE)) {
    if (exportedValues(match[1]).some((value) => required.has(value))) {
      return true;
    }
  }
  return false;
}

/** What `module.exports` is set to: a name, or the value of each property of an object (`{ a, b: c }`: `a`, `c`). */
function exportedValues(written: string): string[] {
  if (!written.startsWith('{')) {
    return [written];
  }
  return written
    .slice(1, -1)
    .split(',')
    .map((property) => property.slice(property.indexOf(':') + 1).trim());
}
