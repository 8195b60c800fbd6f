import type * as In from "../../app/licensing/inputs";
import { Field, ID, InputType } from "type-graphql";

@InputType()
export class AddLicenseInput implements In.AddLicenseInput {
  @Field(() => ID)
  skuId: string;

  @Field(() => [ID], { nullable: true, defaultValue: [] })
  disabledPlanIds?: string[] | null;
}

@InputType({
  description:
    "The shape of Microsoft Graph's assignLicense: add (or update the disabled plans of) some SKUs, remove others.",
})
export class AssignUserLicensesInput implements In.AssignUserLicensesInput {
  @Field(() => ID)
  userId: string;

  @Field(() => [AddLicenseInput], { nullable: true, defaultValue: [] })
  addLicenses?: AddLicenseInput[] | null;

  @Field(() => [ID], { nullable: true, defaultValue: [] })
  removeSkuIds?: string[] | null;
}

@InputType()
export class AssignGroupLicensesInput implements In.AssignGroupLicensesInput {
  @Field(() => ID)
  groupId: string;

  @Field(() => [AddLicenseInput], { nullable: true, defaultValue: [] })
  addLicenses?: AddLicenseInput[] | null;

  @Field(() => [ID], { nullable: true, defaultValue: [] })
  removeSkuIds?: string[] | null;
}

@InputType()
export class AssignLicensesToUsersInput implements In.AssignLicensesToUsersInput {
  @Field(() => [ID], { description: "At most 5,000, one transaction (S3: all or nothing)." })
  userIds: string[];

  @Field(() => [AddLicenseInput], { nullable: true, defaultValue: [] })
  addLicenses?: AddLicenseInput[] | null;

  @Field(() => [ID], { nullable: true, defaultValue: [] })
  removeSkuIds?: string[] | null;
}

@InputType()
export class StartTrialInput implements In.StartTrialInput {
  @Field(() => ID)
  skuId: string;
}
