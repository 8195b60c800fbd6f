/**
 * A deterministic large tenant, in bulk, for benchmarks and load tests (issue 7):
 *
 *   npm run seed:large -- --users 100000 --groups 2000 --depth 6 --seed 42
 *
 * on the configured DATABASE_URL (SQLite or PostgreSQL). Rows go in with
 * multi-row INSERTs inside transactions; the seat state (license_want,
 * seat_pool) is then computed by the seat engine itself, in the order an admin
 * would have worked through the API: direct assignments first, then one group
 * assignment after another. Same arguments, same tenant: every ID, name,
 * timestamp and seat comes from a seeded PRNG and a fixed clock.
 */
import "reflect-metadata";
import { createHash } from "node:crypto";
import { DataSource, QueryRunner } from "typeorm";
import { createApp } from "../boot";
import { signToken } from "../app/auth/sign";
import { ManualClock } from "../domain/clock";
import { loadConfig } from "../config";
import { App } from "../app/request/context";
import { createDataSource } from "../data/datasource";
import { AdminRole } from "../domain/enums";
import { SeatEngine } from "../data/licensing/seat-engine";

export interface LargeTenantOptions {
  users: number;
  groups: number;
  depth: number;
  seed: number;
  /** Share of the users who should want the user license through groups (about; default 0.55). */
  groupCoverage?: number;
  /** Share of users with a direct assignment (default 0.03). */
  directShare?: number;
  /** Paid seats as a share of demand (default 0.85): below 1, so COUNT_VIOLATION exists. */
  seatRatio?: number;
  /** Delete a tenant that the same arguments made before, then make it again. */
  replace?: boolean;
  /** Called with (phase, done, total) while it works. */
  progress?: (phase: string, done: number, total: number) => void;
}

export interface LargeTenant {
  tenantId: string;
  adminId: string;
  makerId: string;
  readerId: string;
  domain: string;
  counts: Record<string, number>;
  timingsMs: Record<string, number>;
}

/** The fixed "now" of the generated history: IDs, created_at and want times derive from it. */
export const BASE_TIME = Date.parse("2026-01-05T08:00:00.000Z");

const SKU = {
  tenant: "POWER_VIRTUAL_AGENTS",
  user: "POWER_VIRTUAL_AGENTS_USER",
};

// ---------------------------------------------------------------- determinism

/** sfc32: small, fast, good enough for test data; seeded from a string hash. */
export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: string) {
    const h = createHash("sha256").update(seed).digest();
    this.a = h.readUInt32LE(0);
    this.b = h.readUInt32LE(4);
    this.c = h.readUInt32LE(8);
    this.d = h.readUInt32LE(12);
    for (let i = 0; i < 12; i++) this.u32();
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** [0, 1) */
  next(): number {
    return this.u32() / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }

  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [xs[i], xs[j]] = [xs[j], xs[i]];
    }
    return xs;
  }
}

/** An ID shaped like src/ids.ts (`<prefix>_<uuidv7>`), from a given instant and the PRNG: time-ordered and reproducible. */
export function deterministicId(prefix: string, ms: number, rng: Prng): string {
  const b = Buffer.alloc(16);
  b.writeUIntBE(ms, 0, 6);
  for (let i = 6; i < 16; i += 2) b.writeUInt16BE(rng.u32() & 0xffff, i);
  b[6] = 0x70 | (b[6] & 0x0f);
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString("hex");
  return `${prefix}_${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const FIRST = ["Ada", "Ben", "Chen", "Dana", "Eli", "Fatima", "Gus", "Hana", "Ivan", "Jo", "Kai", "Lena", "Mo", "Nia", "Omar", "Pia",
  "Quinn", "Rosa", "Sami", "Tara", "Uma", "Vik", "Wen", "Xavi", "Yara", "Zoe"];
const LAST = ["Abe", "Berg", "Costa", "Diaz", "Eng", "Fischer", "Garcia", "Haddad", "Ito", "Jensen", "Kim", "Lopez", "Meyer", "Novak",
  "Okafor", "Park", "Quist", "Rossi", "Silva", "Tanaka", "Ueda", "Varga", "Wong", "Xu", "Yilmaz", "Zhang"];
const LEVEL_NAMES = ["Division", "Department", "Area", "Team", "Squad", "Crew", "Circle", "Cell"];

// ---------------------------------------------------------------- bulk SQL

type Row = unknown[];

class Bulk {
  readonly pg: boolean;
  rows = 0;

  constructor(private readonly qr: QueryRunner, private readonly onRows?: (n: number) => void) {
    this.pg = qr.connection.driver.options.type === "postgres";
  }

  bool(v: boolean): boolean | number {
    return this.pg ? v : v ? 1 : 0;
  }

  /** Multi-row INSERTs, each well under the engines' bound-parameter limits (SQLite 32,766; PostgreSQL 65,535). */
  async insert(table: string, cols: string[], rows: Row[]): Promise<void> {
    const per = Math.max(1, Math.min(1000, Math.floor(30000 / cols.length)));
    for (let i = 0; i < rows.length; i += per) {
      const part = rows.slice(i, i + per);
      const params: unknown[] = [];
      const tuples = part.map((r) => {
        const marks = r.map((v) => {
          params.push(v);
          return this.pg ? `$${params.length}` : "?";
        });
        return `(${marks.join(", ")})`;
      });
      await this.qr.query(`INSERT INTO ${table} (${cols.join(", ")}) VALUES ${tuples.join(", ")}`, params);
      this.rows += part.length;
      this.onRows?.(part.length);
    }
  }
}

const TENANT_TABLES = [
  "audit_event", "bot_usage", "bot", "user_trial", "seat_pool", "license_want", "group_license_assignment", "user_license_assignment",
  "group_nesting", "group_user_member", "security_group", "app_user", "subscription", "purchase_order",
];

async function deleteTenant(ds: DataSource, tenantId: string): Promise<void> {
  const pg = ds.options.type === "postgres";
  await ds.transaction(async (m) => {
    for (const t of TENANT_TABLES) await m.query(`DELETE FROM ${t} WHERE tenant_id = ${pg ? "$1" : "?"}`, [tenantId]);
    await m.query(`DELETE FROM tenant WHERE id = ${pg ? "$1" : "?"}`, [tenantId]);
  });
}

// ---------------------------------------------------------------- the tenant's shape

interface Plan {
  tenantId: string;
  domain: string;
  userIds: string[];
  userRows: Row[];
  groupIds: string[];
  groupLevel: number[];
  parents: number[][];
  children: number[][];
  memberships: [number, number][];
  directUsers: number[];
  assignedGroups: number[];
  /** Users who will want the user license (group or direct), for sizing the subscriptions. */
  demand: number;
}

/** Level sizes r·b^l (l < depth) that add up to `groups`, with r roots. */
export function levelSizes(groups: number, depth: number): number[] {
  const d = Math.max(1, Math.min(depth, groups));
  const roots = Math.max(1, Math.min(Math.round(groups / 400), Math.floor(groups / d)));
  const total = (b: number) => {
    let s = 0;
    for (let l = 0; l < d; l++) s += roots * b ** l;
    return s;
  };
  let lo = 1;
  let hi = 64;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (total(mid) < groups) lo = mid;
    else hi = mid;
  }
  const sizes: number[] = [];
  for (let l = 0; l < d; l++) sizes.push(Math.max(1, Math.round(roots * lo ** l)));
  sizes[d - 1] += groups - sizes.reduce((a, b) => a + b, 0);
  while (sizes[d - 1] < 1) {
    // tiny group counts: borrow from the widest level
    const i = sizes.indexOf(Math.max(...sizes));
    sizes[i]--;
    sizes[d - 1]++;
  }
  return sizes;
}

function plan(o: Required<Omit<LargeTenantOptions, "progress" | "replace">>, rng: Prng): Plan {
  const key = createHash("sha256").update(`${o.seed}:${o.users}:${o.groups}:${o.depth}`).digest("hex").slice(0, 8);
  const domain = `large-${key}.example`;
  const tenantId = deterministicId("tnt", BASE_TIME, rng);

  // Users: 0 the admin, 1 a licensed maker (direct assignment, so a seat), 2 a reader; then everyone else.
  const userIds: string[] = [];
  const userRows: Row[] = [];
  for (let i = 0; i < o.users; i++) {
    const at = BASE_TIME + 1000 + i;
    const id = deterministicId("usr", at, rng);
    const first = rng.pick(FIRST);
    const last = rng.pick(LAST);
    const [upn, name, roles, enabled] =
      i === 0 ? [`admin@${domain}`, "Ada Admin", AdminRole.GLOBAL_ADMIN, true]
      : i === 1 ? [`maker@${domain}`, "Max Maker", "", true]
      : i === 2 ? [`reader@${domain}`, "Rita Reader", AdminRole.GLOBAL_READER, true]
      : [`${first.toLowerCase()}.${last.toLowerCase()}.${i}@${domain}`, `${first} ${last}`, "", rng.next() >= 0.01];
    userIds.push(id);
    userRows.push([id, tenantId, upn, upn.toLowerCase(), name, enabled, roles, at]);
  }

  // Groups: `depth` levels, r roots, each group under a random group of the level above; 5% of the
  // groups below level 1 are also nested under a second group higher up (a DAG, so several chains, S13).
  const sizes = levelSizes(o.groups, o.depth);
  const groupIds: string[] = [];
  const groupLevel: number[] = [];
  const byLevel: number[][] = sizes.map(() => []);
  for (let l = 0; l < sizes.length; l++) {
    for (let k = 0; k < sizes[l]; k++) {
      const g = groupIds.length;
      groupIds.push(deterministicId("grp", BASE_TIME + 500 + g, rng));
      groupLevel.push(l);
      byLevel[l].push(g);
    }
  }
  const parents: number[][] = groupIds.map(() => []);
  const children: number[][] = groupIds.map(() => []);
  const nest = (p: number, c: number) => {
    if (parents[c].includes(p)) return;
    parents[c].push(p);
    children[p].push(c);
  };
  for (let l = 1; l < sizes.length; l++) for (const g of byLevel[l]) nest(rng.pick(byLevel[l - 1]), g);
  for (let l = 2; l < sizes.length; l++) {
    for (const g of byLevel[l]) if (rng.next() < 0.05) nest(rng.pick(byLevel[rng.int(l - 1)]), g);
  }

  // Memberships: most people sit in one to three teams, mostly at the deepest level; 10% in none.
  const deepest = byLevel[byLevel.length - 1];
  const memberships: [number, number][] = [];
  const groupsOfUser: number[][] = userIds.map(() => []);
  const usersOfGroup: number[][] = groupIds.map(() => []);
  for (let u = 1; u < o.users; u++) {
    const r = rng.next();
    const k = r < 0.1 ? 0 : r < 0.65 ? 1 : r < 0.9 ? 2 : 3;
    for (let j = 0; j < k; j++) {
      const g = rng.next() < 0.7 ? rng.pick(deepest) : rng.int(groupIds.length);
      if (groupsOfUser[u].includes(g)) continue;
      groupsOfUser[u].push(g);
      usersOfGroup[g].push(u);
      memberships.push([g, u]);
    }
  }

  // Group assignments: groups of levels 1–3 in a random order until about `groupCoverage` of the users
  // want the license through a group, then a few teams deeper down (users reaching licensed groups by several chains).
  const covered = new Uint8Array(groupIds.length);
  const wants = new Uint8Array(o.users);
  let wanting = 0;
  const cover = (g: number) => {
    const stack = [g];
    while (stack.length) {
      const x = stack.pop()!;
      if (covered[x]) continue;
      covered[x] = 1;
      for (const u of usersOfGroup[x]) if (!wants[u]) (wants[u] = 1), wanting++;
      stack.push(...children[x]);
    }
  };
  const assignedGroups: number[] = [];
  const candidates = rng.shuffle(groupIds.map((_, g) => g).filter((g) => groupLevel[g] >= 1 && groupLevel[g] <= 3 || sizes.length === 1));
  for (const g of candidates) {
    if (wanting >= o.groupCoverage * o.users) break;
    assignedGroups.push(g);
    cover(g);
  }
  const extra = rng.shuffle(byLevel[Math.min(sizes.length - 1, 4)].slice()).slice(0, Math.max(1, Math.round(o.groups / 400)));
  for (const g of extra) if (!assignedGroups.includes(g)) (assignedGroups.push(g), cover(g));

  // Direct assignments: the maker and `directShare` of everyone else.
  const directUsers = [1];
  for (let u = 3; u < o.users; u++) if (rng.next() < o.directShare) directUsers.push(u);
  for (const u of directUsers) if (!wants[u]) (wants[u] = 1), wanting++;

  return { tenantId, domain, userIds, userRows, groupIds, groupLevel, parents, children, memberships, directUsers, assignedGroups, demand: wanting };
}

// ---------------------------------------------------------------- progress

/** A one-line progress bar on stderr (a line per phase when stderr is not a terminal). */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): (phase: string, done: number, total: number) => void {
  let last = 0;
  let lastPhase = "";
  return (phase, done, total) => {
    const now = Date.now();
    const finished = done >= total;
    if (!stream.isTTY) {
      if (finished && phase !== lastPhase) stream.write(`  ${phase}: ${total.toLocaleString("en-US")} done\n`);
      if (finished) lastPhase = phase;
      return;
    }
    if (!finished && now - last < 100 && phase === lastPhase) return;
    last = now;
    lastPhase = phase;
    const width = 30;
    const share = total ? Math.min(1, done / total) : 1;
    const bar = "#".repeat(Math.round(share * width)).padEnd(width, ".");
    stream.write(`\r  [${bar}] ${String(Math.round(share * 100)).padStart(3)}%  ${phase} ${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")}\x1b[K`);
    if (finished) stream.write("\n");
  };
}

// ---------------------------------------------------------------- the generator

/** Builds the tenant on `app`'s database and returns its IDs and counts. */
export async function seedLargeTenant(app: App, opts: LargeTenantOptions): Promise<LargeTenant> {
  const o = {
    users: opts.users, groups: opts.groups, depth: opts.depth, seed: opts.seed,
    groupCoverage: opts.groupCoverage ?? 0.55, directShare: opts.directShare ?? 0.03, seatRatio: opts.seatRatio ?? 0.85,
  };
  if (!Number.isInteger(o.users) || o.users < 3) throw new Error("--users must be a whole number of at least 3");
  if (!Number.isInteger(o.groups) || o.groups < 1) throw new Error("--groups must be a whole number of at least 1");
  if (!Number.isInteger(o.depth) || o.depth < 1) throw new Error("--depth must be a whole number of at least 1");
  const progress = opts.progress ?? (() => undefined);
  const ds = app.database.ds;
  const rng = new Prng(`license-graph:${o.seed}:${o.users}:${o.groups}:${o.depth}`);
  const timings: Record<string, number> = {};
  let t0 = Date.now();
  const lap = (name: string) => {
    timings[name] = Date.now() - t0;
    t0 = Date.now();
  };

  const p = plan(o, rng);
  lap("plan");
  const exists = (await ds.query(`SELECT id FROM tenant WHERE id = ${ds.options.type === "postgres" ? "$1" : "?"}`, [p.tenantId])).length > 0;
  if (exists) {
    if (!opts.replace) throw new Error(`Tenant ${p.tenantId} (these arguments) exists already: pass --replace to make it again, or another --seed.`);
    await deleteTenant(ds, p.tenantId);
    lap("replace");
  }

  const catalog = app.catalog;
  const userSku = catalog.skuByPartNumber(SKU.user)!;
  const tenantSku = catalog.skuByPartNumber(SKU.tenant)!;
  const flowPlan = catalog.plans(userSku.id).find((x) => x.name === "FLOW_FOR_BOTS")?.id;
  const seats = Math.max(p.directUsers.length, Math.floor(p.demand * o.seatRatio));
  const tenantUnits = Math.max(1, Math.round(o.users / 10000));
  const at = (offsetMs: number) => BASE_TIME + offsetMs;
  const engineClock = new ManualClock(new Date(at(86_400_000)));

  // 1. Tenant, users, groups, nesting, memberships, orders and subscriptions: plain bulk inserts, one transaction.
  const totalRows = 1 + p.userRows.length + p.groupIds.length + p.memberships.length + p.parents.reduce((a, x) => a + x.length, 0);
  let done = 0;
  const qr = ds.createQueryRunner();
  await qr.connect();
  const bulk = new Bulk(qr, (n) => progress("rows", (done += n), totalRows));
  try {
    await qr.startTransaction();
    await bulk.insert("tenant", ["id", "display_name", "allow_ad_hoc_subscriptions", "created_at"],
      [[p.tenantId, `Large tenant ${o.seed} (${o.users.toLocaleString("en-US")} users)`, bulk.bool(true), at(0)]]);
    await bulk.insert("app_user", ["id", "tenant_id", "user_principal_name", "upn_key", "display_name", "account_enabled", "roles", "created_at"],
      p.userRows.map((r) => [r[0], r[1], r[2], r[3], r[4], bulk.bool(r[5] as boolean), r[6], r[7]]));
    await bulk.insert("security_group", ["id", "tenant_id", "display_name", "description", "created_at"],
      p.groupIds.map((id, g) => [id, p.tenantId, `${LEVEL_NAMES[p.groupLevel[g] % LEVEL_NAMES.length]} ${g}`,
        g % 3 === 0 ? `Level ${p.groupLevel[g]} of the org chart` : null, at(500 + g)]));
    const nesting: Row[] = [];
    p.parents.forEach((ps, c) => ps.forEach((par) => nesting.push([p.groupIds[par], p.groupIds[c], p.tenantId, at(600_000 + c)])));
    await bulk.insert("group_nesting", ["parent_id", "child_id", "tenant_id", "created_at"], nesting);
    await bulk.insert("group_user_member", ["group_id", "user_id", "tenant_id", "created_at"],
      p.memberships.map(([g, u], i) => [p.groupIds[g], p.userIds[u], p.tenantId, at(700_000 + i)]));
    const ord = (k: number) => deterministicId("ord", at(3_600_000 + k), rng);
    const sub = (k: number) => deterministicId("sub", at(3_600_000 + k), rng);
    const orders = [ord(0), ord(1), ord(2), ord(3)];
    await bulk.insert("purchase_order", ["id", "tenant_id", "idempotency_key", "request_hash", "created_at"],
      orders.map((id, k) => [id, p.tenantId, null, createHash("sha256").update(`seed-large:${id}`).digest("hex"), at(3_600_000 + k)]));
    const firstSeats = Math.max(p.directUsers.length, Math.round(seats * 0.7));
    const subs: Row[] = [
      // [id, sku, quantity, channel, order, starts, ends, canceled]
      [sub(0), tenantSku.id, tenantUnits, "ADMIN_CENTER", orders[0], at(3_600_000), null, null],
      [sub(1), userSku.id, firstSeats, "ADMIN_CENTER", orders[0], at(3_600_000), null, null],
      [sub(2), userSku.id, 50, "ADMIN_CENTER", orders[1], at(3_600_001), null, at(-200 * 86_400_000)], // canceled long ago: DELETED
      ...(seats > firstSeats ? [[sub(3), userSku.id, seats - firstSeats, "ADMIN_CENTER", orders[2], at(3_600_002), null, null]] : []),
    ];
    await bulk.insert("subscription", ["id", "tenant_id", "sku_id", "quantity", "channel", "is_trial", "order_id", "starts_at", "ends_at", "canceled_at", "created_at"],
      subs.map((s) => [s[0], p.tenantId, s[1], s[2], s[3], bulk.bool(false), s[4], s[5], s[6], s[7], s[5]]));
    await qr.commitTransaction();
  } catch (e) {
    if (qr.isTransactionActive) await qr.rollbackTransaction();
    throw e;
  } finally {
    await qr.release();
  }
  lap("bulk rows");
  // The engine's set-based statements are planned from statistics: give the planner the bulk-loaded tables' figures
  // (autovacuum would, minutes later).
  if (ds.options.type === "postgres") await ds.query("ANALYZE");

  // 2. Assignments and the seat state, through the engine, in the order the API would have done them:
  // direct assignments first (each needed a free seat), then each group assignment in turn (S4: new wanters queue last).
  const lock = app.database.lock();
  const steps = 1 + p.assignedGroups.length + 1;
  let step = 0;
  progress("seat engine", 0, steps);
  await app.database.write(lock, p.tenantId, async (tx) => {
    const engine = new SeatEngine(tx, catalog, engineClock);
    const directRows = p.directUsers.map((u, i) => [userSku.id, p.userIds[u], p.tenantId, "[]", at(7_200_000 + i), at(7_200_000 + i)]);
    const q2 = tx.queryRunnerForBulkLoad();
    const b2 = new Bulk(q2);
    await b2.insert("user_license_assignment", ["sku_id", "user_id", "tenant_id", "disabled_plan_ids", "assigned_at", "updated_at"], directRows);
    await engine.settle({ sourcesAdded: [{ skuId: userSku.id, userIds: p.directUsers.map((u) => p.userIds[u]) }] });
    progress("seat engine", ++step, steps);
    for (const [k, g] of p.assignedGroups.entries()) {
      const disabled = k % 5 === 4 && flowPlan ? [flowPlan] : [];
      await b2.insert("group_license_assignment", ["sku_id", "group_id", "tenant_id", "disabled_plan_ids", "assigned_at", "updated_at"],
        [[userSku.id, p.groupIds[g], p.tenantId, JSON.stringify(disabled), at(9_000_000 + k), at(9_000_000 + k)]]);
      // One settle per group assignment, as the API would: each group's new wanters queue behind the earlier ones (S4).
      await engine.settle({ sourcesAdded: [{ skuId: userSku.id, groupIds: [p.groupIds[g]] }] });
      progress("seat engine", ++step, steps);
    }
    progress("seat engine", ++step, steps);
  });
  lap("seat engine");

  // 3. Bots with sessions, owned by seat holders, and one audit event for the whole seed.
  const pgp = (i: number) => (ds.options.type === "postgres" ? `$${i}` : "?");
  const holders: { user_id: string }[] = await ds.query(
    `SELECT user_id FROM license_want WHERE tenant_id = ${pgp(1)} AND sku_id = ${pgp(2)} AND holds_seat = ${pgp(3)} ORDER BY user_id`,
    [p.tenantId, userSku.id, ds.options.type === "postgres" ? true : 1],
  );
  const enabled = new Set(p.userRows.filter((r) => r[5]).map((r) => r[0] as string));
  const owners = holders.map((h) => h.user_id).filter((u) => enabled.has(u) && rng.next() < 0.02);
  const makerId = p.userIds[1];
  if (!owners.includes(makerId)) owners.unshift(makerId);
  const bots: Row[] = [];
  const usage: Row[] = [];
  const months = [-2, -1, 0].map((d) => {
    const m = new Date(BASE_TIME);
    m.setUTCMonth(m.getUTCMonth() + d, 1);
    return m.toISOString().slice(0, 7);
  });
  for (const owner of owners) {
    const n = 1 + rng.int(3);
    for (let k = 0; k < n; k++) {
      const id = deterministicId("bot", at(10_800_000 + bots.length), rng);
      bots.push([id, p.tenantId, `Bot ${bots.length + 1}`, owner, rng.next() < 0.6, at(10_800_000 + bots.length)]);
      for (const period of months) if (rng.next() < 0.8) usage.push([id, period, p.tenantId, 1 + rng.int(500)]);
    }
  }
  const qr3 = ds.createQueryRunner();
  await qr3.connect();
  try {
    await qr3.startTransaction();
    let done3 = 0;
    const b3 = new Bulk(qr3, (n) => progress("bots", (done3 += n), bots.length + usage.length + 1));
    await b3.insert("bot", ["id", "tenant_id", "name", "owner_id", "published", "created_at"], bots.map((b) => [b[0], b[1], b[2], b[3], b3.bool(b[4] as boolean), b[5]]));
    await b3.insert("bot_usage", ["bot_id", "period", "tenant_id", "sessions"], usage);
    await b3.insert("audit_event", ["id", "tenant_id", "action", "actor_id", "target_id", "details", "at"], [[
      deterministicId("evt", at(86_400_000), rng), p.tenantId, "SEED_LARGE_TENANT", null, p.tenantId,
      JSON.stringify({ users: o.users, groups: o.groups, depth: o.depth, seed: o.seed, note: "generated by npm run seed:large" }), at(86_400_000),
    ]]);
    await qr3.commitTransaction();
  } catch (e) {
    if (qr3.isTransactionActive) await qr3.rollbackTransaction();
    throw e;
  } finally {
    await qr3.release();
  }
  lap("bots");

  const wantRows: { holds: number | boolean; n: string | number }[] = await ds.query(
    `SELECT holds_seat AS holds, COUNT(*) AS n FROM license_want WHERE tenant_id = ${pgp(1)} GROUP BY holds_seat`, [p.tenantId]);
  const count = (h: boolean) => Number(wantRows.find((r) => Boolean(Number(r.holds)) === h || r.holds === h)?.n ?? 0);
  return {
    tenantId: p.tenantId,
    adminId: p.userIds[0],
    makerId,
    readerId: p.userIds[2],
    domain: p.domain,
    counts: {
      users: o.users, groups: p.groupIds.length, levels: new Set(p.groupLevel).size,
      nestings: p.parents.reduce((a, x) => a + x.length, 0), memberships: p.memberships.length,
      directAssignments: p.directUsers.length, groupAssignments: p.assignedGroups.length,
      seats, wanters: count(true) + count(false), seatHolders: count(true), countViolation: count(false),
      bots: bots.length, botUsageRows: usage.length,
    },
    timingsMs: timings,
  };
}

// ---------------------------------------------------------------- CLI

const HELP = `Builds a deterministic large tenant on DATABASE_URL (default ${"sqlite:./data/license-graph.sqlite"}), in bulk.

  npm run seed:large -- --users 100000 --groups 2000 --depth 6 --seed 42

  --users N       users, the first a GLOBAL_ADMIN, then a licensed maker and a GLOBAL_READER (default 100000)
  --groups N      security groups (default users / 50)
  --depth N       levels of nesting (default 6)
  --seed N        PRNG seed; the same arguments make the same tenant (default 42)
  --seat-ratio R  paid seats ÷ demand, below 1 so some users are in COUNT_VIOLATION (default 0.85)
  --replace       delete the tenant these arguments made before, and make it again
                  (restart a server that runs on the same database afterwards: it may cache the old tenant)
  --json FILE     also write the tenant ID, user IDs and counts as JSON`;

function parseArgs(argv: string[]): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith("--")) throw new Error(`Unexpected argument "${a}" (see --help)`);
    const [k, v] = a.slice(2).split("=", 2);
    if (v !== undefined) out[k] = v;
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith("--")) out[k] = argv[++i];
    else out[k] = true;
  }
  return out;
}

async function run(argv: string[]): Promise<void> {
  const args = parseArgs(argv);
  if (args.help) return void console.log(HELP);
  const num = (k: string, d: number) => (args[k] === undefined ? d : Number(args[k]));
  const users = num("users", 100_000);
  const opts: LargeTenantOptions = {
    users,
    groups: num("groups", Math.max(1, Math.round(users / 50))),
    depth: num("depth", 6),
    seed: num("seed", 42),
    seatRatio: args["seat-ratio"] === undefined ? undefined : Number(args["seat-ratio"]),
    replace: Boolean(args.replace),
    progress: progressBar(),
  };
  const config = loadConfig();
  // Like `npm run token`: JWT_SECRET, or the local dev secret when no auth is configured.
  if (!config.jwtSecret && !config.jwksUrl) config.jwtSecret = (await import("../main")).devSecret();
  const ds = createDataSource({ url: config.databaseUrl });
  const started = Date.now();
  console.error(`Generating ${opts.users.toLocaleString("en-US")} users, ${opts.groups} groups, depth ${opts.depth}, seed ${opts.seed} on ${config.databaseUrl.replace(/:\/\/[^@]*@/, "://…@")}`);
  const app = await createApp({ dataSource: ds, config, log: { info: () => undefined, error: (m, f) => console.error(m, f) } });
  try {
    const t = await seedLargeTenant(app, opts);
    console.error(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s (${Object.entries(t.timingsMs).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(", ")}).`);
    console.log(`\nTenant ${t.tenantId} (${t.domain})`);
    console.log(Object.entries(t.counts).map(([k, v]) => `  ${k}: ${v.toLocaleString("en-US")}`).join("\n"));
    const secret = config.jwtSecret;
    const tokens: Record<string, string> = {};
    if (secret) {
      const tok = (oid: string) => signToken(secret!, { tid: t.tenantId, oid, ttlSeconds: 30 * 86400, issuer: config.jwtIssuer, audience: config.jwtAudience });
      tokens.admin = await tok(t.adminId);
      tokens.maker = await tok(t.makerId);
      tokens.reader = await tok(t.readerId);
      console.log(`\nTokens, valid 30 days:\n`);
      console.log(`  admin  (GLOBAL_ADMIN)   ${tokens.admin}\n`);
      console.log(`  maker  (licensed)       ${tokens.maker}\n`);
      console.log(`  reader (GLOBAL_READER)  ${tokens.reader}\n`);
    } else {
      console.log(`\nWith JWT_JWKS_URL, tokens come from your identity provider (admin oid ${t.adminId}, maker oid ${t.makerId}).`);
    }
    if (typeof args.json === "string") {
      const { writeFileSync } = await import("node:fs");
      writeFileSync(args.json, JSON.stringify({ ...t, tokens }, null, 2) + "\n");
    }
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  run(process.argv.slice(2)).catch((e) => {
    console.error(process.env.DEBUG ? String(e?.stack ?? e) : String(e?.message ?? e));
    process.exit(1);
  });
}
