// Lint: typescript-eslint recommended, and the core kept free of Office, DOM and Node (it runs in both hosts).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";

export default tseslint.config(
  { ignores: ["dist/**", "dist-cli/**", "dist-bench/**", "node_modules/**", "test-results/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/no-unused-expressions": "off",
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        "Office",
        "Excel",
        "OfficeExtension",
        "document",
        "window",
        "process",
        "Buffer",
        "require",
      ],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            "fs",
            "path",
            "os",
            "child_process",
            "exceljs",
            "react",
            "../hosts/*",
            "../../hosts/*",
          ],
        },
      ],
    },
  },
  {
    // Office.js discipline where Office.js is called: no sync in loops, load before read, sync before read.
    files: ["src/hosts/office/**/*.ts", "src/taskpane/**/*.{ts,tsx}", "src/commands/**/*.ts"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/call-sync-after-load": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  {
    files: ["**/*.js", "bin/**", "scripts/**"],
    languageOptions: {
      globals: {
        require: "readonly",
        module: "writable",
        process: "readonly",
        __dirname: "readonly",
        console: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  }
);
