import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from "typeorm";

/**
 * V3: each user's last activity (written at most once an hour, batched). V4: the tenant's inactivity settings, the
 * automatic pass's warning on the user, and one claimed row per tenant and UTC day for the pass (whoever inserts it runs it).
 */
export class ActivityReclamation1764374400410 implements MigrationInterface {
  name = "ActivityReclamation1764374400410";

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns("app_user", [
      new TableColumn({ name: "last_activity_at", type: "bigint", isNullable: true }),
      new TableColumn({ name: "reclaim_warning_at", type: "bigint", isNullable: true }),
    ]);
    await q.addColumns("tenant", [
      new TableColumn({ name: "inactive_after_days", type: "integer", default: 90 }),
      // As the entity's default renders on each engine (SQLite keeps booleans as 0/1).
      new TableColumn({ name: "auto_reclaim", type: "boolean", default: q.connection.options.type === "postgres" ? false : 0 }),
    ]);
    await q.createIndex("app_user", new TableIndex({ name: "ix_app_user_warning", columnNames: ["tenant_id", "reclaim_warning_at"] }));
    await q.createTable(
      new Table({
        name: "reclaim_pass",
        columns: [
          { name: "tenant_id", type: "varchar", length: "64", isPrimary: true },
          { name: "day", type: "varchar", length: "10", isPrimary: true },
          { name: "ran_at", type: "bigint" },
          { name: "warned", type: "integer" },
          { name: "reclaimed", type: "integer" },
        ],
      }),
      true,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("reclaim_pass", true);
    await q.dropIndex("app_user", "ix_app_user_warning");
    await q.dropColumn("tenant", "auto_reclaim");
    await q.dropColumn("tenant", "inactive_after_days");
    await q.dropColumn("app_user", "reclaim_warning_at");
    await q.dropColumn("app_user", "last_activity_at");
  }
}
