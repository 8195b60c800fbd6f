import { DateTimeResolver } from "graphql-scalars";
import { GraphQLScalarType } from "graphql";

/** Named DateTime as the contract requires; values are ISO-8601 in UTC. */
export const DateTimeScalar = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  name: "DateTime",
  description: "An ISO-8601 date-time string in UTC, e.g. 2026-11-28T10:00:00.000Z.",
  serialize(value: unknown) {
    const d = value instanceof Date ? value : new Date(value as string);
    return d.toISOString();
  },
});
