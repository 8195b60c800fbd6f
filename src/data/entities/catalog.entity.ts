import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { LicenseKind } from "../../domain/enums";
import { Node } from "./node";
import { TEXT_LIMITS } from "../../domain/text";

/** The catalog is global seeded data (DESIGN §2): the only tables without tenant_id. */
@ObjectType()
@Entity("service_plan")
export class ServicePlan {
  @Field(() => ID)
  @PrimaryColumn({ type: "varchar", length: TEXT_LIMITS.id })
  id: string;

  @Field(() => String)
  @Index("uq_service_plan_name", { unique: true })
  @Column({ type: "varchar", length: 128 })
  name: string;

  @Field(() => String)
  @Column({ type: "varchar", length: TEXT_LIMITS.name, name: "display_name" })
  displayName: string;
}

@ObjectType({
  implements: Node,
  description:
    'A product that can be bought, e.g. "Power Virtual Agent" (TENANT) or\n"Power Virtual Agent User License" (USER).',
})
@Entity("sku")
export class Sku implements Node {
  @Field(() => ID)
  @PrimaryColumn({ type: "varchar", length: TEXT_LIMITS.id })
  id: string;

  @Field(() => String)
  @Index("uq_sku_part_number", { unique: true })
  @Column({ type: "varchar", length: 128, name: "part_number" })
  partNumber: string;

  @Field(() => String)
  @Column({ type: "varchar", length: TEXT_LIMITS.name, name: "display_name" })
  displayName: string;

  @Field(() => LicenseKind)
  @Column({ type: "varchar", length: 16 })
  kind: LicenseKind;

  @Field(() => Int, { description: "Billed-session capacity that each purchased unit adds to the tenant's monthly pool." })
  @Column({ type: "integer", name: "billed_sessions_per_unit" })
  billedSessionsPerUnit: number;

  @Field(() => Boolean)
  @Column({ type: "boolean", name: "is_trial" })
  isTrial: boolean;

  @Field(() => Int, {
    nullable: true,
    description: "Length of a self-service trial of this SKU, in days; null when it is not a trial SKU.",
  })
  @Column({ type: "integer", name: "trial_days", nullable: true })
  trialDays: number | null;

  @Field(() => [String], { description: "ISO 3166-1 alpha-2 codes of the countries where this SKU is not offered (L2)." })
  @Column({ type: "varchar", length: TEXT_LIMITS.description, name: "unavailable_in_countries", default: "", transformer: { to: (v: string[]) => (v ?? []).join(","), from: (v: string | null) => (v ? v.split(",").filter(Boolean) : []) } })
  unavailableInCountries: string[];
}

@Entity("sku_service_plan")
export class SkuServicePlan {
  @PrimaryColumn({ type: "varchar", length: TEXT_LIMITS.id, name: "sku_id" })
  skuId: string;

  @PrimaryColumn({ type: "varchar", length: TEXT_LIMITS.id, name: "plan_id" })
  planId: string;
}

@Entity("sku_requirement")
export class SkuRequirement {
  @PrimaryColumn({ type: "varchar", length: TEXT_LIMITS.id, name: "sku_id" })
  skuId: string;

  @PrimaryColumn({ type: "varchar", length: TEXT_LIMITS.id, name: "required_sku_id" })
  requiredSkuId: string;
}
