import { listApiTokens } from "@/lib/auth/api-tokens";
import { CreateApiTokenForm, RevokeTokenButton } from "./api-token-form";
import { DataTable } from "@/components/data-table";

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
        <DataTable columns={["Name", "User", "Token", "Created", "Last used", ""]} testId="tokens-table">
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
        </DataTable>
      ) : null}
    </section>
  );
}
