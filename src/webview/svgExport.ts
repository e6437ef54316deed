// Turns a rendered diagram into standalone SVG text or a PNG data URL (drawn through a canvas).

export function diagramSvg(container: HTMLElement): SVGSVGElement | null {
  return container.querySelector<SVGSVGElement>(':scope > .sd-diagram-body .sd-diagram-svg > svg');
}

export function svgText(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return new XMLSerializer().serializeToString(clone);
}

function intrinsicSize(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.viewBox?.baseVal;
  if (box && box.width > 0 && box.height > 0) return { width: box.width, height: box.height };
  const rect = svg.getBoundingClientRect();
  return { width: Math.max(1, rect.width), height: Math.max(1, rect.height) };
}

/** PNG at 2× the diagram's own size, on `background` (the editor's background colour by default). */
export async function svgToPng(svg: SVGSVGElement, scale = 2, background?: string): Promise<string> {
  const { width, height } = intrinsicSize(svg);
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.style.maxWidth = 'none';
  const text = new XMLSerializer().serializeToString(clone);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('Canvas 2D is not available');
  ctx.fillStyle = background ?? (getComputedStyle(document.body).backgroundColor || '#ffffff');
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.scale(scale, scale);
  ctx.drawImage(image, 0, 0, width, height);
  return canvas.toDataURL('image/png');
}

/** Sanitized SVG text as an element laid out off screen, for the exports above; removed by `done`. */
export function offscreenSvg(text: string): { svg: SVGSVGElement | null; done(): void } {
  const holder = document.createElement('div');
  holder.className = 'sd-offscreen';
  holder.innerHTML = text; // sanitized by sanitizeSvg when rendered
  document.body.append(holder);
  return { svg: holder.querySelector('svg'), done: () => holder.remove() };
}

/** A PNG data URL onto the clipboard as an image; false where the webview does not allow it. */
export async function copyPng(dataUrl: string): Promise<boolean> {
  try {
    if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) return false;
    // Decoded here: fetching a data: URL is a connection the webview's CSP refuses.
    const bytes = Uint8Array.from(atob(dataUrl.slice(dataUrl.indexOf(',') + 1)), (c) => c.charCodeAt(0));
    const blob = new Blob([bytes], { type: 'image/png' });
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })]);
    return true;
  } catch {
    return false;
  }
}

/** Clipboard write that also works where the async clipboard API is refused. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'sd-offscreen';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}
