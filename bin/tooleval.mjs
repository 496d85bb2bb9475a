#!/usr/bin/env node
// Launcher for the TypeScript CLI: registers tsx with this package's tsconfig, then runs cli/main.ts.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
register({ tsconfig: path.join(root, "tsconfig.json") });
const { main } = await import(pathToFileURL(path.join(root, "cli/main.ts")).href);
// Exit explicitly: idle database pools and timers would otherwise keep the process alive for seconds.
process.exit(await main(process.argv.slice(2)));
