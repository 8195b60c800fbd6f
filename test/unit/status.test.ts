import fc from "fast-check";
import { nextStatusChange, prepaidUnits, subscriptionStatus } from "../../src/domain/licensing/status";

const day = 86_400_000;
const t0 = new Date("2026-01-01T00:00:00.000Z");
const at = (days: number) => new Date(t0.getTime() + days * day);

describe("subscription status (P6, P7)", () => {
  it("P6 ACTIVE before endsAt, WARNING 30 days, SUSPENDED 90 days, then DELETED", () => {
    const s = { endsAt: at(10), canceledAt: null, isTrial: false };
    expect(subscriptionStatus(s, at(9))).toBe("ACTIVE");
    expect(subscriptionStatus(s, at(10))).toBe("WARNING");
    expect(subscriptionStatus(s, at(39.99))).toBe("WARNING");
    expect(subscriptionStatus(s, at(40))).toBe("SUSPENDED");
    expect(subscriptionStatus(s, at(129.99))).toBe("SUSPENDED");
    expect(subscriptionStatus(s, at(130))).toBe("DELETED");
  });

  it("P6 null endsAt auto-renews; cancel suspends at once, deleted 90 days later; trials have no grace", () => {
    expect(subscriptionStatus({ endsAt: null, canceledAt: null, isTrial: false }, at(5000))).toBe("ACTIVE");
    const c = { endsAt: null, canceledAt: at(1), isTrial: false };
    expect(subscriptionStatus(c, at(1))).toBe("SUSPENDED");
    expect(subscriptionStatus(c, at(91))).toBe("DELETED");
    expect(subscriptionStatus({ endsAt: at(30), canceledAt: null, isTrial: true }, at(30))).toBe("SUSPENDED");
  });

  it("P7 prepaid units split by status", () => {
    const subs = [
      { quantity: 5, endsAt: null, canceledAt: null, isTrial: false },
      { quantity: 3, endsAt: at(1), canceledAt: null, isTrial: false },
      { quantity: 2, endsAt: null, canceledAt: at(0), isTrial: false },
    ];
    expect(prepaidUnits(subs, at(2))).toEqual({ enabled: 5, warning: 3, suspended: 2 });
  });

  it("P6 nextStatusChange: the status holds from now until that instant and changes there (generated subscriptions)", () => {
    const instant = fc.integer({ min: -200, max: 200 }).map((d) => at(d / 2));
    const sub = fc.record({ endsAt: fc.option(instant), canceledAt: fc.option(instant, { freq: 3 }), isTrial: fc.boolean() });
    fc.assert(
      fc.property(sub, instant, fc.double({ min: 0, max: 1, noNaN: true }), (s, now, f) => {
        const next = nextStatusChange(s, now);
        const status = subscriptionStatus(s, now);
        if (next === Infinity) return expect(subscriptionStatus(s, at(10_000))).toBe(status);
        expect(next).toBeGreaterThan(now.getTime());
        expect(subscriptionStatus(s, new Date(now.getTime() + Math.floor(f * (next - now.getTime() - 1))))).toBe(status);
        expect(subscriptionStatus(s, new Date(next - 1))).toBe(status);
        expect(subscriptionStatus(s, new Date(next))).not.toBe(status);
      }),
    );
  });
});
