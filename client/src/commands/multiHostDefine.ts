/**
 * "Define this network on hosts A and B": the define flow (networkFlows.ts)
 * run on each chosen host in turn, with one report line per host. The
 * file's own problems are checked once, and its errors asked about once:
 * when the user declines on the first host, no host gets it. Each host's
 * own questions are asked for that host: its clashes with what it runs
 * (read fresh per host, so the file is checked once more per host), and
 * whether to replace an existing network. A clash on A does not stop B:
 * the summary says "clash on A; defined on B". Pure.
 */
import { askFileErrors, defineNetwork, type CheckResult, type DefineRequest, type FileErrorsAnswer, type FlowHost, type Outcome } from './networkFlows';

export interface HostOutcome {
  readonly host: string;
  readonly outcome: Outcome;
}

export interface MultiHostOutcome {
  readonly perHost: readonly HostOutcome[];
  /** `done` when every host is done; `failed` when any failed; `cancelled` when nothing was tried or all were cancelled; else `partial`. */
  readonly status: 'done' | 'failed' | 'cancelled' | 'partial';
  /** One sentence: `x.xml: defined on a, b; failed on c; clash on d; skipped on e.` */
  readonly summary: string;
  /** Set when the user asked to see the file's problems instead. */
  readonly showProblems?: boolean;
}

export async function defineOnHosts(hosts: readonly FlowHost[], req: DefineRequest): Promise<MultiHostOutcome> {
  let plain: Promise<CheckResult> | undefined;
  let decision: Promise<FileErrorsAnswer> | undefined;
  const check: DefineRequest['check'] = (facts) => (facts?.length ? req.check(facts) : (plain ??= req.check()));
  // Asked on the first host that meets them; the answer holds for the others.
  const fileErrors: DefineRequest['fileErrors'] = (h, errors) => (decision ??= (req.fileErrors ?? ((fh, e) => askFileErrors(fh, req.source, e)))(h, errors));
  const perHost: HostOutcome[] = [];
  for (const h of hosts) {
    const outcome = await defineNetwork(h, { ...req, check, fileErrors });
    perHost.push({ host: h.host, outcome });
    const answer = decision && (await decision);
    if (answer === 'show' || answer === 'decline') {
      return { perHost, status: 'cancelled', summary: `Nothing defined: ${req.source} has errors.`, showProblems: answer === 'show' };
    }
    if (outcome.status === 'failed' && perHost.length === 1 && /is not a libvirt network definition/.test(outcome.message)) {
      return { perHost, status: 'failed', summary: outcome.message };
    }
  }
  const names = (f: (o: Outcome) => boolean) => perHost.filter((p) => f(p.outcome)).map((p) => p.host);
  const done = names((o) => o.status === 'done');
  const failed = names((o) => o.status === 'failed');
  const clash = names((o) => o.status === 'cancelled' && o.clash !== undefined);
  const skipped = names((o) => o.status === 'cancelled' && o.clash === undefined);
  const parts = [
    ...(done.length ? [`defined on ${done.join(', ')}`] : []),
    ...(failed.length ? [`failed on ${failed.join(', ')}`] : []),
    ...(clash.length ? [`clash on ${clash.join(', ')}`] : []),
    ...(skipped.length ? [`skipped on ${skipped.join(', ')}`] : []),
  ];
  const summary = `${req.source}: ${parts.join('; ')}.`;
  const status = failed.length ? 'failed' : done.length > 0 && done.length === perHost.length ? 'done' : done.length ? 'partial' : 'cancelled';
  return { perHost, status, summary };
}
