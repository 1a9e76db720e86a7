import { describe, expect, it } from 'vitest';
import { readMarkdown } from './markdown-blocks';

describe('readMarkdown', () => {
  it('reads headings, paragraphs, lists and emphasis, and keeps HTML as text', () => {
    expect(readMarkdown('## Рынок\n\nСети **растут** и _сливаются_.\n\n- один\n- <b>два</b>')).toEqual([
      { kind: 'heading', level: 2, content: [{ text: 'Рынок', bold: false, italic: false }] },
      {
        kind: 'paragraph',
        content: [
          { text: 'Сети ', bold: false, italic: false },
          { text: 'растут', bold: true, italic: false },
          { text: ' и ', bold: false, italic: false },
          { text: 'сливаются', bold: false, italic: true },
          { text: '.', bold: false, italic: false },
        ],
      },
      {
        kind: 'list',
        items: [[{ text: 'один', bold: false, italic: false }], [{ text: '<b>два</b>', bold: false, italic: false }]],
      },
    ]);
  });
});
