/** Exposure: security group ingress that lets the whole internet reach a database or cache port. */
import { opensBroadRange } from '../iac/groupUse';
import { opensPort } from '../iac/ingress';
import { Check } from './context';

export const openIngress: Check = (rule, context) => {
  const ports = rule.match.ingress?.ports ?? [];
  for (const ingress of context.model.ingress ?? []) {
    // Every port, or a range not aimed at one engine, open on a load balancer's or endpoint's group is not a database port left open.
    if (opensPort(ingress, ports) && !(ingress.servesOthersOnly && opensBroadRange(ingress))) {
      context.report(rule, ingress.openSources[0]);
    }
  }
};
