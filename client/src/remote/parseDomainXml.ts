/**
 * `virsh dumpxml` (live or `--inactive`): a VM's name, UUID and NICs, read
 * with the language server's own parser and model (server/src/parse/xml.ts,
 * server/src/model/libvirt.ts), like parseNetXml.ts. Never throws.
 */
import { attrVal, buildModel, type DomainModel } from '../../../server/src/model/libvirt';
import { parseMac } from '../../../server/src/net/ip';
import { attrValue, child } from '../../../server/src/parse/xml';
import { readDumpXml } from './parseNetXml';

/** One `<interface>` of a VM, as libvirt reports it. */
export interface VmNic {
  /** `network`, `bridge`, `direct`, `user`, … */
  readonly type: string;
  /** Lower case, as libvirt prints it; undefined only for hand-written XML without `<mac>`. */
  readonly mac?: string;
  /** `<source network=…>` of a `type='network'` NIC. */
  readonly network?: string;
  /** `<source bridge=…>`: the bridge of a `type='bridge'` NIC, or the bridge libvirt put a network NIC on (live XML). */
  readonly bridge?: string;
  /** `<source dev=…>` of a `type='direct'` (macvtap) NIC. */
  readonly dev?: string;
  /** `<model type=…>`; undefined means the hypervisor's default (rtl8139 for QEMU's pc machine). */
  readonly model?: string;
  /** `<target dev=…>`: the host-side device (`vnet3`) while running. */
  readonly target?: string;
}

export interface DomainXml {
  readonly xml: string;
  readonly name?: string;
  readonly uuid?: string;
  /** The running VM's id (`<domain id='3'>`); only in the live XML of a running VM. */
  readonly id?: string;
  readonly nics: readonly VmNic[];
  /** XML problems found while reading (should not happen with virsh's output). */
  readonly problems: readonly string[];
}

/** A MAC in libvirt's form (lower case, two digits per byte), or the text as given when it is not a MAC. */
export function normalizeMac(text: string): string {
  const bytes = parseMac(text);
  return bytes ? bytes.map((b) => b.toString(16).padStart(2, '0')).join(':') : text.trim();
}

export function parseDomainXml(stdout: string): DomainXml {
  const { xml, root, problems } = readDumpXml(stdout, 'domain');
  if (!root) return { xml, nics: [], problems };
  const model = buildModel('libvirt-domain', root) as DomainModel;
  return {
    xml,
    name: model.name?.value,
    uuid: model.uuid?.value.trim(),
    id: attrValue(root, 'id'),
    nics: model.nics.map((n): VmNic => {
      const source = child(n.el, 'source');
      const type = n.type?.value ?? 'unknown';
      return {
        type,
        mac: n.mac ? normalizeMac(n.mac.value) : undefined,
        network: n.sourceNetwork?.value,
        bridge: attrVal(source, 'bridge')?.value,
        dev: type === 'direct' ? attrVal(source, 'dev')?.value : undefined,
        model: attrVal(child(n.el, 'model'), 'type')?.value,
        target: attrVal(child(n.el, 'target'), 'dev')?.value,
      };
    }),
    problems,
  };
}
