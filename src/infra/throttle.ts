import Redis from "ioredis";
import type { ThrottleSettings } from "../config";
import { Clock, systemClock } from "../domain/clock";
import type { Logger } from "./log";
import { BucketSize, EPOCH, GCRA_LUA, MemoryBuckets, Payment } from "./gcra";

/** T1: a read over SCIM (or Microsoft Graph, §15) costs 1, a write 10. */
export const READ_COST = 1;
export const WRITE_COST = 10;
/** T1: a mutation's least price. */
export const MUTATION_MIN_COST = 10;

/** T1: the price of a SCIM or Graph request, from its method. */
export function methodPrice(method: string): number {
  return method === "GET" || method === "HEAD" ? READ_COST : WRITE_COST;
}

/** Shopify's `throttleStatus`: the bucket that will refuse first. */
export interface BucketStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export interface ThrottleDecision {
  allowed: boolean;
  cost: number;
  status: BucketStatus;
  /** When refused: seconds until the refusing bucket has room for this request. */
  retryAfterSeconds: number;
  /** When refused: which bucket said no. */
  refusedBy?: "principal" | "tenant";
}

/**
 * Who pays: the principal's key always; the tenant's when the caller belongs to one. `service` marks a principal
 * acting for its whole tenant (bot runtime, provisioning token), whose bucket is the larger service size.
 */
export interface ThrottleKeys {
  principal: string;
  tenant?: string;
  service?: boolean;
}

export type RedisState = "off" | "connecting" | "up" | "down";

const REDIS_COMMAND_TIMEOUT_MS = 250;
const NO_STATUS: BucketStatus = { maximumAvailable: 0, currentlyAvailable: 0, restoreRate: 0 };

type RedisWithGcra = Redis & { lgGcra(numKeys: number, ...args: (string | number)[]): Promise<number[]> };

interface Bucket extends BucketSize {
  kind: "principal" | "tenant";
  key: string;
}

/**
 * Cost-based throttling (T1, T2) with buckets that refill continuously (GCRA, `./gcra.ts`): a bucket of `points`
 * refills at points ÷ window a second, so no window boundary lets a client spend twice its size. A request pays its
 * price into its principal's bucket and its tenant's and passes only when both have room; a refused request pays
 * nothing. With a Redis URL the buckets live in Redis and both are paid in one script call (one round trip);
 * without one, or while Redis is unreachable, in this instance's memory by the same formula.
 */
export class Throttle {
  private readonly sizes: { person?: BucketSize; service?: BucketSize; tenant?: BucketSize };
  private readonly memory: MemoryBuckets;
  private readonly redis?: RedisWithGcra;
  private readonly prefix: string;
  private redisState: RedisState = "off";
  /** Called with each refusal (metrics). */
  onRefused?: (bucket: "principal" | "tenant", transport: string) => void;

  constructor(readonly settings: ThrottleSettings, private readonly log: Logger, private readonly clock: Clock = systemClock) {
    const windowMs = settings.windowSeconds * 1000;
    const size = (points: number) => (points > 0 ? { points, windowMs } : undefined);
    this.sizes = { person: size(settings.principalPoints), service: size(settings.servicePoints ?? settings.principalPoints), tenant: size(settings.tenantPoints) };
    this.memory = new MemoryBuckets(windowMs);
    this.prefix = settings.keyPrefix ?? "lg:gcra:";
    if (settings.redisUrl && this.enabled) this.redis = this.connect(settings.redisUrl);
  }

  private connect(url: string): RedisWithGcra {
    const redis = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
      connectTimeout: 2_000,
      retryStrategy: (times) => Math.min(times * 200, 2_000),
    }) as RedisWithGcra;
    redis.defineCommand("lgGcra", { lua: GCRA_LUA });
    this.redisState = "connecting";
    redis.on("ready", () => {
      // The script is loaded before the buckets count as shared, so every payment is one EVALSHA (no NOSCRIPT retry).
      redis.script("LOAD", GCRA_LUA).then(
        () => {
          if (this.redisState === "down") this.log.info("redis reachable again; throttling buckets are shared", {});
          if (this.redisState !== "off") this.redisState = "up";
        },
        (e: unknown) => lost(e),
      );
    });
    const lost = (error: unknown) => {
      if (this.redisState === "down" || this.redisState === "off") return;
      this.redisState = "down";
      // Once per outage: the next line about Redis is the one saying it is back.
      this.log.error("redis unreachable; each instance throttles on its own until it is back", { error: String((error as Error)?.message ?? error) });
    };
    redis.on("error", lost);
    redis.on("close", () => {
      if (this.redisState === "up") lost("connection closed");
    });
    return redis;
  }

  get enabled(): boolean {
    return Boolean(this.sizes.person || this.sizes.service || this.sizes.tenant);
  }

  /** The largest price a request with these keys can ever pay: a costlier one could never pass. */
  maxPrice(keys: ThrottleKeys): number {
    return Math.min(...this.buckets(keys).map((b) => b.points), Infinity);
  }

  /** For /ready: where the buckets live now. */
  get store(): { store: "off" | "memory" | "redis"; redis: RedisState } {
    if (!this.enabled) return { store: "off", redis: this.redisState };
    return { store: this.redisState === "up" ? "redis" : "memory", redis: this.redisState };
  }

  /** Pays `cost` for a request (GraphQL, SCIM: methodPrice, a failed sign-in, a subscribe). Never throws because of Redis. */
  async take(keys: ThrottleKeys, cost: number, transport = "graphql"): Promise<ThrottleDecision> {
    const price = Math.max(0, Math.ceil(cost));
    const buckets = this.buckets(keys);
    if (!buckets.length) return { allowed: true, cost: price, status: NO_STATUS, retryAfterSeconds: 0 };
    const pending = this.pay(price, buckets);
    return this.decide(price, buckets, pending instanceof Promise ? await pending : pending, transport);
  }

  private decide(price: number, buckets: Bucket[], paid: Payment, transport: string): ThrottleDecision {
    const status = this.tighter(buckets, paid);
    // The request needs room in both: it may retry when the later of the refusing buckets has room.
    let refused = -1;
    for (let i = 0; i < paid.buckets.length; i++) {
      const b = paid.buckets[i];
      if (b.retryMs > 0 && (refused < 0 || b.retryMs > paid.buckets[refused].retryMs)) refused = i;
    }
    const by = refused >= 0 ? buckets[refused].kind : undefined;
    if (by) this.onRefused?.(by, transport);
    return {
      allowed: paid.allowed,
      cost: price,
      status,
      retryAfterSeconds: by ? Math.max(1, Math.ceil(paid.buckets[refused].retryMs / 1000)) : 0,
      refusedBy: by,
    };
  }

  /** The caller's buckets without paying (Query.rateLimit outside a charged request). */
  async peek(keys: ThrottleKeys): Promise<BucketStatus> {
    const buckets = this.buckets(keys);
    return buckets.length ? this.tighter(buckets, await this.pay(0, buckets)) : NO_STATUS;
  }

  private buckets(keys: ThrottleKeys): Bucket[] {
    const out: Bucket[] = [];
    const own = keys.service ? this.sizes.service : this.sizes.person;
    const tenant = keys.tenant ? this.sizes.tenant : undefined;
    // Plain literals, not spreads: this runs on every request, and a spread cost more than the payment itself.
    if (own) out.push({ points: own.points, windowMs: own.windowMs, kind: "principal", key: this.prefix + "p:" + keys.principal });
    if (tenant) out.push({ points: tenant.points, windowMs: tenant.windowMs, kind: "tenant", key: this.prefix + "t:" + keys.tenant });
    return out;
  }

  /** One script call in Redis when it is up; else (or when the call fails) this instance's memory, at once (no await). */
  private pay(cost: number, buckets: Bucket[]): Payment | Promise<Payment> {
    const now = this.clock.now().getTime() - EPOCH;
    return this.redis && this.redisState === "up" ? this.payShared(now, cost, buckets) : this.payHere(now, cost, buckets);
  }

  private async payShared(now: number, cost: number, buckets: Bucket[]): Promise<Payment> {
    const args: (string | number)[] = [...buckets.map((b) => b.key), now, cost];
    for (const b of buckets) args.push(b.points, b.windowMs);
    try {
      const r = await this.redis!.lgGcra(buckets.length, ...args);
      return { allowed: r[0] === 1, buckets: buckets.map((_, i) => ({ remaining: r[1 + 2 * i], retryMs: r[2 + 2 * i] })) };
    } catch {
      // A timeout or a dropped connection: this request counts here; the connection's events log the outage.
      return this.payHere(now, cost, buckets);
    }
  }

  private payHere(now: number, cost: number, buckets: Bucket[]): Payment {
    const keys: string[] = new Array(buckets.length);
    for (let i = 0; i < buckets.length; i++) keys[i] = buckets[i].key;
    return this.memory.pay(now, cost, keys, buckets);
  }

  /** Shopify's throttleStatus: the bucket with less left. */
  private tighter(buckets: Bucket[], paid: Payment): BucketStatus {
    let best = -1;
    for (let i = 0; i < buckets.length; i++) if (best < 0 || paid.buckets[i].remaining < paid.buckets[best].remaining) best = i;
    if (best < 0) return NO_STATUS;
    const b = buckets[best];
    return { maximumAvailable: b.points, currentlyAvailable: paid.buckets[best].remaining, restoreRate: Math.max(1, Math.floor(b.points / (b.windowMs / 1000))) };
  }

  async close(): Promise<void> {
    if (!this.redis) return;
    this.redisState = "off";
    this.redis.removeAllListeners();
    this.redis.on("error", () => undefined);
    await this.redis.quit().catch(() => this.redis!.disconnect());
  }
}
