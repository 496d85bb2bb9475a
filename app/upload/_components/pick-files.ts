/** A file chosen for upload with the path it is sent under (folders keep their structure). */
export type PickedFile = { file: File; path: string };

/** Files of an <input>: a folder input gives each file its path inside the chosen folder. */
export const fromInput = (list: FileList | null): PickedFile[] =>
  [...(list ?? [])].map((file) => ({ file, path: file.webkitRelativePath || file.name }));

const fileOf = (entry: FileSystemFileEntry) => new Promise<File>((resolve, reject) => entry.file(resolve, reject));

const readAll = async (reader: FileSystemDirectoryReader) => {
  const entries: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return entries;
    entries.push(...batch);
  }
};

const walk = async (entry: FileSystemEntry, prefix: string): Promise<PickedFile[]> => {
  if (entry.isFile) return [{ file: await fileOf(entry as FileSystemFileEntry), path: `${prefix}${entry.name}` }];
  const children = await readAll((entry as FileSystemDirectoryEntry).createReader());

  return (await Promise.all(children.map((child) => walk(child, `${prefix}${entry.name}/`)))).flat();
};

/** Files and folders dropped on the page, folders walked recursively. */
export const fromDrop = async (transfer: DataTransfer): Promise<PickedFile[]> => {
  const entries = [...transfer.items].map((item) => item.webkitGetAsEntry()).filter((entry): entry is FileSystemEntry => entry !== null);
  if (entries.length === 0) return fromInput(transfer.files);

  return (await Promise.all(entries.map((entry) => walk(entry, "")))).flat();
};
