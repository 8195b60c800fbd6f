import { Field, ID, InputType } from "type-graphql";

@InputType()
export class CreateSecurityGroupInput {
  @Field(() => String)
  displayName: string;

  @Field(() => String, { nullable: true })
  description?: string | null;
}

@InputType()
export class UpdateSecurityGroupInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  displayName?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;
}

@InputType()
export class GroupMembersInput {
  @Field(() => ID)
  groupId: string;

  @Field(() => [ID], { nullable: true, defaultValue: [] })
  userIds?: string[] | null;

  @Field(() => [ID], { nullable: true, defaultValue: [] })
  groupIds?: string[] | null;
}
