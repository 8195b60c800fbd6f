import { badInput } from "./errors";

export function requiredText(value: string | null | undefined, field: string, max = 256): string {
  const v = (value ?? "").trim();
  if (!v) throw badInput(`${field} must not be empty.`, field);
  if (v.length > max) throw badInput(`${field} must be at most ${max} characters.`, field);
  return v;
}

export function optionalText(value: string | null | undefined, field: string, max = 1024): string | null {
  if (value == null) return null;
  const v = value.trim();
  if (v.length > max) throw badInput(`${field} must be at most ${max} characters.`, field);
  return v || null;
}

export function wholeNumber(value: number, field: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badInput(`${field} must be a whole number from ${min} to ${max.toLocaleString("en-US")}.`, field);
  }
  return value;
}

const UPN = /^[A-Za-z0-9._%+'-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/;

/** U1: name@domain; at most 113 characters as in Entra. */
export function userPrincipalName(value: string): string {
  const v = (value ?? "").trim();
  if (v.length > 113 || !UPN.test(v)) {
    throw badInput("userPrincipalName must look like name@domain (letters, digits and . _ % + ' - before the @).", "userPrincipalName");
  }
  return v;
}

export function uniqueIds(ids: readonly string[] | null | undefined): string[] {
  return [...new Set(ids ?? [])];
}

/** YYYY-MM (UTC month). */
export function period(value: string | null | undefined, now: Date): string {
  if (value == null) return now.toISOString().slice(0, 7);
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw badInput("period must look like YYYY-MM, e.g. 2026-11.", "period");
  return value;
}

/** A case-insensitive "contains" pattern for LIKE … ESCAPE '\\'; searches are capped at 256 characters. */
export function containsPattern(search: string | null | undefined): string | null {
  const v = optionalText(search, "search", 256);
  return v ? `%${v.toLowerCase().replace(/[\\%_]/g, (c) => "\\" + c)}%` : null;
}
