import { lookup as dnsLookup, LookupAddress } from "node:dns";
import { request as httpRequest, RequestOptions } from "node:http";
import { request as httpsRequest } from "node:https";
import { BlockList, isIP } from "node:net";

/**
 * MG6's private-address guard (SSRF). In production a notification URL must be https and every address its host
 * resolves to must be public: loopback, link-local, private, shared (CGN), unspecified, multicast and reserved
 * ranges are refused — checked on the addresses the connection actually uses (the DNS answer of this request),
 * so a name that resolves differently later cannot slip through. WEBHOOK_ALLOW_PRIVATE=true turns the guard off;
 * WEBHOOK_ALLOW_NETWORKS (CIDRs) exempts some networks. Outside production the guard is off.
 */
export interface WebhookPolicy {
  guard: boolean;
  allowNetworks: string[];
  timeoutMs: number;
}

const PRIVATE = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12], ["192.0.0.0", 24],
  ["192.168.0.0", 16], ["198.18.0.0", 15], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) PRIVATE.addSubnet(net, bits, "ipv4");
for (const [net, bits] of [["::", 128], ["::1", 128], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8], ["64:ff9b::", 96]] as const) PRIVATE.addSubnet(net, bits, "ipv6");

export class UrlRefused extends Error {}

function allowList(networks: string[]): BlockList {
  const b = new BlockList();
  for (const cidr of networks) {
    const [net, bits] = cidr.split("/");
    const family = isIP(net) === 6 ? "ipv6" : "ipv4";
    b.addSubnet(net, Number(bits ?? (family === "ipv6" ? 128 : 32)), family);
  }
  return b;
}

/** Whether the guard refuses this address (IPv4-mapped IPv6 counts as its IPv4). */
export function isRefusedAddress(address: string, policy: Pick<WebhookPolicy, "guard" | "allowNetworks">): boolean {
  if (!policy.guard) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const ip = mapped ? mapped[1] : address;
  const family = isIP(ip) === 6 ? "ipv6" : "ipv4";
  if (allowList(policy.allowNetworks).check(ip, family)) return false;
  return PRIVATE.check(ip, family);
}

/** The URL's form: absolute http(s) without credentials; https in production. Throws UrlRefused. */
export function checkUrl(raw: string, policy: Pick<WebhookPolicy, "guard" | "allowNetworks">): URL {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new UrlRefused("is not an absolute URL");
  }
  if (u.protocol !== "https:" && u.protocol !== "http:") throw new UrlRefused("must be http or https");
  if (policy.guard && u.protocol !== "https:") throw new UrlRefused("must be https");
  if (u.username || u.password) throw new UrlRefused("must not carry credentials");
  const host = u.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) && isRefusedAddress(host, policy)) throw new UrlRefused("points to a private, loopback or link-local address");
  return u;
}

export interface PostOutcome {
  /** The HTTP status, or 0 when there was no answer (refused, timed out, the address refused by the guard). */
  status: number;
  body: string;
  contentType: string;
  error?: string;
}

/** One POST to a receiver, within the policy's timeout (the whole exchange), never following redirects. */
export function postTo(raw: string, body: string, contentType: string, policy: WebhookPolicy, timeoutMs = policy.timeoutMs): Promise<PostOutcome> {
  let url: URL;
  try {
    url = checkUrl(raw, policy);
  } catch (e) {
    return Promise.resolve({ status: 0, body: "", contentType: "", error: (e as Error).message });
  }
  const lookup: RequestOptions["lookup"] = (hostname, options, cb) =>
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return cb(err, "", 0);
      const list = addresses as unknown as LookupAddress[];
      const bad = list.find((a) => isRefusedAddress(a.address, policy));
      if (bad) return cb(new UrlRefused(`${hostname} resolves to a private, loopback or link-local address`), "", 0);
      if ((options as { all?: boolean }).all) return (cb as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      cb(null, list[0].address, list[0].family);
    });
  return new Promise((resolve) => {
    let settled = false;
    const done = (o: PostOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(o);
    };
    const send = url.protocol === "https:" ? httpsRequest : httpRequest;
    const req = send(url, { method: "POST", lookup, agent: false, headers: { "content-type": contentType, "content-length": Buffer.byteLength(body) } }, (res) => {
      const parts: Buffer[] = [];
      let size = 0;
      res.on("data", (c: Buffer) => {
        size += c.length;
        if (size <= 64 * 1024) parts.push(c);
      });
      res.on("end", () => done({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString("utf8"), contentType: String(res.headers["content-type"] ?? "") }));
      res.on("error", (e) => done({ status: 0, body: "", contentType: "", error: e.message }));
    });
    const timer = setTimeout(() => {
      done({ status: 0, body: "", contentType: "", error: `no answer within ${timeoutMs} ms` });
      req.destroy();
    }, timeoutMs);
    req.on("error", (e) => done({ status: 0, body: "", contentType: "", error: e.message }));
    req.end(body);
  });
}
