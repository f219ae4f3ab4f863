/**
 * An `nm-devices` definition whose renderer is networkd (the default when no
 * renderer is given): netplan 0.106 hands it to the networkd writer, which has
 * no case for NetworkManager passthrough devices and aborts
 * (`networkd.c:560:write_netdev_file: code should not be reached`, "Bail out!",
 * `netplan generate` exits 250). netplan 0.107 switches nm-devices to
 * NetworkManager with a warning (canonical/netplan#349), but still honoured a
 * `renderer: networkd` written in the definition itself until December 2024
 * (canonical/netplan#532, LP: #2091755).
 */
import type { NetplanConfig } from '../model';
import { defSpan, scalarOf } from '../model';
import { backendOf } from '../backend';
import type { GeneratorCrash } from './types';

export const nmDeviceOnNetworkd: GeneratorCrash = {
  name: 'nm-device-rendered-by-networkd',
  find(config: NetplanConfig) {
    const out = [];
    for (const def of config.ordered) {
      if (def.type !== 'nm-devices' || backendOf(def, config) !== 'networkd') continue;
      const own = def.get('renderer');
      const ownNetworkd = own && scalarOf(own.pair.value)?.value === 'networkd';
      const last = def.parts[def.parts.length - 1];
      const fixed = ownNetworkd
        ? 'Later netplan releases switch nm-devices to NetworkManager, but one whose own renderer says networkd only since December 2024 (LP: #2091755).'
        : 'Fixed in netplan 0.107, which switches nm-devices to NetworkManager with a warning.';
      out.push({
        uri: own ? own.part.uri : last.uri,
        span: own ? own.pair.value.span : defSpan(last),
        message:
          `${def.id}: netplan generate 0.106 aborts (assertion "code should not be reached" in write_netdev_file) on an nm-devices definition rendered by networkd${own ? '' : ' (the default renderer)'}, so 'netplan apply' fails. ` +
          `Set 'renderer: NetworkManager' (nm-devices are NetworkManager connections). ${fixed}`,
      });
    }
    return out;
  },
};
