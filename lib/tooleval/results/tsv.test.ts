import { describe, expect, it } from "vitest";
import { readTsv, writeTsv } from "./tsv";

// Expected bytes produced by CPython's csv.writer(f, delimiter="\t") for the same rows.
const ROWS = [
  ["a", "b c", "it's"],
  ["tab\there", 'quote"d', "line\nbreak", "cr\rx", ""],
  [""],
  ["", ""],
  [" lead", "trail "],
];
const PYTHON_BYTES = 'a\tb c\tit\'s\r\n"tab\there"\t"quote""d"\t"line\nbreak"\t"cr\rx"\t\r\n""\r\n\t\r\n lead\ttrail \r\n';

describe("writeTsv", () => {
  it("matches Python's csv writer: minimal quoting, doubled quotes, CRLF rows, a lone empty field quoted", () => {
    expect(writeTsv(ROWS)).toBe(PYTHON_BYTES);
  });
});

describe("readTsv", () => {
  it("reads back what it writes", () => {
    expect(readTsv(writeTsv(ROWS))).toEqual(ROWS);
  });

  it("follows Python's reader on odd input", () => {
    // csv.reader gives [['a', 'xy', 'z'], [], [''], ['q"w', '1']]; blank lines are dropped here.
    expect(readTsv('a\t"x"y\tz\r\n\r\n""\r\nq"w\t1\n')).toEqual([["a", "xy", "z"], [""], ['q"w', "1"]]);
  });

  it("accepts a missing final line break and rejects an unterminated quote", () => {
    expect(readTsv("h1\th2\nv1\tv2")).toEqual([["h1", "h2"], ["v1", "v2"]]);
    expect(() => readTsv('a\t"open')).toThrow(SyntaxError);
  });
});
