import { List, Text, Title } from '@mantine/core';
import { type Inline, readMarkdown } from './markdown-blocks';

function Runs({ content }: { content: Inline[] }) {
  return content.map((run, index) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: runs of one line never move.
    <Text key={index} span fw={run.bold ? 700 : undefined} fs={run.italic ? 'italic' : undefined} inherit>
      {run.text}
    </Text>
  ));
}

/** A plan section's Markdown, rendered as React text (never as raw HTML). */
export function MarkdownView({ text }: { text: string }) {
  return readMarkdown(text).map((block, index) => {
    const key = `${block.kind}-${index}`;
    if (block.kind === 'heading') {
      return (
        <Title key={key} order={(block.level + 2) as 3 | 4 | 5}>
          <Runs content={block.content} />
        </Title>
      );
    }
    if (block.kind === 'list') {
      return (
        <List key={key}>
          {block.items.map((item, itemIndex) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a rendered list never reorders.
            <List.Item key={itemIndex}>
              <Runs content={item} />
            </List.Item>
          ))}
        </List>
      );
    }
    return (
      <Text key={key}>
        <Runs content={block.content} />
      </Text>
    );
  });
}
