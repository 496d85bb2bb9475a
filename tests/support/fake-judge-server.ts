import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createRng, type Rng } from "../../lib/tooleval/random";
import {
  DEFAULTS,
  FAULT_KINDS,
  emptyStats,
  merge,
  type FakeJudge,
  type FakeJudgeConfig,
  type FakeJudgeOptions,
  type FaultKind,
} from "./fake-judge-config";
import { decideArgs, forcedFunction, stableHash } from "./fake-judge-verdicts";

export * from "./fake-judge-config";
export type { FakeJudgeDecide, FakeJudgeRule } from "./fake-judge-verdicts";

const sendJson = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
};

const readBody = async (req: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);

  return Buffer.concat(chunks).toString("utf8");
};

const tokens = (text: string) => Math.ceil(text.length / 4);

/**
 * A local OpenAI-compatible judge for tests, e2e runs and benchmarks: answers forced function calls on
 * `POST /v1/chat/completions` with deterministic verdicts, optionally after a fixed latency, and
 * injects seeded faults (429, 500, hangs, connection resets, malformed arguments). Control endpoints:
 * `GET /__stats`, `POST /__config`, `POST /__reset`, `GET /__health`.
 */
export const startFakeJudge = async (options: FakeJudgeOptions = {}): Promise<FakeJudge> => {
  const { port: requestedPort = 0, host = "127.0.0.1", decide, recordRequests = false, ...initial } = options;
  let config = merge(DEFAULTS, initial);
  let stats = emptyStats();
  let recorded: Record<string, unknown>[] = [];
  let faultRng: Rng = createRng(config.seed, "faults");
  let faultsPerRequest = new Map<number, number>();
  const hangTimers = new Set<NodeJS.Timeout>();

  const reset = () => {
    stats = emptyStats();
    recorded = [];
    faultRng = createRng(config.seed, "faults");
    faultsPerRequest = new Map();
  };

  const pickFault = (key: number): FaultKind | undefined => {
    const roll = faultRng.next();
    const kind = faultRng.choice(config.faultKinds.length > 0 ? config.faultKinds : [...FAULT_KINDS]);
    if (roll >= config.faultRate || (faultsPerRequest.get(key) ?? 0) >= config.maxFaultsPerRequest) return undefined;
    faultsPerRequest.set(key, (faultsPerRequest.get(key) ?? 0) + 1);
    stats.faultsInjected[kind] += 1;

    return kind;
  };

  const completion = async (req: IncomingMessage, res: ServerResponse) => {
    const auth = req.headers.authorization ?? "";
    if (config.apiKey && auth !== `Bearer ${config.apiKey}`) {
      return sendJson(res, 401, { error: { message: "Incorrect API key provided.", type: "invalid_request_error" } });
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(await readBody(req)) as Record<string, unknown>;
    } catch {
      return sendJson(res, 400, { error: { message: "Request body is not JSON", type: "invalid_request_error" } });
    }
    if (recordRequests) recorded.push(body);
    const messages = Array.isArray(body.messages) ? (body.messages as { role?: string; content?: unknown }[]) : [];
    const userContent = messages.filter((m) => m.role === "user").map((m) => String(m.content ?? "")).join("\n");
    const forced = forcedFunction(body);
    const fnName = forced?.fn.name ?? "(none)";
    stats.callsByFunction[fnName] = (stats.callsByFunction[fnName] ?? 0) + 1;
    if (config.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, config.latencyMs));

    const fault = pickFault(stableHash(`${fnName}\u0000${userContent}`));
    if (fault === "rate_limit") {
      return sendJson(res, 429, { error: { message: "Rate limit reached (fake)", type: "rate_limit_error" } }, { "retry-after-ms": String(config.retryAfterMs) });
    }
    if (fault === "server_error") return sendJson(res, 500, { error: { message: "Internal error (fake)", type: "server_error" } });
    if (fault === "reset") return void req.socket.destroy();
    if (fault === "hang") {
      const timer = setTimeout(() => {
        hangTimers.delete(timer);
        req.socket.destroy();
      }, config.hangMs);
      hangTimers.add(timer);
      req.socket.once("close", () => {
        clearTimeout(timer);
        hangTimers.delete(timer);
      });

      return;
    }

    const model = String(body.model ?? "fake-judge");
    const base = { id: `chatcmpl-fake-${stats.totalRequests}`, object: "chat.completion", created: Math.floor(Date.now() / 1000), model };
    if (!forced) {
      const content = "fake judge: no function was forced";

      return sendJson(res, 200, {
        ...base,
        choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
        usage: { prompt_tokens: tokens(userContent), completion_tokens: tokens(content), total_tokens: tokens(userContent) + tokens(content) },
      });
    }
    const args = decideArgs({ fn: forced.fn, userContent, body, rules: config.rules, decide });
    const malformedText = faultRng.next() < 0.5 ? '{"verdict": ' : JSON.stringify({ ...args, ...outOfRange(forced.fn.properties) });
    const argumentsText = fault === "malformed" ? malformedText : JSON.stringify(args);
    if (fault !== "malformed") stats.verdictsByFunction[fnName] = (stats.verdictsByFunction[fnName] ?? 0) + 1;
    const message =
      forced.style === "tools"
        ? { role: "assistant", content: null, tool_calls: [{ id: `call_${stats.totalRequests}`, type: "function", function: { name: fnName, arguments: argumentsText } }] }
        : { role: "assistant", content: null, function_call: { name: fnName, arguments: argumentsText } };
    const usage = { prompt_tokens: tokens(userContent), completion_tokens: tokens(argumentsText), total_tokens: tokens(userContent) + tokens(argumentsText) };

    return sendJson(res, 200, { ...base, choices: [{ index: 0, message, finish_reason: forced.style === "tools" ? "tool_calls" : "function_call" }], usage });
  };

  const control = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    if (path === "/__health") return sendJson(res, 200, { ok: true });
    if (path === "/__stats") return sendJson(res, 200, stats);
    if (path === "/__reset" && req.method === "POST") {
      reset();

      return sendJson(res, 200, { ok: true });
    }
    if (path === "/__config" && req.method === "POST") {
      config = merge(config, JSON.parse((await readBody(req)) || "{}") as Partial<FakeJudgeConfig>);

      return sendJson(res, 200, config);
    }

    return sendJson(res, 404, { error: { message: `No route ${req.method} ${path}` } });
  };

  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    if (path.startsWith("/__")) return void control(req, res, path).catch((error: Error) => sendJson(res, 400, { error: { message: error.message } }));
    if (req.method !== "POST" || !path.endsWith("/chat/completions")) return sendJson(res, 404, { error: { message: `No route ${req.method} ${path}` } });
    stats.totalRequests += 1;
    stats.inFlight += 1;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      stats.inFlight -= 1;
    };
    res.once("finish", finish);
    res.once("close", finish);
    void completion(req, res).catch((error: Error) => {
      if (!res.headersSent) sendJson(res, 500, { error: { message: error.message } });
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(requestedPort, host, resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${host}:${port}/v1`,
    port,
    stats: () => structuredClone(stats),
    requests: () => recorded,
    setConfig: (partial) => {
      config = merge(config, partial);
    },
    reset,
    close: async () => {
      for (const timer of hangTimers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};

/** Arguments outside the schema: an unknown enum value, or an index no answer has. */
const outOfRange = (properties: Record<string, { type?: string; enum?: unknown[] }>) => {
  const bad: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(properties)) {
    if (key === "reason") continue;
    bad[key] = Array.isArray(property.enum) ? "Maybe" : property.type === "number" ? 7 : null;
  }

  return bad;
};
