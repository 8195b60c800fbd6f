import { allocateSeats, poolsMoved, queueOrder, seatDelta } from "../../src/domain/licensing/allocation";

describe("seat allocation (S4, S5)", () => {
  it("S4 gives seats to the longest-wanting users, ties by user ID", () => {
    const wanters = [
      { userId: "usr_c", seq: 2 },
      { userId: "usr_b", seq: 1 },
      { userId: "usr_a", seq: 2 },
      { userId: "usr_d", seq: 3 },
    ];
    expect([...allocateSeats(wanters, 2)].sort()).toEqual(["usr_a", "usr_b"]);
    expect([...wanters].sort(queueOrder).map((w) => w.userId)).toEqual(["usr_b", "usr_a", "usr_c", "usr_d"]);
  });

  it("S4 a newcomer never displaces a holder, whatever their user ID", () => {
    const before = allocateSeats([{ userId: "usr_z", seq: 1 }], 1);
    const after = allocateSeats([{ userId: "usr_z", seq: 1 }, { userId: "usr_a", seq: 2 }], 1);
    expect([...before]).toEqual(["usr_z"]);
    expect([...after]).toEqual(["usr_z"]);
  });

  it("S5 a shrinking pool takes seats from the most recent wanters", () => {
    const w = [1, 2, 3, 4].map((seq) => ({ userId: `usr_${seq}`, seq }));
    expect([...allocateSeats(w, 4)].sort()).toEqual(["usr_1", "usr_2", "usr_3", "usr_4"]);
    expect([...allocateSeats(w, 2)].sort()).toEqual(["usr_1", "usr_2"]);
    expect(allocateSeats(w, 0).size).toBe(0);
    expect(allocateSeats(w, -3).size).toBe(0);
  });

  it("S5 seatDelta grants up to the pool and revokes the excess", () => {
    expect(seatDelta(5, 3)).toEqual({ grant: 2, revoke: 0 });
    expect(seatDelta(2, 3)).toEqual({ grant: 0, revoke: 1 });
    expect(seatDelta(3, 3)).toEqual({ grant: 0, revoke: 0 });
    expect(seatDelta(-1, 2)).toEqual({ grant: 0, revoke: 2 });
  });

  it("S4/S5 the incremental deltas always reproduce the full allocation (random histories)", () => {
    // A model of the engine: holders kept as a set, changed only through seatDelta on the queue.
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let run = 0; run < 200; run++) {
      let seq = 0;
      let pool = rand(6);
      const wanters: { userId: string; seq: number }[] = [];
      const holders = new Set<string>();
      for (let step = 0; step < 30; step++) {
        const op = rand(3);
        if (op === 0) {
          seq++;
          const n = 1 + rand(3);
          for (let i = 0; i < n; i++) {
            const id = `usr_${rand(40)}`;
            if (!wanters.some((w) => w.userId === id)) wanters.push({ userId: id, seq });
          }
        } else if (op === 1 && wanters.length) {
          const [gone] = wanters.splice(rand(wanters.length), 1);
          holders.delete(gone.userId);
        } else pool = rand(8);
        const { grant, revoke } = seatDelta(pool, holders.size);
        const queue = [...wanters].sort(queueOrder);
        queue.filter((w) => holders.has(w.userId)).reverse().slice(0, revoke).forEach((w) => holders.delete(w.userId));
        queue.filter((w) => !holders.has(w.userId)).slice(0, grant).forEach((w) => holders.add(w.userId));
        expect([...holders].sort()).toEqual([...allocateSeats(wanters, pool)].sort());
      }
    }
  });
});

describe("pools moved since their allocation (P6, S5)", () => {
  it("P6 names the SKUs whose pool differs from the one last allocated; a SKU never allocated counts as 0", () => {
    const pools: Record<string, number> = { a: 10, b: 5, c: 0, d: 3 };
    const allocated = [{ skuId: "a", allocatedPool: 10 }, { skuId: "b", allocatedPool: 7 }];
    expect(poolsMoved(["a", "b", "c", "d"], allocated, (id) => pools[id])).toEqual(["b", "d"]);
    expect(poolsMoved(["a", "c"], allocated, (id) => pools[id])).toEqual([]);
  });
});
