import { Column, Entity, PrimaryColumn } from "typeorm";
import { TimestampColumn } from "./columns";
import { TEXT_LIMITS } from "../../domain/text";

/** V4: one row per tenant and UTC day whose automatic reclamation pass ran; the instance that inserts it runs the pass. */
@Entity("reclaim_pass")
export class ReclaimPass {
  @PrimaryColumn({ type: "varchar", length: TEXT_LIMITS.id, name: "tenant_id" })
  tenantId: string;

  /** YYYY-MM-DD (UTC). */
  @PrimaryColumn({ type: "varchar", length: 10 })
  day: string;

  @TimestampColumn({ name: "ran_at" })
  ranAt: Date;

  @Column({ type: "integer" })
  warned: number;

  @Column({ type: "integer" })
  reclaimed: number;
}
