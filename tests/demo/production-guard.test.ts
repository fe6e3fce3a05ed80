import { describe, expect, it } from "vitest";
import { demoSeedRefusal } from "../../prisma/demo/production-guard";

describe("demo seed in production", () => {
  it("refuses with NODE_ENV=production unless asked explicitly", () => {
    expect(demoSeedRefusal({ NODE_ENV: "production" }, [])).toMatch(/Refusing to seed demo data/);
    expect(demoSeedRefusal({ NODE_ENV: "production" }, ["--allow-production"])).toBeNull();
    expect(demoSeedRefusal({ NODE_ENV: "production", IMPRIMATUR_ALLOW_DEMO_SEED: "1" }, [])).toBeNull();
    expect(demoSeedRefusal({ NODE_ENV: "production", IMPRIMATUR_ALLOW_DEMO_SEED: "yes" }, [])).not.toBeNull();
  });

  it("runs in development and tests", () => {
    expect(demoSeedRefusal({ NODE_ENV: "development" }, [])).toBeNull();
    expect(demoSeedRefusal({} as NodeJS.ProcessEnv, [])).toBeNull();
    expect(demoSeedRefusal({ NODE_ENV: "test" }, [])).toBeNull();
  });
});
