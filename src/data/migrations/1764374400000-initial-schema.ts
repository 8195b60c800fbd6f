import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndex } from "typeorm";

// Written with TypeORM's Table API so one history creates the same schema on SQLite and PostgreSQL.
const id = (name: string, primary = false): TableColumnOptions => ({ name, type: "varchar", length: "64", isPrimary: primary });
const str = (name: string, length: number, nullable = false): TableColumnOptions => ({ name, type: "varchar", length: String(length), isNullable: nullable });
const ts = (name: string, nullable = false): TableColumnOptions => ({ name, type: "bigint", isNullable: nullable });
const int = (name: string, nullable = false): TableColumnOptions => ({ name, type: "integer", isNullable: nullable });
const bool = (name: string): TableColumnOptions => ({ name, type: "boolean" });
const text = (name: string): TableColumnOptions => ({ name, type: "text" });
const tenant = id("tenant_id");
const ix = (name: string, columnNames: string[], isUnique = false) => new TableIndex({ name, columnNames, isUnique });

export class InitialSchema1764374400000 implements MigrationInterface {
  name = "InitialSchema1764374400000";

  async up(q: QueryRunner): Promise<void> {
    const tables: Table[] = [
      new Table({ name: "tenant", columns: [id("id", true), str("display_name", 256), bool("allow_ad_hoc_subscriptions"), ts("created_at")] }),
      new Table({
        name: "service_plan",
        columns: [id("id", true), str("name", 128), str("display_name", 256)],
        indices: [ix("uq_service_plan_name", ["name"], true)],
      }),
      new Table({
        name: "sku",
        columns: [id("id", true), str("part_number", 128), str("display_name", 256), str("kind", 16), int("billed_sessions_per_unit"), bool("is_trial"), int("trial_days", true)],
        indices: [ix("uq_sku_part_number", ["part_number"], true)],
      }),
      new Table({ name: "sku_service_plan", columns: [id("sku_id", true), id("plan_id", true)] }),
      new Table({ name: "sku_requirement", columns: [id("sku_id", true), id("required_sku_id", true)] }),
      new Table({
        name: "purchase_order",
        columns: [id("id", true), tenant, str("idempotency_key", 256, true), str("request_hash", 128), ts("created_at")],
        indices: [ix("uq_purchase_order_key", ["tenant_id", "idempotency_key"], true)],
      }),
      new Table({
        name: "subscription",
        columns: [id("id", true), tenant, id("sku_id"), int("quantity"), str("channel", 32), bool("is_trial"), id("order_id"), ts("starts_at"), ts("ends_at", true), ts("canceled_at", true), ts("created_at")],
        indices: [ix("ix_subscription_tenant_sku", ["tenant_id", "sku_id"]), ix("ix_subscription_order", ["order_id"])],
      }),
      new Table({
        name: "app_user",
        columns: [id("id", true), tenant, str("user_principal_name", 256), str("upn_key", 256), str("display_name", 256), bool("account_enabled"), text("roles"), ts("created_at")],
        indices: [ix("uq_app_user_upn", ["tenant_id", "upn_key"], true)],
      }),
      new Table({
        name: "security_group",
        columns: [id("id", true), tenant, str("display_name", 256), str("description", 1024, true), ts("created_at")],
        indices: [ix("ix_security_group_tenant", ["tenant_id"])],
      }),
      new Table({
        name: "group_user_member",
        columns: [id("group_id", true), id("user_id", true), tenant, ts("created_at")],
        indices: [ix("ix_group_user_member_user", ["tenant_id", "user_id"])],
      }),
      new Table({
        name: "group_nesting",
        columns: [id("parent_id", true), id("child_id", true), tenant, ts("created_at")],
        indices: [ix("ix_group_nesting_child", ["tenant_id", "child_id"]), ix("ix_group_nesting_tenant", ["tenant_id"])],
      }),
      new Table({
        name: "user_license_assignment",
        columns: [id("sku_id", true), id("user_id", true), tenant, text("disabled_plan_ids"), ts("assigned_at"), ts("updated_at")],
        indices: [ix("ix_user_license_assignment_tenant", ["tenant_id", "sku_id"])],
      }),
      new Table({
        name: "group_license_assignment",
        columns: [id("sku_id", true), id("group_id", true), tenant, text("disabled_plan_ids"), ts("assigned_at"), ts("updated_at")],
        indices: [ix("ix_group_license_assignment_tenant", ["tenant_id", "sku_id"])],
      }),
      new Table({
        name: "license_want",
        columns: [id("user_id", true), id("sku_id", true), tenant, int("want_seq"), ts("wanted_since"), bool("holds_seat"), ts("updated_at")],
        indices: [ix("ix_license_want_queue", ["tenant_id", "sku_id", "holds_seat", "want_seq", "user_id"])],
      }),
      new Table({ name: "seat_pool", columns: [id("tenant_id", true), id("sku_id", true), int("allocated_pool"), int("want_seq")] }),
      new Table({
        name: "bot",
        columns: [id("id", true), tenant, str("name", 256), id("owner_id"), bool("published"), ts("created_at")],
        indices: [ix("ix_bot_owner", ["tenant_id", "owner_id"])],
      }),
      new Table({
        name: "bot_usage",
        columns: [id("bot_id", true), { name: "period", type: "varchar", length: "7", isPrimary: true }, tenant, { name: "sessions", type: "bigint" }],
        indices: [ix("ix_bot_usage_period", ["tenant_id", "period"])],
      }),
      new Table({
        name: "audit_event",
        columns: [id("id", true), tenant, str("action", 64), { ...id("actor_id"), isNullable: true }, { ...id("target_id"), isNullable: true }, text("details"), ts("at")],
        indices: [ix("ix_audit_event_tenant", ["tenant_id", "id"])],
      }),
    ];
    for (const t of tables) await q.createTable(t, true);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const name of [
      "audit_event", "bot_usage", "bot", "seat_pool", "license_want", "group_license_assignment", "user_license_assignment",
      "group_nesting", "group_user_member", "security_group", "app_user", "subscription", "purchase_order",
      "sku_requirement", "sku_service_plan", "sku", "service_plan", "tenant",
    ]) {
      await q.dropTable(name, true);
    }
  }
}
