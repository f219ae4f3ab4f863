/**
 * netplan/generator-crash: configurations that netplan 0.106 accepts as far as
 * its parser goes, but on which `netplan generate` crashes (segmentation fault)
 * or aborts (failed assertion, "Bail out!") instead of reporting an error; the
 * user meets it at `netplan apply` or at boot. Each crash is one module in
 * crashes/; every message says what netplan 0.106 does and which release fixed
 * it. Phase 'write' unless a crash says otherwise: most crashes happen after
 * parsing and validation, so an earlier error in the same definition is what
 * netplan reports instead; a crash while parsing a value (phase 'parse')
 * replaces the schema error on that value.
 */
import type { FileFinding, NetplanCheck, NetplanConfig } from './model';
import { generatorCrashes } from './crashes';

const CODE = 'netplan/generator-crash';

export const generatorCrash: NetplanCheck = {
  id: CODE,
  defaultSeverity: 'error',
  phase: 'write',
  description: "A configuration on which netplan generate 0.106 crashes or aborts instead of reporting an error (an empty mapping in addresses or allowed-ips, gateway4/gateway6 given again with another address, a VRF with routes but no routing-policy rule, an nm-devices definition rendered by networkd, a networkd route to 'default' without 'via' or 'from').",
  run(config: NetplanConfig): FileFinding[] {
    return generatorCrashes.flatMap((c) => c.find(config).map((f) => ({ ...f, code: CODE, severity: 'error' as const })));
  },
};
