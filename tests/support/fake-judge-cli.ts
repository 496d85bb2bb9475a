/**
 * Runs the fake judge as a standalone server (Playwright webServer, benchmarks, manual CLI runs):
 * `tsx tests/support/fake-judge-cli.ts --port 4010 --latency-ms 200 --fault-rate 0.2`
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { FAULT_KINDS, startFakeJudge, type FaultKind } from "./fake-judge-server";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4010" },
    host: { type: "string", default: "127.0.0.1" },
    "latency-ms": { type: "string", default: "0" },
    "fault-rate": { type: "string", default: "0" },
    faults: { type: "string" },
    "max-faults-per-request": { type: "string" },
    "retry-after-ms": { type: "string" },
    seed: { type: "string" },
    rules: { type: "string" },
    "api-key": { type: "string" },
  },
});

const faultKinds = values.faults?.split(",").map((kind) => kind.trim()) as FaultKind[] | undefined;
const unknown = faultKinds?.filter((kind) => !FAULT_KINDS.includes(kind));
if (unknown?.length) {
  process.stderr.write(`Unknown fault kinds: ${unknown.join(", ")} (known: ${FAULT_KINDS.join(", ")})\n`);
  process.exit(2);
}

const judge = await startFakeJudge({
  port: Number(values.port),
  host: values.host,
  latencyMs: Number(values["latency-ms"]),
  faultRate: Number(values["fault-rate"]),
  faultKinds,
  maxFaultsPerRequest: values["max-faults-per-request"] ? Number(values["max-faults-per-request"]) : undefined,
  retryAfterMs: values["retry-after-ms"] ? Number(values["retry-after-ms"]) : undefined,
  seed: values.seed,
  rules: values.rules ? JSON.parse(readFileSync(values.rules, "utf8")) : undefined,
  apiKey: values["api-key"],
});
process.stdout.write(`fake judge listening on ${judge.url}\n`);

const shutdown = () => void judge.close().then(() => process.exit(0));
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
