import { randomBytes } from "node:crypto";

/**
 * IDs are opaque strings "<prefix>_<uuidv7>". The prefix lets `node(id:)` find the
 * type without a lookup; the time-ordered UUID gives stable creation-order paging.
 */
export const ID_PREFIX = {
  tenant: "tnt",
  user: "usr",
  group: "grp",
  bot: "bot",
  subscription: "sub",
  order: "ord",
  audit: "evt",
  sku: "sku",
  plan: "pln",
  provisioningToken: "ptk",
  licenseRequest: "lrq",
} as const;

export type IdKind = keyof typeof ID_PREFIX;

let lastMs = 0;
let seq = 0;

function uuidv7(): string {
  // A 12-bit counter after the timestamp keeps IDs made in one millisecond ordered.
  const now = Date.now();
  if (now === lastMs) seq = (seq + 1) & 0xfff;
  else {
    lastMs = now;
    seq = randomBytes(2).readUInt16BE(0) & 0x7ff;
  }
  const b = randomBytes(16);
  b.writeUIntBE(now, 0, 6);
  b[6] = 0x70 | (seq >> 8);
  b[7] = seq & 0xff;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function newId(kind: IdKind): string {
  return `${ID_PREFIX[kind]}_${uuidv7()}`;
}

export function kindOfId(id: string): IdKind | undefined {
  const prefix = id.split("_", 1)[0];
  return (Object.keys(ID_PREFIX) as IdKind[]).find((k) => ID_PREFIX[k] === prefix);
}
