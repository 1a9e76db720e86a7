import { type DefaultTreeAdapterMap, parse } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function textOf(node: Node): string {
  if (node.nodeName === '#text' && 'value' in node) return node.value;
  if (isElement(node) && node.tagName === 'br') return '\n';
  if ('childNodes' in node) return node.childNodes.map(textOf).join('');
  return '';
}

function findAll(node: Node, tagName: string, found: Element[] = []): Element[] {
  if (isElement(node) && node.tagName === tagName) found.push(node);
  if ('childNodes' in node) for (const child of node.childNodes) findAll(child, tagName, found);
  return found;
}

/**
 * Reads the first table of an HTML document into rows (Bitrix24's "Excel" export is such a
 * page). Text is taken as is: tags inside cells are dropped, never interpreted.
 */
export function parseHtmlTable(html: string): string[][] {
  const document = parse(html);
  const [table] = findAll(document, 'table');
  if (!table) return [];
  return findAll(table, 'tr').map((row) =>
    row.childNodes
      .filter((cell): cell is Element => isElement(cell) && (cell.tagName === 'td' || cell.tagName === 'th'))
      .map((cell) => textOf(cell).replace(/\s+/g, ' ').trim()),
  );
}

/** Whether decoded text looks like an HTML page rather than CSV. */
export function looksLikeHtml(text: string): boolean {
  const start = text.slice(0, 2000).toLowerCase();
  return /<(html|table|meta|!doctype)/.test(start);
}
