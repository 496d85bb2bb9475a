"use client";

import { useRouter } from "next/navigation";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/action";
import { signInAction } from "./actions";

type State = ActionResult<{ next: string }> | null;

export function SignInForm({ next }: { next?: string }) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState<State, FormData>(async (_previous, form) => {
    const result = await signInAction(form);
    if (result.ok) {
      router.push(result.data.next);
      router.refresh();
    }

    return result;
  }, null);
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;

  return (
    <form action={formAction} className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <label className="block text-sm">
        <span className="font-medium">Email</span>
        <input name="email" type="email" autoComplete="username" required className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2" />
        {fieldErrors?.email ? <span className="text-xs text-red-600">{fieldErrors.email[0]}</span> : null}
      </label>
      <label className="block text-sm">
        <span className="font-medium">Password</span>
        <input name="password" type="password" autoComplete="current-password" required className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2" />
      </label>
      {state && !state.ok ? (
        <p role="alert" className="text-sm text-red-600">
          {state.error}
        </p>
      ) : null}
      <button type="submit" disabled={pending} className="w-full rounded-md bg-indigo-600 px-3 py-2 font-medium text-white hover:bg-indigo-500 disabled:opacity-60">
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
