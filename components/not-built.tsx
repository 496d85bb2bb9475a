/** An honest placeholder for a page whose capability has not landed yet. */
export function NotBuilt({ title, what }: { title: string; what: string }) {
  return (
    <div>
      <h1 className="mb-2 text-2xl font-semibold">{title}</h1>
      <div className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-600" data-testid="not-built">
        <p className="font-medium text-slate-800">Not built yet.</p>
        <p className="mt-1 text-sm">{what}</p>
      </div>
    </div>
  );
}
