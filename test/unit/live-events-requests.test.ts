import { decodeEvent, encodeEvent, LiveEvent, NOTIFY_LIMIT } from "../../src/app/live/events";

const id = (p: string, i: number) => `${p}_0190f5c2-0000-7000-8000-${String(i).padStart(12, "0")}`;

describe("V1 E3 NOTIFY payloads with license requests", () => {
  const base: LiveEvent = { tenantId: id("tnt", 1), userIds: [id("usr", 1)], groupIds: [], skuIds: [], auditEventIds: [id("evt", 1)] };

  test("V1 E3: the request IDs of a write travel with it; a write without any sends none", () => {
    const withRequests = { ...base, requestIds: [id("lrq", 1)] };
    expect(encodeEvent(withRequests).map(decodeEvent)).toEqual([{ ...withRequests, everything: false }]);
    expect(encodeEvent(base)[0]).not.toContain('"r"');
  });

  test("V1 E3: past the limit, the request IDs still arrive, in parts that each fit, after the audit IDs", () => {
    const big: LiveEvent = {
      ...base,
      userIds: Array.from({ length: 1000 }, (_, i) => id("usr", i)),
      auditEventIds: Array.from({ length: 150 }, (_, i) => id("evt", i)),
      requestIds: Array.from({ length: 150 }, (_, i) => id("lrq", i)),
    };
    const parts = encodeEvent(big);
    for (const p of parts) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(NOTIFY_LIMIT);
    const decoded = parts.map((p) => decodeEvent(p)!);
    expect(decoded[0].everything).toBe(true);
    expect(decoded.flatMap((d) => d.auditEventIds)).toEqual(big.auditEventIds);
    expect(decoded.flatMap((d) => d.requestIds ?? [])).toEqual(big.requestIds);
  });
});
