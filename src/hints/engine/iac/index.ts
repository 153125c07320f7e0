/**
 * Infrastructure as code behind one interface: a template format's reader turns text into the same
 * DocumentModel the SDK analyzers produce (resources as option contexts, plus security group
 * ingress). Each format lives in its own module.
 */
import { budgetCheck } from '../budget';
import { DocumentModel } from '../model';
import { LineIndex } from '../text';
import { looksLikeCloudFormation, readCloudFormation } from './cloudformation';
import { OutsideDefault, readTerraform } from './terraform';

export type TemplateKind = 'terraform' | 'yaml' | 'json';
export type TemplateLanguage = 'cloudformation' | 'terraform';

/** Reads a template, or undefined when the YAML or JSON is not CloudFormation; Terraform's `outsideDefault` answers for variables the file does not declare. */
export function readTemplate(kind: TemplateKind, text: string, lines: LineIndex, outsideDefault?: OutsideDefault): { model: DocumentModel; language: TemplateLanguage } | undefined {
  if (kind === 'terraform') {
    const model = readTerraform(text, lines, outsideDefault);
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
