/**
 * What to do next after a remote action failed: one sentence chosen from
 * the kind of failure (transport) or libvirt's own words (virsh refused).
 * Pure; the wording is tested against libvirt's real messages.
 */
import type { RemoteError } from '../remote';

const COMMAND_ADVICE: readonly (readonly [RegExp, string])[] = [
  [/already in use by interface|bridge name .* already in use|in use by/i, 'Another active network uses this subnet or bridge name: change them in the XML, or stop the network that uses them.'],
  [/already exists with uuid/i, 'A network of this name exists with another UUID: remove the <uuid> line from the XML (the existing UUID is then kept) or copy the existing one.'],
  [/is already active|network is already active/i, 'It is already running. To apply a new definition, stop it and start it again.'],
  [/is not active/i, 'It is not running: refresh the host to see its state.'],
  [/transient/i, 'A transient network has no persistent definition: stopping it removes it; define it to keep it.'],
  [/no network with matching|network not found|not found/i, 'The network is not on the host (any more): refresh the host.'],
  [/failed to connect socket|permission denied|access denied|authentication (failed|unavailable)|polkit/i, 'The SSH user cannot manage libvirt there: add it to the group libvirt on the host, or check the host\'s libvirt URI in the settings.'],
  [/XML|schema|element|attribute|invalid|unknown|unsupported|expected|missing/i, 'Fix the definition (VirtNet\'s problems in the editor point at the place) and try again.'],
];

export function nextStep(error: RemoteError): string {
  switch (error.kind) {
    case 'hostKey':
      return 'Check the host key with the host\'s administrator; VirtNet never trusts a changed key. Remove the old line from ~/.ssh/known_hosts only if the change is expected.';
    case 'auth':
      return 'Check the user and identity file of the host in the settings, or add the key to ssh-agent.';
    case 'connect':
    case 'connection':
    case 'timeout':
      return 'Check that the host is reachable and that sshd and libvirtd run there, then try again.';
    case 'internal':
      return 'See the VirtNet log for details.';
    case 'command': {
      const text = `${error.message}\n${error.stderr}`;
      for (const [pattern, advice] of COMMAND_ADVICE) if (pattern.test(text)) return advice;
      return 'See the VirtNet log for the command and libvirt\'s full output.';
    }
  }
}
