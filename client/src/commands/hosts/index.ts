/** The hosts view's commands (`virtnet.hosts.*`), in one table (registered by extension.ts, see lazy/commandTable.ts). */
import type { CommandTable } from '../../lazy/commandTable';
import { addHost } from './addHost';
import type { HostCommandContext } from './context';
import { forgetPassphrases } from './forgetPassphrases';
import { importSshConfig } from './importSshConfig';
import { disconnectHost, refreshAll, refreshHost } from './refresh';
import { removeHost } from './removeHost';
import { setTargeted } from './target';

export function hostCommands(ctx: HostCommandContext): CommandTable {
  return [
    ['virtnet.hosts.refresh', () => refreshAll(ctx)],
    ['virtnet.hosts.refreshHost', (node) => refreshHost(ctx, node)],
    ['virtnet.hosts.retry', (node) => refreshHost(ctx, node)],
    ['virtnet.hosts.disconnect', (node) => disconnectHost(ctx, node)],
    ['virtnet.hosts.addHost', () => addHost(ctx)],
    ['virtnet.hosts.importSshConfig', () => importSshConfig(ctx)],
    ['virtnet.hosts.removeHost', (node) => removeHost(ctx, node)],
    ['virtnet.hosts.forgetPassphrases', () => forgetPassphrases(ctx)],
    ['virtnet.hosts.showLog', async () => ctx.log.show(true)],
    ['virtnet.hosts.target', (node) => setTargeted(ctx, node, true)],
    ['virtnet.hosts.untarget', (node) => setTargeted(ctx, node, false)],
  ];
}
