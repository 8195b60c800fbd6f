import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from "typeorm";

/**
 * V4 (issue 24): the inactive report's totalCount without a join. Each want keeps `idle_since`, the instant from which
 * its holder counts as idle for reclamation: the later of the user's COALESCE(last_activity_at, created_at) and the
 * want's wanted_since (the report's two conditions in one). The seat engine inserts it as wanted_since (a user's last
 * activity is never later than now); the activity write moves it forward. ix_license_want_idle holds the holder
 * predicate (tenant, SKU, holds_seat) and it, so the count is one range of one index; counted as a join of app_user
 * and license_want, PostgreSQL's plan followed the bloat of ix_app_user_idle (40–110 ms at 100,000 users).
 * Backfilled from app_user, then made NOT NULL (SQLite rebuilds the table for that).
 */
export class HolderIdleSince1764374400524 implements MigrationInterface {
  name = "HolderIdleSince1764374400524";

  async up(q: QueryRunner): Promise<void> {
    const later = q.connection.options.type === "postgres" ? "GREATEST" : "MAX";
    await q.addColumn("license_want", new TableColumn({ name: "idle_since", type: "bigint", isNullable: true }));
    await q.query(
      `UPDATE license_want SET idle_since = ${later}(wanted_since,
         COALESCE((SELECT COALESCE(u.last_activity_at, u.created_at) FROM app_user u WHERE u.id = license_want.user_id), wanted_since))`,
    );
    await q.changeColumn("license_want", "idle_since", new TableColumn({ name: "idle_since", type: "bigint", isNullable: false }));
    await q.createIndex("license_want", new TableIndex({ name: "ix_license_want_idle", columnNames: ["tenant_id", "sku_id", "holds_seat", "idle_since", "user_id"] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex("license_want", "ix_license_want_idle");
    await q.dropColumn("license_want", "idle_since");
  }
}
