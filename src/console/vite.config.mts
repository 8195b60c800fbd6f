import { defineConfig } from "vite";

// Built by `npm run build:console` (vite build src/console) into dist/console, which src/http/console.ts serves.
export default defineConfig({
  base: "/",
  // No external URLs, no inline scripts: the server's Content-Security-Policy allows only 'self'.
  build: {
    outDir: "../../dist/console",
    emptyOutDir: true,
    assetsDir: "assets",
    target: "es2022",
    sourcemap: false,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 800,
    rollupOptions: {
      // react-compiler-runtime's "use no memo" directive is dropped by design when bundled; its 105 warnings buried
      // `npm start`'s sign-in link (issue 20). Every other warning still prints.
      onwarn(warning, warn) {
        if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
      },
      output: {
        // Lazy pages keep their names (Explorer-…, oidc-client-ts-…); the chunks shared with the main entry are
        // named for what they are rather than after whichever module the bundler found first in them.
        chunkFileNames: (chunk) => (chunk.isDynamicEntry ? "assets/[name]-[hash].js" : "assets/shared-[hash].js"),
      },
    },
  },
  oxc: { jsx: { runtime: "automatic" } },
});
