import { Field, ID, InterfaceType } from "type-graphql";

@InterfaceType({ description: "Every entity has a globally unique, opaque ID (Relay object identification)." })
export abstract class Node {
  @Field(() => ID)
  id: string;
}
