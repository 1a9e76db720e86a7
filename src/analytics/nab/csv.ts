/** Columns of a NAB CSV file (header row, comma-separated, no quoting): timestamps and numbers. */
export type NabTable = { timestamps: string[]; columns: Record<string, Float64Array> };

/** Parses a NAB data or results CSV; the first column is the timestamp, the others numeric. */
export function parseNabCsv(text: string): NabTable {
  const lines = text.split(/\r?\n/).filter((line) => line.length > 0);
  const header = (lines[0] ?? '').split(',');
  const names = header.slice(1);
  const rowCount = lines.length - 1;
  const columns: Record<string, Float64Array> = {};
  for (const name of names) columns[name] = new Float64Array(rowCount);
  const timestamps: string[] = new Array(rowCount);
  for (let row = 0; row < rowCount; row += 1) {
    const cells = (lines[row + 1] ?? '').split(',');
    timestamps[row] = cells[0] ?? '';
    names.forEach((name, index) => {
      const column = columns[name];
      if (column) column[row] = Number(cells[index + 1]);
    });
  }
  return { timestamps, columns };
}
