import "reflect-metadata";
import { writeFileSync } from "node:fs";
import { printSchema } from "graphql";
import { buildAppSchema } from "../api/graphql/schema";

export const SCHEMA_FILE = "schema/schema.graphql";
export const SCHEMA_HEADER = "# Emitted by `npm run schema` from the type-graphql classes. Do not edit by hand.\n\n";

export async function emittedSchema(): Promise<string> {
  return SCHEMA_HEADER + printSchema(await buildAppSchema()) + "\n";
}

if (require.main === module) {
  emittedSchema().then((s) => {
    writeFileSync(SCHEMA_FILE, s);
    console.log(`wrote ${SCHEMA_FILE}`);
  });
}
