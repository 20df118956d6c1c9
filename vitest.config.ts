import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const src = fileURLToPath(new URL("./src/", import.meta.url));

// Tests import the library the way users do ("hxplan", "hxplan/koa"); here those names resolve
// to the sources, so a test failure points at a line in src/. The package tests check dist/.
const alias = [
  { find: /^hxplan$/, replacement: `${src}index.ts` },
  { find: /^hxplan\/(express|fastify|hono|koa|node)$/, replacement: `${src}adapters/$1.ts` },
  { find: /^hxplan\/fetch$/, replacement: `${src}adapters/fetch-middleware.ts` },
];

export default defineConfig({
  test: {
    reporters: ["default", ["json", { outputFile: ".vitest-results.json" }]],
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: ["test/e2e/**", "test/edge/**", "test/package/**"],
          environment: "node",
          typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
        },
      },
      {
        resolve: { alias },
        test: {
          name: "edge",
          include: ["test/edge/**/*.test.ts"],
          environment: "edge-runtime",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: "package",
          include: ["test/package/**/*.test.ts"],
          environment: "node",
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
