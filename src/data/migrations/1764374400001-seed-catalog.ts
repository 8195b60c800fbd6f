import { MigrationInterface, QueryRunner } from "typeorm";

// DESIGN §2: the catalog is data. Another product with the same tenant + per-user
// shape is another migration like this one, not a code change.
const PLANS = [
  { id: "pln_5a1f0c1e-0b1a-4d6e-9b7a-000000000001", name: "BOT_AUTHORING", displayName: "Create and manage bots" },
  { id: "pln_5a1f0c1e-0b1a-4d6e-9b7a-000000000002", name: "FLOW_FOR_BOTS", displayName: "Power Automate for bots" },
  { id: "pln_5a1f0c1e-0b1a-4d6e-9b7a-000000000003", name: "DATAVERSE_FOR_BOTS", displayName: "Dataverse for bots" },
  { id: "pln_5a1f0c1e-0b1a-4d6e-9b7a-000000000004", name: "BOT_RUNTIME", displayName: "Run bots" },
];

const SKUS = [
  {
    id: "sku_0c2d3a4b-1111-4c5d-8e9f-000000000001", partNumber: "POWER_VIRTUAL_AGENTS", displayName: "Power Virtual Agent",
    kind: "TENANT", billedSessionsPerUnit: 2000, isTrial: false, trialDays: null, plans: ["BOT_RUNTIME"], requires: [],
  },
  {
    id: "sku_0c2d3a4b-1111-4c5d-8e9f-000000000002", partNumber: "POWER_VIRTUAL_AGENTS_USER",
    displayName: "Power Virtual Agent User License", kind: "USER", billedSessionsPerUnit: 0, isTrial: false, trialDays: null,
    plans: ["BOT_AUTHORING", "FLOW_FOR_BOTS", "DATAVERSE_FOR_BOTS"], requires: ["POWER_VIRTUAL_AGENTS"],
  },
  {
    id: "sku_0c2d3a4b-1111-4c5d-8e9f-000000000003", partNumber: "POWER_VIRTUAL_AGENTS_TRIAL",
    displayName: "Power Virtual Agents Trial", kind: "USER", billedSessionsPerUnit: 0, isTrial: true, trialDays: 30,
    plans: ["BOT_AUTHORING", "FLOW_FOR_BOTS", "DATAVERSE_FOR_BOTS"], requires: [],
  },
];

export class SeedCatalog1764374400001 implements MigrationInterface {
  name = "SeedCatalog1764374400001";

  async up(q: QueryRunner): Promise<void> {
    const pg = q.connection.driver.options.type === "postgres";
    // better-sqlite3 binds no JS booleans and uses ? placeholders; PostgreSQL wants real booleans and $n.
    const bool = (v: boolean) => (pg ? v : v ? 1 : 0);
    const insert = async (table: string, row: Record<string, unknown>) => {
      const cols = Object.keys(row);
      const marks = cols.map((_, i) => (pg ? `$${i + 1}` : "?")).join(", ");
      await q.query(`INSERT INTO ${table} (${cols.join(", ")}) VALUES (${marks})`, Object.values(row));
    };
    for (const p of PLANS) await insert("service_plan", { id: p.id, name: p.name, display_name: p.displayName });
    const planId = (name: string) => PLANS.find((p) => p.name === name)!.id;
    const skuId = (pn: string) => SKUS.find((s) => s.partNumber === pn)!.id;
    for (const s of SKUS) {
      await insert("sku", {
        id: s.id, part_number: s.partNumber, display_name: s.displayName, kind: s.kind,
        billed_sessions_per_unit: s.billedSessionsPerUnit, is_trial: bool(s.isTrial), trial_days: s.trialDays,
      });
      for (const p of s.plans) await insert("sku_service_plan", { sku_id: s.id, plan_id: planId(p) });
      for (const r of s.requires) await insert("sku_requirement", { sku_id: s.id, required_sku_id: skuId(r) });
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ["sku_requirement", "sku_service_plan", "sku", "service_plan"]) await q.query(`DELETE FROM ${t}`);
  }
}
