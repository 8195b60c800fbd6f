import { unsupportedQuery } from "./errors";
import { isGuid } from "./ids";

/**
 * MG3: `$filter`, exactly these forms and `and` of them (parentheses allowed); anything else is 400:
 *   assignedLicenses/any(x:x/skuId eq <guid>)    userPrincipalName eq '…'
 *   accountEnabled eq true|false                 startswith(displayName,'…')
 * Names and keywords in any letter case, as Graph takes them; strings in single quotes with '' for a quote.
 */
export type Term =
  | { kind: "assignedSku"; skuGuid: string }
  | { kind: "userPrincipalName"; value: string }
  | { kind: "accountEnabled"; value: boolean }
  | { kind: "displayNameStartsWith"; value: string };

type Token = { t: "word"; v: string } | { t: "str"; v: string } | { t: "(" | ")" | "," | ":" };

const MAX_FILTER_LENGTH = 2048;
const MAX_TERMS = 10;
const MAX_DEPTH = 5;

function invalid(detail: string): Error {
  return unsupportedQuery(`Invalid filter clause: ${detail}. This server offers assignedLicenses/any(x:x/skuId eq {guid}), userPrincipalName eq '…', accountEnabled eq true|false, startswith(displayName,'…') and 'and' of these.`);
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === " " || c === "\t") {
      i++;
    } else if (c === "(" || c === ")" || c === "," || c === ":") {
      out.push({ t: c });
      i++;
    } else if (c === "'") {
      let v = "";
      i++;
      for (;;) {
        if (i >= text.length) throw invalid("a string is not closed");
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            v += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        v += text[i++];
      }
      out.push({ t: "str", v });
    } else {
      const m = /^[A-Za-z0-9_./$-]+/.exec(text.slice(i));
      if (!m) throw invalid(`unexpected '${c}'`);
      out.push({ t: "word", v: m[0] });
      i += m[0].length;
    }
  }
  return out;
}

class Parser {
  private at = 0;
  readonly terms: Term[] = [];

  constructor(private readonly tokens: Token[]) {}

  parse(): Term[] {
    this.conjunction(0);
    if (this.at < this.tokens.length) throw invalid("only 'and' may join conditions");
    return this.terms;
  }

  private peekWord(v: string): boolean {
    const t = this.tokens[this.at];
    return t?.t === "word" && t.v.toLowerCase() === v.toLowerCase();
  }

  private word(expected?: string): string {
    const t = this.tokens[this.at++];
    if (t?.t !== "word" || (expected && t.v.toLowerCase() !== expected.toLowerCase())) throw invalid(expected ? `expected '${expected}'` : "expected a name");
    return t.v;
  }

  private punct(p: "(" | ")" | "," | ":"): void {
    if (this.tokens[this.at++]?.t !== p) throw invalid(`expected '${p}'`);
  }

  private string(): string {
    const t = this.tokens[this.at++];
    if (t?.t !== "str") throw invalid("expected a string in single quotes");
    return t.v;
  }

  private conjunction(depth: number): void {
    this.condition(depth);
    while (this.peekWord("and")) {
      this.at++;
      this.condition(depth);
    }
  }

  private condition(depth: number): void {
    if (this.terms.length >= MAX_TERMS) throw invalid(`at most ${MAX_TERMS} conditions`);
    const t = this.tokens[this.at];
    if (t?.t === "(") {
      if (depth >= MAX_DEPTH) throw invalid("parentheses nest too deep");
      this.at++;
      this.conjunction(depth + 1);
      this.punct(")");
      return;
    }
    const name = this.word().toLowerCase();
    if (name === "startswith") {
      this.punct("(");
      this.word("displayName");
      this.punct(",");
      const value = this.string();
      this.punct(")");
      if (!value.trim()) throw invalid("startswith needs some text");
      this.terms.push({ kind: "displayNameStartsWith", value });
    } else if (name === "assignedlicenses/any") {
      this.punct("(");
      const v = this.word();
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(v)) throw invalid("expected a range variable");
      this.punct(":");
      this.word(`${v}/skuId`);
      this.word("eq");
      const guid = this.word();
      if (!isGuid(guid)) throw invalid("skuId is compared with a GUID (no quotes)");
      this.punct(")");
      this.terms.push({ kind: "assignedSku", skuGuid: guid.toLowerCase() });
    } else if (name === "userprincipalname") {
      this.word("eq");
      this.terms.push({ kind: "userPrincipalName", value: this.string() });
    } else if (name === "accountenabled") {
      this.word("eq");
      const v = this.word().toLowerCase();
      if (v !== "true" && v !== "false") throw invalid("accountEnabled is compared with true or false");
      this.terms.push({ kind: "accountEnabled", value: v === "true" });
    } else {
      throw invalid(`'${name}' is not a supported property or function`);
    }
  }
}

/** The conditions of a `$filter`, each of a kind in `allowed` (else 400). */
export function parseFilter(text: string, allowed: readonly Term["kind"][]): Term[] {
  if (text.length > MAX_FILTER_LENGTH) throw invalid(`at most ${MAX_FILTER_LENGTH} characters`);
  const terms = new Parser(tokenize(text)).parse();
  const refused = terms.find((t) => !allowed.includes(t.kind));
  if (refused) throw unsupportedQuery(`Filtering on ${refused.kind === "assignedSku" ? "assignedLicenses" : refused.kind.replace("StartsWith", "")} is not supported on this resource.`);
  return terms;
}

/** What `and` of the conditions asks, for the users service; `none` when two conditions contradict each other. */
export interface FilterSpec {
  none: boolean;
  assignedSkuGuids: string[];
  userPrincipalName?: string;
  accountEnabled?: boolean;
  displayNameStartsWith?: string;
}

export function combine(terms: Term[]): FilterSpec {
  const spec: FilterSpec = { none: false, assignedSkuGuids: [] };
  for (const t of terms) {
    if (t.kind === "assignedSku") spec.assignedSkuGuids.push(t.skuGuid);
    else if (t.kind === "userPrincipalName") {
      if (spec.userPrincipalName !== undefined && spec.userPrincipalName.toLowerCase() !== t.value.toLowerCase()) spec.none = true;
      spec.userPrincipalName = t.value;
    } else if (t.kind === "accountEnabled") {
      if (spec.accountEnabled !== undefined && spec.accountEnabled !== t.value) spec.none = true;
      spec.accountEnabled = t.value;
    } else {
      // Two prefixes hold together only when one extends the other: the longer one decides.
      const before = spec.displayNameStartsWith;
      const [a, b] = [before?.toLowerCase() ?? "", t.value.toLowerCase()];
      if (before !== undefined && !a.startsWith(b) && !b.startsWith(a)) spec.none = true;
      if (before === undefined || b.length > a.length) spec.displayNameStartsWith = t.value;
    }
  }
  return spec;
}
