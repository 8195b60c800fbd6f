import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { TimestampColumn } from "./columns";
import { TEXT_LIMITS } from "../../domain/text";

/**
 * MG6: a Graph change-notification subscription of one tenant. Its delivery state lives on the row (survives a
 * restart): the failures in a row, when to try next, since when it fails; the delivering instance locks the row.
 */
@Entity("change_subscription")
@Index("ix_change_subscription_tenant", ["tenantId", "kind"])
@Index("ix_change_subscription_group", ["tenantId", "groupId"])
@Index("ix_change_subscription_due", ["nextAttemptAt"])
export class ChangeSubscription {
  /** A bare GUID, as Graph's subscription IDs are. */
  @PrimaryColumn({ type: "varchar", length: TEXT_LIMITS.id })
  id: string;

  @Column({ type: "varchar", length: TEXT_LIMITS.id, name: "tenant_id" })
  tenantId: string;

  /** The resource as the client wrote it (`users`, `groups`, `groups/{id}/members`, `subscribedSkus`). */
  @Column({ type: "varchar", length: 128 })
  resource: string;

  /** users | groups | members | skus. */
  @Column({ type: "varchar", length: 16 })
  kind: string;

  /** For `groups/{id}/members`: the group (this API's ID). */
  @Column({ type: "varchar", length: TEXT_LIMITS.id, name: "group_id", nullable: true })
  groupId: string | null;

  /** Comma-separated, in the order the client gave them. */
  @Column({ type: "varchar", length: 64, name: "change_type" })
  changeType: string;

  @Column({ type: "varchar", length: 2048, name: "notification_url" })
  notificationUrl: string;

  @Column({ type: "varchar", length: 2048, name: "lifecycle_url", nullable: true })
  lifecycleNotificationUrl: string | null;

  @Column({ type: "varchar", length: 128, name: "client_state", nullable: true })
  clientState: string | null;

  @TimestampColumn({ name: "expires_at" })
  expiresAt: Date;

  @TimestampColumn({ name: "created_at" })
  createdAt: Date;

  /** active | retrying | missed (README "Change notifications"). */
  @Column({ type: "varchar", length: 16 })
  state: string;

  @Column({ type: "integer" })
  failures: number;

  @TimestampColumn({ name: "next_attempt_at" })
  nextAttemptAt: Date;

  @TimestampColumn({ name: "failing_since", nullable: true })
  failingSince: Date | null;
}

/** MG6: one committed write's changes, to be delivered to one subscription (written in the write's transaction). */
@Entity("change_outbox")
@Index("ix_change_outbox_tenant", ["tenantId"])
export class ChangeOutbox {
  @PrimaryColumn({ type: "varchar", length: TEXT_LIMITS.id, name: "subscription_id" })
  subscriptionId: string;

  /** The write's tenant state version: its tenant's writes are serialized, so this is commit order (delivery order). */
  @PrimaryColumn({ type: "bigint", transformer: { to: (n: number) => n, from: (v: string | number) => Number(v) } })
  version: number;

  @Column({ type: "varchar", length: TEXT_LIMITS.id, name: "tenant_id" })
  tenantId: string;

  /** JSON: `{ users: {id: changeType}, groups: {…}, skus: {…} }` of the write (this API's IDs). */
  @Column({ type: "text" })
  changes: string;

  @TimestampColumn({ name: "created_at" })
  createdAt: Date;
}
