import { listApiTokens } from "@/lib/auth/api-tokens";
import { CreateApiTokenForm, RevokeTokenButton } from "./api-token-form";

const date = (value: Date | null) => (value ? value.toISOString().slice(0, 16).replace("T", " ") : "never");

/** API tokens for CI pipelines: create for a user, list, revoke. Only hashes are stored. */
export async function ApiTokensSection({ users }: { users: { id: string; email: string; role: string }[] }) {
  const tokens = await listApiTokens();

  return (
    <section className="space-y-3">
      <h2 className="text-lg font-semibold">API tokens</h2>
      <p className="max-w-3xl text-sm text-slate-600">A token acts as its user (with the user&apos;s current role) on the API: <code>Authorization: Bearer te_…</code>.</p>
      <CreateApiTokenForm users={users} />
      {tokens.length > 0 ? (
        <table className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-sm shadow-sm" data-testid="tokens-table">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-4 py-2">Name</th>
              <th className="px-4 py-2">User</th>
              <th className="px-4 py-2">Token</th>
              <th className="px-4 py-2">Created</th>
              <th className="px-4 py-2">Last used</th>
              <th className="px-4 py-2" />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {tokens.map((token) => (
              <tr key={token.id}>
                <td className="px-4 py-2">{token.name}</td>
                <td className="px-4 py-2">{token.user.email}</td>
                <td className="px-4 py-2 font-mono text-xs">{token.prefix}…</td>
                <td className="px-4 py-2 text-slate-500">{date(token.createdAt)}</td>
                <td className="px-4 py-2 text-slate-500">{date(token.lastUsedAt)}</td>
                <td className="px-4 py-2">{token.revokedAt ? <span className="text-slate-500">revoked {date(token.revokedAt)}</span> : <RevokeTokenButton id={token.id} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
