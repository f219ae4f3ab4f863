/**
 * Which VMs use a network: the domains (running or not) with an interface
 * whose `<source network>` is the network, named in the confirmation before
 * the network is stopped or undefined. Read fresh, in two round trips, with
 * the VM layer's commands (domainCommands.ts): the UUIDs of all and of the
 * running domains in one batch, then one batch of `dumpxml` of every domain
 * (a running domain's live definition, the others' saved one). Domains are
 * addressed by UUID, so no name is parsed out of a list.
 */
import { vmDumpXml, vmListUuids } from './domainCommands';
import type { DomainXml } from './parseDomainXml';
import { ok, type Result } from './result';
import { batch } from './virshBatch';
import type { VirshCommand } from './virshCommand';

export interface NetworkUser {
  /** The domain's name, from its XML. */
  readonly domain: string;
  readonly running: boolean;
}

/** Runs one command on the host in question (HostConnectionManager.run, bound to a host). */
export type RunOnHost = <T>(command: VirshCommand<T>) => Promise<Result<T>>;

/** The domains whose interfaces use `network`, running ones first. */
export async function networkUsers(run: RunOnHost, network: string): Promise<Result<NetworkUser[]>> {
  const lists = await run(batch([vmListUuids('all'), vmListUuids('running')] as const));
  if (!lists.ok) return lists;
  const [all, running] = lists.value;
  if (!all.ok) return all;
  if (all.value.length === 0) return ok([]);
  const isRunning = new Set(running.ok ? running.value : []);
  const xmls = await run(batch(all.value.map((uuid) => vmDumpXml(uuid))));
  if (!xmls.ok) return xmls;
  const users: NetworkUser[] = [];
  all.value.forEach((uuid, i) => {
    const r = xmls.value[i] as Result<DomainXml>;
    // A domain undefined between the two round trips no longer uses anything.
    if (r.ok && r.value.nics.some((n) => n.type === 'network' && n.network === network)) users.push({ domain: r.value.name ?? uuid, running: isRunning.has(uuid) });
  });
  users.sort((a, b) => Number(b.running) - Number(a.running) || a.domain.localeCompare(b.domain));
  return ok(users);
}
