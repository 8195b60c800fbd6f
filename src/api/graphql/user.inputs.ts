import type * as In from "../../app/users/inputs";
import { Field, ID, InputType } from "type-graphql";
import { AdminRole, LicenseState } from "../../domain/enums";

@InputType()
export class CreateUserInput implements In.CreateUserInput {
  @Field(() => String)
  userPrincipalName: string;

  @Field(() => String)
  displayName: string;

  @Field(() => [AdminRole], { nullable: true, defaultValue: [] })
  roles?: AdminRole[] | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true })
  accountEnabled?: boolean | null;

  @Field(() => String, { nullable: true })
  usageLocation?: string | null;
}

@InputType()
export class UpdateUserInput implements In.UpdateUserInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  displayName?: string | null;

  @Field(() => [AdminRole], { nullable: true })
  roles?: AdminRole[] | null;

  @Field(() => Boolean, { nullable: true })
  accountEnabled?: boolean | null;

  @Field(() => String, { nullable: true, description: "An empty string clears it (the tenant's default applies)." })
  usageLocation?: string | null;
}

@InputType()
export class UserFilter implements In.UserFilter {
  @Field(() => String, { nullable: true })
  search?: string | null;

  @Field(() => ID, { nullable: true, description: "Only users who should have this SKU (any state)." })
  skuId?: string | null;

  @Field(() => LicenseState, { nullable: true })
  licenseState?: LicenseState | null;

  @Field(() => ID, { nullable: true })
  memberOfGroupId?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: "Also users deleted by the directory who still own bots (D7)." })
  includeDeleted?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Users with no effective license at all (K8)." })
  unlicensed?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Users with at least one license in ERROR (K8)." })
  hasLicenseErrors?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  canCreateBots?: boolean | null;
}
