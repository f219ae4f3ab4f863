/**
 * Expected diagnostics written inside fixtures, rust-analyzer style:
 *
 *     <range start='10.0.0.1' end='10.0.9.9'/>
 *     <!--                         ^^^^^^^^ error libvirt/dhcp-range-outside-subnet: not entirely within -->
 *
 * A marker line holds carets under the columns of the nearest line above it
 * that is not itself a marker, then a severity, the diagnostic code and
 * optionally `: text` that the message must contain. YAML fixtures use
 * `# ^^^ …`. Every diagnostic a fixture produces must be marked, so an
 * unmarked fixture asserts that it produces none.
 */
export interface Expected {
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly severity: string;
  readonly code: string;
  readonly messagePart?: string;
}

const MARKER = /^(\s*(?:<!--|#)\s*?)(\s*)(\^+)\s+(error|warning|information|hint)\s+([\w/.:-]+?)(?::\s*(.*?))?\s*(?:-->)?\s*$/;

export function isMarkerLine(line: string): boolean {
  return MARKER.test(line);
}

export function parseMarkers(text: string): Expected[] {
  const lines = text.split(/\r?\n/);
  const out: Expected[] = [];
  let target = -1;
  lines.forEach((line, i) => {
    const m = MARKER.exec(line);
    if (!m) {
      target = i;
      return;
    }
    if (target < 0) throw new Error(`marker on line ${i + 1} has no line above it`);
    const start = m[1].length + m[2].length;
    out.push({ line: target, start, end: start + m[3].length, severity: m[4], code: m[5], messagePart: m[6] || undefined });
  });
  return out;
}
