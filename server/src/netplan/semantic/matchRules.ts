/**
 * netplan/match: what netplan accepts in `match:` beyond the schema.
 * `name` is a printable name without spaces (globs allowed); `driver` is one
 * glob or a non-empty list of globs, none containing whitespace.
 */
import type { FileFinding, NetplanCheck, NetplanConfig } from './model';
import { scalarOf } from './model';

const CODE = 'netplan/match';

export const matchRules: NetplanCheck = {
  id: CODE,
  defaultSeverity: 'error',
  phase: 'parse',
  description: "A match name with spaces or unprintable characters, or a driver glob list that is empty or contains whitespace.",
  run(config: NetplanConfig): FileFinding[] {
    const out: FileFinding[] = [];
    for (const def of config.ordered)
      for (const part of def.parts) {
        const m = part.map.get('match')?.value;
        if (!m || m.kind !== 'map') continue;
        const add = (span: { start: number; end: number }, message: string) => out.push({ uri: part.uri, code: CODE, severity: 'error', span, message: `${def.id}: ${message}` });
        const name = scalarOf(m.get('name')?.value);
        if (name && !name.empty && !/^[\x21-\x7e]+$/.test(name.value)) add(name.span, `match name '${name.value.replace(/\n/g, '\\n')}' must be one name (globs allowed) without spaces or line breaks.`);
        const drv = m.get('driver')?.value;
        if (drv && drv.kind === 'seq') {
          if (drv.items.length === 0) add(drv.span, 'match driver is an empty list: give at least one driver name, or remove driver:.');
          else if (drv.items.some((i) => i.kind === 'scalar' && /[ \t]/.test(i.value))) add(drv.span, 'a driver glob cannot contain whitespace; list several drivers as separate entries.');
        } else if (drv && drv.kind === 'scalar' && /[ \t]/.test(drv.value)) add(drv.span, `driver glob '${drv.value}' cannot contain whitespace; list several drivers as [a, b].`);
      }
    return out;
  },
};
