import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { hostRelated, hostsLabel } from './hostRelated';
import { describeFiles, relatedTo } from './related';

/**
 * The same network name in two files. With two different UUIDs libvirt
 * refuses the second definition ("already exists with uuid"): an error.
 * Otherwise the second definition silently replaces the first: a warning.
 * A targeted KVM host's network of this name with the same UUID is the
 * deployed copy of this file (fine); with another UUID, or when this file
 * has none (libvirt then makes up a new one), `virsh net-define` fails there
 * ("network 'x' already exists with uuid …"): an error.
 */
export const duplicateNetworkName: Check = {
  id: 'libvirt/duplicate-network-name',
  defaultSeverity: 'error',
  description: 'Another file in the workspace, or a targeted KVM host, defines a network with the same name (on a host: with another UUID).',
  appliesTo: ['libvirt-network'],
  crossFile: true,
  run({ uri, model, workspace }) {
    if (model.kind !== 'libvirt-network' || !model.name?.value) return [];
    const name = model.name;
    const mine = model.uuid?.value.toLowerCase();
    const out: Finding[] = [];
    // A host network of unknown UUID cannot be told from the deployed copy: nothing said.
    const onHosts = workspace.hosts.networksNamed(name.value).filter((r) => r.network.uuid && r.network.uuid !== mine?.trim());
    if (onHosts.length > 0) {
      const uuids = [...new Set(onHosts.map((o) => o.network.uuid))];
      const theirs = uuids.length === 1 ? `UUID ${uuids[0]}` : 'other UUIDs';
      out.push({
        code: this.id,
        span: name.span,
        severity: 'error',
        message:
          `Network '${name.value}' already exists on ${hostsLabel(onHosts.map((o) => o.host))} with ${theirs}` +
          `${mine ? '' : ' and this file has no <uuid>'}; virsh net-define fails there ("network '${name.value}' already exists with uuid …")` +
          (uuids.length === 1 ? `: to update the deployed network, give this file <uuid>${uuids[0]}</uuid>` : ''),
        related: onHosts.slice(0, 20).map((o) => hostRelated(o.host, 'network', o.network.name, `network '${name.value}' has UUID ${o.network.uuid}`)),
      });
    }
    const others = workspace.networksNamed(name.value).filter((f) => f.uri !== uri);
    if (others.length === 0) return out;
    const conflicting = others.some((o) => mine && o.uuid?.value && o.uuid.value.toLowerCase() !== mine);
    const where = describeFiles(others.map((o) => o.uri));
    return [
      ...out,
      {
        code: this.id,
        span: model.name.span,
        severity: conflicting ? 'error' : 'warning',
        message: conflicting
          ? `Network '${model.name.value}' is also defined in ${where} with a different UUID; libvirt refuses the second definition`
          : `Network '${model.name.value}' is also defined in ${where}; defining both replaces one with the other`,
        related: relatedTo(
          others.map((o) => ({ uri: o.uri, span: o.networkName!.span })),
          () => `network '${model.name!.value}' defined here too`,
        ),
      },
    ];
  },
};
