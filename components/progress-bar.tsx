/** Done, failed and pending parts of a total, as a bar with the percentage done. */
export function ProgressBar({ done, error, total, testId }: { done: number; error: number; total: number; testId?: string }) {
  const percent = (part: number) => (total === 0 ? 0 : (part / total) * 100);
  const finished = percent(done + error);

  return (
    <div className="flex items-center gap-2" data-testid={testId}>
      <div className="h-2 w-full min-w-24 overflow-hidden rounded-full bg-slate-200" role="progressbar" aria-valuenow={Math.floor(finished)} aria-valuemin={0} aria-valuemax={100}>
        <div className="flex h-full">
          <div className="h-full bg-indigo-500" style={{ width: `${percent(done)}%` }} />
          <div className="h-full bg-red-500" style={{ width: `${percent(error)}%` }} />
        </div>
      </div>
      <span className="num w-12 text-right text-xs text-slate-600" data-testid={testId ? `${testId}-percent` : undefined}>
        {Math.floor(finished)}%
      </span>
    </div>
  );
}
