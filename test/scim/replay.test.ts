import { readFileSync } from "node:fs";
import { join } from "node:path";
import { engines, scimWorld, startScim, ScimWorld } from "./scim-client";
import { TestApi } from "../helpers/harness";

/**
 * Item 2 of issue 11: each client's documented sequence, replayed in order against one tenant. The requests
 * are written down in fixtures/ with the page each comes from.
 */
interface Step {
  title: string;
  source: string;
  request: { method: string; path: string; body?: unknown };
  save?: string;
  expect: { status: number; body?: unknown; absent?: string[]; integers?: string[]; length?: Record<string, number> };
}
interface Fixture {
  client: string;
  sources: Record<string, string>;
  steps: Step[];
}

const load = (name: string): Fixture => JSON.parse(readFileSync(join(__dirname, "fixtures", name), "utf8"));

function substitute<T>(x: T, saved: Record<string, string>): T {
  return JSON.parse(JSON.stringify(x).replace(/\{\{(\w+)\}\}/g, (_, k) => {
    if (!(k in saved)) throw new Error(`nothing saved as ${k}`);
    return saved[k];
  }));
}

async function replay(w: ScimWorld, f: Fixture): Promise<void> {
  const saved: Record<string, string> = {};
  for (const [i, raw] of f.steps.entries()) {
    expect(f.sources[raw.source]).toBeDefined();
    const step = substitute(raw, saved);
    const r = await w.scim(step.request.method, step.request.path, step.request.body);
    const where = `step ${i + 1} "${raw.title}"`;
    expect({ where, status: r.status }).toEqual({ where, status: step.expect.status });
    if (r.body !== undefined) expect({ where, type: r.type }).toEqual({ where, type: "application/scim+json; charset=utf-8" });
    if (step.expect.body) expect(r.body).toMatchObject(step.expect.body as object);
    for (const k of step.expect.absent ?? []) expect({ where, [k]: r.body?.[k] }).toEqual({ where });
    for (const k of step.expect.integers ?? []) expect(Number.isInteger(r.body[k])).toBe(true);
    for (const [k, n] of Object.entries(step.expect.length ?? {})) expect(r.body[k]).toHaveLength(n);
    if (raw.save) saved[raw.save] = r.body.id;
  }
}

describe.each(engines())("SCIM clients' documented sequences (%s)", (_engine, url) => {
  let api: TestApi;
  let http: string;
  beforeAll(async () => ({ api, http } = await startScim(url)));
  afterAll(() => api.stop());

  it("D1–D7 Microsoft Entra ID: tutorial and aadOptscim062020 shapes, replayed in order", async () => {
    await replay(await scimWorld(api, http, "EntraReplay"), load("entra.json"));
  });

  it("D1–D7 Okta: SCIM 2.0 protocol reference, replayed in order", async () => {
    await replay(await scimWorld(api, http, "OktaReplay"), load("okta.json"));
  });
});
