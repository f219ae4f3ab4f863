import type { XmlDocument } from '../parse/xml';
import type { DocKind, Finding, LibvirtKind, Severity } from '../service/types';
import type { LibvirtModel } from '../model/libvirt';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';

/** Everything a check may look at. Checks are pure functions of this. */
export interface CheckContext {
  readonly uri: string;
  readonly kind: LibvirtKind;
  readonly xml: XmlDocument;
  readonly model: LibvirtModel;
  /** Facts from every file of the workspace (this one included). */
  readonly workspace: WorkspaceIndex;
}

export interface Check {
  /** Stable id, `<area>/<rule>`; it is the diagnostic code and the settings key. API: never rename. */
  readonly id: string;
  readonly defaultSeverity: Severity;
  /** One line for README and the settings description. */
  readonly description: string;
  readonly appliesTo: readonly DocKind[];
  /**
   * True when the findings depend on other files: such checks are re-run
   * for every file whenever the workspace changes; the others only when the
   * file itself changes.
   */
  readonly crossFile?: boolean;
  /**
   * True for the schema checks: their wording is generic ("expected a
   * number from 0 to 65535"), so where a specific check reports an error at
   * exactly the same span ("port range 2000–1000 is reversed"), the
   * generic finding is dropped.
   */
  readonly generic?: boolean;
  run(ctx: CheckContext): Finding[];
  /**
   * `run` a step at a time, for a check whose work can be long on one
   * document (the schema validation of a 20,000-host network): yields
   * between bounded pieces of work and returns what `run` returns. The
   * service's sliced diagnostics (`diagnosticsJob`) use it when present.
   */
  steps?(ctx: CheckContext): Generator<void, Finding[]>;
}
