import type { Check } from '../check';
import { describeFiles, relatedTo } from './related';

/**
 * Two networks with the same UUID but different names: libvirt refuses to
 * define the second ("already defined with uuid"). Same name and UUID in
 * two files is one network written twice: duplicate-network-name says so.
 */
export const duplicateNetworkUuid: Check = {
  id: 'libvirt/duplicate-network-uuid',
  defaultSeverity: 'error',
  description: 'Another network in the workspace has the same UUID under a different name.',
  appliesTo: ['libvirt-network'],
  crossFile: true,
  run({ uri, model, workspace }) {
    if (model.kind !== 'libvirt-network' || !model.uuid?.value) return [];
    const name = model.name?.value;
    const others = workspace
      .networksWithUuid(model.uuid.value)
      .filter((f) => f.uri !== uri && f.networkName?.value !== name && f.uuid);
    if (others.length === 0) return [];
    const names = [...new Set(others.map((o) => `'${o.networkName?.value ?? '?'}'`))].join(', ');
    return [
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
