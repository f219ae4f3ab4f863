/**
 * Which VMs use a network: the domains (running or not) with an interface
 * whose source is the network, named in the confirmation before the network
 * is stopped or undefined. Two round trips: the domains' UUIDs (all, and the
 * running ones) in one batch, then one batch of `dumpxml` of every domain
 * (a running domain's live definition, the others' persistent one), read
 * with the server's own XML parser and domain model. Domains are addressed by
 * UUID, so no name is ever parsed out of a list.
 */
import { buildModel, type DomainModel } from '../../../server/src/model/libvirt';
import { parseXml } from '../../../server/src/parse/xml';
import { parseNameList } from './parseNetList';
import { ok, type Result } from './result';
import { batch } from './virshBatch';
import { simpleCommand, type VirshCommand } from './virshCommand';

export interface NetworkUser {
  /** The domain's name, from its XML. */
  readonly domain: string;
  readonly running: boolean;
}

interface DomainNics {
  readonly name?: string;
  /** The `<source network=…>` of each `type='network'` interface. */
  readonly networks: string[];
}

/** `dumpxml --domain UUID`: the domain's name and the networks its interfaces use. */
export function domainNetworks(uuid: string): VirshCommand<DomainNics> {
  return simpleCommand(['dumpxml', '--domain', uuid], parseDomainNics);
}

export function parseDomainNics(stdout: string): DomainNics {
  const doc = parseXml(stdout);
  if (doc.root?.name !== 'domain') return { networks: [] };
  const model = buildModel('libvirt-domain', doc.root) as DomainModel;
  const networks = model.nics.filter((n) => (n.type?.value ?? 'network') === 'network' && n.sourceNetwork).map((n) => n.sourceNetwork!.value);
  return { name: model.name?.value, networks };
}

/** Runs one command on the host in question (HostConnectionManager.run, bound to a host). */
export type RunOnHost = <T>(command: VirshCommand<T>) => Promise<Result<T>>;

/** The domains whose interfaces use `network`, running ones first. */
export async function networkUsers(run: RunOnHost, network: string): Promise<Result<NetworkUser[]>> {
  const lists = await run(batch([simpleCommand(['list', '--all', '--uuid'], parseNameList), simpleCommand(['list', '--uuid'], parseNameList)] as const));
  if (!lists.ok) return lists;
  const [all, running] = lists.value;
  if (!all.ok) return all;
  if (all.value.length === 0) return ok([]);
  const isRunning = new Set(running.ok ? running.value : []);
  const xmls = await run(batch(all.value.map(domainNetworks)));
  if (!xmls.ok) return xmls;
  const users: NetworkUser[] = [];
  all.value.forEach((uuid, i) => {
    const r = xmls.value[i] as Result<DomainNics>;
    // A domain undefined between the two round trips no longer uses anything.
    if (r.ok && r.value.networks.includes(network)) users.push({ domain: r.value.name ?? uuid, running: isRunning.has(uuid) });
  });
  users.sort((a, b) => Number(b.running) - Number(a.running) || a.domain.localeCompare(b.domain));
  return ok(users);
}
