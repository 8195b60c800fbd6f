/**
 * The console's end-to-end stories (part 2): steps that run in order on one browser page, a screenshot of the
 * page when one fails (test/e2e/artifacts/), SAVE_SCREENSHOTS=1 refreshing src/console/screenshots/, and axe.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { Page } from "playwright-core";
import { axeViolations, CONSOLE_SRC, ROOT } from "./browser";

const ARTIFACTS = join(ROOT, "test/e2e/artifacts");
const SHOTS = join(CONSOLE_SRC, "screenshots");

export function story(current: () => Page | undefined) {
  let failed: string | null = null;
  return {
    /** A step of the story; after a failure the later steps report it instead of failing for the same reason. */
    step(name: string, fn: () => Promise<void>): void {
      it(name, async () => {
        if (failed) throw new Error(`Not run: the earlier step "${failed}" failed.`);
        try {
          await fn();
        } catch (e) {
          failed = name;
          mkdirSync(ARTIFACTS, { recursive: true });
          await current()?.screenshot({ path: join(ARTIFACTS, `${name.replace(/[^\w]+/g, "-").slice(0, 80)}.png`), fullPage: true }).catch(() => undefined);
          throw e;
        }
      });
    },
    async picture(name: string): Promise<void> {
      if (process.env.SAVE_SCREENSHOTS !== "1") return;
      mkdirSync(SHOTS, { recursive: true });
      await current()!.screenshot({ path: join(SHOTS, `${name}.png`) });
    },
    /** K6: axe finds no serious or critical violation on the page as it is now. */
    async expectAccessible(where: string): Promise<void> {
      const bad = (await axeViolations(current()!)).filter((v) => v.impact === "serious" || v.impact === "critical");
      expect({ where, violations: bad }).toEqual({ where, violations: [] });
    },
  };
}

/** The console's side navigation. */
export const navLink = (page: Page, name: string) => page.getByRole("navigation", { name: "Admin center" }).getByRole("link", { name, exact: true });
