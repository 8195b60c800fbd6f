import { compareChains, chainsForUser, chainsUpFrom } from "../../src/domain/licensing/chains";
import { enabledPlanIds, licenseState, orderSources } from "../../src/domain/licensing/effective";
import { LicenseSourceKind } from "../../src/domain/enums";

describe("effective license functions", () => {
  it("S6 state: first match wins", () => {
    expect(licenseState({ granting: false, dependenciesGrant: false }, true)).toEqual({ state: "DISABLED", error: "SUBSCRIPTION_INACTIVE" });
    expect(licenseState({ granting: true, dependenciesGrant: false }, false)).toEqual({ state: "ERROR", error: "COUNT_VIOLATION" });
    expect(licenseState({ granting: true, dependenciesGrant: false }, true)).toEqual({ state: "ERROR", error: "DEPENDENCY_VIOLATION" });
    expect(licenseState({ granting: true, dependenciesGrant: true }, true)).toEqual({ state: "ACTIVE", error: "NONE" });
  });

  it("S7 enabled plans are the union over sources of plans minus each source's disabled plans", () => {
    const plans = ["p1", "p2", "p3"];
    expect(enabledPlanIds(plans, [{ disabledPlanIds: ["p1", "p2"] }, { disabledPlanIds: ["p2", "p3"] }])).toEqual(["p1", "p3"]);
    expect(enabledPlanIds(plans, [{ disabledPlanIds: ["p1"] }, { disabledPlanIds: ["p1"] }])).toEqual(["p2", "p3"]);
    expect(enabledPlanIds(plans, [{ disabledPlanIds: [] }])).toEqual(plans);
    expect(enabledPlanIds(plans, [])).toEqual([]);
  });

  it("S13 the chain is the shortest, ties broken by group ID", () => {
    // user in g1 and g2; g1 ⊂ gA ⊂ top; g2 ⊂ top; g1 ⊂ gB ⊂ top
    const parents: Record<string, string[]> = { g1: ["gB", "gA"], g2: ["top"], gA: ["top"], gB: ["top"] };
    const up = (g: string) => chainsUpFrom(g, (x) => parents[x] ?? []);
    const chains = chainsForUser(["g1", "g2"], up);
    expect(chains.get("top")).toEqual(["g2", "top"]);
    expect(chainsForUser(["g1"], up).get("top")).toEqual(["g1", "gA", "top"]);
    expect(chains.get("g1")).toEqual(["g1"]);
  });

  it("S13 ties between equally long chains go to the smaller group IDs from the user's side", () => {
    const parents: Record<string, string[]> = { a: ["y", "x"], x: ["top"], y: ["top"], b: ["top"] };
    const up = (g: string) => chainsUpFrom(g, (x) => parents[x] ?? []);
    expect(chainsForUser(["a"], up).get("top")).toEqual(["a", "x", "top"]);
    // two direct groups, both one hop from top: the smaller direct group wins
    expect(chainsForUser(["b", "x"], up).get("top")).toEqual(["b", "top"]);
    expect(compareChains(["a", "b"], ["a", "c"])).toBeLessThan(0);
    expect(compareChains(["z"], ["a", "b"])).toBeLessThan(0);
  });

  it("S13 chains terminate on deep nesting and reach every ancestor", () => {
    const parents: Record<string, string[]> = {};
    for (let i = 0; i < 50; i++) parents[`g${i}`] = [`g${i + 1}`];
    const m = chainsUpFrom("g0", (x) => parents[x] ?? []);
    expect(m.size).toBe(51);
    expect(m.get("g50")).toHaveLength(51);
  });

  it("sources list direct first, then groups by chain length and ID", () => {
    const s = (kind: LicenseSourceKind, groupId: string | null, via: string[]) => ({ kind, groupId, via });
    const ordered = orderSources([
      s(LicenseSourceKind.GROUP, "g2", ["a", "g2"]),
      s(LicenseSourceKind.GROUP, "g1", ["g1"]),
      s(LicenseSourceKind.DIRECT, null, []),
    ]);
    expect(ordered.map((x) => x.groupId)).toEqual([null, "g1", "g2"]);
  });
});
