/**
 * A reference model of DESIGN §3–§5 for one USER-kind SKU and the TENANT-kind SKU it requires, written from the
 * rules alone (it shares no code with src/): S1–S8, S12, S13, S5's order, P6–P7, L3, G1, G2, U2, D7. The
 * model-based test runs the same steps against the API and the model and compares what a client reads.
 */
export type Outcome = "OK" | string;

const DAY = 86_400_000;
const PLANS = ["BOT_AUTHORING", "DATAVERSE_FOR_BOTS", "FLOW_FOR_BOTS"];
export const PROHIBITED = new Set(["CU", "IR", "KP", "SY"]);

interface Sub {
  id: string;
  tenantSku: boolean;
  quantity: number;
  endsAt: number | null;
  canceledAt: number | null;
}

interface Group {
  users: Set<string>;
  groups: Set<string>;
  /** Disabled plans of this group's assignment of the user SKU; undefined when not assigned. */
  license?: string[];
}

export interface ModelLicense {
  state: string;
  error: string;
  holdsSeat: boolean;
  enabledPlans: string[];
  sources: string[];
}

export interface ModelPool {
  enabled: number;
  warning: number;
  suspended: number;
  consumed: number;
  available: number;
  demand: number;
}

/** P6: a subscription's status at `now`. */
export function statusOf(s: Sub, now: number): "ACTIVE" | "WARNING" | "SUSPENDED" | "DELETED" {
  if (s.canceledAt !== null) return now < s.canceledAt + 90 * DAY ? "SUSPENDED" : "DELETED";
  if (s.endsAt === null || now < s.endsAt) return "ACTIVE";
  if (now < s.endsAt + 30 * DAY) return "WARNING";
  return now < s.endsAt + 120 * DAY ? "SUSPENDED" : "DELETED";
}

export class SeatModel {
  now: number;
  defaultLocation = "US";
  readonly users = new Map<string, { enabled: boolean; location: string | null }>();
  readonly groups = new Map<string, Group>();
  /** Disabled plans of each user's direct assignment. */
  readonly direct = new Map<string, string[]>();
  readonly subs: Sub[] = [];
  /** S4: when each user's want of the user SKU started (first source appeared). */
  readonly wantSince = new Map<string, number>();
  readonly holders = new Set<string>();

  constructor(now: number) {
    this.now = now;
  }

  location(u: string): string {
    return this.users.get(u)!.location ?? this.defaultLocation;
  }

  prohibited(u: string): boolean {
    return PROHIBITED.has(this.location(u));
  }

  granting(tenantSku: boolean): Sub[] {
    return this.subs.filter((s) => s.tenantSku === tenantSku && ["ACTIVE", "WARNING"].includes(statusOf(s, this.now)));
  }

  pool(): number {
    return this.granting(false).reduce((n, s) => n + s.quantity, 0);
  }

  /** Groups that contain `g`, directly. */
  parents(g: string): string[] {
    return [...this.groups].filter(([, x]) => x.groups.has(g)).map(([id]) => id);
  }

  /** S13: for every group a user reaches, the shortest chain [direct group, …, that group], ties by group IDs. */
  chains(u: string): Map<string, string[]> {
    const best = new Map<string, string[]>();
    const cmp = (a: string[], b: string[]) => a.length - b.length || (a.join("\u0001") < b.join("\u0001") ? -1 : a.join("\u0001") > b.join("\u0001") ? 1 : 0);
    const offer = (g: string, chain: string[]) => {
      const cur = best.get(g);
      if (!cur || cmp(chain, cur) < 0) best.set(g, chain);
    };
    let frontier = [...this.groups].filter(([, x]) => x.users.has(u)).map(([id]) => [id]);
    for (const c of frontier) offer(c[0], c);
    // Breadth-first over every chain (small worlds): a chain never revisits a group.
    while (frontier.length) {
      const next: string[][] = [];
      for (const c of frontier) {
        for (const p of this.parents(c[c.length - 1])) {
          if (c.includes(p)) continue;
          const chain = [...c, p];
          offer(p, chain);
          next.push(chain);
        }
      }
      frontier = next;
    }
    return best;
  }

  /** S1: the sources of a user's want: "DIRECT" and "GROUP:<id>:<via ids>". */
  sources(u: string): { key: string; disabled: string[] }[] {
    const out: { key: string; disabled: string[] }[] = [];
    if (this.direct.has(u)) out.push({ key: "DIRECT", disabled: this.direct.get(u)! });
    for (const [g, chain] of this.chains(u)) {
      const license = this.groups.get(g)!.license;
      if (license) out.push({ key: `GROUP:${g}:${chain.join(",")}`, disabled: license });
    }
    return out.sort((a, b) => (a.key < b.key ? -1 : 1));
  }

  /** S4 order: the longest wanters first, ties by user ID. */
  private order(a: string, b: string): number {
    return this.wantSince.get(a)! - this.wantSince.get(b)! || (a < b ? -1 : a > b ? 1 : 0);
  }

  /** After every change: wants start and end, seats follow S2, S4, S5 and L3. */
  settle(): void {
    for (const u of this.users.keys()) {
      const wants = this.sources(u).length > 0;
      if (wants && !this.wantSince.has(u)) this.wantSince.set(u, this.now);
      if (!wants) this.wantSince.delete(u);
    }
    for (const u of [...this.holders]) if (!this.wantSince.has(u) || this.prohibited(u)) this.holders.delete(u);
    const pool = this.pool();
    const held = [...this.holders].sort((a, b) => this.order(a, b));
    // S5: a smaller pool takes the seats of the most recent wanters first.
    while (held.length > pool) this.holders.delete(held.pop()!);
    const waiting = [...this.wantSince.keys()].filter((u) => !this.holders.has(u) && !this.prohibited(u)).sort((a, b) => this.order(a, b));
    for (const u of waiting) {
      if (this.holders.size >= pool) break;
      this.holders.add(u);
    }
  }

  /** S6, S7: what `user.effectiveLicenses` shows for the user SKU, or null when the user does not want it. */
  license(u: string): ModelLicense | null {
    const sources = this.sources(u);
    if (!sources.length) return null;
    const holds = this.holders.has(u);
    const enabledPlans = [...new Set(sources.flatMap((s) => PLANS.filter((p) => !s.disabled.includes(p))))].sort();
    const base = { holdsSeat: holds, enabledPlans, sources: sources.map((s) => s.key) };
    if (!this.granting(false).length) return { ...base, state: "DISABLED", error: "SUBSCRIPTION_INACTIVE" };
    if (this.prohibited(u)) return { ...base, state: "ERROR", error: "PROHIBITED_IN_USAGE_LOCATION" };
    if (!holds) return { ...base, state: "ERROR", error: "COUNT_VIOLATION" };
    if (!this.granting(true).length) return { ...base, state: "ERROR", error: "DEPENDENCY_VIOLATION" };
    return { ...base, state: "ACTIVE", error: "NONE" };
  }

  /** P7 and the pool's figures. */
  poolFigures(): ModelPool {
    const sum = (status: string) => this.subs.filter((s) => !s.tenantSku && statusOf(s, this.now) === status).reduce((n, s) => n + s.quantity, 0);
    const enabled = sum("ACTIVE");
    const warning = sum("WARNING");
    const consumed = this.holders.size;
    return { enabled, warning, suspended: sum("SUSPENDED"), consumed, available: Math.max(0, enabled + warning - consumed), demand: this.wantSince.size - consumed };
  }

  // ---- the steps; each returns "OK" or the error code DESIGN gives -------------------------------------------

  /** S3, L3, S7: a direct assignment (or new disabled plans on an existing one). */
  assignDirect(u: string, disabled: string[]): Outcome {
    // S7: the SKU again on a user who has it directly only updates that source's plans.
    if (this.direct.has(u)) {
      this.direct.set(u, disabled);
      return "OK";
    }
    if (this.prohibited(u)) return "USAGE_LOCATION_PROHIBITED";
    if (!this.holders.has(u) && this.holders.size >= this.pool()) return "SEATS_EXHAUSTED";
    this.direct.set(u, disabled);
    this.settle();
    return "OK";
  }

  /** S8. */
  removeDirect(u: string): Outcome {
    this.direct.delete(u);
    this.settle();
    return "OK";
  }

  /** S4: never fails for lack of seats. */
  assignGroup(g: string, disabled: string[] | undefined): Outcome {
    this.groups.get(g)!.license = disabled;
    this.settle();
    return "OK";
  }

  addMember(g: string, u: string): Outcome {
    this.groups.get(g)!.users.add(u);
    this.settle();
    return "OK";
  }

  removeMember(g: string, u: string): Outcome {
    this.groups.get(g)!.users.delete(u);
    this.settle();
    return "OK";
  }

  /** G1: a nesting that would make a cycle is GROUP_CYCLE. */
  nest(parent: string, child: string): Outcome {
    const inside = (g: string, target: string): boolean => g === target || [...this.groups.get(g)!.groups].some((c) => inside(c, target));
    if (inside(child, parent)) return "GROUP_CYCLE";
    this.groups.get(parent)!.groups.add(child);
    this.settle();
    return "OK";
  }

  unnest(parent: string, child: string): Outcome {
    this.groups.get(parent)!.groups.delete(child);
    this.settle();
    return "OK";
  }

  /** G2 for an admin; D7 for the directory (`force`). */
  deleteGroup(g: string, force: boolean): Outcome {
    if (!force && this.groups.get(g)!.license) return "GROUP_HAS_LICENSES";
    this.groups.delete(g);
    for (const x of this.groups.values()) x.groups.delete(g);
    this.settle();
    return "OK";
  }

  /** U2 and D7 (a user who owns no bots): seats freed, memberships gone. */
  deleteUser(u: string): Outcome {
    this.users.delete(u);
    this.direct.delete(u);
    this.wantSince.delete(u);
    this.holders.delete(u);
    for (const x of this.groups.values()) x.users.delete(u);
    this.settle();
    return "OK";
  }

  /** S12: a disabled account keeps its seat. */
  setEnabled(u: string, enabled: boolean): Outcome {
    this.users.get(u)!.enabled = enabled;
    return "OK";
  }

  /** L1, L3. */
  setLocation(u: string, location: string | null): Outcome {
    this.users.get(u)!.location = location;
    this.settle();
    return "OK";
  }

  /** P2: user seats need a granting tenant license (bought before, in these steps). */
  buy(id: string, tenantSku: boolean, quantity: number, endsAt: number | null): Outcome {
    if (!tenantSku && !this.granting(true).length) return "TENANT_LICENSE_REQUIRED";
    this.subs.push({ id, tenantSku, quantity, endsAt, canceledAt: null });
    this.settle();
    return "OK";
  }

  /** P7: never below the seats in use. */
  changeQuantity(id: string, quantity: number): Outcome {
    const s = this.subs.find((x) => x.id === id)!;
    if (!s.tenantSku && this.pool() - s.quantity + quantity < this.holders.size) return "SEATS_IN_USE";
    s.quantity = quantity;
    this.settle();
    return "OK";
  }

  /** P6: SUSPENDED at once; S5: the most recent wanters lose seats first. */
  cancel(id: string): Outcome {
    this.subs.find((x) => x.id === id)!.canceledAt = this.now;
    this.settle();
    return "OK";
  }

  advance(ms: number): void {
    this.now += ms;
    this.settle();
  }
}
