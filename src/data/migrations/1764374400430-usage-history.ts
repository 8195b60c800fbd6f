import { MigrationInterface, QueryRunner, Table, TableIndex } from "typeorm";

/** V5: daily usage snapshots per tenant and SKU (kept 400 days), and the days a daily pass has finished. */
export class UsageHistory1764374400430 implements MigrationInterface {
  name = "UsageHistory1764374400430";

  async up(q: QueryRunner): Promise<void> {
    const count = (name: string) => ({ name, type: "integer" });
    await q.createTable(
      new Table({
        name: "license_usage_day",
        columns: [
          { name: "tenant_id", type: "varchar", length: "64", isPrimary: true },
          { name: "sku_id", type: "varchar", length: "64", isPrimary: true },
          { name: "day", type: "varchar", length: "10", isPrimary: true },
          count("enabled"), count("warning"), count("consumed"), count("waiting"), count("active_holders"),
          { name: "taken_at", type: "bigint" },
        ],
        indices: [new TableIndex({ name: "ix_license_usage_day_day", columnNames: ["day"] })],
      }),
      true,
    );
    await q.createTable(
      new Table({
        name: "daily_job_run",
        columns: [
          { name: "job", type: "varchar", length: "64", isPrimary: true },
          { name: "day", type: "varchar", length: "10", isPrimary: true },
          { name: "finished_at", type: "bigint" },
        ],
      }),
      true,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("daily_job_run", true);
    await q.dropTable("license_usage_day", true);
  }
}
