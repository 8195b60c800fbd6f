import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from "typeorm";

/** DESIGN §9 and §10: usage locations, directory-managed users and groups (SCIM), provisioning tokens. */
export class Directory1764374400100 implements MigrationInterface {
  name = "Directory1764374400100";

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn("tenant", new TableColumn({ name: "default_usage_location", type: "varchar", length: "2", default: "'US'" }));
    await q.addColumn("sku", new TableColumn({ name: "unavailable_in_countries", type: "varchar", length: "1024", default: "''" }));
    await q.addColumns("app_user", [
      new TableColumn({ name: "usage_location", type: "varchar", length: "2", isNullable: true }),
      new TableColumn({ name: "source", type: "varchar", length: "16", default: "'CLOUD'" }),
      new TableColumn({ name: "external_id", type: "varchar", length: "256", isNullable: true }),
      new TableColumn({ name: "deleted_at", type: "bigint", isNullable: true }),
      new TableColumn({ name: "updated_at", type: "bigint", isNullable: true }),
      new TableColumn({ name: "email_key", type: "varchar", length: "2048", isNullable: true }),
      new TableColumn({ name: "work_email_key", type: "varchar", length: "256", isNullable: true }),
      new TableColumn({ name: "scim_attributes", type: "text", isNullable: true }),
    ]);
    await q.createIndex("app_user", new TableIndex({ name: "ix_app_user_external", columnNames: ["tenant_id", "external_id"] }));
    await q.addColumns("security_group", [
      new TableColumn({ name: "source", type: "varchar", length: "16", default: "'CLOUD'" }),
      new TableColumn({ name: "external_id", type: "varchar", length: "256", isNullable: true }),
      new TableColumn({ name: "updated_at", type: "bigint", isNullable: true }),
      new TableColumn({ name: "scim_attributes", type: "text", isNullable: true }),
    ]);
    await q.createIndex("security_group", new TableIndex({ name: "ix_security_group_external", columnNames: ["tenant_id", "external_id"] }));
    await q.createIndex("security_group", new TableIndex({ name: "ix_security_group_name", columnNames: ["tenant_id", "display_name"] }));
    await q.createTable(
      new Table({
        name: "provisioning_token",
        columns: [
          { name: "id", type: "varchar", length: "64", isPrimary: true },
          { name: "tenant_id", type: "varchar", length: "64" },
          { name: "description", type: "varchar", length: "256" },
          { name: "hint", type: "varchar", length: "8" },
          { name: "secret_hash", type: "varchar", length: "128" },
          { name: "created_by", type: "varchar", length: "64", isNullable: true },
          { name: "created_at", type: "bigint" },
          { name: "expires_at", type: "bigint", isNullable: true },
          { name: "last_used_at", type: "bigint", isNullable: true },
          { name: "revoked_at", type: "bigint", isNullable: true },
        ],
        indices: [new TableIndex({ name: "ix_provisioning_token_tenant", columnNames: ["tenant_id", "id"] })],
      }),
      true,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("provisioning_token", true);
    await q.dropIndex("security_group", "ix_security_group_name");
    await q.dropIndex("security_group", "ix_security_group_external");
    for (const c of ["scim_attributes", "updated_at", "external_id", "source"]) await q.dropColumn("security_group", c);
    await q.dropIndex("app_user", "ix_app_user_external");
    for (const c of ["scim_attributes", "work_email_key", "email_key", "updated_at", "deleted_at", "external_id", "source", "usage_location"]) {
      await q.dropColumn("app_user", c);
    }
    await q.dropColumn("sku", "unavailable_in_countries");
    await q.dropColumn("tenant", "default_usage_location");
  }
}
