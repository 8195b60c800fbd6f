import type { App } from "../app/request/context";
import type { Drain } from "./drain";

export interface Readiness {
  ready: boolean;
  database: boolean;
  migrationsPending: boolean | null;
  /** O2: true once SIGTERM arrived; the load balancer should send nothing new. */
  draining: boolean;
  /** T2: where the throttling buckets live now (memory when Redis is unset or unreachable). */
  throttle: { store: "off" | "memory" | "redis"; redis: string };
}

/** For load balancers: the database answers, no migration is pending, and the server is not draining. */
export async function readiness(app: App, drain?: Drain): Promise<Readiness> {
  const draining = drain?.draining ?? false;
  const throttle = app.throttle.store;
  // Draining: the answer is no, whatever the database says, and asking it would only add to the work in flight.
  if (draining) return { ready: false, database: true, migrationsPending: false, draining, throttle };
  if (!(await app.database.ping())) return { ready: false, database: false, migrationsPending: null, draining, throttle };
  const migrationsPending = await app.database.migrationsPending();
  return { ready: !migrationsPending && !draining, database: true, migrationsPending, draining, throttle };
}
