/**
 * netplan/nm-device-type: an `nm-devices` definition is passed through to
 * NetworkManager as is, so it must say its connection type in
 * `networkmanager: passthrough: connection.type`.
 */
import type { FileFinding, NetplanCheck, NetplanConfig } from './model';
import { defSpan } from './model';

const CODE = 'netplan/nm-device-type';

export const nmDeviceType: NetplanCheck = {
  id: CODE,
  defaultSeverity: 'error',
  description: "An nm-devices definition without 'connection.type' in its NetworkManager passthrough settings.",
  run(config: NetplanConfig): FileFinding[] {
    const out: FileFinding[] = [];
    for (const def of config.ordered) {
      if (def.type !== 'nm-devices') continue;
      const has = def.all('networkmanager').some(({ pair }) => {
        if (pair.value.kind !== 'map') return false;
        const pt = pair.value.get('passthrough')?.value;
        return !!pt && pt.kind === 'map' && !!pt.get('connection.type');
      });
      if (has) continue;
      const last = def.parts[def.parts.length - 1];
      out.push({ uri: last.uri, code: CODE, severity: 'error', span: defSpan(last), message: `${def.id}: an nm-devices definition must give its connection type: networkmanager: passthrough: connection.type: (e.g. ethernet, vpn).` });
    }
    return out;
  },
};
