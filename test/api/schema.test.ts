import { readFileSync } from "node:fs";
import { buildSchema, findBreakingChanges } from "graphql";
import { join } from "node:path";
import { emittedSchema, SCHEMA_FILE } from "../../src/cli/emit-schema";

describe("schema file", () => {
  it("schema/schema.graphql is what the server emits (run `npm run schema` after changing types)", async () => {
    const committed = readFileSync(join(__dirname, "../..", SCHEMA_FILE), "utf8");
    expect(committed).toBe(await emittedSchema());
  });

  it("keeps every promise of the public contract", () => {
    const contractPath = join(__dirname, "../../../shared/contract/schema.graphql");
    const contract = buildSchema(readFileSync(contractPath, "utf8"));
    const emitted = buildSchema(readFileSync(join(__dirname, "../..", SCHEMA_FILE), "utf8"));
    expect(findBreakingChanges(contract, emitted)).toEqual([]);
  });
});
