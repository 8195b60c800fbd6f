import type * as In from "../../app/bots/inputs";
import { Field, ID, InputType, Int } from "type-graphql";

@InputType()
export class CreateBotInput implements In.CreateBotInput {
  @Field(() => String)
  name: string;
}

@InputType()
export class UpdateBotInput implements In.UpdateBotInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => Boolean, { nullable: true })
  published?: boolean | null;

  @Field(() => ID, { nullable: true, description: "Reassign the bot; the new owner must be able to create bots." })
  ownerId?: string | null;
}

@InputType()
export class RecordBotSessionsInput implements In.RecordBotSessionsInput {
  @Field(() => ID)
  botId: string;

  @Field(() => Int)
  count: number;

  @Field(() => Date, { nullable: true, description: "Defaults to now; sessions count in the month of this instant." })
  at?: Date | null;
}
