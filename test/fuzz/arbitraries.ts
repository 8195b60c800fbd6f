import fc from "fast-check";

/** Bounded runs in `npm test`; `npm run fuzz -- --runs N [--seed S]` sets these for a long run. */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 0) || undefined;
export const FUZZ_SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

/** What storage cannot hold (H1): U+0000 and lone surrogates, alone or inside otherwise good text. */
const poison = fc.constantFrom("\u0000", "\ud800", "\udc00", "\udbff\u0000");

/** Good text with poison put in somewhere, so a refusal is the poison's and not the text's. */
export const poisoned = (good: fc.Arbitrary<string>) =>
  fc.tuple(good, poison, fc.nat()).map(([g, p, at]) => g.slice(0, at % (g.length + 1)) + p + g.slice(at % (g.length + 1)));

/** §14's classes of text: at and past each limit of H1, NUL, lone surrogates, RTL, combining marks, 10k characters. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  poisoned(fc.string({ maxLength: 12 })),
  fc.constantFrom(
    "", " ", "\u0000", "a\u0000b", "\ud800", "x\udc00y", "\udfff\ud800", "\u202eevil\u202c", "e\u0301\u0301\u0301", "\u200b",
    "x".repeat(64), "x".repeat(65), "x".repeat(256), "x".repeat(257), "x".repeat(1024), "x".repeat(1025), "x".repeat(2049), "x".repeat(10_000),
    "%", "_", "\\", "'; DROP TABLE app_user; --", "名前", "😀", "a@b.example", `${"a".repeat(250)}@x.example`,
  ),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ maxLength: 12 }),
);

/** Whole numbers at the edges of H2 and past every integer type, and some that are not whole. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -1, 1, 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, 2 ** 63, -(2 ** 63), 1.5, 1e308),
  fc.integer(),
);

/** Values of a type nobody asked for, and JSON nested far deeper than any input. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constant(JSON.parse("[".repeat(500) + "]".repeat(500))),
  fc.constant({ ["__proto__"]: { polluted: true } }),
);

export const fuzzParams = (fallbackRuns: number) => ({ numRuns: FUZZ_RUNS ?? fallbackRuns, ...(FUZZ_SEED !== undefined ? { seed: FUZZ_SEED } : {}) });

/** A string argument by its name: UPNs and emails look like addresses (so the poison, not the shape, is judged). */
export function textFor(name: string, ids: readonly string[]): fc.Arbitrary<string> {
  if (/principalname|email|username/i.test(name)) {
    const upn = fc.tuple(fc.stringMatching(/^[a-z][a-z0-9.]{0,20}$/), fc.constantFrom("fabrikam.example", "x.example")).map(([a, d]) => `${a}@${d}`);
    return fc.oneof(upn, poisoned(upn), hostileText);
  }
  if (/id$/i.test(name) && ids.length) return fc.oneof(fc.constantFrom(...ids), poisoned(fc.constantFrom(...ids)), hostileText);
  return hostileText;
}

/** A long run needs longer than jest's default minute: about a quarter of a second per request is ample. */
export const fuzzTimeout = (fallbackRuns: number) => 60_000 + (FUZZ_RUNS ?? fallbackRuns) * 250;
