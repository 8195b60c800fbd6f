import { MigrationInterface, QueryRunner, Table, TableIndex } from "typeorm";

/** MG6: Graph change-notification subscriptions (with their delivery state) and the transactional outbox. */
export class ChangeNotifications1764374400440 implements MigrationInterface {
  name = "ChangeNotifications1764374400440";

  async up(q: QueryRunner): Promise<void> {
    const id = (name: string, nullable = false) => ({ name, type: "varchar", length: "64", isNullable: nullable });
    await q.createTable(
      new Table({
        name: "change_subscription",
        columns: [
          { ...id("id"), isPrimary: true },
          id("tenant_id"),
          { name: "resource", type: "varchar", length: "128" },
          { name: "kind", type: "varchar", length: "16" },
          id("group_id", true),
          { name: "change_type", type: "varchar", length: "64" },
          { name: "notification_url", type: "varchar", length: "2048" },
          { name: "lifecycle_url", type: "varchar", length: "2048", isNullable: true },
          { name: "client_state", type: "varchar", length: "128", isNullable: true },
          { name: "expires_at", type: "bigint" },
          { name: "created_at", type: "bigint" },
          { name: "state", type: "varchar", length: "16" },
          { name: "failures", type: "integer" },
          { name: "next_attempt_at", type: "bigint" },
          { name: "failing_since", type: "bigint", isNullable: true },
        ],
        indices: [
          new TableIndex({ name: "ix_change_subscription_tenant", columnNames: ["tenant_id", "kind"] }),
          new TableIndex({ name: "ix_change_subscription_group", columnNames: ["tenant_id", "group_id"] }),
          new TableIndex({ name: "ix_change_subscription_due", columnNames: ["next_attempt_at"] }),
        ],
      }),
      true,
    );
    await q.createTable(
      new Table({
        name: "change_outbox",
        columns: [
          { ...id("subscription_id"), isPrimary: true },
          { name: "version", type: "bigint", isPrimary: true },
          id("tenant_id"),
          { name: "changes", type: "text" },
          { name: "created_at", type: "bigint" },
        ],
        indices: [new TableIndex({ name: "ix_change_outbox_tenant", columnNames: ["tenant_id"] })],
      }),
      true,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("change_outbox", true);
    await q.dropTable("change_subscription", true);
  }
}
