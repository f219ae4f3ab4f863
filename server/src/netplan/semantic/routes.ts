/**
 * netplan/invalid-route: netplan's route rules — addresses of to/via/from,
 * one IP family per route, global unicast routes need both `to` and `via`,
 * link/host-scope and non-unicast routes need `to`; routing-policy rules need
 * `from` or `to`. (netplan: "IP family mismatch in route to …", "global
 * unicast route must include both a 'to' and 'via' IP", …)
 */
import type { FileFinding, NetplanCheck, NetplanConfig } from './model';
import { scalarOf } from './model';
import { parseRouteAddr } from './addrutil';
import type { NpMap } from '../tree';

export const invalidRoute: NetplanCheck = {
  id: 'netplan/invalid-route',
  defaultSeverity: 'error',
  phase: 'parse',
  description: "A route or routing-policy rule netplan refuses: bad address, mixed IP families, missing 'to'/'via'.",
  run(config: NetplanConfig): FileFinding[] {
    const out: FileFinding[] = [];
    for (const def of config.ordered) {
      for (const part of def.parts) {
        const routes = part.map.get('routes')?.value;
        if (routes && routes.kind === 'seq') for (const r of routes.items) if (r.kind === 'map') checkRoute(r, part.uri, out, this.id);
        const rules = part.map.get('routing-policy')?.value;
        if (rules && rules.kind === 'seq') for (const r of rules.items) if (r.kind === 'map') checkRule(r, part.uri, out, this.id);
      }
    }
    return out;
  },
};

function checkRoute(r: NpMap, uri: string, out: FileFinding[], code: string): void {
  const add = (span: { start: number; end: number }, message: string) => out.push({ uri, code, severity: 'error', span, message });
  let family: 4 | 6 | undefined;
  let bad = false;
  const to = scalarOf(r.get('to')?.value);
  const via = scalarOf(r.get('via')?.value);
  const from = scalarOf(r.get('from')?.value);
  // in the order written: netplan reports the address that breaks the family agreement
  const inOrder = ([['to', to], ['via', via], ['from', from]] as const).filter(([, s]) => !!s).sort((x, y) => x[1]!.span.start - y[1]!.span.start);
  for (const [name, s] of inOrder) {
    if (!s || s.empty) continue;
    if (name === 'to' && s.value === 'default') continue;
    const a = parseRouteAddr(s.value);
    if (!a) {
      add(s.span, `Route ${name} '${s.value}' is not an IP address or subnet (X.X.X.X[/NN] or X:X::X[/NN]).`);
      bad = true;
      continue;
    }
    if (family !== undefined && a.addr.family !== family) {
      add(s.span, `IP family mismatch in route: '${s.value}' is IPv${a.addr.family} but the route's other addresses are IPv${family}.`);
      bad = true;
      continue;
    }
    family = a.addr.family;
  }
  if (bad) return;
  const type = scalarOf(r.get('type')?.value)?.value ?? 'unicast';
  const scope = scalarOf(r.get('scope')?.value)?.value;
  const hasTo = !!to && !to.empty;
  const hasVia = !!via && !via.empty;
  if ((scope === 'link' || scope === 'host') && !hasTo) add(r.span, `A ${scope}-scope route needs a 'to' address.`);
  else if (type !== 'unicast' && !hasTo) add(r.span, `A ${type} route needs a 'to' address.`);
  else if (type === 'unicast' && (scope === 'global' || (scope === undefined && hasVia)) && !(hasTo && hasVia)) add(r.span, "A global unicast route needs both 'to' and 'via'.");
}

function checkRule(r: NpMap, uri: string, out: FileFinding[], code: string): void {
  const add = (span: { start: number; end: number }, message: string) => out.push({ uri, code, severity: 'error', span, message });
  const to = scalarOf(r.get('to')?.value);
  const from = scalarOf(r.get('from')?.value);
  let family: 4 | 6 | undefined;
  for (const [name, s] of [['from', from], ['to', to]] as const) {
    if (!s || s.empty) continue;
    const a = parseRouteAddr(s.value);
    if (!a) {
      add(s.span, `Routing-policy ${name} '${s.value}' is not an IP address or subnet.`);
      return;
    }
    if (family !== undefined && a.addr.family !== family) {
      add(s.span, `IP family mismatch in routing-policy rule: '${s.value}' is IPv${a.addr.family}, the other address IPv${family}.`);
      return;
    }
    family = a.addr.family;
  }
  if ((!to || to.empty) && (!from || from.empty)) add(r.span, "A routing-policy rule needs a 'from' or a 'to' address.");
  const tos = scalarOf(r.get('type-of-service')?.value);
  if (tos && /^[0-9]+$/.test(tos.value) && Number(tos.value) > 255) add(tos.span, `type-of-service ${tos.value} is out of range: 0 to 255.`);
}
