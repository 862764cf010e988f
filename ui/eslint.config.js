import js from "@eslint/js";
import ts from "typescript-eslint";
import svelte from "eslint-plugin-svelte";
import globals from "globals";

export default ts.config(
  { ignores: ["dist/", "node_modules/", "src/lib/bindings.ts"] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs["flat/recommended"],
  {
    languageOptions: { globals: { ...globals.browser } },
    // TypeScript already checks names (and knows DOM types such as AutoFill).
    rules: { "no-undef": "off" },
  },
  {
    files: ["**/*.svelte", "**/*.svelte.ts"],
    languageOptions: { parserOptions: { parser: ts.parser } },
  },
  {
    rules: {
      // The page reaches Rust through src/lib/api.ts only (one seam).
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@tauri-apps/api/core",
              message: "Passez par src/lib/api.ts (la seule porte vers Rust).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/lib/api.ts", "src/**/*.test.ts", "src/test-setup.ts"],
    rules: { "no-restricted-imports": "off" },
  },
);
