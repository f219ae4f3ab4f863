import { child } from '../../parse/xml';
import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { finding } from '../forward/common';
import { domainModel } from './common';

/** What each NIC type's <source> names, for the message. */
const NEEDS_SOURCE: Record<string, string> = {
  network: "<source network='default'/>",
  bridge: "<source bridge='br0'/>",
  direct: "<source dev='eth0' mode='bridge'/>",
  vhostuser: "<source type='unix' path=… mode=…/>",
  server: "<source address=… port=…/>",
  client: "<source address=… port=…/>",
  mcast: "<source address=… port=…/>",
  udp: "<source address=… port=…/>",
  internal: "<source name=…/>",
  vdpa: "<source dev=…/>",
  vds: '<source switchid=… portid=…/>',
};

/** Most NIC types say what to connect to in <source>; libvirt refuses them without it (the schema does not always notice). */
export const nicSourceMissing: Check = {
  id: 'libvirt/nic-source-missing',
  defaultSeverity: 'error',
  description: "A guest <interface> of a type that needs a <source> (network, bridge, direct, …) has none.",
  appliesTo: ['libvirt-domain', 'libvirt-domain-interface'],
  run(ctx) {
    const out: Finding[] = [];
    for (const nic of domainModel(ctx)?.nics ?? []) {
      const type = nic.type?.value;
      if (!type || !(type in NEEDS_SOURCE) || child(nic.el, 'source')) continue;
      out.push(finding(this.id, nic.type!.span, `An interface of type '${type}' needs a <source> saying what to connect to, e.g. ${NEEDS_SOURCE[type]}; libvirt refuses it without one`));
    }
    return out;
  },
};
