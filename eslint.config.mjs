// Lint: typescript-eslint recommended, and the core kept free of Office, DOM and Node (it runs in both hosts).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "dist-cli/**", "dist-bench/**", "node_modules/**", "test-results/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-unused-expressions": "off",
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", "Office", "Excel", "OfficeExtension", "document", "window", "process", "Buffer", "require"],
      "no-restricted-imports": ["error", { patterns: ["fs", "path", "os", "child_process", "exceljs", "react", "../hosts/*", "../../hosts/*"] }],
    },
  },
  { files: ["**/*.js", "bin/**", "scripts/**"], languageOptions: { globals: { require: "readonly", module: "writable", process: "readonly", __dirname: "readonly", console: "readonly" } }, rules: { "@typescript-eslint/no-require-imports": "off" } },
);
