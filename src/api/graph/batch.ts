import { methodPrice } from "../../infra/throttle";
import { Call, CONTENT_TYPE, Reply } from "./call";
import { badRequest, GraphError } from "./errors";
import { Headers } from "./query";

/** MG5: Graph's limit of requests in one `$batch`. */
export const MAX_BATCH = 20;
const METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE"];

export interface Part {
  id: string;
  method: string;
  url: string;
  headers: Headers;
  body?: unknown;
  dependsOn: string[];
  /** Whether the part carries a body (then it must say its Content-Type). */
  hasBody: boolean;
}

/**
 * MG5: the envelope `{ requests: [{ id, method, url, headers?, body?, dependsOn? }] }`, 1–20 requests with unique
 * IDs (in any letter case), each depending only on requests before it. A broken envelope is the batch's 400;
 * what is wrong inside one request (its URL, a body without Content-Type) is that request's own answer.
 */
export function parseBatch(body: unknown): Part[] {
  const requests = body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>).requests : undefined;
  if (!Array.isArray(requests)) throw badRequest("A batch is { \"requests\": [ … ] }.");
  if (requests.length < 1 || requests.length > MAX_BATCH) throw badRequest(`A batch holds 1 to ${MAX_BATCH} requests; this one has ${requests.length}.`);
  const seen = new Set<string>();
  return requests.map((r, i) => {
    if (!r || typeof r !== "object" || Array.isArray(r)) throw badRequest(`requests[${i}] is not an object.`);
    const o = r as Record<string, unknown>;
    if (typeof o.id !== "string" || !o.id) throw badRequest(`requests[${i}].id is required (a string).`);
    if (seen.has(o.id.toLowerCase())) throw badRequest(`The request id '${o.id}' appears more than once.`);
    if (typeof o.method !== "string" || typeof o.url !== "string") throw badRequest(`requests[${i}] needs a method and a url.`);
    const headers: Headers = {};
    if (o.headers !== undefined) {
      if (!o.headers || typeof o.headers !== "object" || Array.isArray(o.headers)) throw badRequest(`requests[${i}].headers is an object.`);
      for (const [k, v] of Object.entries(o.headers)) {
        if (typeof v !== "string") throw badRequest(`requests[${i}].headers['${k}'] is a string.`);
        headers[k.toLowerCase()] = v;
      }
    }
    const dependsOn = o.dependsOn === undefined ? [] : o.dependsOn;
    if (!Array.isArray(dependsOn) || dependsOn.some((d) => typeof d !== "string" || !seen.has(d.toLowerCase()))) {
      throw badRequest(`requests[${i}].dependsOn names ids of requests before it in the batch.`);
    }
    seen.add(o.id.toLowerCase());
    return { id: o.id, method: o.method.toUpperCase(), url: o.url, headers, body: o.body, dependsOn: (dependsOn as string[]).map((d) => d.toLowerCase()), hasBody: o.body !== undefined };
  });
}

/** MG5, T1: a batch pays the sum of its parts (a read 1, a write 10). */
export function batchPrice(parts: Part[]): number {
  return parts.reduce((n, p) => n + methodPrice(p.method), 0);
}

const titleCase = (name: string) => name.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());

/** A part's URL as a path below /v1.0 and its query: relative (`/users`, `users?$top=5`), with or without `/v1.0`. */
function target(url: string, decode: (segment: string) => string): { path: string[]; query: URLSearchParams } {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("//")) throw badRequest("A batched request's url is relative to the service root, e.g. /users.");
  const parsed = new URL(url.replace(/^\/*/, "/"), "http://batch.invalid");
  const path = parsed.pathname.split("/").filter(Boolean).map(decode);
  if (path[0]?.toLowerCase() === "v1.0") path.shift();
  return { path, query: parsed.searchParams };
}

/**
 * MG5: each request answered in order with its own status, headers and body; one whose dependency did not
 * succeed answers 424 without running. Each runs as it would alone, with its own transaction.
 */
export async function runBatch(
  parts: Part[],
  makeCall: (part: Part, target: { path: string[]; query: URLSearchParams }) => Call,
  answer: (call: Call) => Promise<Reply>,
  refuse: (e: GraphError) => Reply,
  decode: (segment: string) => string,
): Promise<Reply> {
  const statuses = new Map<string, number>();
  const responses: Record<string, unknown>[] = [];
  for (const part of parts) {
    let reply: Reply;
    const failed = part.dependsOn.find((d) => !((statuses.get(d) ?? 0) >= 200 && (statuses.get(d) ?? 0) < 300));
    if (failed !== undefined) {
      reply = refuse(new GraphError(424, "FailedDependency", `The request it depends on ('${failed}') did not succeed.`));
    } else if (!METHODS.includes(part.method)) {
      reply = refuse(badRequest(`Method '${part.method}' is not supported.`));
    } else if (part.hasBody && !Object.keys(part.headers).includes("content-type")) {
      reply = refuse(badRequest("A batched request with a body needs a Content-Type header."));
    } else {
      try {
        reply = await answer(makeCall(part, target(part.url, decode)));
      } catch (e) {
        if (!(e instanceof GraphError)) throw e;
        reply = refuse(e);
      }
    }
    statuses.set(part.id.toLowerCase(), reply.status);
    // Header names as Graph writes them in a batch (the SDK's BatchResponseContent looks for "Content-Type" so).
    const headers: Record<string, string> = Object.fromEntries(Object.entries(reply.headers ?? {}).map(([k, v]) => [titleCase(k), v]));
    if (reply.body !== undefined) headers["Content-Type"] = CONTENT_TYPE;
    responses.push({ id: part.id, status: reply.status, headers, ...(reply.body !== undefined ? { body: reply.body } : {}) });
  }
  return { status: 200, body: { responses } };
}
