/** Saves the first chart (recharts SVG) inside `container` as a PNG, drawn at twice its size on a white ground. */
export async function downloadChartPng(container: HTMLElement, filename: string): Promise<boolean> {
  const svg = container.querySelector('svg.recharts-surface');
  if (!svg) return false;
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  // Computed colours of the Mantine CSS variables, so the PNG looks like the screen.
  const source = svg.querySelectorAll('*');
  clone.querySelectorAll('*').forEach((el, i) => {
    const style = getComputedStyle(source[i]!);
    (el as SVGElement).setAttribute('fill', style.fill);
    (el as SVGElement).setAttribute('stroke', style.stroke);
    (el as SVGElement).style.fontFamily = style.fontFamily;
    (el as SVGElement).style.fontSize = style.fontSize;
  });
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(clone)], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('svg'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * 2);
    canvas.height = Math.ceil(height * 2);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.scale(2, 2);
    ctx.drawImage(img, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) return false;
    saveBlob(blob, filename);
    return true;
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function saveBase64(base64: string, mime: string, filename: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  saveBlob(new Blob([bytes], { type: mime }), filename);
}
