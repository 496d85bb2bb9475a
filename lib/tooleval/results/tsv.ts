/**
 * Tab-separated files as ToolEval writes and reads them: Python's `csv.writer(f, delimiter="\t")`
 * and `csv.reader(f, delimiter="\t")` with the default "excel" dialect.
 */

const ROW_END = "\r\n";

/** `QUOTE_MINIMAL`: only fields holding the delimiter, the quote or a line break are quoted. */
const NEEDS_QUOTES = /[\t"\r\n]/;

/**
 * Python's `csv.field_size_limit()` default. ToolEval reads pass-rate TSVs back with `csv.reader`,
 * which raises on a longer field, so writers may want to warn about such fields.
 */
export const PY_CSV_FIELD_LIMIT = 131_072;

const quoteField = (field: string, isOnlyField: boolean): string => {
  if (NEEDS_QUOTES.test(field)) return `"${field.replaceAll('"', '""')}"`;
  // Python quotes a lone empty field, otherwise the row would read back as no fields at all.
  if (field === "" && isOnlyField) return '""';

  return field;
};

/** Rows as Python's csv writer renders them: tab-joined, minimal quoting, each row ended by CRLF. */
export const writeTsv = (rows: readonly (readonly string[])[]): string =>
  rows.map((row) => row.map((field) => quoteField(field, row.length === 1)).join("\t") + ROW_END).join("");

/**
 * Splits TSV text into rows of fields like Python's csv reader: quoted fields may contain tabs and
 * line breaks, `""` inside quotes is one quote, rows end at `\r\n`, `\n` or `\r`, and blank lines
 * yield no row. A character after a closing quote is kept (Python's non-strict mode does the same).
 */
export const readTsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let inQuotes = false;
  let fieldStarted = false;
  const endField = () => {
    row.push(field);
    field = "";
    fieldStarted = false;
  };
  const endRow = () => {
    if (fieldStarted || row.length > 0) endField();
    if (row.length > 0) rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else inQuotes = false;
      continue;
    }
    if (ch === '"' && field === "" && !fieldStarted) {
      inQuotes = true;
      fieldStarted = true;
    } else if (ch === "\t") endField();
    else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && text[i + 1] === "\n") i += 1;
      endRow();
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (inQuotes) throw new SyntaxError("unexpected end of data inside a quoted field");
  endRow();

  return rows;
};
