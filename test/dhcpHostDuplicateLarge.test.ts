/**
 * libvirt/dhcp-host-duplicate on networks large enough for its quick
 * no-duplicates test (64 hosts or more): each kind of duplicate is still found.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLanguageService } from '../server/src/service/languageService';

function network(edit: (hosts: { mac: string; name: string; ip: string; id?: string }[]) => void): string {
  const hosts = Array.from({ length: 300 }, (_, i) => ({ mac: `52:54:00:00:${(i >> 8).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}`, name: `host${i}`, ip: `10.0.${i >> 8}.${(i & 255) + 1}`, id: undefined as string | undefined }));
  edit(hosts);
  const body = hosts.map((h) => `      <host mac='${h.mac}' name='${h.name}' ip='${h.ip}'${h.id ? ` id='${h.id}'` : ''}/>`).join('\n');
  return `<network>\n  <name>big</name>\n  <ip address='10.0.0.1' prefix='16'>\n    <dhcp>\n${body}\n    </dhcp>\n  </ip>\n</network>\n`;
}

function duplicates(text: string): string[] {
  const s = createLanguageService();
  s.setFile('file:///big.xml', text);
  return s.getDiagnostics('file:///big.xml').filter((d) => d.code === 'libvirt/dhcp-host-duplicate').map((d) => `${d.range.start.line}:${String(d.message).split(';')[0]}`);
}

test('no duplicates in 300 distinct hosts', () => {
  assert.deepEqual(duplicates(network(() => {})), []);
});

test('each kind of duplicate is found among 300 hosts', () => {
  assert.deepEqual(duplicates(network((h) => (h[250].mac = h[7].mac.toUpperCase()))), ['254:another static host already uses mac 52:54:00:00:00:07']);
  assert.deepEqual(duplicates(network((h) => (h[250].name = 'HOST7'))), ['254:another static host already uses name HOST7']);
  assert.deepEqual(duplicates(network((h) => (h[250].ip = h[7].ip))), ['254:another static host already uses ip 10.0.0.8']);
  assert.deepEqual(duplicates(network((h) => ((h[3].id = 'Client-A'), (h[260].id = 'client-a')))), ['264:another static host already uses id client-a']);
});
