import { engines, scimWorld, startScim, ScimWorld } from "./scim-client";
import { TestApi } from "../helpers/harness";

/** Issue 11 item 7: bad input is a SCIM error with the right status and scimType, never a 500, and nothing changes. */
const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
const PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const patch = (...Operations: unknown[]) => ({ schemas: [PATCH], Operations });

describe.each(engines())("SCIM bad input (%s)", (_engine, url) => {
  let api: TestApi;
  let http: string;
  let w: ScimWorld;
  let userId: string;
  let groupId: string;
  beforeAll(async () => {
    ({ api, http } = await startScim(url));
    w = await scimWorld(api, http, "BadInput");
    userId = (await w.scim("POST", "/Users", { schemas: [USER], userName: "u@bad.example" })).body.id;
    groupId = (await w.scim("POST", "/Groups", { schemas: [GROUP], displayName: "G" })).body.id;
  });
  afterAll(() => api.stop());

  const unchangedAfter = async (call: () => Promise<{ status: number; body: any }>) => {
    const strip = (s: string) => JSON.stringify({ ...JSON.parse(s), provisioning_token: null });
    const before = strip(await api.snapshot());
    const r = await call();
    expect(strip(await api.snapshot()) === before).toBe(true);
    if (r.body !== undefined) expect(r.body).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: String(r.status) });
    return [r.status, r.body?.scimType ?? null];
  };

  const cases: [string, () => [string, string, unknown?, { contentType?: string; raw?: string }?], number, string | null][] = [
    ["malformed JSON", () => ["POST", "/Users", undefined, { raw: '{"userName": "x@y.z",' }], 400, "invalidSyntax"],
    ["a body that is not an object", () => ["POST", "/Users", [1, 2]], 400, "invalidSyntax"],
    ["wrong content type", () => ["POST", "/Users", { schemas: [USER], userName: "ct@bad.example" }, { contentType: "text/plain" }], 415, null],
    ["an unknown schema URN", () => ["POST", "/Users", { schemas: [USER, "urn:example:unknown"], userName: "s@bad.example" }], 400, "invalidValue"],
    ["an unknown attribute", () => ["POST", "/Users", { schemas: [USER], userName: "a@bad.example", shoeSize: 44 }], 400, "invalidPath"],
    ["an unknown attribute path", () => ["PATCH", `/Users/${userId}`, patch({ op: "replace", path: "shoeSize", value: 44 })], 400, "invalidPath"],
    ["an unknown path-less key", () => ["PATCH", `/Users/${userId}`, patch({ op: "replace", value: { "name.shoeSize": 1, shoeSize: 2 } })], 400, "invalidPath"],
    ["an unknown group path", () => ["PATCH", `/Groups/${groupId}`, patch({ op: "replace", path: "owner", value: "x" })], 400, "invalidPath"],
    ["userName of the wrong type", () => ["POST", "/Users", { schemas: [USER], userName: 123 }], 400, "invalidValue"],
    ["a userName that is no UPN", () => ["POST", "/Users", { schemas: [USER], userName: "not an upn" }], 400, "invalidValue"],
    ["active that is no boolean", () => ["PATCH", `/Users/${userId}`, patch({ op: "replace", path: "active", value: "maybe" })], 400, "invalidValue"],
    ["emails that are no list", () => ["PUT", `/Users/${userId}`, { schemas: [USER], userName: "u@bad.example", emails: "u@bad.example" }], 400, "invalidValue"],
    ["a work country that is no ISO code", () => ["POST", "/Users", { schemas: [USER], userName: "c@bad.example", addresses: [{ type: "work", country: "Germany" }] }], 400, "invalidValue"],
    ["a group without displayName", () => ["POST", "/Groups", { schemas: [GROUP] }], 400, "invalidValue"],
    ["an unknown op", () => ["PATCH", `/Users/${userId}`, patch({ op: "merge", path: "title", value: "x" })], 400, "invalidSyntax"],
    ["no Operations", () => ["PATCH", `/Users/${userId}`, { schemas: [PATCH] }], 400, "invalidSyntax"],
    ["a PATCH with another schema", () => ["PATCH", `/Users/${userId}`, { schemas: [USER], Operations: [{ op: "add", path: "title", value: "x" }] }], 400, "invalidValue"],
    ["a filter the grammar rejects", () => ["GET", `/Users?filter=${encodeURIComponent('userName eq "x" and')}`], 400, "invalidFilter"],
    ["a bad member filter", () => ["PATCH", `/Groups/${groupId}`, patch({ op: "remove", path: 'members[value eq ]' })], 400, "invalidFilter"],
    ["startIndex that is no integer", () => ["GET", "/Users?startIndex=abc"], 400, "invalidValue"],
    ["H2 startIndex past 2^63 (issue 19 defect 4)", () => ["GET", "/Users?startIndex=9223372036854775808"], 400, "invalidValue"],
    ["H2 startIndex past 2^31-1", () => ["GET", "/Groups?startIndex=2147483648"], 400, "invalidValue"],
    ["H2 count past 2^63", () => ["GET", "/Users?count=9223372036854775808"], 400, "invalidValue"],
    ["H1 a malformed percent-encoding in a user's path (issue 19 defect 1)", () => ["GET", "/Users/%ZZ"], 400, "invalidValue"],
    ["H1 a malformed percent-encoding in a group's path", () => ["PATCH", "/Groups/%E0%A4%A", patch({ op: "add", path: "displayName", value: "x" })], 400, "invalidValue"],
    // H1 (issue 19 defect 2): U+0000 and lone surrogates anywhere in a request are refused on both engines.
    ["H1 a NUL in displayName", () => ["POST", "/Users", { schemas: [USER], userName: "nul@bad.example", displayName: "a\u0000b" }], 400, "invalidValue"],
    ["H1 a NUL in externalId", () => ["POST", "/Users", { schemas: [USER], userName: "nul2@bad.example", externalId: "\u0000" }], 400, "invalidValue"],
    ["H1 a NUL in an email", () => ["POST", "/Users", { schemas: [USER], userName: "nul3@bad.example", emails: [{ value: "a\u0000@x.example", type: "work" }] }], 400, "invalidValue"],
    ["H1 a NUL in a family name", () => ["PUT", `/Users/${userId}`, { schemas: [USER], userName: "u@bad.example", name: { familyName: "\u0000" } }], 400, "invalidValue"],
    ["H1 a NUL in a group name", () => ["POST", "/Groups", { schemas: [GROUP], displayName: "G\u0000" }], 400, "invalidValue"],
    ["H1 a NUL in a member value", () => ["PATCH", `/Groups/${groupId}`, patch({ op: "add", path: "members", value: [{ value: "usr_\u0000" }] })], 400, "invalidValue"],
    ["H1 a NUL in an attribute's name", () => ["POST", "/Users", { schemas: [USER], userName: "nul4@bad.example", ["title\u0000"]: "x" }], 400, "invalidValue"],
    ["H1 a NUL in a user's ID", () => ["GET", "/Users/%00"], 400, "invalidValue"],
    ["H1 a NUL in a group's ID", () => ["DELETE", "/Groups/grp_%00"], 400, "invalidValue"],
    ["H1 a NUL in a filter", () => ["GET", `/Users?filter=${encodeURIComponent('userName eq "a\u0000"')}`], 400, "invalidValue"],
    ["H1 a lone surrogate in nickName", () => ["POST", "/Users", { schemas: [USER], userName: "sur@bad.example", nickName: "x\ud800" }], 400, "invalidValue"],
    ["H1 a lone low surrogate in a PATCH value", () => ["PATCH", `/Users/${userId}`, patch({ op: "replace", path: "title", value: "\udc00x" })], 400, "invalidValue"],
    // H1 (issue 19 defect 3): the limits PostgreSQL's columns hold, on SQLite too.
    ["H1 a work email over 256 characters", () => ["POST", "/Users", { schemas: [USER], userName: "long@bad.example", emails: [{ value: `${"a".repeat(250)}@x.example`, type: "work" }] }], 400, "invalidValue"],
    ["H1 emails over 2,048 characters together", () => ["POST", "/Users", { schemas: [USER], userName: "many@bad.example", emails: Array.from({ length: 9 }, (_, i) => ({ value: `${"a".repeat(240)}${i}@x.example` })) }], 400, "invalidValue"],
    ["H1 a group PATCH displayName over 256 characters", () => ["PATCH", `/Groups/${groupId}`, patch({ op: "replace", path: "displayName", value: "g".repeat(300) })], 400, "invalidValue"],
    ["H1 a path-less group PATCH displayName over 256 characters", () => ["PATCH", `/Groups/${groupId}`, patch({ op: "replace", value: { displayName: "g".repeat(257) } })], 400, "invalidValue"],
    ["H1 a 10,000-character nickName", () => ["POST", "/Users", { schemas: [USER], userName: "nick@bad.example", nickName: "n".repeat(10_000) }], 400, "invalidValue"],
    // H3 (issue 19 defect 5): sub-attributes and paths the server does not offer.
    ["H3 an unknown sub-attribute behind a value filter", () => ["PATCH", `/Users/${userId}`, patch({ op: "add", path: 'emails[type eq "work"].planted', value: "x" })], 400, "invalidPath"],
    ["H3 an unknown sub-attribute of a multi-valued attribute", () => ["PUT", `/Users/${userId}`, { schemas: [USER], userName: "u@bad.example", emails: [{ value: "u@bad.example", planted: "x" }] }], 400, "invalidPath"],
    ["H3 an unknown sub-attribute of name", () => ["PATCH", `/Users/${userId}`, patch({ op: "replace", path: "name.nickname", value: "x" })], 400, "invalidPath"],
    ["H3 a sub-attribute of a simple attribute", () => ["PATCH", `/Users/${userId}`, patch({ op: "replace", path: "title.value", value: "x" })], 400, "invalidPath"],
    ["H3 remove on the bare enterprise URN", () => ["PATCH", `/Users/${userId}`, patch({ op: "remove", path: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User" })], 400, "invalidPath"],
    ["H3 add on the bare enterprise URN", () => ["PATCH", `/Users/${userId}`, patch({ op: "add", path: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", value: { department: "x" } })], 400, "invalidPath"],
    ["H3 an unknown enterprise attribute", () => ["PATCH", `/Users/${userId}`, patch({ op: "replace", path: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:shoeSize", value: "x" })], 400, "invalidPath"],
    ["H3 an unknown manager sub-attribute", () => ["PATCH", `/Users/${userId}`, patch({ op: "replace", path: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.planted", value: "x" })], 400, "invalidPath"],
    ["an unknown endpoint", () => ["GET", "/Devices"], 404, null],
    ["a method the endpoint lacks", () => ["PATCH", "/Users", patch({ op: "add", path: "title", value: "x" })], 405, null],
    ["a missing user", () => ["PATCH", "/Users/usr_00000000-0000-7000-8000-000000000000", patch({ op: "add", path: "title", value: "x" })], 404, null],
  ];

  it.each(cases)("%s", async (_name, make, status, scimType) => {
    const [method, path, body, opts] = make();
    expect(await unchangedAfter(() => w.scim(method, path, body, opts))).toEqual([status, scimType]);
  });

  it("G1 more than 5,000 members in one request is 400 tooMany", async () => {
    const many = Array.from({ length: 5001 }, (_, i) => ({ value: `usr_00000000-0000-7000-8000-${String(i).padStart(12, "0")}` }));
    expect(await unchangedAfter(() => w.scim("POST", "/Groups", { schemas: [GROUP], displayName: "Big", members: many }))).toEqual([400, "tooMany"]);
    expect(await unchangedAfter(() => w.scim("PATCH", `/Groups/${groupId}`, patch({ op: "add", path: "members", value: many })))).toEqual([400, "tooMany"]);
  });

  it("H1 a malformed percent-encoding is 400 before authentication, never 500 (issue 19 defect 1)", async () => {
    const r = await fetch(`${http}/scim/v2/Users/%ZZ`);
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ status: "400", scimType: "invalidValue" });
  });

  it("a 10 MB body is 413", async () => {
    const big = { schemas: [USER], userName: "big@bad.example", title: "x".repeat(10 * 1024 * 1024) };
    expect(await unchangedAfter(() => w.scim("POST", "/Users", big))).toEqual([413, null]);
  });
});
