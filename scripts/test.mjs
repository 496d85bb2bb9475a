#!/usr/bin/env node
// `npm test`: the three test layers in order (unit, integration on a real PostgreSQL, end-to-end in
// Chromium against a production build). Installs Debian's Chromium first when it is missing.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const ensureChromium = () => {
  if (fs.existsSync(chromium)) return;
  if (process.getuid?.() !== 0) {
    console.error(`Chromium not found at ${chromium}. Install Debian's package (sudo apt-get install -y chromium) or set CHROMIUM_PATH.`);
    process.exit(1);
  }
  console.log("[test] installing Debian's chromium (apt-get) for the end-to-end tests");
  const install = () => spawnSync("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  if (install().status !== 0) {
    execFileSync("apt-get", ["update"], { stdio: "inherit" });
    if (install().status !== 0) process.exit(1);
  }
};

const layers = [
  ["unit", ["vitest", "run", "--project", "unit"]],
  ["integration", ["vitest", "run", "--project", "integration"]],
  ["end-to-end", ["playwright", "test"]],
];

const only = process.argv[2];
if (only && !layers.some(([name]) => name === only)) {
  console.error(`Unknown layer "${only}": use ${layers.map(([name]) => name).join(", ")}`);
  process.exit(2);
}
if (!only || only === "end-to-end") ensureChromium();
const timings = [];
for (const [name, args] of layers) {
  if (only && only !== name) continue;
  const started = Date.now();
  console.log(`\n[test] ${name} tests`);
  const result = spawnSync("npx", args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  timings.push(`${name} ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (result.status !== 0) {
    console.error(`\n[test] ${name} tests failed (${timings.join(", ")})`);
    process.exit(result.status ?? 1);
  }
}
console.log(`\n[test] all layers passed (${timings.join(", ")})`);
