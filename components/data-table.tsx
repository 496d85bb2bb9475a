import type { ReactNode } from "react";

export type Column = string | { label: ReactNode; className?: string };

/** The app's table: a bordered card with a muted header row; rows are passed as children. */
export function DataTable({ columns, children, testId, className = "" }: { columns: Column[]; children: ReactNode; testId?: string; className?: string }) {
  return (
    <table className={`w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-sm shadow-sm ${className}`} data-testid={testId}>
      <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
        <tr>
          {columns.map((column, index) => {
            const { label, className: cellClass = "" } = typeof column === "string" ? { label: column } : column;

            return (
              <th key={index} className={`px-4 py-2 ${cellClass}`}>
                {label}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">{children}</tbody>
    </table>
  );
}
