/**
 * What to do next after a network action failed: for libvirt's refusals of
 * network commands, one sentence chosen from libvirt's own words; for
 * everything else (transport, authentication, libvirtd not answering) the
 * hosts view's advice (views/errorAdvice.ts). Pure; the wording is tested
 * against libvirt's real messages.
 */
import type { HostConfig, RemoteError } from '../remote';
import { nextStep as hostNextStep } from '../views/errorAdvice';

const NETWORK_ADVICE: readonly (readonly [RegExp, string])[] = [
  [/already exists with uuid/i, 'A network of this name exists with another UUID: remove the <uuid> line from the XML (the existing UUID is then kept) or copy the existing one.'],
  [/already in use by interface|bridge name .* already in use|in use by/i, 'Another active network uses this subnet or bridge name: change them in the XML, or stop the network that uses them.'],
  [/is already active|network is already active/i, 'It is already running. To apply a new definition, stop it and start it again.'],
  [/is not active/i, 'It is not running: refresh the host to see its state.'],
  [/transient/i, 'A transient network has no persistent definition: stopping it removes it; define it to keep it.'],
  [/no network with matching|network not found/i, 'The network is not on the host (any more): refresh the host.'],
  [/XML|schema|element|attribute|invalid|unknown|unsupported|expected|missing/i, 'Fix the definition (VirtNet\'s problems in the editor point at the place) and try again.'],
];

export function nextStep(error: RemoteError, config: HostConfig): string {
  if (error.kind === 'command') {
    const text = `${error.message}\n${error.stderr}`;
    for (const [pattern, advice] of NETWORK_ADVICE) if (pattern.test(text)) return advice;
  }
  return hostNextStep(error, config);
}
