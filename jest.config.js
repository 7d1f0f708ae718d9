/** Jest: TypeScript through @swc/jest (fast on 2 cores); type checking is `npm run typecheck`. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.(t|j)sx?$": ["@swc/jest", { jsc: { parser: { syntax: "typescript", tsx: true }, target: "es2021" }, module: { type: "commonjs" } }] },
  testTimeout: 60000,
  reporters: ["default", "<rootDir>/tests/reporters/totals.js"],
};
