import type { Check } from '../check';
import { finding, networkOf } from './util';

const ID = 'libvirt/bridge-name-too-long';
/** Linux interface names hold at most 15 characters (IFNAMSIZ 16 with the terminator). */
const IFNAMSIZ = 15;

/**
 * libvirt accepts a longer bridge name at define time; creating the bridge
 * fails when the network starts.
 */
export const bridgeNameTooLongCheck: Check = {
  id: ID,
  defaultSeverity: 'warning',
  description: 'A bridge name longer than the 15 characters Linux allows for an interface name.',
  appliesTo: ['libvirt-network'],
  run(ctx) {
    const b = networkOf(ctx)?.bridgeName;
    if (!b || b.value.includes('%') || b.value.length <= IFNAMSIZ) return [];
    return [finding(ID, b.span, `bridge name '${b.value}' is ${b.value.length} characters long; Linux interface names are limited to ${IFNAMSIZ}, so the network will fail to start`)];
  },
};
