import type { CodegenConfig } from "@graphql-codegen/cli";

// `npm run codegen:console` (from the repository root): types every operation in src/console/src from the emitted schema.
const config: CodegenConfig = {
  schema: "schema/schema.graphql",
  documents: ["src/console/src/**/*.{ts,tsx}", "!src/console/src/gql/**"],
  ignoreNoDocuments: false,
  generates: {
    "src/console/src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        scalars: { DateTime: "string", ID: "string" },
        useTypeImports: true,
        skipTypename: false,
      },
    },
  },
};

export default config;
