import { engines, TestApi } from "../../helpers/harness";
import { PRINCIPALS, World } from "../../helpers/principals";
import { codes, short, topLevel } from "../../helpers/results";
import { TABLE, rootFields } from "./operations";

/**
 * DESIGN §6 role matrix. It walks every Query and Mutation field of the emitted schema
 * (schema/schema.graphql): an operation without an entry in ./operations.ts fails the
 * suite, so a new operation cannot ship unguarded.
 */
describe("the access table covers the emitted schema", () => {
  const { query, mutation } = rootFields();

  it("has an entry for every Query and Mutation field, and no stale entries", () => {
    const all = [...query, ...mutation];
    expect(all.filter((f) => !TABLE[f]?.length)).toEqual([]);
    expect(Object.keys(TABLE).filter((k) => !all.includes(k))).toEqual([]);
  });

  it("each entry names only known principals", () => {
    const wrong: string[] = [];
    for (const [op, cases] of Object.entries(TABLE)) {
      for (const c of cases) for (const who of c.allowed) if (!PRINCIPALS.includes(who)) wrong.push(`${op}/${c.name}: ${who}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe.each(engines())("access: role matrix (%s)", (_engine, url) => {
  let api: TestApi;
  let w: World;
  beforeAll(async () => {
    api = await TestApi.start(url);
    w = await World.build(api);
  });
  afterAll(() => api.stop());

  describe("role matrix (DESIGN §6)", () => {
    const { mutation } = rootFields();

    it.each(Object.keys(TABLE))("%s", async (op) => {
      const problems: string[] = [];
      for (const c of TABLE[op]) {
        for (const who of PRINCIPALS) {
          const call = await c.prepare(w, who);
          const shape = topLevel(call.query);
          if (!shape.fields.includes(op) || shape.operation !== (mutation.includes(op) ? "mutation" : "query")) {
            problems.push(`${c.name}: the document does not call ${op} as a ${mutation.includes(op) ? "mutation" : "query"}`);
            continue;
          }
          const before = await api.snapshot();
          const r = await api.exec(w.tokens[who], call.query, call.variables);
          const got = codes(r);
          const label = `${op} [${c.name}] as ${who}`;
          if (c.allowed.includes(who)) {
            if (!got.length) {
              if (r.data?.[op] == null) problems.push(`${label}: allowed, but returned null (${short(r)})`);
            } else if (!c.domainErrorOk) {
              problems.push(`${label}: allowed, expected success, got ${short(r)}`);
            } else if (got.some((g) => ["FORBIDDEN", "UNAUTHENTICATED", "INTERNAL_SERVER_ERROR", "undefined"].includes(g))) {
              problems.push(`${label}: allowed, expected success or a domain error, got ${short(r)}`);
            }
          } else {
            const expected = who === "NO_TOKEN" ? "UNAUTHENTICATED" : "FORBIDDEN";
            if (!got.length || got.some((g) => g !== expected)) problems.push(`${label}: expected ${expected}, got ${short(r)}`);
            else if (r.data?.[op] != null) problems.push(`${label}: denied, but data was returned: ${JSON.stringify(r.data).slice(0, 200)}`);
            if ((await api.snapshot()) !== before) problems.push(`${label}: denied, but the database changed`);
          }
        }
      }
      expect(problems).toEqual([]);
    });
  });
});
