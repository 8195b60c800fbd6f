import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "One UTC day of a SKU's pool (V5)." })
export class LicenseUsageDay {
  @Field(() => String, { description: "YYYY-MM-DD" })
  date: string;

  @Field(() => Int)
  enabled: number;

  @Field(() => Int)
  warning: number;

  @Field(() => Int)
  consumed: number;

  @Field(() => Int)
  waiting: number;

  @Field(() => Int, { description: "Seat holders active in the 30 days up to that day." })
  activeHolders: number;
}
