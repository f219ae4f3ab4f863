/**
 * "Define this network on hosts A and B": the define flow (networkFlows.ts)
 * run on each chosen host in turn, with one report line per host. The
 * language service's verdict is asked for once; when the file has errors
 * and the user declines on the first host, no host gets it. Each host's own
 * questions (replace an existing network?) are asked for that host. Pure.
 */
import { DEFINE_ANYWAY, defineNetwork, type CheckResult, type DefineRequest, type FlowHost, type Outcome } from './networkFlows';

export interface HostOutcome {
  readonly host: string;
  readonly outcome: Outcome;
}

export interface MultiHostOutcome {
  readonly perHost: readonly HostOutcome[];
  /** `done` when every host is done; `failed` when any failed; `cancelled` when nothing was tried or all were cancelled. */
  readonly status: 'done' | 'failed' | 'cancelled';
  /** One sentence: `Defined on a, b; failed on c; skipped on d.` */
  readonly summary: string;
  /** Set when the user asked to see the file's problems instead. */
  readonly showProblems?: boolean;
}

export async function defineOnHosts(hosts: readonly FlowHost[], req: DefineRequest): Promise<MultiHostOutcome> {
  let verdict: Promise<CheckResult> | undefined;
  let errorsAccepted = false;
  const perHost: HostOutcome[] = [];
  for (const h of hosts) {
    let declinedErrors = false;
    const ui = {
      ...h.ui,
      ask: async (message: string, detail: string, buttons: readonly string[]) => {
        const answer = await h.ui.ask(message, detail, buttons);
        if (buttons.includes(DEFINE_ANYWAY)) {
          if (answer === DEFINE_ANYWAY) errorsAccepted = true;
          else declinedErrors = true;
        }
        return answer;
      },
    };
    const check = async (): Promise<CheckResult> => {
      verdict ??= req.check();
      const v = await verdict;
      // Errors accepted once are not asked about again for the next hosts.
      return errorsAccepted ? { ...v, diagnostics: v.diagnostics.filter((d) => d.severity !== 1) } : v;
    };
    const outcome = await defineNetwork({ ...h, ui }, { ...req, check });
    perHost.push({ host: h.host, outcome });
    if (declinedErrors || (outcome.status === 'cancelled' && outcome.showProblems)) {
      return { perHost, status: 'cancelled', summary: `Nothing defined: ${req.source} has errors.`, showProblems: outcome.status === 'cancelled' && outcome.showProblems };
    }
    if (outcome.status === 'failed' && perHost.length === 1 && /is not a libvirt network definition/.test(outcome.message)) {
      return { perHost, status: 'failed', summary: outcome.message };
    }
  }
  const names = (s: Outcome['status']) => perHost.filter((p) => p.outcome.status === s).map((p) => p.host);
  const [done, failed, cancelled] = [names('done'), names('failed'), names('cancelled')];
  const parts = [
    ...(done.length ? [`defined on ${done.join(', ')}`] : []),
    ...(failed.length ? [`failed on ${failed.join(', ')}`] : []),
    ...(cancelled.length ? [`skipped on ${cancelled.join(', ')}`] : []),
  ];
  const summary = `${req.source}: ${parts.join('; ')}.`;
  return { perHost, status: failed.length ? 'failed' : done.length ? 'done' : 'cancelled', summary };
}
