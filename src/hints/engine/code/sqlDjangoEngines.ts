/**
 * The backend a Django `DATABASES` entry's `ENGINE` names (`code/sqlDjango.ts`): a string, or a module-level name
 * every assignment of which in the file is a string (`PG_ENGINE = "django.db.backends.postgresql"`, switched to
 * another backend under a condition), as settings modules write it when a flag picks the backend.
 * django-iam-dbauth's backends (`django_iam_dbauth.aws.postgresql`, `.mysql`; https://github.com/labd/django-iam-dbauth)
 * wrap Django's and sign in with an RDS IAM token, so they name RDS by themselves.
 */
import type { CodeAnalyzer } from './analyzer';
import { tokensNamed } from './tokenIndex';

/** The backends of PostgreSQL and MySQL servers (`django.db.backends.postgresql`, `django.contrib.gis.db.backends.postgis`). */
const SERVER_ENGINE = /\.db\.backends\.(?:postgresql(?:_psycopg2)?|postgis|mysql)$/;
/** django-iam-dbauth's backends, which connect with an IAM authentication token, so to RDS. */
const IAM_ENGINE = /^django_iam_dbauth\.aws\.(?:postgresql|mysql)$/;

export interface DjangoBackend {
  /** Whether it is MySQL's (mysqlclient) rather than PostgreSQL's (psycopg). */
  mysql: boolean;
  /** Every backend the value can name signs in with an RDS IAM token. */
  iam: boolean;
}

/** The backends a string token names, if each is a server's. */
function backendOf(text: string): DjangoBackend | undefined {
  const engine = text.trim();
  const iam = IAM_ENGINE.test(engine);
  return iam || SERVER_ENGINE.test(engine) ? { mysql: engine.endsWith('mysql'), iam } : undefined;
}

/** Outside every function and class: the module's own statements, `if` branches included. */
function atModuleLevel(a: CodeAnalyzer, k: number): boolean {
  return a.scopes.enclosing(k, ['function', 'class']) < 0;
}

/** The strings every module-level `name = "..."` of the file assigns, or undefined when one assigns anything else. */
function moduleStrings(a: CodeAnalyzer, name: string, use: number): string[] | undefined {
  const found: string[] = [];
  for (const k of tokensNamed(a, name)) {
    if (k >= use || !a.is(k + 1, '=') || a.isAccess(k - 1) || !a.startsLine(k)) {
      continue;
    }
    if (!atModuleLevel(a, k) || !a.isString(k + 2) || a.tokens.interpolated(k + 2) || (k + 3 < a.tokens.length && !a.startsLine(k + 3))) {
      return undefined;
    }
    found.push(a.tokens.text(k + 2));
  }
  return found.length > 0 ? found : undefined;
}

/** The server backend of an `ENGINE` value's tokens [from, to), or undefined when it names none or is not seen. */
export function djangoBackend(a: CodeAnalyzer, from: number, to: number): DjangoBackend | undefined {
  if (to !== from + 1) {
    return undefined;
  }
  if (a.isString(from)) {
    return a.tokens.interpolated(from) ? undefined : backendOf(a.tokens.text(from));
  }
  const name = a.id(from);
  const values = name !== undefined && atModuleLevel(a, from) ? moduleStrings(a, name, from) : undefined;
  const backends = values?.map(backendOf);
  if (!backends || backends.some((backend) => backend === undefined)) {
    return undefined;
  }
  const known = backends as DjangoBackend[];
  return { mysql: known.every((backend) => backend.mysql), iam: known.every((backend) => backend.iam) };
}
