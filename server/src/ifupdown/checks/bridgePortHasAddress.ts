import type { Finding } from '../../service/types';
import { option } from '../parse';
import type { IfupdownCheck } from './check';

const ID = 'ifupdown/bridge-port-has-address';

/** Methods that put no address on the interface. */
const ADDRESSLESS = new Set(['manual']);

/**
 * A bridge port with its own address configuration. Once the device is a
 * bridge port, addresses on it stop working (traffic goes to the bridge), and
 * a DHCP client on it fights with the bridge. The address belongs on the
 * bridge; the port should be `inet manual`.
 */
export const bridgePortHasAddressCheck: IfupdownCheck = {
  id: ID,
  defaultSeverity: 'warning',
  description: 'A bridge port configured with its own address or DHCP (it should be inet manual).',
  crossFile: true,
  run(file, folder) {
    const out: Finding[] = [];
    for (const b of folder.bridges) {
      for (const p of b.item.ports) {
        for (const l of folder.byName.get(p.text) ?? []) {
          if (l.file !== file) continue;
          const st = l.item;
          const m = st.method?.text;
          if (!m || !st.family || ADDRESSLESS.has(m) || (st.family.text !== 'inet' && st.family.text !== 'inet6')) continue;
          const addr = option(st, 'address');
          const what = addr ? `address ${addr.value}` : `method '${m}'`;
          out.push({
            code: ID,
            span: st.method!.span,
            message: `'${p.text}' is a port of bridge ${b.item.name} but is configured with ${what}; a bridge port carries no address of its own — use 'iface ${p.text} ${st.family.text} manual' and put the address on ${b.item.name}`,
            related: [{ uri: b.file.uri, span: p.span, message: `port of ${b.item.name}` }],
          });
        }
      }
    }
    return out;
  },
};
