import { badInput } from "./errors";
import { TEXT_LIMITS } from "./text";

export function requiredText(value: string | null | undefined, field: string, max: number = TEXT_LIMITS.name): string {
  const v = (value ?? "").trim();
  if (!v) throw badInput(`${field} must not be empty.`, field);
  if (v.length > max) throw badInput(`${field} must be at most ${max} characters.`, field);
  return v;
}

export function optionalText(value: string | null | undefined, field: string, max: number = TEXT_LIMITS.description): string | null {
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

/** U1: name@domain; at most 113 characters as in Entra. `field` is what the way in calls it (SCIM's userName). */
export function userPrincipalName(value: string, field = "userPrincipalName"): string {
  const v = (value ?? "").trim();
  if (v.length > 113 || !UPN.test(v)) {
    throw badInput(`${field} must look like name@domain (letters, digits and . _ % + ' - before the @).`, field);
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

const likeEscape = (v: string) => v.toLowerCase().replace(/[\\%_]/g, (c) => "\\" + c);

/** A case-insensitive "contains" pattern for LIKE … ESCAPE '\\'; searches are capped at 256 characters. */
export function containsPattern(search: string | null | undefined): string | null {
  const v = optionalText(search, "search", TEXT_LIMITS.name);
  return v ? `%${likeEscape(v)}%` : null;
}

/** A case-insensitive "starts with" pattern for LIKE … ESCAPE '\\' (Graph's startswith, MG3). */
export function prefixPattern(prefix: string | null | undefined, field = "startswith"): string | null {
  const v = optionalText(prefix, field, TEXT_LIMITS.name);
  return v ? `${likeEscape(v)}%` : null;
}

/**
 * Patterns for "a word of the text starts with": Graph's `$search="displayName:…"` (MG3) matches word prefixes.
 * The whole text starting with it, or any word after a space.
 */
export function wordPrefixPatterns(prefix: string | null | undefined, field = "search"): [string, string] | null {
  const p = prefixPattern(prefix, field);
  return p ? [p, `% ${p}`] : null;
}

/**
 * H1: a user's email addresses as the lookup column stores them, `|a@x|b@y|` lower-cased: each address at most
 * 256 characters, the whole key at most 2,048 (so PostgreSQL's column takes what SQLite would).
 */
export function emailKey(values: readonly string[]): string | null {
  const long = values.find((v) => v.length > TEXT_LIMITS.email);
  if (long !== undefined) throw badInput(`Each email must be at most ${TEXT_LIMITS.email} characters.`, "emails");
  if (!values.length) return null;
  const key = `|${values.map((v) => v.toLowerCase()).join("|")}|`;
  if (key.length > TEXT_LIMITS.emails) throw badInput(`The emails together must be at most ${TEXT_LIMITS.emails.toLocaleString("en-US")} characters.`, "emails");
  return key;
}
