import { attr } from '../../parse/xml';
import type { Check } from '../check';
import { DIRECT_MODES, finding, forwardMode, forwardPool, modeSpan, network } from './common';

/**
 * Mode 'bridge' connects guests either to an existing host bridge
 * (<bridge name>) or, macvtap style, to a host device (<forward dev> /
 * <interface> / <pf>): one or the other. Both is refused at define time;
 * neither is accepted by libvirt but every guest start then fails, as it
 * does for the direct modes with no device.
 */
export const bridgeOrForwardDev: Check = {
  id: 'libvirt/bridge-or-forward-dev',
  defaultSeverity: 'error',
  description: "Forward mode 'bridge' gives both a bridge name and a forward device, or a bridge/direct network gives neither.",
  appliesTo: ['libvirt-network'],
  run(ctx) {
    const net = network(ctx);
    if (!net) return [];
    const mode = forwardMode(net);
    if (!mode || (mode !== 'bridge' && !DIRECT_MODES.includes(mode))) return [];
    const pool = forwardPool(net);
    const hasDevice = !!pool.dev || pool.interfaces.length > 0 || pool.pfs.length > 0 || pool.addresses.length > 0;
    const bridgeName = net.bridgeName;
    if (mode === 'bridge' && bridgeName && (pool.dev || pool.interfaces.length > 0 || pool.pfs.length > 0)) {
      const dev = pool.dev?.value ?? (pool.interfaces[0] && attr(pool.interfaces[0], 'dev')?.value) ?? (pool.pfs[0] && attr(pool.pfs[0], 'dev')?.value) ?? '';
      return [
        finding(
          this.id,
          bridgeName.span,
          `Forward mode 'bridge' uses either an existing host bridge (<bridge name='${bridgeName.value}'>) or a host device for macvtap (${dev ? `'${dev}'` : 'the forward device'}), not both; libvirt refuses the network. Keep one`,
        ),
      ];
    }
    if (hasDevice || (mode === 'bridge' && bridgeName)) return [];
    const what = mode === 'bridge' ? "a host bridge (<bridge name='br0'/>) or a host device (<forward mode='bridge' dev='eth0'/>)" : "a host device (<forward dev='eth0'/>, <interface dev=…>" + (mode === 'hostdev' ? ', <address type=\'pci\' …>' : '') + ' or <pf dev=…>)';
    return [
      finding(
        this.id,
        modeSpan(net)!,
        `Forward mode '${mode}' needs ${what}; libvirt accepts the definition but no guest can start on this network`,
        'warning',
      ),
    ];
  },
};
