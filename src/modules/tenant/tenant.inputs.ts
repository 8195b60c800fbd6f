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
}

@InputType()
export class TenantSettingsInput {
  @Field(() => Boolean, { nullable: true })
  allowAdHocSubscriptions?: boolean | null;
}

@ObjectType()
export class CreateTenantPayload {
  @Field(() => Tenant)
  tenant: Tenant;

  @Field(() => User)
  admin: User;
}
