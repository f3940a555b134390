/**
 * Turns SVG markup into a data: URL for an <img>. Scripts inside an SVG
 * never run when it is loaded as an image, so this is the only way the app
 * shows stored icons (never innerHTML).
 */
export function svgDataUrl(svg: string): string | null {
  const markup = svg.trim();
  if (markup === '') return null;
  const bytes = new TextEncoder().encode(markup);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}
