import { AttrExp, Filter, parse } from "scim2-parse-filter";
import { DirField, DirFilter } from "../../data/directory-query";
import { badRequest } from "./errors";

const WORK_EMAIL = "emails_work_value";
const CORE_PREFIX = /^urn:ietf:params:scim:schemas:core:2\.0:(user|group):/i;

const USER_FIELDS: Record<string, DirField> = {
  id: "id", username: "userName", externalid: "externalId", displayname: "displayName", active: "active",
  "meta.lastmodified": "lastModified", emails: "email", "emails.value": "email", [WORK_EMAIL]: "workEmail",
};
const GROUP_FIELDS: Record<string, DirField> = { id: "id", externalid: "externalId", displayname: "displayName", "meta.lastmodified": "lastModified" };

const invalid = (detail: string) => badRequest("invalidFilter", detail);

/**
 * D5: the RFC 7644 §3.4.2.2 grammar through scim2-parse-filter, mapped onto the attributes the directory
 * service can filter on. `emails[type eq "work"].value` (which the parser flattens into two unrelated
 * conditions) is recognised first and becomes the work email itself.
 */
export function parseFilter(text: string | null, resource: "User" | "Group"): DirFilter | null {
  if (text === null || text.trim() === "") return null;
  if (text.length > 4096) throw invalid("The filter is too long.");
  const rewritten = text.replace(/emails\[\s*type\s+eq\s+"work"\s*\]\.value/gi, WORK_EMAIL);
  let ast: Filter;
  try {
    ast = parse(rewritten);
  } catch (e) {
    throw invalid(`The filter is not valid: ${(e as Error).message}`);
  }
  const fields = resource === "User" ? USER_FIELDS : GROUP_FIELDS;
  const field = (attrPath: string): DirField => {
    const f = fields[attrPath.replace(CORE_PREFIX, "").toLowerCase()];
    if (!f) throw invalid(`Filtering on ${attrPath} is not supported (${Object.keys(fields).filter((k) => k !== WORK_EMAIL).join(", ")}, emails[type eq "work"].value).`);
    return f;
  };
  const walk = (x: Filter): DirFilter => {
    switch (x.op) {
      case "and":
      case "or":
        return x.op === "and" ? { and: x.filters.map(walk) } : { or: x.filters.map(walk) };
      case "not":
        return { not: walk(x.filter) };
      case "[]": {
        // emails[value eq "…"], emails[type eq "work"]: conditions on one email.
        if (field(x.attrPath) !== "email") throw invalid(`A value filter on ${x.attrPath} is not supported.`);
        const inner = (y: Filter): DirFilter => {
          if (y.op === "and" || y.op === "or") return y.op === "and" ? { and: y.filters.map(inner) } : { or: y.filters.map(inner) };
          if (y.op === "not") return { not: inner(y.filter) };
          if (y.op === "[]") throw invalid("Nested value filters are not supported.");
          const a = y as AttrExp;
          const sub = a.attrPath.toLowerCase();
          if (sub === "value") return a.op === "pr" ? { field: "email", op: "pr" } : { field: "email", op: a.op, value: a.compValue };
          if (sub === "type" && a.op === "eq" && String(a.compValue).toLowerCase() === "work") return { field: "workEmail", op: "pr" };
          throw invalid(`emails[${sub} …] is not supported; use value, or type eq "work".`);
        };
        return inner(x.valFilter);
      }
      case "pr":
        return { field: field(x.attrPath), op: "pr" };
      default: {
        const f = field(x.attrPath);
        let value = x.compValue;
        if (f === "active" && typeof value === "string" && /^(true|false)$/i.test(value)) value = value.toLowerCase() === "true";
        if (f === "active" ? typeof value !== "boolean" : typeof value !== "string") {
          throw invalid(`${x.attrPath} ${x.op} needs a ${f === "active" ? "boolean" : "string"} value.`);
        }
        return { field: f, op: x.op, value };
      }
    }
  };
  return walk(ast);
}
