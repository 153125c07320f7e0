/**
 * Prisma's driver adapter for PostgreSQL: `new PrismaPg({ connectionString, ssl })` from `@prisma/adapter-pg` opens a
 * `pg` Pool with the options it is given, and `new PrismaClient({ adapter })` sends every query through it; Prisma 7
 * reaches SQL databases only through such adapters (https://www.npmjs.com/package/@prisma/adapter-pg). So the adapter
 * made from options is a connection place and its options are `pg`'s. Made from a pool (`new PrismaPg(pool)`, the
 * older form) it opens nothing: the pool is the place, read where it is made.
 */
import type { CodeAnalyzer } from './analyzer';
import type { Driver } from './sqlDrivers';

export const PRISMA_PG_ADAPTER: Driver = { flavor: 'pg', paths: new Set(['PrismaPg', 'default.PrismaPg']), constructed: true, optionsOnly: true };

/**
 * Whether the call opening at `open` is given the driver's options, written in place or held by a name bound to an
 * object literal: not a pool, nor anything this file does not show.
 */
export function givenOptions(a: CodeAnalyzer, open: number): boolean {
  const first = open + 1;
  if (a.is(first, '{')) {
    return true;
  }
  return a.isId(first) && (a.is(first + 1, ')') || a.is(first + 1, ',')) && a.objectVariable(a.tokens.text(first), first) >= 0;
}
