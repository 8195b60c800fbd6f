import { MigrationInterface, QueryRunner, TableColumn } from "typeorm";

/** K8: an audit event keeps its target's name as it was when the event was written; older events have none. */
export class AuditTargetName1764374400300 implements MigrationInterface {
  name = "AuditTargetName1764374400300";

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn("audit_event", new TableColumn({ name: "target_display_name", type: "varchar", length: "256", isNullable: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn("audit_event", "target_display_name");
  }
}
