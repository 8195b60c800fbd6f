import type * as In from "../../app/groups/inputs";
import { Field, ID, InputType } from "type-graphql";

@InputType()
export class CreateSecurityGroupInput implements In.CreateSecurityGroupInput {
  @Field(() => String)
  displayName: string;

  @Field(() => String, { nullable: true })
  description?: string | null;
}

@InputType()
export class UpdateSecurityGroupInput implements In.UpdateSecurityGroupInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  displayName?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;
}

@InputType()
export class GroupMembersInput implements In.GroupMembersInput {
  @Field(() => ID)
  groupId: string;

  @Field(() => [ID], { nullable: true, defaultValue: [] })
  userIds?: string[] | null;

  @Field(() => [ID], { nullable: true, defaultValue: [] })
  groupIds?: string[] | null;
}
