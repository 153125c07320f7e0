/**
 * A file that works with another cloud's managed database: it imports that cloud's Pulumi provider (`pulumi_gcp`,
 * `@pulumi/gcp`, Azure's) or its SQL connector (Google's Cloud SQL connectors), and names nothing of AWS. A SQL
 * connection there reaches that cloud's database (a Pulumi program that makes a Cloud SQL instance, then creates its
 * tables over pg8000), so the RDS hovers and findings on SQL connections do not belong to it.
 */
import type { CodeAnalyzer } from './analyzer';
import { perFile } from './fileMemo';

/** Imports of another cloud's database provider or connector, per language family; each match stays on one line. */
const OTHER_CLOUD_IMPORTS: Readonly<Record<string, RegExp>> = {
  python: /^[ \t]*(?:import|from)[ \t]+(?:pulumi_gcp|pulumi_azure_native|pulumi_azure|google\.cloud\.sql\.connector)\b/m,
  js: /['"](?:@pulumi\/gcp|@pulumi\/azure-native|@pulumi\/azure|@google-cloud\/cloud-sql-connector)(?:\/[\w./-]*)?['"]/,
  go: /"(?:github\.com\/pulumi\/pulumi-(?:gcp|azure-native|azure)\/sdk|cloud\.google\.com\/go\/cloudsqlconn)[\w./-]*"/,
};

/** Any word of AWS: its SDKs, its providers, RDS, an endpoint's domain. */
const NAMES_AWS = /\b(?:aws|boto3|botocore|aiobotocore|rds|amazonaws)\b/i;

/** Whether the file's SQL connections reach another cloud's database (see above). */
export const reachesOtherCloudDatabase = perFile((a: CodeAnalyzer): boolean => {
  const imports = Object.hasOwn(OTHER_CLOUD_IMPORTS, a.language.family) ? OTHER_CLOUD_IMPORTS[a.language.family] : undefined;
  return imports !== undefined && imports.test(a.text) && !NAMES_AWS.test(a.text);
});
