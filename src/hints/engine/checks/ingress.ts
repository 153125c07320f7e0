/** Exposure: security group ingress that lets the whole internet reach a database or cache port. */
import { opensPort } from '../iac/ingress';
import { Check } from './context';

export const openIngress: Check = (rule, context) => {
  const ports = rule.match.ingress?.ports ?? [];
  for (const ingress of context.model.ingress ?? []) {
    if (opensPort(ingress, ports)) {
      context.report(rule, ingress.openSources[0]);
    }
  }
};
