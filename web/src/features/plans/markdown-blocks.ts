// NOTE: a small Markdown reader for plan sections: headings, paragraphs, bullet lists, bold and
// italic. It yields plain data that React renders as text, so no user input ever becomes HTML.

export type Inline = { text: string; bold: boolean; italic: boolean };
export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; content: Inline[] }
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'list'; items: Inline[][] };

/** Splits a line into runs of plain, **bold** and _italic_ text. */
export function readInline(line: string): Inline[] {
  const runs: Inline[] = [];
  const pattern = /(\*\*[^*]+\*\*|_[^_]+_|\*[^*]+\*)/g;
  let last = 0;
  for (const match of line.matchAll(pattern)) {
    const index = match.index ?? 0;
    if (index > last) runs.push({ text: line.slice(last, index), bold: false, italic: false });
    const token = match[0];
    const bold = token.startsWith('**');
    runs.push({ text: bold ? token.slice(2, -2) : token.slice(1, -1), bold, italic: !bold });
    last = index + token.length;
  }
  if (last < line.length) runs.push({ text: line.slice(last), bold: false, italic: false });
  return runs;
}

/** Reads Markdown text into blocks. */
export function readMarkdown(text: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: Inline[][] | undefined;
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', content: readInline(paragraph.join(' ')) });
    paragraph = [];
    if (list) blocks.push({ kind: 'list', items: list });
    list = undefined;
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    const item = /^[-*]\s+(.*)$/.exec(line);
    if (line === '') flush();
    else if (heading) {
      flush();
      blocks.push({
        kind: 'heading',
        level: (heading[1] as string).length as 1 | 2 | 3,
        content: readInline(heading[2] as string),
      });
    } else if (item) {
      if (paragraph.length > 0) flush();
      list ??= [];
      list.push(readInline(item[1] as string));
    } else {
      if (list) flush();
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}
