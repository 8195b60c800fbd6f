import { MigrationInterface, QueryRunner, TableIndex } from "typeorm";

/** Indexes for the lookups the first schema's primary keys did not cover. */
const INDEXES: [string, TableIndex][] = [
  ["user_license_assignment", new TableIndex({ name: "ix_user_license_assignment_user", columnNames: ["tenant_id", "user_id"] })],
  ["group_license_assignment", new TableIndex({ name: "ix_group_license_assignment_group", columnNames: ["tenant_id", "group_id"] })],
  ["audit_event", new TableIndex({ name: "ix_audit_event_target", columnNames: ["tenant_id", "target_id"] })],
  ["audit_event", new TableIndex({ name: "ix_audit_event_action", columnNames: ["tenant_id", "action"] })],
];

export class LookupIndexes1764374400004 implements MigrationInterface {
  name = "LookupIndexes1764374400004";

  async up(q: QueryRunner): Promise<void> {
    for (const [table, index] of INDEXES) await q.createIndex(table, index);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, index] of INDEXES) await q.dropIndex(table, index.name!);
  }
}
