/**
 * Infrastructure as code behind one interface: a template format's reader turns text into the same
 * DocumentModel the SDK analyzers produce (resources as option contexts, plus security group
 * ingress). Each format lives in its own module.
 */
import { budgetCheck } from '../budget';
import { DocumentModel } from '../model';
import { LineIndex } from '../text';
import { looksLikeCloudFormation, PassedParameters, readCloudFormation } from './cloudformation';
import { attachGroupFamilies } from './parameterGroupFamilies';
import { mayBeServerless } from './serverless';
import { readTerraform } from './terraform';
import { OutsideValues } from './terraformOutside';

export type { OutsideValues, PassedParameters };

export type TemplateKind = 'terraform' | 'yaml' | 'json';
export type TemplateLanguage = 'cloudformation' | 'terraform';

/** What the rest of the workspace tells a template: Terraform's values declared in the module's other files, CloudFormation's parameters from parent stacks. */
export interface TemplateWorkspace {
  outside?: OutsideValues;
  passed?: PassedParameters;
  /** What the resources of other templates that import one of this template's security groups may serve (see `workspace/stackExports.ts`). */
  importedGroupUse?: (group: string) => number | undefined;
}

/** Reads a template, or undefined when the YAML or JSON is not CloudFormation. */
export function readTemplate(kind: TemplateKind, text: string, lines: LineIndex, workspace: TemplateWorkspace = {}): { model: DocumentModel; language: TemplateLanguage } | undefined {
  if (kind === 'terraform') {
    const model = readTerraform(text, lines, workspace.outside);
    attachGroupFamilies(model, text, workspace.outside);
    budgetCheck();
    return { model, language: 'terraform' };
  }
  // A Serverless service file without `resources` still has functions and their environment.
  if (!looksLikeCloudFormation(text) && !mayBeServerless(text)) {
    return undefined;
  }
  budgetCheck();
  const model = readCloudFormation(text, lines, workspace.passed, workspace.importedGroupUse);
  attachGroupFamilies(model, text);
  budgetCheck();
  return { model, language: 'cloudformation' };
}
