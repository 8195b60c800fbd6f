import Redis from "ioredis";
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { ThrottleSettings } from "../config";
import type { Logger } from "./log";

/** T1: a SCIM request's price. */
export const SCIM_REQUEST_COST = 10;
/** T1: a mutation's least price. */
export const MUTATION_MIN_COST = 10;

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
  /** When refused: seconds until the refusing bucket has room again. */
  retryAfterSeconds: number;
  /** When refused: which bucket said no. */
  refusedBy?: "principal" | "tenant";
}

/** Who pays: the principal's key always; the tenant's when the caller belongs to one. */
export interface ThrottleKeys {
  principal: string;
  tenant?: string;
}

export type RedisState = "off" | "connecting" | "up" | "down";

const REDIS_COMMAND_TIMEOUT_MS = 250;

/** One kind of bucket (per principal, or per tenant): rate-limiter-flexible's window counter in Redis, or in memory. */
class Bucket {
  readonly memory: RateLimiterMemory;
  readonly shared?: RateLimiterRedis;

  constructor(readonly kind: "principal" | "tenant", readonly points: number, readonly windowSeconds: number, redis?: Redis) {
    this.memory = new RateLimiterMemory({ keyPrefix: `lg:${kind}`, points, duration: windowSeconds });
    if (redis) {
      // Redis errors (or a connection that is not ready) fall back to this instance's own bucket, never to an error.
      this.shared = new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `lg:${kind}`,
        points,
        duration: windowSeconds,
        rejectIfRedisNotReady: true,
        insuranceLimiter: this.memory,
      });
    }
  }

  get restoreRate(): number {
    return Math.max(1, Math.floor(this.points / this.windowSeconds));
  }

  private limiter(): RateLimiterAbstract {
    return this.shared ?? this.memory;
  }

  /** Resolves with the bucket after paying `cost`; `allowed` false when it had no room. */
  async take(key: string, cost: number): Promise<{ allowed: boolean; res: RateLimiterRes }> {
    try {
      return { allowed: true, res: await this.limiter().consume(key, cost) };
    } catch (e) {
      if (e instanceof RateLimiterRes) return { allowed: false, res: e };
      throw e;
    }
  }

  async peek(key: string): Promise<RateLimiterRes | null> {
    return this.limiter().get(key);
  }

  status(res: RateLimiterRes | null): BucketStatus {
    return { maximumAvailable: this.points, currentlyAvailable: res ? res.remainingPoints : this.points, restoreRate: this.restoreRate };
  }
}

/**
 * Cost-based throttling (T1, T2). Each bucket holds `points` for a window of `windowSeconds` (rate-limiter-flexible's
 * counters); a request pays its cost into the principal's and the tenant's bucket and needs room in both.
 * With a Redis URL both payments go to Redis in one round trip (both commands leave in one socket write).
 */
export class Throttle {
  private readonly principal?: Bucket;
  private readonly tenant?: Bucket;
  private readonly redis?: Redis;
  private redisState: RedisState = "off";
  /** Called with each refusal (metrics). */
  onRefused?: (bucket: "principal" | "tenant", transport: string) => void;

  constructor(readonly settings: ThrottleSettings, private readonly log: Logger) {
    if (settings.redisUrl && (settings.principalPoints > 0 || settings.tenantPoints > 0)) {
      this.redis = new Redis(settings.redisUrl, {
        // take() corks the socket instead: the same one write for both payments, at about two-thirds of the CPU.
        enableAutoPipelining: false,
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
        connectTimeout: 2_000,
        retryStrategy: (times) => Math.min(times * 200, 2_000),
      });
      this.redisState = "connecting";
      this.redis.on("ready", () => {
        if (this.redisState === "down") this.log.info("redis reachable again; throttling buckets are shared", {});
        this.redisState = "up";
      });
      const lost = (error: unknown) => {
        if (this.redisState === "down") return;
        this.redisState = "down";
        // Once per outage: the next line about Redis is the one saying it is back.
        this.log.error("redis unreachable; each instance throttles on its own until it is back", { error: String((error as Error)?.message ?? error) });
      };
      this.redis.on("error", lost);
      this.redis.on("close", () => {
        if (this.redisState === "up") lost("connection closed");
      });
    }
    if (settings.principalPoints > 0) this.principal = new Bucket("principal", settings.principalPoints, settings.windowSeconds, this.redis);
    if (settings.tenantPoints > 0) this.tenant = new Bucket("tenant", settings.tenantPoints, settings.windowSeconds, this.redis);
  }

  get enabled(): boolean {
    return Boolean(this.principal || this.tenant);
  }

  /** The largest price a request can ever pay: a costlier one could never pass. */
  get maxCost(): number {
    return Math.min(this.principal?.points ?? Infinity, this.tenant?.points ?? Infinity);
  }

  /** For /ready: where the buckets live now. */
  get store(): { store: "off" | "memory" | "redis"; redis: RedisState } {
    if (!this.enabled) return { store: "off", redis: this.redisState };
    return { store: this.redisState === "up" ? "redis" : "memory", redis: this.redisState };
  }

  /** Pays `cost` for a request (GraphQL or SCIM: SCIM_REQUEST_COST). Never throws because of Redis. */
  async take(keys: ThrottleKeys, cost: number, transport = "graphql"): Promise<ThrottleDecision> {
    const price = Math.max(0, Math.ceil(cost));
    const tenant = keys.tenant ? this.tenant : undefined;
    // One round trip: both commands are written while the socket is corked, and leave together on the next tick.
    const socket = this.redisState === "up" ? this.redis?.stream : undefined;
    socket?.cork();
    const paying = Promise.all([
      this.principal ? this.principal.take(keys.principal, price) : undefined,
      tenant ? tenant.take(keys.tenant!, price) : undefined,
    ]);
    if (socket) process.nextTick(() => socket.uncork());
    const [p, t] = await paying;
    const status = this.tighter(p && { bucket: this.principal!, res: p.res }, t && { bucket: tenant!, res: t.res });
    const refused = p && !p.allowed ? { by: "principal" as const, res: p.res } : t && !t.allowed ? { by: "tenant" as const, res: t.res } : undefined;
    if (refused) this.onRefused?.(refused.by, transport);
    return {
      allowed: !refused,
      cost: price,
      status,
      retryAfterSeconds: refused ? Math.max(1, Math.ceil(refused.res.msBeforeNext / 1000)) : 0,
      refusedBy: refused?.by,
    };
  }

  /** The caller's buckets without paying (Query.rateLimit outside a charged request). */
  async peek(keys: ThrottleKeys): Promise<BucketStatus> {
    const tenant = keys.tenant ? this.tenant : undefined;
    const [p, t] = await Promise.all([this.principal?.peek(keys.principal), tenant?.peek(keys.tenant!)]);
    return this.tighter(this.principal && { bucket: this.principal, res: p ?? null }, tenant && { bucket: tenant, res: t ?? null });
  }

  private tighter(a?: { bucket: Bucket; res: RateLimiterRes | null }, b?: { bucket: Bucket; res: RateLimiterRes | null }): BucketStatus {
    const sa = a && a.bucket.status(a.res);
    const sb = b && b.bucket.status(b.res);
    if (sa && sb) return sb.currentlyAvailable < sa.currentlyAvailable ? sb : sa;
    return sa ?? sb ?? { maximumAvailable: 0, currentlyAvailable: 0, restoreRate: 0 };
  }

  async close(): Promise<void> {
    if (!this.redis) return;
    this.redisState = "off";
    this.redis.removeAllListeners();
    this.redis.on("error", () => undefined);
    await this.redis.quit().catch(() => this.redis!.disconnect());
  }
}
