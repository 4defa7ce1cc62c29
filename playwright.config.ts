import { defineConfig, devices } from "@playwright/test";
import fs from "node:fs";

// Use a system Chromium when there is one (CHROMIUM_PATH or Debian's), else Playwright's own browser.
const systemChromium = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
  (p): p is string => !!p && fs.existsSync(p),
);

const PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_DATA_DIR = ".test-data/e2e";

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: systemChromium
      ? { executablePath: systemChromium, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"] }
      : {},
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1440, height: 900 } } }],
  webServer: {
    // A production build on a fresh embedded database with the demo data.
    command: `rm -rf ${E2E_DATA_DIR} && node scripts/run.mjs start`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      DATA_DIR: E2E_DATA_DIR,
      DATABASE_URL: "",
      AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
      LOG_LEVEL: "warn",
      // As behind a reverse proxy: a spec that locks sign-in out names its own address (X-Forwarded-For), so the others' stays open.
      TRUST_PROXY: "1",
      // The webhooks journey delivers to a receiver the spec starts on 127.0.0.1.
      WEBHOOK_ALLOW_PRIVATE: "true",
    },
  },
});
