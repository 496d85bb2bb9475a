"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/action";
import { ROLES } from "@/lib/auth/roles";
import { createUserAction } from "../actions";
import { FormOutcome } from "@/components/form-outcome";

type State = ActionResult<{ id: string; email: string }> | null;

export function CreateUserForm() {
  const [state, formAction, pending] = useActionState<State, FormData>((_previous, form) => createUserAction(form), null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const field = (name: string, label: string, type = "text") => (
    <label className="block text-sm">
      <span className="font-medium">{label}</span>
      <input name={name} type={type} required className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2" />
      {errors?.[name] ? <span className="text-xs text-red-600">{errors[name]![0]}</span> : null}
    </label>
  );

  return (
    <form action={formAction} className="grid max-w-2xl gap-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:grid-cols-2" data-testid="create-user-form">
      {field("email", "Email", "email")}
      {field("name", "Name")}
      {field("password", "Password", "password")}
      <label className="block text-sm">
        <span className="font-medium">Role</span>
        <select name="role" defaultValue="annotator" className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2">
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </select>
      </label>
      <div className="flex items-center gap-3 sm:col-span-2">
        <FormOutcome pending={pending} label="Create user" pendingLabel="Creating…" state={state} success={(data) => `Created ${data.email}.`} />
      </div>
    </form>
  );
}
