const STYLES: Record<string, string> = {
  QUEUED: "bg-slate-100 text-slate-700",
  RUNNING: "bg-blue-100 text-blue-800",
  PAUSED: "bg-amber-100 text-amber-800",
  CANCELLED: "bg-slate-200 text-slate-700",
  COMPLETED: "bg-green-100 text-green-800",
  FAILED: "bg-red-100 text-red-800",
};

export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`rounded px-2 py-0.5 text-xs font-medium ${STYLES[status] ?? "bg-slate-100"}`} data-testid="run-status">
      {status.toLowerCase()}
    </span>
  );
}
