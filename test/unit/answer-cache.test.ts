import fc from "fast-check";
import { AnswerCache, CachedAnswer, MAX_ANSWER_CHARS } from "../../src/app/request/answer-cache";
import { ManualClock } from "../../src/domain/clock";
import type { SignInRow } from "../../src/data/sign-in";

/** DESIGN §6 I1, the answer cache on its own: what it holds stays bounded, and an answer is used only while it holds. */
const clock = new ManualClock("2026-03-10T09:00:00.000Z");
const t0 = clock.now().getTime();
let version = 7;
const source = { clock, database: { cachedSignIn: (oid: string) => (oid === "gone" ? undefined : ({ t_version: version, last_activity_at: null } as unknown as SignInRow)) } };
const answer = (over: Partial<CachedAnswer> = {}): CachedAnswer => ({
  tenantId: "t", userId: "u", version: 7, from: t0, until: t0 + 60_000, price: 1, headers: {}, data: '{"me":null}', ...over,
});

describe("I1: the answer cache's bounds and validity", () => {
  beforeEach(() => {
    clock.set("2026-03-10T09:00:00.000Z");
    version = 7;
  });

  it("I1: whatever is put (generated keys and answers, some oversized), it holds at most its entries and characters", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 40 }), fc.nat(MAX_ANSWER_CHARS * 2), fc.nat(3_000)), { maxLength: 200 }), (puts) => {
        const cache = new AnswerCache(true, 20, 50_000);
        for (const [k, keyPad, dataLen] of puts) cache.put(k + "x".repeat(keyPad), answer({ data: "d".repeat(dataLen) }));
        expect(cache.size).toBeLessThanOrEqual(20);
        expect(cache.held).toBeLessThanOrEqual(50_000);
        expect(cache.held).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it("I1: an answer is used while the caller's row is cached at its version and before `until`; otherwise it is dropped", () => {
    const cache = new AnswerCache(true);
    cache.put("k", answer());
    expect(cache.get(source, "k", { tenantId: "t", userId: "u" })?.answer.data).toBe('{"me":null}');
    expect(cache.get(source, "k", { tenantId: "t", userId: "other" })).toBeUndefined();
    cache.put("k", answer());
    version = 8;
    expect(cache.get(source, "k", { tenantId: "t", userId: "u" })).toBeUndefined();
    version = 7;
    expect(cache.get(source, "k", { tenantId: "t", userId: "u" })).toBeUndefined();
    cache.put("k", answer());
    clock.advanceMs(60_000);
    expect(cache.get(source, "k", { tenantId: "t", userId: "u" })).toBeUndefined();
    cache.put("k", answer({ userId: "gone" }));
    expect(cache.get(source, "k", { tenantId: "t", userId: "gone" })).toBeUndefined();
    expect(cache.size).toBe(0);
    expect(cache.held).toBe(0);
  });

  it("I1: off, it keeps and answers nothing", () => {
    const cache = new AnswerCache(false);
    cache.put("k", answer());
    expect(cache.get(source, "k", { tenantId: "t", userId: "u" })).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});
