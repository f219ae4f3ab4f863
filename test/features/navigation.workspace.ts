/**
 * A small workspace for navigation and rename tests: networks, host bridges
 * and VMs that refer to them, plus helpers to put a cursor in one file and to
 * apply a WorkspaceEdit.
 */
import { LineIndex } from '../../server/src/parse/lineIndex';
import type { WorkspaceEdit } from 'vscode-languageserver-types';
import { createLanguageService, type LanguageService } from '../../server/src/service/languageService';
import { cursor, type Cursor } from '../harness/cursor';
import { applyEdits } from '../harness/edits';

export const NET_LAB = 'file:///ws/networks/lab.xml';
export const NET_OTHER = 'file:///ws/networks/other.xml';
export const NET_HOSTBR = 'file:///ws/networks/host-br.xml';
export const IFACE_BR0 = 'file:///ws/host/br0.xml';
export const VM1 = 'file:///ws/vms/vm1.xml';
export const NIC = 'file:///ws/vms/nic.xml';

export const files: Record<string, string> = {
  [NET_LAB]: `<network>
  <name>lab</name>
  <uuid>6a1c2f3e-0b7d-4c55-9a0e-1f2d3c4b5a69</uuid>
  <forward mode='nat'/>
  <bridge name='virbr10' stp='on'/>
  <ip address='192.168.10.1' netmask='255.255.255.0'>
    <dhcp>
      <range start='192.168.10.100' end='192.168.10.254'/>
    </dhcp>
  </ip>
</network>
`,
  [NET_OTHER]: `<network>
  <name>other</name>
  <uuid>0c5d7a52-2b8e-4a37-8f3e-2d7a6f1b9c11</uuid>
  <bridge name='virbr11'/>
  <ip address='192.168.11.1' prefix='24'/>
</network>
`,
  [NET_HOSTBR]: `<network>
  <name>host-br</name>
  <uuid>9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a</uuid>
  <forward mode='bridge'/>
  <bridge name="br0"/>
</network>
`,
  [IFACE_BR0]: `<interface type='bridge' name='br0'>
  <start mode='onboot'/>
  <protocol family='ipv4'>
    <dhcp/>
  </protocol>
  <bridge stp='off'>
    <interface type='ethernet' name='eth0'/>
  </bridge>
</interface>
`,
  [VM1]: `<domain type='kvm'>
  <name>vm1</name>
  <memory unit='MiB'>1024</memory>
  <os>
    <type arch='x86_64'>hvm</type>
  </os>
  <devices>
    <interface type='network'>
      <mac address='52:54:00:12:34:56'/>
      <source network='lab'/>
      <model type='virtio'/>
    </interface>
    <interface type='bridge'>
      <mac address='52:54:00:12:34:57'/>
      <source bridge='virbr10'/>
    </interface>
    <interface type='bridge'>
      <mac address='52:54:00:12:34:58'/>
      <source bridge='br0'/>
    </interface>
  </devices>
</domain>
`,
  [NIC]: `<interface type='network'>
  <mac address='52:54:00:ab:cd:ef'/>
  <source network="lab"/>
  <model type='virtio'/>
</interface>
`,
};

/** The workspace with `uri`'s text replaced by `marked` (which holds the cursor `|`). */
export function at(uri: string, marked: string, overrides: Record<string, string | undefined> = {}): { s: LanguageService; c: Cursor } {
  const c = cursor(marked);
  const s = createLanguageService();
  for (const [u, t] of Object.entries({ ...files, ...overrides })) if (t !== undefined && u !== uri) s.setFile(u, t);
  s.setFile(uri, c.text);
  return { s, c };
}

/** Puts the cursor at the first occurrence of `before|after` in file `uri` of the workspace. */
export function marked(uri: string, around: string, overrides: Record<string, string | undefined> = {}): { s: LanguageService; c: Cursor } {
  const text = overrides[uri] ?? files[uri];
  const bar = around.indexOf('|');
  const needle = around.replace('|', '');
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`'${needle}' not in ${uri}`);
  const escaped = (t: string) => t.replace(/\|/g, '||');
  return at(uri, escaped(text.slice(0, i + bar)) + '|' + escaped(text.slice(i + bar)), overrides);
}

/** The workspace texts after a WorkspaceEdit (`changes` form). */
export function applyWorkspaceEdit(texts: Record<string, string>, edit: WorkspaceEdit): Record<string, string> {
  const out = { ...texts };
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
    if (out[uri] === undefined) throw new Error(`edit for unknown file ${uri}`);
    out[uri] = applyEdits(out[uri], edits);
  }
  return out;
}

/** The text a range covers. */
export function textAt(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const li = new LineIndex(text);
  return text.slice(li.offsetAt(range.start), li.offsetAt(range.end));
}
