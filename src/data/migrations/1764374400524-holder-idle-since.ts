import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from "typeorm";

/**
 * V4 (issue 24): the inactive report's totalCount without a join. license_want keeps a copy of its user's idle-since
 * instant, COALESCE(last_activity_at, created_at) (`user_idle_since`): the seat engine copies it when it inserts a
 * want, the activity write updates it with last_activity_at. ix_license_want_idle holds the holder predicate
 * (tenant, SKU, holds_seat) and both instants, so the count is one range of one index; counted as a join of app_user
 * and license_want, PostgreSQL's plan followed the bloat of ix_app_user_idle (40–110 ms at 100,000 users).
 * Backfilled from app_user, then made NOT NULL (SQLite rebuilds the table for that).
 */
export class HolderIdleSince1764374400524 implements MigrationInterface {
  name = "HolderIdleSince1764374400524";

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn("license_want", new TableColumn({ name: "user_idle_since", type: "bigint", isNullable: true }));
    await q.query(
      `UPDATE license_want SET user_idle_since = (SELECT COALESCE(u.last_activity_at, u.created_at) FROM app_user u WHERE u.id = license_want.user_id)`,
    );
    // A want whose user row is gone (never expected: deletion drops the wants) counts as idle from the want.
    await q.query(`UPDATE license_want SET user_idle_since = wanted_since WHERE user_idle_since IS NULL`);
    await q.changeColumn("license_want", "user_idle_since", new TableColumn({ name: "user_idle_since", type: "bigint", isNullable: false }));
    await q.createIndex(
      "license_want",
      new TableIndex({ name: "ix_license_want_idle", columnNames: ["tenant_id", "sku_id", "holds_seat", "user_idle_since", "wanted_since", "user_id"] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex("license_want", "ix_license_want_idle");
    await q.dropColumn("license_want", "user_idle_since");
  }
}
