import type * as In from "../../app/tenants/inputs";
import { Field, InputType, Int, ObjectType } from "type-graphql";
import { Tenant, User } from "../../data/entities";

@InputType()
export class CreateTenantInput implements In.CreateTenantInput {
  @Field(() => String)
  displayName: string;

  @Field(() => String)
  adminUserPrincipalName: string;

  @Field(() => String)
  adminDisplayName: string;

  @Field(() => String, { nullable: true, description: "Defaults to US." })
  defaultUsageLocation?: string | null;
}

@InputType()
export class TenantSettingsInput implements In.TenantSettingsInput {
  @Field(() => Boolean, { nullable: true })
  allowAdHocSubscriptions?: boolean | null;

  @Field(() => Int, { nullable: true })
  seatAlertThreshold?: number | null;

  @Field(() => String, { nullable: true })
  defaultUsageLocation?: string | null;

  @Field(() => Int, { nullable: true })
  inactiveAfterDays?: number | null;

  @Field(() => Boolean, { nullable: true })
  autoReclaim?: boolean | null;
}

@ObjectType()
export class CreateTenantPayload implements In.CreateTenantPayload {
  @Field(() => Tenant)
  tenant: Tenant;

  @Field(() => User)
  admin: User;
}
