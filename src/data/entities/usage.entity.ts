import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { TimestampColumn } from "./columns";
import { TEXT_LIMITS } from "../../domain/text";

/**
 * V5: one SKU's pool on one UTC day, as the first instance to look that day saw it. The key (tenant, SKU, day)
 * makes the daily write idempotent: a second instance's insert is ignored.
 */
@Entity("license_usage_day")
@Index("ix_license_usage_day_day", ["day"])
export class LicenseUsageDayRow {
  @PrimaryColumn({ type: "varchar", length: TEXT_LIMITS.id, name: "tenant_id" })
  tenantId: string;

  @PrimaryColumn({ type: "varchar", length: TEXT_LIMITS.id, name: "sku_id" })
  skuId: string;

  /** YYYY-MM-DD (UTC): sorts and compares as text on both engines. */
  @PrimaryColumn({ type: "varchar", length: 10 })
  day: string;

  @Column({ type: "integer" })
  enabled: number;

  @Column({ type: "integer" })
  warning: number;

  @Column({ type: "integer" })
  consumed: number;

  @Column({ type: "integer" })
  waiting: number;

  @Column({ type: "integer", name: "active_holders" })
  activeHolders: number;

  @TimestampColumn({ name: "taken_at" })
  takenAt: Date;
}

/** A daily pass that has finished for a UTC day (any instance's): the others skip it (V5). */
@Entity("daily_job_run")
export class DailyJobRun {
  @PrimaryColumn({ type: "varchar", length: 64 })
  job: string;

  @PrimaryColumn({ type: "varchar", length: 10 })
  day: string;

  @TimestampColumn({ name: "finished_at" })
  finishedAt: Date;
}
