/**
 * H1: the text every way in may hand to storage. One table of lengths, read by the checks and by the entities'
 * columns, so a limit cannot differ between the rule and the database (SQLite stores what PostgreSQL refuses).
 */
export const TEXT_LIMITS = {
  /** Display names, group names, UPNs, external IDs and other short text. */
  name: 256,
  /** One email address. */
  email: 256,
  /** All of a user's email addresses together (the lookup column that SCIM filters read). */
  emails: 2048,
  /** Descriptions and notes. */
  description: 1024,
  /** V1: a license request's justification, and a denial's reason. */
  justification: 500,
  /** This API's own IDs. */
  id: 64,
} as const;

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** H1: why `s` cannot be stored (PostgreSQL refuses U+0000; a lone surrogate is not Unicode), or null. */
export function textFault(s: string): string | null {
  if (s.includes("\u0000")) return "contains U+0000 (NUL)";
  if (LONE_SURROGATE.test(s)) return "contains a lone surrogate (not valid Unicode)";
  return null;
}

export interface BadText {
  /** Where the string is: `input.displayName`, `emails[0].value`, or a key's own path. */
  path: string;
  fault: string;
}

/**
 * H1: the first string inside a JSON-like value (object keys included) that cannot be stored. Iterative, so
 * a deeply nested body costs a loop, not the stack.
 */
export function findBadText(value: unknown, root = ""): BadText | null {
  const todo: [unknown, string][] = [[value, root]];
  while (todo.length) {
    const [v, path] = todo.pop()!;
    if (typeof v === "string") {
      const fault = textFault(v);
      if (fault) return { path: path || "value", fault };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) todo.push([v[i], `${path}[${i}]`]);
    } else if (v !== null && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        const at = path ? `${path}.${k}` : k;
        const fault = textFault(k);
        if (fault) return { path: at, fault: `has a name that ${fault}` };
        todo.push([x, at]);
      }
    }
  }
  return null;
}

/** H1's message for a refused string, the same words on every way in. */
export const badTextMessage = (b: BadText) => `${b.path} ${b.fault}; send valid Unicode text without NUL characters.`;
