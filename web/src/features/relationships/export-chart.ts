import { getNodesBounds, getViewportForBounds, type Node } from '@xyflow/react';
import { toPng, toSvg } from 'html-to-image';

// NOTE: big charts are scaled down so the image stays within what browsers can draw on a canvas.
const maxImageSide = 8_000;
const padding = 40;

/** Draws the whole chart (not just what is in view) as PNG or SVG and downloads it. */
export async function exportChart(
  viewport: HTMLElement,
  nodes: Node[],
  format: 'png' | 'svg',
  fileName: string,
): Promise<void> {
  const bounds = getNodesBounds(nodes);
  const scale = Math.min(1, maxImageSide / (bounds.width + 2 * padding), maxImageSide / (bounds.height + 2 * padding));
  const width = Math.ceil((bounds.width + 2 * padding) * scale);
  const height = Math.ceil((bounds.height + 2 * padding) * scale);
  const transform = getViewportForBounds(bounds, width, height, 0.01, 2, `${padding * scale}px`);
  const options = {
    backgroundColor: '#ffffff',
    width,
    height,
    style: {
      width: `${width}px`,
      height: `${height}px`,
      transform: `translate(${transform.x}px, ${transform.y}px) scale(${transform.zoom})`,
    },
  };
  const dataUrl = format === 'png' ? await toPng(viewport, options) : await toSvg(viewport, options);
  const link = document.createElement('a');
  link.href = dataUrl;
  link.download = `${fileName}.${format}`;
  link.click();
}
