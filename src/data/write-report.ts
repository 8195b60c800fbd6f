export type ObjectChange = "created" | "updated" | "deleted";

/**
 * What one write changed, kept by its transaction (`tx.report`) and handed to the commit listeners (live updates)
 * only after commit (E3). Services note what they change as they go.
 */
export class WriteReport {
  /** Users whose effective licenses, roles or account may have changed. */
  readonly userIds = new Set<string>();
  /** Users directly in these groups may have changed too. */
  readonly groupIds = new Set<string>();
  /** SKUs whose pool figures may have changed. */
  readonly skuIds = new Set<string>();
  readonly auditEventIds: string[] = [];
  /** V1: license requests the write opened or decided. */
  readonly requestIds = new Set<string>();
  /** MG6: users and groups the write created, deleted or changed itself (not only their licenses), by ID. */
  readonly objectChanges = new Map<string, ObjectChange>();

  constructor(readonly tenantId: string, readonly requestId: string) {}

  /** MG6: a user or group the write created, updated or deleted (a creation stays one even if later updated). */
  noteChange(id: string, change: ObjectChange): void {
    if (change === "updated" && this.objectChanges.has(id)) return;
    this.objectChanges.set(id, change);
  }

  /** An audit event written in this write. */
  noteAudit(id: string): void {
    this.auditEventIds.push(id);
  }
}

export const newWriteReport = (tenantId: string, requestId: string) => new WriteReport(tenantId, requestId);
