import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';

export type { Content };

// NOTE: DejaVu Sans covers Cyrillic; it ships as an npm package so the PDF renders the same on
// every machine without a system font.
const fontDirectory = path.join(
  path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')),
  'ttf',
);
const font = (file: string) => path.join(fontDirectory, file);

pdfmake.setFonts({
  DejaVuSans: {
    normal: font('DejaVuSans.ttf'),
    bold: font('DejaVuSans-Bold.ttf'),
    italics: font('DejaVuSans-Oblique.ttf'),
    bolditalics: font('DejaVuSans-BoldOblique.ttf'),
  },
});
// NOTE: documents are built from workspace data; they may read our fonts and nothing else on disk
// or the network.
pdfmake.setLocalAccessPolicy((file) => file.startsWith(fontDirectory));
pdfmake.setUrlAccessPolicy(() => false);

export type PdfDocument = {
  title: string;
  /** Shown in the PDF's metadata. */
  author?: string;
  content: Content;
};

const styles: TDocumentDefinitions['styles'] = {
  title: { fontSize: 15, bold: true, margin: [0, 0, 0, 12] },
  label: { color: '#555555' },
  tableHeader: { bold: true, fillColor: '#eeeeee' },
  total: { bold: true },
  small: { fontSize: 8, color: '#555555' },
};

/** Renders an A4 document in DejaVu Sans (Cyrillic included) to PDF bytes. */
export async function renderPdf(document: PdfDocument): Promise<Uint8Array> {
  const definition: TDocumentDefinitions = {
    info: { title: document.title, ...(document.author ? { author: document.author } : {}), creator: 'Accord' },
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 40],
    defaultStyle: { font: 'DejaVuSans', fontSize: 9 },
    styles,
    content: document.content,
  };
  const buffer = await pdfmake.createPdf(definition).getBuffer();
  return new Uint8Array(buffer);
}

/** A table with a shaded header row: the shape every Accord document uses for its lines. */
export function linesTable(
  header: string[],
  rows: string[][],
  options: { widths: (number | '*' | 'auto')[]; rightAligned?: number[] },
): Content {
  const right = new Set(options.rightAligned ?? []);
  const cell = (text: string, column: number, style?: string) => ({
    text,
    ...(right.has(column) ? { alignment: 'right' as const } : {}),
    ...(style ? { style } : {}),
  });
  return {
    table: {
      headerRows: 1,
      widths: options.widths,
      body: [
        header.map((text, column) => cell(text, column, 'tableHeader')),
        ...rows.map((row) => row.map((text, column) => cell(text, column))),
      ],
    },
    layout: 'lightHorizontalLines',
    margin: [0, 8, 0, 8],
  };
}
