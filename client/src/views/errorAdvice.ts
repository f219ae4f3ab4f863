/**
 * What to do next after a remote error, in one sentence, by the layer that
 * failed (`RemoteError.kind`) and, for virsh failures, by libvirt's own
 * message. The message itself (libvirt's words) is shown beside it; this
 * only adds the next step. No `vscode` import.
 */
import { DEFAULT_LIBVIRT_URI, type HostConfig, type RemoteError } from '../remote';

export function nextStep(error: RemoteError, config: HostConfig): string {
  const uri = config.uri ?? DEFAULT_LIBVIRT_URI;
  const where = config.local || !config.host ? 'this machine' : `${config.host}:${config.port ?? 22}`;
  switch (error.kind) {
    case 'hostKey':
      return /CHANGED|@revoked/.test(error.message)
        ? 'Do not connect until you know why the key changed; the message above says how to remove the old key if the change is legitimate.'
        : 'Retry to be asked about the host key again.';
    case 'auth':
      if (/ on jump host /.test(error.message)) return `Check the jump host's user and key ("proxyJump" of host "${config.name}", or the host it names), or add the key to your ssh-agent (ssh-add), then retry.`;
      return `Check "user" and "identityFile" of host "${config.name}" in the virtnet.hosts setting, or add the key to your ssh-agent (ssh-add), then retry.`;
    case 'timeout':
    case 'connect':
      if (config.proxyJump && /jump host/.test(error.message)) return `Check the jump host named in the message (ssh -J ${config.proxyJump} …): is it up, and may it forward to ${where}? Then retry.`;
      return `Check that ${where} is up and that sshd answers there (ssh -p ${config.port ?? 22} ${config.user ? `${config.user}@` : ''}${config.host ?? ''}), then retry.`;
    case 'connection':
      return 'The connection dropped: retry to reconnect.';
    case 'command':
      if (/not installed|command not found/i.test(error.message + error.stderr)) return `Install virsh on ${where} (package libvirt-clients), then retry.`;
      if (/failed to connect socket|no such file or directory|connection refused/i.test(error.message + error.stderr)) {
        return `libvirtd does not answer at ${uri} on ${where}: start it (systemctl start libvirtd) or correct the host's "uri" setting, then retry.`;
      }
      if (/permission denied|authentication (failed|unavailable)|access denied/i.test(error.message + error.stderr)) {
        return `The login user may not use ${uri}: add it to the libvirt group on ${where}, or use another "user", then retry.`;
      }
      return `That is libvirt's own message; try "virsh -c ${uri}" on ${where} for more, then retry.`;
    case 'internal':
      return 'See the VirtNet log (Output ▸ VirtNet) for details.';
  }
}
