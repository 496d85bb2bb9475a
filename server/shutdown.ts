/**
 * Ordered, once-only shutdown for long-running processes: cleanup steps run in the reverse order of
 * registration (so the database, registered first, stops last). SIGINT/SIGTERM start it; a second
 * signal exits at once.
 */
const steps: { name: string; run: () => Promise<void> }[] = [];
let stopping: Promise<void> | undefined;

export const onShutdown = (name: string, run: () => Promise<void>) => {
  steps.push({ name, run });
};

export const shutdown = (why: string, code = 0): Promise<void> =>
  (stopping ??= (async () => {
    console.log(`[shutdown] ${why}; stopping ${[...steps].reverse().map((step) => step.name).join(", ") || "nothing"}`);
    for (const step of [...steps].reverse()) {
      try {
        await step.run();
      } catch (error) {
        console.error(`[shutdown] ${step.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    process.exit(code);
  })());

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) {
      console.log("[shutdown] second signal: exiting now");
      process.exit(1);
    }
    void shutdown(`received ${signal}`, 0);
  });
}
