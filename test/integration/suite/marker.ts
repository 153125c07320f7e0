/** Prefixes the suite's own console lines, so the runner can tell them from the workbench's logs. */
export const SUITE_OUTPUT_MARKER = '[aws-db-study suite] ';
