import { attr, child } from '../../parse/xml';
import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { finding } from '../forward/common';
import { domainModel } from './common';

/**
 * <backend type='passt'> (user-mode networking through passt) is valid
 * libvirt XML from 9.0 on, but Debian 12 builds libvirt with passt
 * disabled, so its virsh refuses it. A warning, not an error: upstream
 * libvirt and other distributions accept it.
 */
export const nicBackendPasst: Check = {
  id: 'libvirt/nic-backend-passt',
  defaultSeverity: 'warning',
  description: "<backend type='passt'> is refused by Debian 12's libvirt build (passt disabled).",
  appliesTo: ['libvirt-domain', 'libvirt-domain-interface'],
  run(ctx) {
    const out: Finding[] = [];
    for (const nic of domainModel(ctx)?.nics ?? []) {
      const backend = child(nic.el, 'backend');
      const type = backend && attr(backend, 'type');
      if (type?.value !== 'passt') continue;
      out.push(
        finding(
          this.id,
          type.valueSpan ?? type.nameSpan,
          "Debian 12's libvirt (9.0.0) is built without passt support and refuses <backend type='passt'>; upstream libvirt 9.0+ and other distributions accept it. On Debian, leave <backend> out to use the default user-mode backend (slirp)",
        ),
      );
    }
    return out;
  },
};
