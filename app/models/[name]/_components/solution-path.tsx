import type { AnswerNode, ConvertedAnswer } from "@/lib/tooleval/types";

const chain = (answer: ConvertedAnswer): AnswerNode[] => {
  const nodes: AnswerNode[] = [];
  for (let node = answer.answer.answer_details[0]; node; node = node.next[0]) nodes.push(node);

  return nodes;
};

/** Pretty-prints JSON text; other text is shown as it is. */
const pretty = (text: string) => {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
};

const finishOf = (text: string): { kind: string; answer?: string } | null => {
  try {
    const value = JSON.parse(text) as { return_type?: string; final_answer?: string };

    return { kind: value.return_type ?? "unknown", answer: value.final_answer };
  } catch {
    return null;
  }
};

const Block = ({ text }: { text: string }) => <pre className="max-h-80 overflow-auto whitespace-pre-wrap break-words rounded bg-slate-50 p-2 font-mono text-xs">{text}</pre>;

const Step = ({ node, index }: { node: AnswerNode; index: number }) => {
  if (node.role === "assistant") {
    return (
      <li data-testid="path-step" data-role="assistant">
        <div className="text-xs font-semibold uppercase text-slate-500">Step {index} · thought</div>
        <p className="whitespace-pre-wrap text-sm">{String(node.message)}</p>
      </li>
    );
  }
  if (node.role === "tool" && typeof node.message === "object" && node.message !== null) {
    const { name, arguments: args, response } = node.message as { name: string; arguments: string; response: string };

    return (
      <li data-testid="path-step" data-role="tool">
        <div className="text-xs font-semibold uppercase text-slate-500">
          Step {index} · {name === "Finish" ? "finish" : "tool call"} <code className="normal-case text-indigo-700">{name}</code>
        </div>
        <Block text={pretty(args)} />
        {response ? (
          <details className="mt-1 text-sm">
            <summary className="cursor-pointer text-slate-600">Response ({response.length} characters)</summary>
            <Block text={pretty(response)} />
          </details>
        ) : null}
      </li>
    );
  }

  return (
    <li data-testid="path-step" data-role={node.role}>
      <div className="text-xs font-semibold uppercase text-slate-500">
        Step {index} · {node.role}
      </div>
      <Block text={typeof node.message === "string" ? node.message : JSON.stringify(node.message, null, 2)} />
    </li>
  );
};

/** One solution path read as a conversation: the query, thoughts and tool calls in order, the final answer. */
export function SolutionPathView({ queryId, answer, origin }: { queryId: string; answer: ConvertedAnswer; origin: unknown }) {
  const nodes = chain(answer);
  const steps = nodes.filter((node) => !((node.role === "system" || node.role === "user") && node.message === ""));
  const finish = answer.answer.final_answer ? finishOf(answer.answer.final_answer) : null;
  const source = origin as { file?: string; kind?: string; valid?: boolean } | null;

  return (
    <article className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm" data-testid="solution-path">
      <header className="space-y-1">
        <h3 className="font-semibold">Query {queryId}</h3>
        <p className="text-sm">{answer.query}</p>
        <p className="text-xs text-slate-500">
          {answer.answer.method} · {answer.answer.total_steps} steps · {answer.available_tools.length} tools offered
          {source?.file ? ` · from ${source.file} (${source.kind}${source.valid === false ? ", no valid final answer: a random try/branch" : ""})` : ""}
        </p>
      </header>
      <ol className="space-y-3 border-l-2 border-slate-200 pl-4">
        {steps.map((node, index) => (
          <Step key={index} node={node} index={index + 1} />
        ))}
      </ol>
      <footer className="rounded-md bg-slate-50 p-3 text-sm" data-testid="final-answer">
        <div className="text-xs font-semibold uppercase text-slate-500">Final answer</div>
        {!answer.answer.final_answer ? (
          <p className="text-slate-500">None (the model never finished with an answer).</p>
        ) : finish?.kind === "give_up_and_restart" ? (
          <p className="text-amber-700">Gave up.</p>
        ) : (
          <p className="whitespace-pre-wrap">{finish?.answer ?? answer.answer.final_answer}</p>
        )}
      </footer>
    </article>
  );
}
