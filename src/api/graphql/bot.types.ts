import { Field, Int, ObjectType } from "type-graphql";
import { Bot } from "../../data/entities";

@ObjectType("BotUsage")
export class BotUsageView {
  @Field(() => Bot)
  bot: Bot;

  @Field(() => Int)
  billedSessions: number;
}

@ObjectType({ description: "Billed sessions for one calendar month (UTC), pooled across the tenant." })
export class CapacityReport {
  @Field(() => String, { description: "YYYY-MM" })
  period: string;

  @Field(() => Int)
  purchased: number;

  @Field(() => Int)
  consumed: number;

  @Field(() => Int)
  remaining: number;

  @Field(() => Int)
  overage: number;

  @Field(() => [BotUsageView])
  byBot: BotUsageView[];
}
