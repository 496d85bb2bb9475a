import type { ReactNode } from "react";
import type { ActionResult } from "@/lib/action";

/** A form's submit button and the outcome of its last action: the success line or the error. */
export function FormOutcome<T>({
  pending,
  label,
  pendingLabel,
  state,
  success,
  successTestId,
}: {
  pending: boolean;
  label: string;
  pendingLabel: string;
  state: ActionResult<T> | null;
  success: (data: T) => ReactNode;
  successTestId?: string;
}) {
  return (
    <>
      <button type="submit" disabled={pending} className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-500 disabled:opacity-60">
        {pending ? pendingLabel : label}
      </button>
      {state?.ok ? (
        <span className="text-sm text-green-700" data-testid={successTestId}>
          {success(state.data)}
        </span>
      ) : null}
      {state && !state.ok ? (
        <span role="alert" className="whitespace-pre-line text-sm text-red-600">
          {state.error}
        </span>
      ) : null}
    </>
  );
}
