/**
 * Network actions that belong together, each as one virsh batch (one round
 * trip): define and start; stop and undefine; both XML definitions. Each
 * returns every step's own result, so the UI can say which step failed with
 * libvirt's words.
 */
import type { NetXml } from './parseNetXml';
import type { Result } from './result';
import { netDefine, netDestroy, netDumpXml, netStart, netUndefine } from './virsh';
import { batch } from './virshBatch';
import type { VirshCommand } from './virshCommand';

/** `net-define` (XML on stdin) then `net-start NAME`; the start fails by itself if the define did. */
export function defineAndStart(xml: string, name: string, options: { validate?: boolean } = {}): VirshCommand<readonly [Result<string>, Result<string>]> {
  return batch([netDefine(xml, options), netStart(name)] as const);
}

/** `net-destroy` then `net-undefine` (for an active network the user agreed to stop). */
export function stopAndUndefine(name: string): VirshCommand<readonly [Result<string>, Result<string>]> {
  return batch([netDestroy(name), netUndefine(name)] as const);
}

/** The live definition and the one the next start uses (they differ after a live change). */
export function liveAndInactiveXml(name: string): VirshCommand<readonly [Result<NetXml>, Result<NetXml>]> {
  return batch([netDumpXml(name), netDumpXml(name, { inactive: true })] as const);
}
