/** What an in-host test group reports to the runner outside (a JSON file). */
export interface TestResult {
  /** Suite and test titles, joined by ' › '. */
  readonly title: string;
  readonly state: 'passed' | 'failed' | 'pending';
  readonly durationMs: number;
  readonly error?: string;
}

export interface GroupResults {
  readonly group: string;
  readonly vscodeVersion: string;
  readonly durationMs: number;
  readonly failures: number;
  readonly tests: readonly TestResult[];
  /** Figures the suites measured (milliseconds), by name. */
  readonly measures: Readonly<Record<string, number>>;
}

/** The global through which separately bundled suites hand their figures to index.ts. */
export const MEASURES_KEY = '__virtnetVscodeMeasures';
