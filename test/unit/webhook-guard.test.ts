import { createServer } from "node:http";
import { AddressInfo } from "node:net";
import { checkUrl, isRefusedAddress, postTo, UrlRefused } from "../../src/infra/webhook-post";
import { loadConfig } from "../../src/config";
import { webhookPolicy } from "../../src/app/webhooks/policy";

const GUARD = { guard: true, allowNetworks: [] as string[], timeoutMs: 1000 };

describe("MG6: the private-address guard (SSRF) for notification URLs", () => {
  it("MG6: in production, loopback, link-local, private, CGN, unspecified and IPv4-mapped addresses are refused; public ones pass", () => {
    for (const a of ["127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "::", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1"]) {
      expect([a, isRefusedAddress(a, GUARD)]).toEqual([a, true]);
    }
    for (const a of ["8.8.8.8", "172.32.0.1", "2606:4700::1111", "::ffff:8.8.8.8"]) expect([a, isRefusedAddress(a, GUARD)]).toEqual([a, false]);
    expect(isRefusedAddress("10.1.2.3", { guard: true, allowNetworks: ["10.1.0.0/16"] })).toBe(false);
    expect(isRefusedAddress("127.0.0.1", { guard: false, allowNetworks: [] })).toBe(false);
  });

  it("MG6: in production a URL must be https without credentials, and an address literal must be public", () => {
    expect(() => checkUrl("http://hooks.example.com/x", GUARD)).toThrow(UrlRefused);
    expect(() => checkUrl("https://user:pw@hooks.example.com/x", GUARD)).toThrow(UrlRefused);
    expect(() => checkUrl("https://127.0.0.1/x", GUARD)).toThrow(/private, loopback or link-local/);
    expect(() => checkUrl("https://[::1]/x", GUARD)).toThrow(/private, loopback or link-local/);
    expect(checkUrl("https://hooks.example.com/x", GUARD).host).toBe("hooks.example.com");
    expect(checkUrl("http://127.0.0.1:8080/x", { guard: false, allowNetworks: [] }).port).toBe("8080");
  });

  it("MG6: a host name is checked on the addresses the connection uses: `localhost` is refused at connect time, nothing is sent", async () => {
    let hits = 0;
    const server = createServer((_req, res) => (hits++, res.end("ok")));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as AddressInfo).port;
    try {
      // Without the guard (development) the name reaches the receiver.
      const out = await postTo(`http://localhost:${port}/x`, "{}", "application/json", { ...GUARD, guard: false });
      expect(out.status).toBe(200);
      const refused = await postTo(`https://localhost:${port}/x`, "{}", "application/json", GUARD);
      expect([refused.status, refused.error]).toEqual([0, expect.stringMatching(/private, loopback or link-local/)]);
      // An allow-listed network passes the guard: the connection is made (and fails TLS against this plain server).
      const allowed = await postTo(`https://localhost:${port}/x`, "{}", "application/json", { ...GUARD, allowNetworks: ["127.0.0.0/8", "::1/128"] });
      expect([allowed.status, allowed.error]).toEqual([0, expect.not.stringMatching(/private, loopback or link-local/)]);
      expect(hits).toBe(1);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it("MG6: the guard is on in production unless WEBHOOK_ALLOW_PRIVATE=true; WEBHOOK_ALLOW_NETWORKS takes CIDRs", () => {
    expect(webhookPolicy(loadConfig({ NODE_ENV: "production" })).guard).toBe(true);
    expect(webhookPolicy(loadConfig({ NODE_ENV: "production", WEBHOOK_ALLOW_PRIVATE: "true" })).guard).toBe(false);
    expect(webhookPolicy(loadConfig({ NODE_ENV: "development" })).guard).toBe(false);
    expect(loadConfig({ WEBHOOK_ALLOW_NETWORKS: "10.1.0.0/16, fd00::/8" }).webhooks.allowNetworks).toEqual(["10.1.0.0/16", "fd00::/8"]);
    expect(() => loadConfig({ WEBHOOK_ALLOW_NETWORKS: "intranet" })).toThrow(/WEBHOOK_ALLOW_NETWORKS/);
  });
});
