import fs from "node:fs";
import zlib from "node:zlib";

/**
 * A minimal zip writer for tests and benchmarks (store or deflate, no zip64). It writes whatever it
 * is told, including what a careful archiver never would: `../` names, absolute paths and sizes that
 * lie, so the upload's defences can be tested against real archives.
 */
export type ZipEntrySpec = {
  name: string;
  data: Buffer | string;
  method?: "store" | "deflate";
  /** Written as the uncompressed size instead of the real one (a zip bomb's lie). */
  declaredSize?: number;
};

const DOS_TIME = 0;
const DOS_DATE = (2026 - 1980) << 9 | (1 << 5) | 1;

const localHeader = (name: Buffer, method: number, crc: number, compressed: number, size: number) => {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(0x0800, 6);
  header.writeUInt16LE(method, 8);
  header.writeUInt16LE(DOS_TIME, 10);
  header.writeUInt16LE(DOS_DATE, 12);
  header.writeUInt32LE(crc, 14);
  header.writeUInt32LE(compressed, 18);
  header.writeUInt32LE(size, 22);
  header.writeUInt16LE(name.length, 26);
  header.writeUInt16LE(0, 28);

  return Buffer.concat([header, name]);
};

const centralHeader = (name: Buffer, method: number, crc: number, compressed: number, size: number, offset: number) => {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(20, 6);
  header.writeUInt16LE(0x0800, 8);
  header.writeUInt16LE(method, 10);
  header.writeUInt16LE(DOS_TIME, 12);
  header.writeUInt16LE(DOS_DATE, 14);
  header.writeUInt32LE(crc, 16);
  header.writeUInt32LE(compressed, 20);
  header.writeUInt32LE(size, 24);
  header.writeUInt16LE(name.length, 28);
  header.writeUInt32LE(offset, 42);

  return Buffer.concat([header, name]);
};

/** Writes a zip archive to `file`, one entry at a time (entries may be generated lazily). */
export const writeZipFile = (file: string, entries: Iterable<ZipEntrySpec>) => {
  const fd = fs.openSync(file, "w");
  const central: Buffer[] = [];
  let offset = 0;
  let count = 0;
  const write = (buffer: Buffer) => {
    fs.writeSync(fd, buffer);
    offset += buffer.length;
  };
  try {
    for (const entry of entries) {
      const name = Buffer.from(entry.name, "utf8");
      const raw = Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data, "utf8");
      const method = entry.method === "deflate" ? 8 : 0;
      const body = method === 8 ? zlib.deflateRawSync(raw) : raw;
      const crc = zlib.crc32(raw);
      const size = entry.declaredSize ?? raw.length;
      const compressed = method === 0 && entry.declaredSize !== undefined ? entry.declaredSize : body.length;
      const start = offset;
      write(localHeader(name, method, crc, compressed, size));
      write(body);
      central.push(centralHeader(name, method, crc, compressed, size, start));
      count += 1;
    }
    const cdStart = offset;
    for (const header of central) write(header);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(count, 8);
    end.writeUInt16LE(count, 10);
    end.writeUInt32LE(offset - cdStart, 12);
    end.writeUInt32LE(cdStart, 16);
    write(end);
  } finally {
    fs.closeSync(fd);
  }
};
