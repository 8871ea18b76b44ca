const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Saves bytes as a file through a Blob URL and an <a download> click (the page's own origin, no request). */
export function downloadBytes(name: string, bytes: Uint8Array, doc: Document = document): void {
  const blob = new Blob([new Uint8Array(bytes)], { type: XLSX_TYPE });
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.style.display = 'none';
  doc.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Give the browser time to start the download before the URL goes.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
