/**
 * `virtnet/checkDocument` with host facts (`hosts`), over stdio against the
 * real built server: the answer is the document's diagnostics as if those
 * hosts were in the index too (a host the workspace does not target, or a
 * targeted host's fresher facts replacing the held ones), and nothing is
 * remembered: no diagnostics are published because of it, and the same
 * request without `hosts` answers as before.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { fileUri, TestClient } from './lspClient';

const UUID_LAB = '6f0c2b8e-3a4d-4c1e-9b7a-2d5e8f1a3c6b';
const UUID_TARGETED = '0d1e2f3a-4b5c-4d6e-8f9a-0b1c2d3e4f5a';
const MAC = '52:54:00:aa:bb:cc';
const LAB = `<network>\n  <name>lab</name>\n  <uuid>${UUID_LAB}</uuid>\n  <bridge name='vlab0'/>\n  <mac address='${MAC}'/>\n  <ip address='10.9.0.1' prefix='24'/>\n</network>\n`;
const EDGE = `<network>\n  <name>edge</name>\n  <uuid>${UUID_TARGETED}</uuid>\n  <bridge name='vedge0'/>\n</network>\n`;

/** Facts of a host that the workspace does not target: a network with lab's UUID under another name, an active one on lab's subnet, a VM with lab's bridge MAC. */
const OTHER = {
  host: 'kvm-other',
  readAt: '2026-12-05T08:30:00Z',
  facts: {
    networks: [
      { name: 'prod', uuid: UUID_LAB, bridge: 'vprod0', active: false, subnets: ['10.50.0.0/24'] },
      { name: 'busy', uuid: '11111111-2222-4333-8444-555555555555', bridge: 'vbusy0', forwardMode: 'nat', active: true, subnets: ['10.9.0.0/16'] },
    ],
    vms: [{ name: 'web1', nics: [{ mac: MAC, network: 'busy' }] }],
    bridges: ['vprod0', 'vbusy0'],
  },
};

/** The targeted host as it was read earlier: a network 'old-edge' with edge's UUID (a clash). */
const TARGETED_OLD = {
  host: 'kvm-target',
  readAt: '2026-12-05T07:00:00Z',
  facts: { networks: [{ name: 'old-edge', uuid: UUID_TARGETED, bridge: 'vold0', active: false, subnets: [] }], vms: [], bridges: null },
};
/** The same host read now: 'old-edge' is gone, 'edge' is deployed with the same name and UUID (a redefinition, no clash). */
const TARGETED_NOW = {
  host: 'kvm-target',
  readAt: '2026-12-05T08:31:00Z',
  facts: { networks: [{ name: 'edge', uuid: UUID_TARGETED, bridge: 'vedge0', active: true, subnets: [] }], vms: [], bridges: null },
};

interface Answer {
  kind: string | null;
  diagnostics: Diagnostic[];
  hostProblems?: string[];
}

const onHost = (ds: Diagnostic[], host: string) =>
  ds
    .filter((d) => d.relatedInformation?.some((r) => r.location.uri.startsWith(`virtnet-host://${host}/`)))
    .map((d) => String(d.code))
    .sort();

describe('virtnet/checkDocument with host facts', () => {
  let dir: string;
  let client: TestClient;
  let uriLab: string, uriEdge: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'virtnet-check-hosts-'));
    writeFileSync(join(dir, 'lab.xml'), LAB);
    writeFileSync(join(dir, 'edge.xml'), EDGE);
    [uriLab, uriEdge] = ['lab.xml', 'edge.xml'].map((f) => fileUri(join(dir, f)));
    client = await TestClient.start({ folders: [dir] });
    await client.whenIndexed();
    // kvm-target is targeted: its (older) facts are in the index and published.
    const edge = client.nextDiagnostics(uriEdge);
    void client.conn.sendNotification('virtnet/hostFacts', TARGETED_OLD);
    assert.deepEqual(onHost((await edge).diagnostics, 'kvm-target'), ['libvirt/duplicate-network-uuid']);
  });
  after(async () => {
    await client?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const ask = (uri: string, hosts?: unknown[], text?: string) => client.conn.sendRequest<Answer>('virtnet/checkDocument', { uri, text, hosts });

  /** Every publication from now on, after the server has answered everything sent so far. */
  async function publishedDuring(f: () => Promise<void>): Promise<unknown[]> {
    await client.ping();
    const from = client.published.length;
    await f();
    // A publication caused by the request would have been queued by now: drained between events, well within this.
    await new Promise((r) => setTimeout(r, 500));
    await client.ping();
    return client.published.slice(from);
  }

  it("a host the workspace does not target: its clashes (UUID under another name, an active network's subnet, a VM's MAC) are in the answer, naming the host", async () => {
    const before = await ask(uriLab);
    assert.deepEqual(onHost(before.diagnostics, 'kvm-other'), [], 'not known before');
    let answer: Answer | undefined;
    const published = await publishedDuring(async () => {
      answer = await ask(uriLab, [OTHER]);
    });
    assert.deepEqual(onHost(answer!.diagnostics, 'kvm-other'), ['libvirt/duplicate-mac', 'libvirt/duplicate-network-uuid', 'libvirt/overlapping-subnets']);
    const uuid = answer!.diagnostics.find((d) => d.code === 'libvirt/duplicate-network-uuid')!;
    assert.match(String(uuid.message), /already used by network 'prod' on host 'kvm-other' \(read 2026-12-05 08:30 UTC\)/);
    assert.equal(uuid.severity, 1);
    assert.equal(answer!.hostProblems, undefined);
    // Nothing kept: nothing published, the same question without hosts answers as before.
    assert.deepEqual(published, []);
    assert.deepEqual(await ask(uriLab), before);
    assert.deepEqual(onHost(client.diagnostics(uriLab), 'kvm-other'), []);
  });

  it("a targeted host's fresh facts replace its held ones for the answer only; same name and UUID is a redefinition, not a clash", async () => {
    const held = client.diagnostics(uriEdge);
    assert.deepEqual(onHost(held, 'kvm-target'), ['libvirt/duplicate-network-uuid']);
    let answer: Answer | undefined;
    const published = await publishedDuring(async () => {
      answer = await ask(uriEdge, [TARGETED_NOW]);
    });
    assert.deepEqual(onHost(answer!.diagnostics, 'kvm-target'), [], JSON.stringify(answer));
    assert.deepEqual(answer!.diagnostics, held.filter((d) => onHost([d], 'kvm-target').length === 0));
    assert.deepEqual(published, []);
    // The index still holds the older facts: published and answered as before.
    assert.deepEqual(client.diagnostics(uriEdge), held);
    assert.deepEqual(onHost((await ask(uriEdge)).diagnostics, 'kvm-target'), ['libvirt/duplicate-network-uuid']);
  });

  it('a closed file given by its text, checked against a host, is forgotten again with the host', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'virtnet-check-hosts-out-'));
    try {
      const uri = fileUri(join(outside, 'copy.xml'));
      const text = LAB.replace('<name>lab</name>', '<name>lab-copy</name>').replace(UUID_LAB, '22222222-3333-4444-8555-666666666666').replace(`<mac address='${MAC}'/>\n`, '');
      const answer = await ask(uri, [OTHER], text);
      assert.deepEqual(onHost(answer.diagnostics, 'kvm-other'), ['libvirt/overlapping-subnets']);
      assert.equal((await ask(uri)).kind, null, 'the service no longer knows it');
      assert.deepEqual(onHost((await ask(uriLab)).diagnostics, 'kvm-other'), []);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('invalid host facts are named in hostProblems and change nothing; valid ones beside them are used', async () => {
    const plain = await ask(uriLab);
    const bad = await ask(uriLab, [{ host: 'x', readAt: 'not a date', facts: { networks: [] } }, 42, { host: 'gone', facts: null }]);
    assert.deepEqual(bad.diagnostics, plain.diagnostics);
    assert.equal(bad.hostProblems?.length, 3, JSON.stringify(bad.hostProblems));
    assert.match(bad.hostProblems![0], /"readAt" must be a date/);
    const mixed = await ask(uriLab, [42, OTHER]);
    assert.deepEqual(onHost(mixed.diagnostics, 'kvm-other'), ['libvirt/duplicate-mac', 'libvirt/duplicate-network-uuid', 'libvirt/overlapping-subnets']);
    assert.deepEqual((await client.conn.sendRequest<Answer>('virtnet/checkDocument', { uri: uriLab, hosts: 'kvm1' })).hostProblems, ['hosts: expected a list of host facts']);
  });
});
