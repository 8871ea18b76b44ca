/**
 * The little of office.js the entry module and the theme need, typed locally so this code does not depend on
 * office.js being loaded (the HTML page loads it; the standalone page does not).
 */
export interface OfficeLike {
  onReady?: () => Promise<{ host: string | null; platform?: string | null } | undefined>;
  context?: {
    displayLanguage?: string;
    officeTheme?: { bodyBackgroundColor?: string };
  };
}

export function officeGlobal(): OfficeLike | undefined {
  const office = (globalThis as { Office?: unknown }).Office;
  return office && typeof office === 'object' ? (office as OfficeLike) : undefined;
}

/** Office.onReady's host ('Excel' inside Excel), or null when office.js is absent, not in a host, or too slow. */
export async function officeHost(timeoutMs = 3000): Promise<string | null> {
  const office = officeGlobal();
  if (!office?.onReady) return null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    const info = await Promise.race([office.onReady().then((i) => i?.host ?? null), timeout]);
    return info;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/** Reads a property of Office.context without failing outside a host (where office.js may throw). */
export function officeContext(): OfficeLike['context'] | undefined {
  try {
    return officeGlobal()?.context;
  } catch {
    return undefined;
  }
}
