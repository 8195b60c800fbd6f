import { TestApi } from "./harness";
import { TcpProxy } from "./tcp-proxy";
import { databaseSettingsFrom } from "../../src/config";

/**
 * H5 tests: the app reaches PostgreSQL only through a TCP proxy the test stops and arms. Two instances share one
 * pool: `patient` waits up to 20 s for the database (longer than any cut the tests make), `brief` 300 ms (shorter).
 */
export interface OutageRig {
  proxy: TcpProxy;
  patient: TestApi;
  patientUrl: string;
  brief: TestApi;
  briefUrl: string;
}

export async function startOutageRig(pg: string): Promise<OutageRig> {
  const proxy = await TcpProxy.start(pg);
  const db = databaseSettingsFrom();
  const patient = await TestApi.start(proxy.proxied(pg), { config: { db: { ...db, unavailableWaitMs: 20_000 } } });
  const patientUrl = await patient.listen();
  const brief = await patient.sibling({ config: { db: { ...db, unavailableWaitMs: 300 } } });
  const briefUrl = await brief.listen();
  return { proxy, patient, patientUrl, brief, briefUrl };
}

/** The database reachable again, then both instances and the proxy stopped (whatever a failed start left). */
export async function stopOutageRig(rig: Partial<OutageRig>): Promise<void> {
  if (rig.proxy && !rig.proxy.listening) await rig.proxy.listen();
  await rig.brief?.stop();
  await rig.patient?.stop();
  await rig.proxy?.stop();
}

/** COMMIT as TypeORM sends it: a simple query of exactly that text. */
export const COMMIT = (chunk: Buffer) => chunk[0] === 0x51 && chunk.subarray(5).toString() === "COMMIT\0";
