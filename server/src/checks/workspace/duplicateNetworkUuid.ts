import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { hostRelated, hostsLabel } from './hostRelated';
import { describeFiles, relatedTo } from './related';

/**
 * Two networks with the same UUID but different names: libvirt refuses to
 * define the second ("already defined with uuid"). Same name and UUID in
 * two files is one network written twice: duplicate-network-name says so.
 * A targeted KVM host's network with this UUID and another name is the same
 * clash on that host; with this name too it is the deployed copy of this file.
 */
export const duplicateNetworkUuid: Check = {
  id: 'libvirt/duplicate-network-uuid',
  defaultSeverity: 'error',
  description: 'Another network in the workspace, or on a targeted KVM host, has the same UUID under a different name.',
  appliesTo: ['libvirt-network'],
  crossFile: true,
  run({ uri, model, workspace }) {
    if (model.kind !== 'libvirt-network' || !model.uuid?.value) return [];
    const name = model.name?.value;
    const uuid = model.uuid;
    const out: Finding[] = [];
    const onHosts = workspace.hosts.networksWithUuid(uuid.value).filter((r) => r.network.name !== name);
    if (onHosts.length > 0) {
      const names = [...new Set(onHosts.map((r) => `'${r.network.name}'`))].join(', ');
      out.push({
        code: this.id,
        span: uuid.span,
        message: `UUID ${uuid.value} is already used by network ${names} on ${hostsLabel(onHosts.map((r) => r.host))}; libvirt there refuses this definition ("network ${names.split(', ')[0]} is already defined with uuid")`,
        related: onHosts.slice(0, 20).map((r) => hostRelated(r.host, 'network', r.network.name, `network '${r.network.name}' has UUID ${uuid.value}`)),
      });
    }
    const others = workspace
      .networksWithUuid(uuid.value)
      .filter((f) => f.uri !== uri && f.networkName?.value !== name && f.uuid);
    if (others.length === 0) return out;
    const names = [...new Set(others.map((o) => `'${o.networkName?.value ?? '?'}'`))].join(', ');
    return [
      ...out,
      {
        code: this.id,
        span: model.uuid.span,
        message: `UUID ${model.uuid.value} is also used by network ${names} in ${describeFiles(others.map((o) => o.uri))}; libvirt refuses a second network with the same UUID`,
        related: relatedTo(
          others.map((o) => ({ uri: o.uri, span: o.uuid!.span })),
          () => `same UUID, network '${others[0].networkName?.value ?? '?'}'`,
        ),
      },
    ];
  },
};
