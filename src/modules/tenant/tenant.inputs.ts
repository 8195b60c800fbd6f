import { Field, InputType, ObjectType } from "type-graphql";
import { Tenant, User } from "../../entities";

@InputType()
export class CreateTenantInput {
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
export class TenantSettingsInput {
  @Field(() => Boolean, { nullable: true })
  allowAdHocSubscriptions?: boolean | null;

  @Field(() => String, { nullable: true })
  defaultUsageLocation?: string | null;
}

@ObjectType()
export class CreateTenantPayload {
  @Field(() => Tenant)
  tenant: Tenant;

  @Field(() => User)
  admin: User;
}
