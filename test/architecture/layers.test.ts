import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

/**
 * The layers of src/ (README "Architecture") and the direction of their imports:
 * the ways in (api/*, http) → app → data → infra → domain, never back, and no cycle between folders.
 */

const SRC = resolve(__dirname, "../../src");

/** Rank of each top folder (or root file) of src/: an import may only point to an equal or lower rank. */
const RANK: Record<string, number> = { domain: 0, config: 0, infra: 1, data: 2, app: 3, api: 4, http: 5, boot: 6, main: 7, cli: 8, console: 4 };
/** Libraries the pure rules must not use. */
const NOT_IN_DOMAIN = ["typeorm", "graphql", "type-graphql", "pg", "better-sqlite3", "dataloader", "@apollo/server"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === "console" ? [] : sourceFiles(p);
    return p.endsWith(".ts") ? [p] : [];
  });
}

export interface Edge {
  from: string;
  to: string;
}

function resolveImport(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const c of [base + ".ts", join(base, "index.ts"), base]) {
    try {
      if (statSync(c).isFile()) return c;
    } catch {
      // not this candidate
    }
  }
  return null;
}

/** Every import between files of src/, with the library imports of each file. */
export function importGraph(files: string[]): { edges: Edge[]; libraries: Map<string, string[]> } {
  const edges: Edge[] = [];
  const libraries = new Map<string, string[]>();
  for (const f of files) {
    const info = ts.preProcessFile(readFileSync(f, "utf8"), true, true);
    for (const imp of info.importedFiles) {
      if (imp.fileName.startsWith(".")) {
        const to = resolveImport(f, imp.fileName);
        if (to && to.startsWith(SRC)) edges.push({ from: f, to });
      } else {
        const lib = imp.fileName.startsWith("@") ? imp.fileName.split("/").slice(0, 2).join("/") : imp.fileName.split("/")[0];
        libraries.set(f, [...(libraries.get(f) ?? []), lib]);
      }
    }
  }
  return { edges, libraries };
}

/** The layer of a file: its top folder under src/ (api/graphql and api/scim count as siblings), or a root file's name. */
export function layerOf(file: string): { top: string; unit: string } {
  const parts = relative(SRC, file).split("/");
  const top = parts.length === 1 ? parts[0].replace(/\.ts$/, "") : parts[0];
  const unit = top === "api" && parts.length > 2 ? `api/${parts[1]}` : top;
  return { top, unit };
}

/** Folder of a file, for the cycle check (a folder's files may import each other freely); a root file stands alone. */
const folderOf = (file: string) => relative(SRC, dirname(file)) || relative(SRC, file);

export function violations(edges: Edge[]): string[] {
  const out: string[] = [];
  for (const e of edges) {
    const a = layerOf(e.from);
    const b = layerOf(e.to);
    const ra = RANK[a.top];
    const rb = RANK[b.top];
    if (ra === undefined || rb === undefined) out.push(`${relative(SRC, e.from)}: unknown layer (${a.top} or ${b.top}); add it to RANK and the README`);
    else if (rb > ra) out.push(`${relative(SRC, e.from)} → ${relative(SRC, e.to)}: ${a.top} may not import ${b.top}`);
    else if (ra === rb && a.unit !== b.unit) out.push(`${relative(SRC, e.from)} → ${relative(SRC, e.to)}: ${a.unit} and ${b.unit} are side by side`);
  }
  return out;
}

/** Cycles between folders. */
export const folderCycles = (edges: Edge[]) => cycles(edges, folderOf);

/** Issue 21: cycles between files too, type-only imports included (a folder's files may not import each other round). */
export const fileCycles = (edges: Edge[]) => cycles(edges, (f) => relative(SRC, f));

/** Tarjan's strongly connected components over the graph of `keyOf(file)`. */
function cycles(edges: Edge[], keyOf: (file: string) => string): string[][] {
  const graph = new Map<string, Set<string>>();
  for (const e of edges) {
    const a = keyOf(e.from);
    const b = keyOf(e.to);
    if (a === b) continue;
    if (!graph.has(a)) graph.set(a, new Set());
    if (!graph.has(b)) graph.set(b, new Set());
    graph.get(a)!.add(b);
  }
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) found.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return found;
}

/** The tables, from the entities' @Entity("name"). */
const TABLES = readdirSync(join(SRC, "data/entities")).flatMap((f) => [...readFileSync(join(SRC, "data/entities", f), "utf8").matchAll(/@Entity\("(\w+)"\)/g)].map((m) => m[1]));

/**
 * String and template literals of a file that name `tenant_id` or a table (comments and identifiers do not count). A
 * table whose name is an ordinary word (tenant, bot, sku) counts where the string is SQL (an upper-case keyword).
 */
export function sqlInStrings(file: string, text: string, tables: string[]): string[] {
  const always = new RegExp(`\\b(${["tenant_id", ...tables.filter((t) => t.includes("_"))].join("|")})\\b`);
  const words = new RegExp(`\\b(${tables.filter((t) => !t.includes("_")).join("|")})\\b`);
  const sql = /\b(SELECT|FROM|JOIN|INSERT INTO|UPDATE|DELETE FROM)\b/;
  const out: string[] = [];
  const visit = (node: ts.Node, src: ts.SourceFile) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      const hit = always.exec(node.text) ?? (sql.test(node.text) ? words.exec(node.text) : null);
      if (hit) out.push(`${relative(SRC, file)}:${src.getLineAndCharacterOfPosition(node.getStart(src)).line + 1}: ${hit[1]}`);
    }
    ts.forEachChild(node, (c) => visit(c, src));
  };
  const src = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  visit(src, src);
  return out;
}

describe("architecture: layers of src/ (README Architecture)", () => {
  const files = sourceFiles(SRC);
  const { edges, libraries } = importGraph(files);

  test("imports point one way: ways in → app → data → infra → domain", () => {
    expect(violations(edges)).toEqual([]);
  });

  test("no import cycle between folders", () => {
    expect(folderCycles(edges)).toEqual([]);
  });

  test("issue 21: no import cycle between files, type imports included", () => {
    expect(fileCycles(edges)).toEqual([]);
  });

  test("the pure rules (domain) use no database or GraphQL library", () => {
    const bad = [...libraries].filter(([f]) => layerOf(f).top === "domain").flatMap(([f, libs]) =>
      libs.filter((l) => NOT_IN_DOMAIN.includes(l)).map((l) => `${relative(SRC, f)} imports ${l}`),
    );
    expect(bad).toEqual([]);
  });

  test("§6 tenant scoping cannot be bypassed: above the data layer nothing reaches the database but through TenantDb and Database", () => {
    const bypass = /new TenantDb\b|\.manager\.\w+\(|\.ds\b|createQueryBuilder|getRepository|\b(DataSource|EntityManager|QueryRunner|Repository)\b/;
    const bad = files
      .filter((f) => ["app", "api", "http"].includes(layerOf(f).top))
      .flatMap((f) => readFileSync(f, "utf8").split("\n").map((line, i) => ({ f, line, i })))
      .filter(({ line }) => bypass.test(line) && !line.trim().startsWith("//") && !line.trim().startsWith("*"))
      .map(({ f, line, i }) => `${relative(SRC, f)}:${i + 1}: ${line.trim()}`);
    expect(bad).toEqual([]);
  });

  test("§6, issue 21: SQL only in data/: no string above it names a table or tenant_id", () => {
    const above = files.filter((f) => ["app", "api", "http", "infra"].includes(layerOf(f).top));
    expect(above.flatMap((f) => sqlInStrings(f, readFileSync(f, "utf8"), TABLES))).toEqual([]);
  });

  test("the checks themselves catch a wrong import, a cycle and a table in a string", () => {
    expect(sqlInStrings("x.ts", "const q = `SELECT 1 FROM license_want w WHERE w.tenant_id = :t`;", TABLES)).toHaveLength(1);
    expect(sqlInStrings("x.ts", 'qb.andWhere("u.id IN (SELECT user_id FROM group_user_member)");', TABLES)).toHaveLength(1);
    expect(sqlInStrings("x.ts", 'const label = "a license want"; // license_want', TABLES)).toEqual([]);
    expect(sqlInStrings("x.ts", 'db.query("DELETE FROM bot WHERE id = $1");', TABLES)).toHaveLength(1);
    expect(sqlInStrings("x.ts", 'import { b } from "./bot"; const t = "the tenant";', TABLES)).toEqual([]);
    const f = (p: string) => join(SRC, p);
    expect(violations([{ from: f("data/tenant-db.ts"), to: f("app/request/context.ts") }])).toHaveLength(1);
    expect(violations([{ from: f("api/scim/routes.ts"), to: f("api/graphql/schema.ts") }])).toHaveLength(1);
    expect(violations([{ from: f("api/graphql/schema.ts"), to: f("app/request/context.ts") }])).toEqual([]);
    expect(folderCycles([{ from: f("app/a.ts"), to: f("app/auth/b.ts") }, { from: f("app/auth/b.ts"), to: f("app/c.ts") }])).toEqual([["app", "app/auth"]]);
    expect(fileCycles([{ from: f("app/request/activity.ts"), to: f("app/request/context.ts") }, { from: f("app/request/context.ts"), to: f("app/request/activity.ts") }])).toEqual([["app/request/activity.ts", "app/request/context.ts"]]);
  });
});
