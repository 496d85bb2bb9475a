"use client";

import { useState } from "react";
import { fromDrop, fromInput, type PickedFile } from "./pick-files";

const BUTTON = "cursor-pointer rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:border-slate-400";

/** Files, a folder or zips: chosen with the buttons or dropped on the zone. */
export function FilePicker({ picked, onPick, disabled }: { picked: PickedFile[]; onPick: (files: PickedFile[]) => void; disabled: boolean }) {
  const [over, setOver] = useState(false);
  const bytes = picked.reduce((sum, { file }) => sum + file.size, 0);

  return (
    <div
      data-testid="drop-zone"
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={async (event) => {
        event.preventDefault();
        setOver(false);
        if (!disabled) onPick(await fromDrop(event.dataTransfer));
      }}
      className={`rounded-lg border-2 border-dashed p-6 text-center ${over ? "border-indigo-500 bg-indigo-50" : "border-slate-300 bg-white"}`}
    >
      <p className="text-sm text-slate-700">
        Drop answer files, a model folder or a <code>.zip</code> here: raw answers <code>{"{query_id}_{method}.json"}</code> in test-set folders, or converted{" "}
        <code>{"{test_set}.json"}</code> files.
      </p>
      <div className="mt-3 flex justify-center gap-2">
        <label className={BUTTON}>
          Choose files
          <input type="file" multiple accept=".json,.zip" className="sr-only" data-testid="file-input" disabled={disabled} onChange={(event) => onPick(fromInput(event.target.files))} />
        </label>
        <label className={BUTTON}>
          Choose a folder
          <input
            type="file"
            className="sr-only"
            data-testid="folder-input"
            disabled={disabled}
            ref={(input) => input?.setAttribute("webkitdirectory", "")}
            onChange={(event) => onPick(fromInput(event.target.files))}
          />
        </label>
      </div>
      <p className="mt-3 text-xs text-slate-500" data-testid="picked-count">
        {picked.length === 0 ? "No files chosen." : `${picked.length} file${picked.length === 1 ? "" : "s"}, ${(bytes / 1024 / 1024).toFixed(1)} MB: ${picked.slice(0, 3).map((item) => item.path).join(", ")}${picked.length > 3 ? ", …" : ""}`}
      </p>
    </div>
  );
}
