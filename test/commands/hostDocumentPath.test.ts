/**
 * Host document paths (`virtnet-net:/HOST/NAME.xml`, `virtnet-vm:/HOST/VM.xml`):
 * a `/` in a host or object name reads `∕` (U+2215) in the path, so the
 * editor's breadcrumb shows `test:∕∕∕default`, not `test:%2F%2F%2Fdefault`;
 * every name still round-trips, older `%2F` paths still open, and the
 * language server reads the same host name from the URI the editor sends.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { networkXmlUriParts, parseNetworkXmlUri } from '../../client/src/commands/networkXml';
import { parseVmXmlUri, vmXmlUriParts } from '../../client/src/commands/vmXml';
import { scopeOf } from '../../server/src/workspace/documentScope';

/** The URI string as VS Code sends it (each path segment percent-encoded). */
const wire = (scheme: string, path: string, query: string) => `${scheme}:${path.split('/').map(encodeURIComponent).join('/')}${query ? `?${query}` : ''}`;

test("a local host named by its libvirt URI: the path reads 'test:∕∕∕default', no percent escapes", () => {
  const net = networkXmlUriParts({ host: 'test:///default', network: 'default', view: 'edit' });
  assert.equal(net.path, '/test:\u2215\u2215\u2215default/default.xml');
  assert.doesNotMatch(net.path, /%/);
  const vm = vmXmlUriParts({ host: 'qemu+ssh://root@kvm1/system', vm: 'web', view: 'live' });
  assert.equal(vm.path, '/qemu+ssh:\u2215\u2215root@kvm1\u2215system/web.xml');
  assert.deepEqual(parseVmXmlUri(vm.path, vm.query), { host: 'qemu+ssh://root@kvm1/system', vm: 'web', view: 'live' });
});

test('names with /, ∕, % and escape-like text round-trip; the server reads the same host from the wire URI', () => {
  const names = ['a/b', 'a\u2215b', '50%', '%2F', '%25', '%E2%88%95', '/\u2215%/', 'plain', ''];
  for (const host of names) {
    for (const name of names) {
      const ref = { host, network: name, view: 'live' as const };
      const parts = networkXmlUriParts(ref);
      assert.deepEqual(parseNetworkXmlUri(parts.path, parts.query), ref, JSON.stringify(ref));
      assert.equal(parts.path.split('/').length, 3, 'two segments, whatever the names');
      const vref = { host, vm: name, view: 'inactive' as const };
      const vparts = vmXmlUriParts(vref);
      assert.deepEqual(parseVmXmlUri(vparts.path, vparts.query), vref, JSON.stringify(vref));
      assert.deepEqual(scopeOf(wire('virtnet-vm', vparts.path, vparts.query)), { kind: 'host', host }, JSON.stringify(vref));
    }
    assert.deepEqual(scopeOf(wire('virtnet-net', networkXmlUriParts({ host, network: 'n', view: 'edit' }).path, '')), { kind: 'host', host });
  }
});

test('a path in the older form (%2F for /) still opens the same document', () => {
  assert.deepEqual(parseNetworkXmlUri('/test:%2F%2F%2Fdefault/default.xml', ''), { host: 'test:///default', network: 'default', view: 'edit' });
  assert.deepEqual(parseVmXmlUri('/a%252Fb/x%2Fy.xml', 'live'), { host: 'a%2Fb', vm: 'x/y', view: 'live' });
});
