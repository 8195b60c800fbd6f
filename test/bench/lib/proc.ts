/** Child servers for the benchmark: started by path, stopped by their own PID, measured through /proc. */
import { ChildProcess, spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { request } from "node:http";

export interface Child {
  name: string;
  proc: ChildProcess;
  port: number;
  log: string[];
}

const running = new Set<Child>();

function stopAllSync(): void {
  for (const c of running) if (c.proc.exitCode === null) c.proc.kill("SIGTERM");
}
process.on("exit", stopAllSync);
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, () => {
    stopAllSync();
    process.exit(130);
  });
}

export function httpGet(port: number, path: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request({ host: "127.0.0.1", port, path, method: "GET", timeout: 1000 }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", () => resolve(0));
    req.on("timeout", () => (req.destroy(), resolve(0)));
    req.end();
  });
}

/** Starts `node [nodeArgs] script` with `env`, waits until GET `readyPath` answers 200. */
export async function startChild(name: string, script: string, port: number, env: Record<string, string>, nodeArgs: string[] = [], readyPath = "/health"): Promise<Child> {
  const proc = spawn(process.execPath, [...nodeArgs, script], { env: { ...process.env, ...env, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
  const child: Child = { name, proc, port, log: [] };
  const keep = (b: Buffer) => {
    child.log.push(b.toString());
    if (child.log.length > 200) child.log.shift();
  };
  proc.stdout!.on("data", keep);
  proc.stderr!.on("data", keep);
  running.add(child);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`${name} exited (${proc.exitCode}):\n${child.log.join("")}`);
    if ((await httpGet(port, readyPath)) === 200) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  await stopChild(child);
  throw new Error(`${name} did not become ready on :${port}:\n${child.log.join("")}`);
}

/** SIGTERM to this child's PID (the server stops itself and, with --cpu-prof, writes its profile), SIGKILL after 15 s. */
export async function stopChild(c: Child): Promise<void> {
  running.delete(c);
  if (c.proc.exitCode !== null) return;
  const done = new Promise<void>((r) => c.proc.once("exit", () => r()));
  c.proc.kill("SIGTERM");
  const timer = setTimeout(() => c.proc.exitCode === null && c.proc.kill("SIGKILL"), 15_000);
  await done;
  clearTimeout(timer);
}

function status(pid: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of readFileSync(`/proc/${pid}/status`, "utf8").split("\n")) {
    const m = /^(Vm\w+):\s+(\d+) kB/.exec(line);
    if (m) out[m[1]] = Number(m[2]) * 1024;
  }
  return out;
}

/** Resident set size now and its peak (VmHWM), in bytes. */
export function memory(c: Child): { rss: number; peak: number } {
  const s = status(c.proc.pid!);
  return { rss: s.VmRSS ?? NaN, peak: s.VmHWM ?? NaN };
}

/** Resets VmHWM to the current RSS (Linux clear_refs "5"), so the next peak is one workload's; false when not allowed. */
export function resetPeak(c: Child): boolean {
  try {
    writeFileSync(`/proc/${c.proc.pid}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}

/**
 * CPU seconds (user + system) the child has used: per request, a figure that other processes on a shared
 * machine change far less than req/s (clock ticks of /proc/PID/stat, 10 ms each).
 */
export function cpuSeconds(c: Child): number {
  const fields = readFileSync(`/proc/${c.proc.pid}/stat`, "utf8").replace(/^.*\) /, "").split(" ");
  // After "pid (comm) ": state is field 0, utime field 11, stime field 12.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
