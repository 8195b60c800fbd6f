import { MigrationInterface, QueryRunner, Table, TableIndex } from "typeorm";

export class UserTrials1764374400002 implements MigrationInterface {
  name = "UserTrials1764374400002";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "user_trial",
        columns: [
          { name: "user_id", type: "varchar", length: "64", isPrimary: true },
          { name: "sku_id", type: "varchar", length: "64", isPrimary: true },
          { name: "tenant_id", type: "varchar", length: "64" },
          { name: "started_at", type: "bigint" },
          { name: "expires_at", type: "bigint" },
          { name: "extended", type: "boolean" },
        ],
        indices: [new TableIndex({ name: "ix_user_trial_tenant", columnNames: ["tenant_id", "sku_id"] })],
      }),
      true,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("user_trial", true);
  }
}
