import type { Metadata } from "next";
import Link from "next/link";
import { listRunItems } from "@/lib/runs/queries";
import { DataTable } from "@/components/data-table";

export const metadata: Metadata = { title: "Run items" };

export default async function RunItemsPage({ params, searchParams }: { params: Promise<{ runId: string }>; searchParams: Promise<{ set?: string }> }) {
  const { runId } = await params;
  const { set } = await searchParams;
  const items = await listRunItems({ runId, testSet: set });

  return (
    <div className="space-y-4">
      <Link href={`/runs/${runId}`} className="text-sm text-indigo-700 hover:underline">
        ← Run
      </Link>
      <h1 className="text-2xl font-semibold">Items{set ? ` of ${set}` : ""}</h1>
      <DataTable columns={["Set", "Query", "Round", "Status", "Outcome"]}>
        {items.map((item) => (
          <tr key={item.id}>
            <td className="px-4 py-1.5">{item.runSet.testSet.name}</td>
            <td className="px-4 py-1.5">
              <Link className="text-indigo-700 hover:underline" href={`/runs/${runId}/items/${item.id}`}>
                {item.queryId}
              </Link>
            </td>
            <td className="px-4 py-1.5">{item.round}</td>
            <td className="px-4 py-1.5">{item.status.toLowerCase()}</td>
            <td className="px-4 py-1.5">{item.outcome ?? "—"}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
