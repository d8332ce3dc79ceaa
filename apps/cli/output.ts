import { currentIo } from './cli-io';

/**
 * What commands print on stdout: one JSON document with `--json` (for scripts), otherwise aligned
 * columns for people. Errors never come here; they go to stderr as one line (see main.ts).
 */
type Cell = string | number | boolean | null | undefined;

const text = (value: Cell): string => (value === null || value === undefined || value === '' ? '-' : String(value));
const write = (line: string): void => void currentIo().stdout.write(`${line}\n`);

export function printJson(value: unknown): void {
  write(JSON.stringify(value, null, 2));
}

export function printLine(line: string): void {
  write(line);
}

/** `label  value` pairs, labels padded to one width. */
export function printFields(fields: [label: string, value: Cell][]): void {
  const width = Math.max(...fields.map(([label]) => label.length));
  for (const [label, value] of fields) write(`${label.padEnd(width)}  ${text(value)}`.trimEnd());
}

/** A header row and one row per item, columns padded to their widest cell; `empty` when no rows. */
export function printTable(columns: string[], rows: Cell[][], empty: string): void {
  if (!rows.length) return write(empty);
  const cells = [columns, ...rows.map((row) => row.map(text))];
  const widths = columns.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  for (const row of cells)
    write(
      row
        .map((cell, i) => cell.padEnd(widths[i]))
        .join('  ')
        .trimEnd(),
    );
}
