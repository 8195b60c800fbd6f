import { Ctx, Field, Int, ObjectType, Query, Resolver } from "type-graphql";
import type { GraphQLOperation } from "./operation";
import { rateLimitOf } from "./cost";

@ObjectType({ description: "The caller's throttling bucket (T1, T2)." })
export class RateLimit {
  @Field(() => Int)
  maximumAvailable!: number;

  @Field(() => Int)
  currentlyAvailable!: number;

  @Field(() => Int)
  restoreRate!: number;

  @Field(() => Int, { description: "What this query itself cost." })
  requestedQueryCost!: number;
}

@Resolver()
export class RateLimitResolver {
  @Query(() => RateLimit)
  rateLimit(@Ctx() op: GraphQLOperation): Promise<RateLimit> {
    // What this request paid is its admission's (HTTP only: the rate limit is a query).
    return rateLimitOf(op.admission);
  }
}
