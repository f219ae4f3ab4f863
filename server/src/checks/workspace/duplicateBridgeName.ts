import type { Check } from '../check';
import type { FileFacts } from '../../workspace/workspaceIndex';
import { describeFiles, relatedTo } from './related';

/** Networks whose bridge libvirt creates itself (every mode but the host-bridge and macvtap ones). */
function managesBridge(f: { forwardMode?: string }): boolean {
  return f.forwardMode === undefined || ['nat', 'route', 'open'].includes(f.forwardMode);
}

/**
 * Two networks naming the same bridge. When libvirt creates the bridge for
 * either of them, its network driver refuses the definition ("bridge name
 * already in use"); two `forward mode='bridge'` networks over one host
 * bridge are only redundant (a warning). Templates such as `virbr%d` are
 * allocated by libvirt and never clash.
 */
export const duplicateBridgeName: Check = {
  id: 'libvirt/duplicate-bridge-name',
  defaultSeverity: 'error',
  description: 'Another network in the workspace uses the same bridge name.',
  appliesTo: ['libvirt-network'],
  crossFile: true,
  run({ uri, model, workspace }) {
    if (model.kind !== 'libvirt-network' || !model.bridgeName?.value || model.bridgeName.value.includes('%d')) return [];
    const others: FileFacts[] = workspace.networksWithBridge(model.bridgeName.value).filter((f) => f.uri !== uri && f.networkName?.value !== model.name?.value);
    if (others.length === 0) return [];
    const mode = model.forward ? (model.forwardMode?.value ?? 'nat') : undefined;
    const clash = managesBridge({ forwardMode: mode }) || others.some(managesBridge);
    const names = [...new Set(others.map((o) => `'${o.networkName?.value ?? '?'}'`))].join(', ');
    return [
      {
        code: this.id,
        span: model.bridgeName.span,
        severity: clash ? 'error' : 'warning',
        message: clash
          ? `Bridge '${model.bridgeName.value}' is also used by network ${names} (${describeFiles(others.map((o) => o.uri))}); libvirt refuses a bridge name that another network already uses`
          : `Bridge '${model.bridgeName.value}' is also the host bridge of network ${names} (${describeFiles(others.map((o) => o.uri))}); one libvirt network per host bridge is enough`,
        related: relatedTo(
          others.map((o) => ({ uri: o.uri, span: o.bridgeName!.span })),
          () => `bridge '${model.bridgeName!.value}' used here too`,
        ),
      },
    ];
  },
};
