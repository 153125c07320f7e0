/** Exposure: security group ingress that lets the whole internet reach a database or cache port. */
import { EXPOSES_CACHE, EXPOSES_DATABASE, opensBroadRange } from '../iac/groupUse';
import { opensPort, opensStorePort } from '../iac/ingress';
import { Check } from './context';

export const openIngress: Check = (rule, context) => {
  const ports = rule.match.ingress?.ports ?? [];
  const kind = rule.service === 'elasticache' ? EXPOSES_CACHE : EXPOSES_DATABASE;
  for (const ingress of context.model.ingress ?? []) {
    // Every port, or a range not aimed at one engine, open on a load balancer's or endpoint's group is not a database
    // port left open; on a group only caches use, it is a cache's, not a database's (and the reverse).
    const broad = opensBroadRange(ingress);
    const elsewhere = broad && (ingress.servesOthersOnly === true || (ingress.exposes !== undefined && (ingress.exposes & kind) === 0));
    if ((opensPort(ingress, ports) || opensStorePort(ingress, kind)) && !elsewhere) {
      // A Pulumi group's hover shows the Pulumi example.
      context.report(rule, ingress.openSources[0], undefined, undefined, undefined, undefined, ingress.readerOrigin);
    }
  }
};
