import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { listBenchmarks } from "@/lib/submissions/benchmarks";
import { listUsers } from "@/lib/users/users";
import { ApiTokensSection } from "./_components/api-tokens-section";
import { AdminNav } from "./_components/admin-nav";
import { CreateUserForm } from "./_components/create-user-form";
import { ImportQueriesForm } from "./_components/import-queries-form";
import { RoleSelect } from "./_components/role-select";
import { DataTable } from "@/components/data-table";

export const metadata: Metadata = { title: "Admin" };
export const dynamic = "force-dynamic";

export default async function AdminPage() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?next=/admin");
  if (!can(user.role, "users:manage")) {
    return (
      <div className="rounded-lg border border-red-200 bg-red-50 p-6 text-red-800" data-testid="forbidden">
        The admin area is for administrators. You are signed in as {user.role}.
      </div>
    );
  }
  const [users, benchmarks] = await Promise.all([listUsers(), listBenchmarks()]);

  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">Admin</h1>
      <AdminNav current="/admin" />
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">Users</h2>
        <DataTable columns={["Email", "Name", "Role", "Created"]} testId="users-table">
          {users.map((row) => (
            <tr key={row.id}>
              <td className="px-4 py-2">{row.email}</td>
              <td className="px-4 py-2">{row.name}</td>
              <td className="px-4 py-2">
                <RoleSelect userId={row.id} role={row.role} disabled={row.id === user.id} />
              </td>
              <td className="px-4 py-2 text-slate-500">{row.createdAt.toISOString().slice(0, 10)}</td>
            </tr>
          ))}
        </DataTable>
      </section>
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">Add a user</h2>
        <CreateUserForm />
      </section>
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">Import queries</h2>
        <ImportQueriesForm benchmarks={benchmarks.filter((benchmark) => !benchmark.isDemo).map((benchmark) => benchmark.name)} />
      </section>
      <ApiTokensSection users={users} />
    </div>
  );
}
