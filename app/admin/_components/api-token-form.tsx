"use client";

import { useActionState, useTransition } from "react";
import type { ActionResult } from "@/lib/action";
import { createApiTokenAction, revokeApiTokenAction } from "../actions";

type State = ActionResult<{ token: string; name: string; email: string }> | null;

/** Creates a token for a user; the plain token is shown once, here. */
export function CreateApiTokenForm({ users }: { users: { id: string; email: string; role: string }[] }) {
  const [state, formAction, pending] = useActionState<State, FormData>((_previous, form) => createApiTokenAction(form), null);

  return (
    <form action={formAction} className="flex max-w-3xl flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="create-token-form">
      <label className="text-sm">
        <span className="block font-medium">User</span>
        <select name="userId" className="mt-1 rounded-md border border-slate-300 px-3 py-2">
          {users.map((user) => (
            <option key={user.id} value={user.id}>
              {user.email} ({user.role})
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className="block font-medium">Token name</span>
        <input name="name" required placeholder="CI pipeline" className="mt-1 rounded-md border border-slate-300 px-3 py-2" />
      </label>
      <button type="submit" disabled={pending} className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500 disabled:opacity-60">
        {pending ? "Creating…" : "Create token"}
      </button>
      {state?.ok ? (
        <p className="w-full text-sm" data-testid="created-token">
          Token for {state.data.email}, shown only now: <code className="select-all break-all rounded bg-amber-50 px-1 py-0.5">{state.data.token}</code>
        </p>
      ) : null}
      {state && !state.ok ? (
        <p role="alert" className="w-full text-sm text-red-600">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}

export function RevokeTokenButton({ id }: { id: string }) {
  const [pending, startTransition] = useTransition();

  return (
    <button
      type="button"
      disabled={pending}
      className="text-sm text-red-600 hover:underline disabled:opacity-60"
      onClick={() => startTransition(async () => void (await revokeApiTokenAction({ id })))}
    >
      {pending ? "Revoking…" : "Revoke"}
    </button>
  );
}
