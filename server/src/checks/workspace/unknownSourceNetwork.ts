import type { Check } from '../check';
import { hostsLabel } from './hostRelated';

/**
 * A VM NIC `<source network='x'>` that no network in the workspace
 * defines, nor any targeted KVM host has. libvirt accepts it with --config
 * and fails when the VM starts or the NIC is attached live ("Network not
 * found").
 */
export const unknownSourceNetwork: Check = {
  id: 'libvirt/unknown-source-network',
  defaultSeverity: 'warning',
  description: 'A VM interface refers to a network that no network XML in the workspace defines and no targeted KVM host has.',
  appliesTo: ['libvirt-domain', 'libvirt-domain-interface'],
  crossFile: true,
  run({ model, workspace }) {
    if (model.kind !== 'libvirt-domain' && model.kind !== 'libvirt-domain-interface') return [];
    const out = [];
    const hosts = workspace.hosts.list();
    for (const nic of model.nics) {
      const v = nic.sourceNetwork;
      if (!v || !v.value || workspace.networksNamed(v.value).length > 0 || workspace.hosts.networksNamed(v.value).length > 0) continue;
      const known = [...new Set([...workspace.networkNames(), ...hosts.flatMap((h) => h.networks.map((n) => n.name))])].sort();
      const where = hosts.length ? ` nor on ${hostsLabel(hosts)}` : '';
      out.push({
        code: this.id,
        span: v.span,
        message: known.length
          ? `No network named '${v.value}' is defined in the files checked${where} (known: ${known.slice(0, 10).join(', ')}${known.length > 10 ? ', …' : ''}); the VM would fail to start with "Network not found"`
          : `No network named '${v.value}' is defined in the files checked${where}; make sure the host has it, or the VM fails to start with "Network not found"`,
      });
    }
    return out;
  },
};
