import { decodeEvent, encodeEvent, LiveEvent, NOTIFY_LIMIT } from "../../src/app/live/events";

const id = (p: string, i: number) => `${p}_0190f5c2-0000-7000-8000-${String(i).padStart(12, "0")}`;

describe("E3 NOTIFY payloads", () => {
  const small: LiveEvent = { tenantId: id("tnt", 1), userIds: [id("usr", 1)], groupIds: [id("grp", 1)], skuIds: [id("sku", 1)], auditEventIds: [id("evt", 1)] };

  test("E3: a small write travels whole and comes back the same", () => {
    const [p, ...rest] = encodeEvent(small);
    expect(rest).toEqual([]);
    expect(decodeEvent(p)).toEqual({ ...small, everything: false });
  });

  test("E3: past the 8,000-byte limit the payload is a reference (tenant and audit IDs), in parts that each fit", () => {
    const big: LiveEvent = { ...small, userIds: Array.from({ length: 1000 }, (_, i) => id("usr", i)), auditEventIds: Array.from({ length: 400 }, (_, i) => id("evt", i)) };
    const parts = encodeEvent(big);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(NOTIFY_LIMIT);
    const decoded = parts.map((p) => decodeEvent(p)!);
    expect(decoded[0].everything).toBe(true);
    expect(decoded.slice(1).every((d) => !d.everything)).toBe(true);
    expect(decoded.flatMap((d) => d.auditEventIds)).toEqual(big.auditEventIds);
    expect(decoded.every((d) => d.userIds.length === 0 && d.tenantId === big.tenantId)).toBe(true);
  });

  test("E3: anything else on the channel is ignored", () => {
    for (const p of ["", "not json", "null", "[]", '{"u":["x"]}', '{"t":5}']) expect(decodeEvent(p)).toBeNull();
    expect(decodeEvent('{"t":"tnt_1","u":[1,"usr_1"]}')).toMatchObject({ userIds: ["usr_1"], groupIds: [] });
  });
});
