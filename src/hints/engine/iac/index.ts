/**
 * Infrastructure as code behind one interface: a template format's reader turns text into the same
 * DocumentModel the SDK analyzers produce (resources as option contexts, plus security group
 * ingress). Each format lives in its own module.
 */
import { budgetCheck } from '../budget';
import { DocumentModel } from '../model';
import { LineIndex } from '../text';
import { looksLikeCloudFormation, readCloudFormation } from './cloudformation';
import { OutsideValues, readTerraform } from './terraform';

export type { OutsideValues };

export type TemplateKind = 'terraform' | 'yaml' | 'json';
export type TemplateLanguage = 'cloudformation' | 'terraform';

/** Reads a template, or undefined when the YAML or JSON is not CloudFormation; Terraform's `outside` answers for variables and locals the file does not declare. */
export function readTemplate(kind: TemplateKind, text: string, lines: LineIndex, outside?: OutsideValues): { model: DocumentModel; language: TemplateLanguage } | undefined {
  if (kind === 'terraform') {
    const model = readTerraform(text, lines, outside);
    budgetCheck();
    return { model, language: 'terraform' };
  }
  if (!looksLikeCloudFormation(text)) {
    return undefined;
  }
  budgetCheck();
  const model = readCloudFormation(text, lines);
  budgetCheck();
  return { model, language: 'cloudformation' };
}
