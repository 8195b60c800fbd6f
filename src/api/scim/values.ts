import { badRequest } from "./errors";

/** Attribute names are case-insensitive (RFC 7643 §2.1): look a key up whatever its case. */
export function pick(o: Record<string, unknown>, name: string): unknown {
  if (name in o) return o[name];
  const k = Object.keys(o).find((x) => x.toLowerCase() === name.toLowerCase());
  return k === undefined ? undefined : o[k];
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A string attribute, or undefined when absent; `max` is H1's length for what it is stored as. */
export function optString(v: unknown, name: string, max?: number): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string") throw badRequest("invalidValue", `${name} must be a string.`);
  if (max !== undefined && v.length > max) throw badRequest("invalidValue", `${name} must be at most ${max.toLocaleString("en-US")} characters.`);
  return v;
}

/** D3: JSON booleans, and Entra's strings "True" / "False" (any case). */
export function toBoolean(v: unknown, name: string): boolean {
  if (typeof v === "boolean") return v;
  if (typeof v === "string" && /^(true|false)$/i.test(v)) return v.toLowerCase() === "true";
  throw badRequest("invalidValue", `${name} must be true or false.`);
}

export function optArrayOfObjects(v: unknown, name: string): Record<string, unknown>[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || !v.every(isObject)) throw badRequest("invalidValue", `${name} must be a list of objects.`);
  return v;
}
