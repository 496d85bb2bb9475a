import type { UploadReport } from "@/lib/submissions/report";

const ids = (list: string[], total = list.length) =>
  total === 0 ? <span className="text-slate-400">none</span> : (
    <span title={list.join(", ")}>
      {total}: {list.slice(0, 8).join(", ")}
      {total > 8 ? " …" : ""}
    </span>
  );

/** The validation report: per test set counts, then every failure with its file, query and field. */
export function UploadReportView({ report }: { report: UploadReport }) {
  const { files } = report;

  return (
    <div className="space-y-4" data-testid="upload-report">
      <p className={`text-sm font-medium ${report.ok ? "text-green-700" : "text-red-700"}`} data-testid="report-status">
        {report.ok ? "Ready to store: every file was read." : `Nothing can be stored: ${report.failureCount} problem${report.failureCount === 1 ? "" : "s"} to fix.`}{" "}
        <span className="font-normal text-slate-600">
          {files.total} file{files.total === 1 ? "" : "s"} ({files.raw} raw, {files.converted} converted, {files.failed} failed), checked against {report.benchmark}
          {report.method ? `, raw answers converted with ${report.method}` : ""}.
        </span>
      </p>
      {report.sets.length > 0 ? (
        <table className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-sm" data-testid="report-sets">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-3 py-2">Test set</th>
              <th className="px-3 py-2 text-right">Answers</th>
              <th className="px-3 py-2">Unknown query ids</th>
              <th className="px-3 py-2">Missing of the test set</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {report.sets.map((set) => (
              <tr key={set.testSet} data-testid="report-set" data-set={set.testSet}>
                <td className="px-3 py-2 font-medium">{set.testSet}</td>
                <td className="num px-3 py-2 text-right" data-testid="report-answers">{set.answers}</td>
                <td className="px-3 py-2">{ids(set.unknownQueryIds)}</td>
                <td className="px-3 py-2">
                  {ids(set.missingQueryIds, set.missingCount)}
                  {set.queries ? <span className="text-slate-500"> of {set.queries}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {report.failures.length > 0 ? (
        <table className="w-full overflow-hidden rounded-lg border border-red-200 bg-white text-sm" data-testid="report-failures">
          <thead className="bg-red-50 text-left text-xs uppercase tracking-wide text-red-700">
            <tr>
              <th className="px-3 py-2">File</th>
              <th className="px-3 py-2">Query</th>
              <th className="px-3 py-2">Field</th>
              <th className="px-3 py-2">Problem</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {report.failures.map((failure, index) => (
              <tr key={index} data-testid="report-failure">
                <td className="break-all px-3 py-2 font-mono text-xs">{failure.file}</td>
                <td className="px-3 py-2">{failure.queryId ?? ""}</td>
                <td className="break-all px-3 py-2 font-mono text-xs">{failure.path}</td>
                <td className="px-3 py-2">{failure.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {report.failureCount > report.failures.length ? <p className="text-sm text-slate-600">… and {report.failureCount - report.failures.length} more problems.</p> : null}
    </div>
  );
}
