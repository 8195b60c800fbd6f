/**
 * Issue 22 (I1): how long a demotion made through one instance stays unseen by another. Two servers on the same
 * PostgreSQL database; the admin takes GLOBAL_READER from the reader through instance A; from the moment A's
 * response arrives, the reader asks instance B `me { roles }` back to back until B answers without the role. The
 * role is given back (and seen by B) before the next round. SQLite is one process: its cache is dropped by the
 * committing write itself, before the response (test/api/access/row-cache.test.ts), so there is nothing to time.
 */
import { performance } from "node:perf_hooks";

export interface PropagationTarget {
  /** One GraphQL call to the instance on `port` with `token`; its data. */
  call: (port: number, token: string, query: string, variables?: Record<string, unknown>) => Promise<Record<string, unknown>>;
  portA: number;
  portB: number;
  adminToken: string;
  readerToken: string;
  readerId: string;
  rounds: number;
}

export interface Propagation {
  /** Milliseconds from A's response to B's first answer without the role, per round. */
  latenciesMs: number[];
  /** Answers of B that still showed the role after A's response (expected while the NOTIFY is on its way). */
  staleAnswers: number;
  /** B's answers per round on average: the resolution of the figure is one answer's time. */
  pollsPerRound: number;
}

const UPDATE = `mutation($id: ID!, $roles: [AdminRole!]) { updateUser(input: { id: $id, roles: $roles }) { id roles } }`;
const ME = `{ me { roles } }`;

/** Asks B until `done` holds for its answer; the number of answers it took. Gives up after 10 s. */
async function until(t: PropagationTarget, done: (roles: string[]) => boolean): Promise<number> {
  const deadline = performance.now() + 10_000;
  for (let n = 1; ; n++) {
    const data = await t.call(t.portB, t.readerToken, ME);
    if (done((data.me as { roles: string[] }).roles)) return n;
    if (performance.now() > deadline) throw new Error("W1P: instance B never saw the change (10 s)");
  }
}

export async function measurePropagation(t: PropagationTarget): Promise<Propagation> {
  const latenciesMs: number[] = [];
  let stale = 0;
  let polls = 0;
  const setRoles = (roles: string[]) => t.call(t.portA, t.adminToken, UPDATE, { id: t.readerId, roles });
  // B must hold the reader's row in its cache before each demotion, or the figure would be a cold read's.
  await setRoles(["GLOBAL_READER"]);
  await until(t, (r) => r.includes("GLOBAL_READER"));
  for (let i = 0; i < t.rounds; i++) {
    await t.call(t.portB, t.readerToken, ME);
    await setRoles([]);
    const seenFrom = performance.now();
    const n = await until(t, (r) => !r.includes("GLOBAL_READER"));
    latenciesMs.push(performance.now() - seenFrom);
    stale += n - 1;
    polls += n;
    await setRoles(["GLOBAL_READER"]);
    await until(t, (r) => r.includes("GLOBAL_READER"));
  }
  return { latenciesMs, staleAnswers: stale, pollsPerRound: polls / t.rounds };
}
