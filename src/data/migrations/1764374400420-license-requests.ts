import { MigrationInterface, QueryRunner, Table, TableIndex } from "typeorm";

/** V1 license requests (one PENDING per user and SKU: a partial unique index, on both engines) and V2 auto-claim policies. */
export class LicenseRequests1764374400420 implements MigrationInterface {
  name = "LicenseRequests1764374400420";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "license_request",
        columns: [
          { name: "id", type: "varchar", length: "64", isPrimary: true },
          { name: "tenant_id", type: "varchar", length: "64" },
          { name: "sku_id", type: "varchar", length: "64" },
          { name: "requester_id", type: "varchar", length: "64" },
          { name: "justification", type: "varchar", length: "500", isNullable: true },
          { name: "status", type: "varchar", length: "16" },
          { name: "created_at", type: "bigint" },
          { name: "decided_at", type: "bigint", isNullable: true },
          { name: "decided_by_id", type: "varchar", length: "64", isNullable: true },
          { name: "reason", type: "varchar", length: "500", isNullable: true },
          { name: "granted_through_group_id", type: "varchar", length: "64", isNullable: true },
          { name: "from_auto_claim", type: "boolean" },
        ],
        indices: [
          new TableIndex({ name: "ix_license_request_page", columnNames: ["tenant_id", "id"] }),
          new TableIndex({ name: "ix_license_request_status", columnNames: ["tenant_id", "status", "id"] }),
          new TableIndex({ name: "ix_license_request_requester", columnNames: ["tenant_id", "requester_id"] }),
          new TableIndex({ name: "ix_license_request_sku", columnNames: ["tenant_id", "sku_id"] }),
          new TableIndex({ name: "ix_license_request_decided_by", columnNames: ["tenant_id", "decided_by_id"] }),
          new TableIndex({ name: "ix_license_request_group", columnNames: ["tenant_id", "granted_through_group_id"] }),
          new TableIndex({ name: "uq_license_request_open", columnNames: ["tenant_id", "requester_id", "sku_id"], isUnique: true, where: "status = 'PENDING'" }),
        ],
      }),
      true,
    );
    await q.createTable(
      new Table({
        name: "auto_claim_policy",
        columns: [
          { name: "tenant_id", type: "varchar", length: "64", isPrimary: true },
          { name: "sku_id", type: "varchar", length: "64", isPrimary: true },
          { name: "enabled", type: "boolean" },
          { name: "scope_group_id", type: "varchar", length: "64", isNullable: true },
          { name: "updated_at", type: "bigint" },
        ],
        indices: [new TableIndex({ name: "ix_auto_claim_policy_group", columnNames: ["tenant_id", "scope_group_id"] })],
      }),
      true,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("auto_claim_policy", true);
    await q.dropTable("license_request", true);
  }
}
