import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { Node } from "./node";
import { TimestampColumn } from "./columns";
import { TEXT_LIMITS } from "../../domain/text";

@ObjectType({ implements: Node, description: "A SCIM provisioning credential; the secret itself is shown only once, at creation." })
@Entity("provisioning_token")
@Index("ix_provisioning_token_tenant", ["tenantId", "id"])
export class ProvisioningToken implements Node {
  @Field(() => ID)
  @PrimaryColumn({ type: "varchar", length: TEXT_LIMITS.id })
  id: string;

  @Column({ type: "varchar", length: TEXT_LIMITS.id, name: "tenant_id" })
  tenantId: string;

  @Field(() => String)
  @Column({ type: "varchar", length: TEXT_LIMITS.name })
  description: string;

  @Field(() => String, { description: "The last four characters of the secret, to tell tokens apart." })
  @Column({ type: "varchar", length: 8 })
  hint: string;

  /** SHA-256 of the secret (hex); the secret itself is never stored. */
  @Column({ type: "varchar", length: 128, name: "secret_hash" })
  secretHash: string;

  @Column({ type: "varchar", length: TEXT_LIMITS.id, name: "created_by", nullable: true })
  createdBy: string | null;

  @Field(() => Date)
  @TimestampColumn({ name: "created_at" })
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  @TimestampColumn({ name: "expires_at", nullable: true })
  expiresAt: Date | null;

  @Field(() => Date, { nullable: true })
  @TimestampColumn({ name: "last_used_at", nullable: true })
  lastUsedAt: Date | null;

  @TimestampColumn({ name: "revoked_at", nullable: true })
  revokedAt: Date | null;
}
