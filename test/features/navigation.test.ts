/**
 * Go to definition and find references at the service boundary: a cursor in
 * one file of a multi-file workspace (the other files are "closed": known to
 * the service only through setFile, as the adapter feeds files from disk).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Location } from 'vscode-languageserver-types';
import { files, IFACE_BR0, marked, NET_HOSTBR, NET_LAB, NET_OTHER, NIC, textAt, VM1 } from './navigation.workspace';
import { TUTORIAL_NETPLAN } from '../harness/tutorial';

/** Each location as `uri → covered text`, sorted, for readable assertions. */
function show(locs: Location[], texts: Record<string, string> = files): string[] {
  return locs.map((l) => `${l.uri.replace('file:///ws/', '')} ${textAt(texts[l.uri], l.range)}@${l.range.start.line}:${l.range.start.character}`).sort();
}

describe('definition', () => {
  it("jumps from <source network='…'> of a VM to the network's <name> in another file", () => {
    const { s, c } = marked(VM1, "<source network='la|b'/>");
    const locs = s.definition(VM1, c.position);
    assert.deepEqual(locs, [{ uri: NET_LAB, range: { start: { line: 1, character: 8 }, end: { line: 1, character: 11 } } }]);
  });

  it('works at either end of the value and from a lone <interface> device with double quotes', () => {
    for (const around of ['<source network="|lab"/>', '<source network="lab|"/>', '<source net|work="lab"/>']) {
      const { s, c } = marked(NIC, around);
      assert.deepEqual(show(s.definition(NIC, c.position)), ['networks/lab.xml lab@1:8'], around);
    }
  });

  it("jumps from <source bridge='…'> to the network that creates the bridge", () => {
    const { s, c } = marked(VM1, "<source bridge='virbr|10'/>");
    assert.deepEqual(show(s.definition(VM1, c.position)), ['networks/lab.xml virbr10@4:16']);
  });

  it("jumps from <source bridge='br0'> to the host interface that defines the bridge", () => {
    const { s, c } = marked(VM1, "<source bridge='b|r0'/>");
    assert.deepEqual(show(s.definition(VM1, c.position)), ['host/br0.xml br0@0:31']);
  });

  it('jumps from the bridge of a <forward mode=bridge> network to the host bridge definition', () => {
    const { s, c } = marked(NET_HOSTBR, '<bridge name="br|0"/>');
    assert.deepEqual(show(s.definition(NET_HOSTBR, c.position)), ['host/br0.xml br0@0:31']);
  });

  it('without a host bridge definition, a bridge used by a VM leads to the networks attached to it', () => {
    const { s, c } = marked(VM1, "<source bridge='b|r0'/>", { [IFACE_BR0]: undefined });
    assert.deepEqual(show(s.definition(VM1, c.position)), ['networks/host-br.xml br0@4:16']);
  });

  it('on a declaration, answers the declaration itself', () => {
    const a = marked(NET_LAB, '<name>l|ab</name>');
    assert.deepEqual(show(a.s.definition(NET_LAB, a.c.position)), ['networks/lab.xml lab@1:8']);
    const b = marked(NET_LAB, "<bridge name='|virbr10'");
    assert.deepEqual(show(b.s.definition(NET_LAB, b.c.position)), ['networks/lab.xml virbr10@4:16']);
  });

  it('lists every network when two files define the same name', () => {
    const dup = files[NET_OTHER].replace('<name>other</name>', '<name>lab</name>');
    const { s, c } = marked(VM1, "<source network='lab|'/>", { [NET_OTHER]: dup });
    assert.deepEqual(show(s.definition(VM1, c.position), { ...files, [NET_OTHER]: dup }), ['networks/lab.xml lab@1:8', 'networks/other.xml lab@1:8']);
  });

  it('answers nothing for an undefined network, outside names, and in non-libvirt XML', () => {
    const vm = files[VM1].replace("network='lab'", "network='nowhere'");
    const a = marked(VM1, "network='now|here'", { [VM1]: vm });
    assert.deepEqual(a.s.definition(VM1, a.c.position), []);
    for (const around of ["<forw|ard mode='nat'/>", '<ip addr|ess=', '  |<name>']) {
      const b = marked(NET_LAB, around);
      assert.deepEqual(b.s.definition(NET_LAB, b.c.position), [], around);
    }
    const c = marked(VM1, '<name>v|m1</name>');
    assert.deepEqual(c.s.definition(VM1, c.c.position), [], 'a domain name is not a network');
    const pom = 'file:///ws/pom.xml';
    const d = marked(pom, '<source network="l|ab"/>', { [pom]: '<project><interface><source network="lab"/></interface></project>' });
    assert.deepEqual(d.s.definition(pom, d.c.position), []);
  });

  it('follows edits: a renamed network no longer answers for the old name', () => {
    const { s, c } = marked(VM1, "<source network='la|b'/>");
    s.setFile(NET_LAB, files[NET_LAB].replace('<name>lab</name>', '<name>lab-2</name>'));
    assert.deepEqual(s.definition(VM1, c.position), []);
    const other = files[NET_OTHER].replace('<name>other</name>', '<name>lab</name>');
    s.setFile(NET_OTHER, other);
    assert.deepEqual(show(s.definition(VM1, c.position), { ...files, [NET_OTHER]: other }), ['networks/other.xml lab@1:8']);
    s.removeFile(NET_OTHER);
    assert.deepEqual(s.definition(VM1, c.position), []);
  });
});

describe('references', () => {
  it("lists the VM interfaces using a network, from its <name>", () => {
    const { s, c } = marked(NET_LAB, '<name>lab|</name>');
    assert.deepEqual(show(s.references(NET_LAB, c.position, false)), ['vms/nic.xml lab@2:19', 'vms/vm1.xml lab@9:23']);
    assert.deepEqual(show(s.references(NET_LAB, c.position, true)), ['networks/lab.xml lab@1:8', 'vms/nic.xml lab@2:19', 'vms/vm1.xml lab@9:23']);
  });

  it('gives the same answer from a use in another file', () => {
    const { s, c } = marked(NIC, '<source network="la|b"/>');
    assert.deepEqual(show(s.references(NIC, c.position, true)), ['networks/lab.xml lab@1:8', 'vms/nic.xml lab@2:19', 'vms/vm1.xml lab@9:23']);
  });

  it('lists the users of a bridge: VM interfaces and networks attached to a host bridge', () => {
    const { s, c } = marked(IFACE_BR0, "name='b|r0'>");
    assert.deepEqual(show(s.references(IFACE_BR0, c.position, false)), ['networks/host-br.xml br0@4:16', 'vms/vm1.xml br0@18:22']);
    assert.deepEqual(show(s.references(IFACE_BR0, c.position, true)), ['host/br0.xml br0@0:31', 'networks/host-br.xml br0@4:16', 'vms/vm1.xml br0@18:22']);
    const m = marked(NET_LAB, "<bridge name='virbr10|'");
    assert.deepEqual(show(m.s.references(NET_LAB, m.c.position, false)), ['vms/vm1.xml virbr10@14:22']);
  });

  it('a network nobody uses has no references but its declaration', () => {
    const { s, c } = marked(NET_OTHER, '<name>|other</name>');
    assert.deepEqual(s.references(NET_OTHER, c.position, false), []);
    assert.deepEqual(show(s.references(NET_OTHER, c.position, true)), ['networks/other.xml other@1:8']);
  });

  it('does not mix a network and a bridge that share a name', () => {
    const net = files[NET_OTHER].replace('<name>other</name>', '<name>virbr10</name>');
    const { s, c } = marked(VM1, "<source bridge='virbr10|'/>", { [NET_OTHER]: net });
    assert.deepEqual(show(s.references(VM1, c.position, true), { ...files, [NET_OTHER]: net }), ['networks/lab.xml virbr10@4:16', 'vms/vm1.xml virbr10@14:22']);
  });
});

describe('bridges defined by netplan and interfaces files', () => {
  const NETPLAN = 'file:///ws/etc/netplan/01-netcfg.yaml';
  const IFACES = 'file:///ws/etc/network/interfaces';
  const host: Record<string, string | undefined> = {
    [IFACE_BR0]: undefined,
    [NETPLAN]: TUTORIAL_NETPLAN,
    [IFACES]: `auto br0
iface br0 inet dhcp
    bridge_ports eno1
`,
  };
  const texts = { ...files, ...host } as Record<string, string>;

  it("jumps from <source bridge='br0'> of a VM to the netplan bridges: key and the interfaces iface line", () => {
    const { s, c } = marked(VM1, "<source bridge='b|r0'/>", host);
    assert.deepEqual(show(s.definition(VM1, c.position), texts), ['etc/netplan/01-netcfg.yaml br0@9:4', 'etc/network/interfaces br0@1:6']);
  });

  it('jumps from the bridge of a <forward mode=bridge> network to them too', () => {
    const { s, c } = marked(NET_HOSTBR, '<bridge name="br|0"/>', host);
    assert.deepEqual(show(s.definition(NET_HOSTBR, c.position), texts), ['etc/netplan/01-netcfg.yaml br0@9:4', 'etc/network/interfaces br0@1:6']);
  });

  it('lists the libvirt users from the netplan key and from the iface line', () => {
    const users = ['networks/host-br.xml br0@4:16', 'vms/vm1.xml br0@18:22'];
    const a = marked(NETPLAN, '    b|r0:', host);
    assert.deepEqual(show(a.s.references(NETPLAN, a.c.position, false), texts), users);
    assert.deepEqual(show(a.s.references(NETPLAN, a.c.position, true), texts), ['etc/netplan/01-netcfg.yaml br0@9:4', 'etc/network/interfaces br0@1:6', ...users]);
    assert.deepEqual(show(a.s.definition(NETPLAN, a.c.position), texts), ['etc/netplan/01-netcfg.yaml br0@9:4', 'etc/network/interfaces br0@1:6']);
    const b = marked(IFACES, 'iface br0|', host);
    assert.deepEqual(show(b.s.references(IFACES, b.c.position, false), texts), users);
  });

  it('answers nothing elsewhere in those files (an ethernet, an option, a non-bridge stanza)', () => {
    for (const around of ['    enp3s0f|0:', '  bridg|es:', 'interfaces: [ enp|3s0f0 ]']) {
      const { s, c } = marked(NETPLAN, around, host);
      assert.deepEqual(s.references(NETPLAN, c.position, true), [], around);
    }
    const plain = { ...host, [IFACES]: 'auto eno1\niface eno1 inet dhcp\n' };
    const { s, c } = marked(IFACES, 'iface en|o1', plain);
    assert.deepEqual(s.references(IFACES, c.position, true), []);
    const o = marked(IFACES, '    bridge_po|rts', host);
    assert.deepEqual(o.s.references(IFACES, o.c.position, true), []);
  });

  it('pairs a host configuration only with libvirt files of its own workspace folder', () => {
    const { s, c } = marked(VM1, "<source bridge='b|r0'/>", host);
    s.configure({ workspaceFolders: ['file:///ws/vms', 'file:///ws/etc', 'file:///ws/networks'] });
    assert.deepEqual(s.definition(VM1, c.position).map((l) => l.uri), [NET_HOSTBR], 'the networks attached to br0, as without a definition');
    const n = marked(NETPLAN, '    b|r0:', host);
    n.s.configure({ workspaceFolders: ['file:///ws/vms', 'file:///ws/etc'] });
    assert.deepEqual(n.s.references(NETPLAN, n.c.position, false), []);
  });

  it('does not rename a bridge that a netplan or interfaces file defines, and says why', () => {
    const a = marked(VM1, "<source bridge='b|r0'/>", host);
    assert.equal(a.s.prepareRename(VM1, a.c.position), null);
    assert.match(a.s.renameRefusal(VM1, a.c.position) ?? '', /defined in (01-netcfg\.yaml|interfaces).*by hand/);
    const b = marked(NETPLAN, '    b|r0:', host);
    assert.equal(b.s.rename(NETPLAN, b.c.position, 'br5'), null);
    assert.match(b.s.renameRefusal(NETPLAN, b.c.position) ?? '', /01-netcfg\.yaml \(netplan\)/);
  });
});
