/** Names VS Code knows the design hints by, shared by activation (registerHints.ts) and the engine's side (hintService.ts). */

/** The settings' section, `awsDbStudy.hints.*`. */
export const HINTS_SECTION = 'awsDbStudy.hints';
/** The `source` of our diagnostics. */
export const DIAGNOSTIC_SOURCE = 'aws-db-hints';
