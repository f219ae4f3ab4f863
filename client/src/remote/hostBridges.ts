/**
 * A host's bridge devices: `ip -j link show type bridge`, a command that
 * does not need virsh or libvirt, run through the host's runner like every
 * other command (so the SSH command line is built by quote.ts). Any user
 * may run it. iproute2 before 4.13 has no `-j`: then `ip -o link show type
 * bridge` (one line per device) is read instead. Where `ip` is not on the
 * PATH of a non-login shell (some distributions keep it in /usr/sbin or
 * /sbin), those are tried. Never throws.
 */
import { errorText, fail, ok, type Result } from './result';
import type { Output, Runner } from './runner';

const IP_PROGRAMS = ['ip', '/usr/sbin/ip', '/sbin/ip'];

/** Bridge names from `ip -j link show type bridge`; undefined when the text is not that JSON. */
export function parseIpLinkJson(stdout: string): string[] | undefined {
  let v: unknown;
  try {
    v = JSON.parse(stdout.trim() === '' ? '[]' : stdout);
  } catch {
    return undefined;
  }
  if (!Array.isArray(v)) return undefined;
  return v.flatMap((x) => (typeof x === 'object' && x !== null && typeof (x as { ifname?: unknown }).ifname === 'string' ? [(x as { ifname: string }).ifname] : []));
}

/**
 * Bridge names from `ip -o link show type bridge`: `3: br0: <FLAGS> …` per
 * line. Linux interface names contain no ':', '/' or blanks, so the name is
 * the second field (without an `@parent` suffix).
 */
export function parseIpLinkOneline(stdout: string): string[] {
  const out: string[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^\d+:\s+([^:\s@]+)(?:@[^:\s]*)?:/.exec(line);
    if (m) out.push(m[1]);
  }
  return out;
}

const notFound = (o: Output) => o.code === 127;

export async function fetchHostBridges(runner: Runner, options: { timeoutMs: number }): Promise<Result<string[]>> {
  try {
    for (const ip of IP_PROGRAMS) {
      const json = await runner.run([ip, '-j', 'link', 'show', 'type', 'bridge'], options);
      if (!json.ok) return json;
      if (notFound(json.value)) continue;
      if (json.value.code === 0) {
        const names = parseIpLinkJson(json.value.stdout);
        if (names) return ok(names);
      }
      // Old iproute2: "Option "-j" is unknown".
      const line = await runner.run([ip, '-o', 'link', 'show', 'type', 'bridge'], options);
      if (!line.ok) return line;
      if (line.value.code === 0) return ok(parseIpLinkOneline(line.value.stdout));
      return fail('command', `ip link show type bridge failed on ${runner.description}: ${(line.value.stderr || json.value.stderr).trim() || `exit status ${line.value.code}`}`, line.value.stderr);
    }
    return fail('command', `the ip command (iproute2) is not installed on ${runner.description}`);
  } catch (e) {
    return fail('internal', errorText(e));
  }
}
