import type { CodegenConfig } from "@graphql-codegen/cli";
import { join } from "node:path";

const root = join(__dirname, "..");
/** test/api/codegen.test.ts generates into a scratch folder and compares it with test/gql/. */
const out = process.env.CODEGEN_TEST_OUT ?? join(root, "test/gql/");

/**
 * Types the tests' GraphQL documents from the committed schema (`npm run codegen:test`).
 * The output in test/gql/ is committed, so a fresh clone typechecks without running this;
 * after changing a test's document or the schema, run it and commit test/gql/ too.
 */
const config: CodegenConfig = {
  schema: join(root, "schema/schema.graphql"),
  documents: [join(root, "test/**/*.ts"), `!${join(root, "test/gql/**")}`, `!${join(root, "test/codegen.ts")}`],
  generates: {
    [out]: {
      preset: "client",
      // Tests read whole results; fragments are not masked.
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        strictScalars: true,
        // DateTime travels as an ISO-8601 string.
        scalars: { DateTime: "string" },
      },
    },
  },
};

export default config;
