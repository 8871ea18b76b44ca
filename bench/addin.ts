import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ExcelHost } from '../src/hosts/excel/excel-host';
import { FakeWorkbook, installFakeOffice, type FakeSheetData } from '../test/fake-excel/fake-office';
import { buildWeb, DIST, launchChromium, serve } from '../test/e2e/harness';

/**
 * `npm run bench:addin`: round trips per scan for 1, 10 and 50 sheets and for a sheet over the 5 MB response limit
 * (fake Excel host), the production bundle size, and the time from page load to the summary in headless Chromium.
 */
function scoringSheet(name: string, rows = 20): FakeSheetData {
  const cells: FakeSheetData['cells'] = {
    A1: { value: '一级指标' },
    B1: { value: '二级指标' },
    C1: { value: '分值' },
    D1: { value: '得分' },
  };
  for (let r = 2; r <= rows + 1; r++)
    Object.assign(cells, {
      [`A${r}`]: { value: '产出' },
      [`B${r}`]: { value: `指标${r}` },
      [`C${r}`]: { value: 5 },
      [`D${r}`]: { value: 4 },
    });
  return { name, cells };
}

async function roundTrips(sheets: FakeSheetData[]): Promise<{ syncs: number; largest: number }> {
  const book = new FakeWorkbook(sheets);
  installFakeOffice(book);
  await new ExcelHost().readSnapshot();
  return { syncs: book.syncs, largest: Math.max(...book.payloads.filter((p) => p <= 5 * 1024 * 1024)) };
}

async function main(): Promise<void> {
  console.log('Round trips per scan (goal: 2 whatever the sheet count, plus one per 5 MB block)');
  for (const count of [1, 10, 50]) {
    const { syncs } = await roundTrips(Array.from({ length: count }, (_, i) => scoringSheet(`表${i + 1}`)));
    console.log(`  ${String(count).padStart(2)} sheets: ${syncs} round trips`);
  }
  const big: FakeSheetData['cells'] = {};
  for (let r = 1; r <= 60_000; r++)
    for (const c of ['A', 'B', 'C', 'D', 'E']) big[`${c}${r}`] = { value: `退休人员${r}-${c}` };
  const large = await roundTrips([scoringSheet('评分表'), { name: '明细', cells: big }]);
  console.log(
    `  300,000-cell sheet: ${large.syncs} round trips (largest answered response ${(large.largest / 1024 / 1024).toFixed(2)} MB)`,
  );

  if (!existsSync(join(DIST, 'taskpane.html'))) buildWeb();
  console.log('Production bundle (goal: task pane ≤ 300 KB gzipped)');
  for (const file of readdirSync(DIST).filter((f) => f.endsWith('.js'))) {
    const bytes = readFileSync(join(DIST, file));
    console.log(
      `  ${file}: ${(bytes.length / 1024).toFixed(1)} KB, ${(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(1)} KB gzipped`,
    );
  }

  const server = await serve(DIST);
  const browser = await launchChromium();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const page = await browser.newPage({ locale: 'zh-CN' });
    const start = performance.now();
    await page.goto(`${server.origin}/standalone.html?sample=1`);
    await page.getByText('93.36').first().waitFor();
    times.push(performance.now() - start);
    await page.close();
  }
  await browser.close();
  await server.close();
  times.sort((a, b) => a - b);
  console.log(
    `Page load to summary on the sample, headless Chromium (goal < 1.5 s): median ${(times[2] as number).toFixed(0)} ms, runs ${times.map((t) => t.toFixed(0)).join(' / ')} ms`,
  );
}

void main();
