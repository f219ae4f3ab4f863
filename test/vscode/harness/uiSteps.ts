/**
 * The steps of a UI test and their pictures: `step` is a test that, when it
 * throws, marks the session failed (so its evidence is kept) and saves a
 * screenshot of the moment beside the session's logs; `shot` saves a named
 * screenshot below the title bar, into VIRTNET_SCREENSHOTS_DIR when set
 * (`npm run screenshots` regenerates docs/screenshots/ so), else beside the
 * session's evidence.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';
import type { Page } from 'playwright-core';
import type { Session } from './session';

/** The title bar says "[Extension Development Host]" (the extension is loaded from the checkout): left out of pictures. */
const TITLE_BAR_PX = 30;

export interface UiSteps {
  /** False once a step failed. A getter: read it as `ui.ok` when needed (destructuring copies its first value). */
  readonly ok: boolean;
  shot(name: string): Promise<void>;
  step(name: string, body: () => Promise<void>): void;
}

/** `current` gives the test's session and page as they are when a step runs; `skip` says why every step is skipped. */
export function uiSteps(current: () => { readonly session: Session | undefined; readonly page: Page | undefined }, skip?: string): UiSteps {
  let ok = true;
  return {
    get ok() {
      return ok;
    },
    async shot(name) {
      const { session, page } = current();
      if (!session || !page) throw new Error('no session');
      const dir = process.env.VIRTNET_SCREENSHOTS_DIR ? path.resolve(process.env.VIRTNET_SCREENSHOTS_DIR) : session.dir;
      fs.mkdirSync(dir, { recursive: true });
      await page.screenshot({ path: path.join(dir, `${name}.png`), clip: { x: 0, y: TITLE_BAR_PX, width: 1280, height: 800 - TITLE_BAR_PX } });
    },
    step(name, body) {
      it(name, { skip }, async () => {
        try {
          await body();
        } catch (e) {
          ok = false;
          const { session, page } = current();
          if (session) await page?.screenshot({ path: path.join(session.dir, `failure-${name.replace(/\W+/g, '-').slice(0, 60)}.png`) }).catch(() => undefined);
          throw e;
        }
      });
    },
  };
}
