import type { Check } from '../check';
import { describeFiles, relatedTo } from './related';

/**
 * The same network name in two files. With two different UUIDs libvirt
 * refuses the second definition ("already exists with uuid"): an error.
 * Otherwise the second definition silently replaces the first: a warning.
 */
export const duplicateNetworkName: Check = {
  id: 'libvirt/duplicate-network-name',
  defaultSeverity: 'error',
  description: 'Another file in the workspace defines a network with the same name.',
  appliesTo: ['libvirt-network'],
  crossFile: true,
  run({ uri, model, workspace }) {
    if (model.kind !== 'libvirt-network' || !model.name?.value) return [];
    const others = workspace.networksNamed(model.name.value).filter((f) => f.uri !== uri);
    if (others.length === 0) return [];
    const mine = model.uuid?.value.toLowerCase();
    const conflicting = others.some((o) => mine && o.uuid?.value && o.uuid.value.toLowerCase() !== mine);
    const where = describeFiles(others.map((o) => o.uri));
    return [
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
