/** One configuration shape on which netplan 0.106's generator crashes or aborts. */
import type { FileFinding, NetplanConfig } from '../model';

export interface GeneratorCrash {
  /** Short name, for the module's documentation and tests. */
  readonly name: string;
  /** Findings (without code and severity, which the check adds) for every definition that triggers it. */
  find(config: NetplanConfig): Omit<FileFinding, 'code' | 'severity'>[];
}
