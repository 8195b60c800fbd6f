import { MigrationInterface, QueryRunner, TableColumn } from "typeorm";

/** A counter every write of a tenant bumps: instances cache the tenant's licensing state per version. */
export class TenantStateVersion1764374400003 implements MigrationInterface {
  name = "TenantStateVersion1764374400003";

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn("tenant", new TableColumn({ name: "state_version", type: "integer", default: 0 }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn("tenant", "state_version");
  }
}
