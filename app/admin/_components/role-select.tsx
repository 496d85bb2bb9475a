"use client";

import { useState, useTransition } from "react";
import { ROLES } from "@/lib/auth/roles";
import { setRoleAction } from "../actions";

export function RoleSelect({ userId, role, disabled }: { userId: string; role: string; disabled?: boolean }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();

  return (
    <span className="inline-flex items-center gap-2">
      <select
        defaultValue={role}
        disabled={disabled || pending}
        aria-label="Role"
        className="rounded-md border border-slate-300 px-2 py-1"
        onChange={(event) =>
          startTransition(async () => {
            const result = await setRoleAction({ userId, role: event.target.value as (typeof ROLES)[number] });
            setError(result.ok ? undefined : result.error);
          })
        }
      >
        {ROLES.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
      {error ? <span className="text-xs text-red-600">{error}</span> : null}
    </span>
  );
}
