import { createHash } from 'node:crypto';
import type { Finding, Lang } from '../core/finding';
import { coreText } from '../core/i18n';
import { ruleName } from '../core/rule-names';
import { readErrorMessage } from '../file/read-error';
import type { FileCheck } from './check-file';
import { actualText, batchTotals, expectedText } from './report-text';

/** Escapes text for HTML content and quoted attributes: workbook text is shown, never parsed as markup. */
export function escapeHtml(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const STYLE = `
body { font: 14px/1.5 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; margin: 1.5rem; color: #1b1b1b; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; }
h3 { font-size: 1rem; margin: 1.5rem 0 .25rem; word-break: break-all; }
table { border-collapse: collapse; margin: .25rem 0 1rem; }
th, td { border: 1px solid #c8c8c8; padding: .2rem .5rem; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
th button { font: inherit; font-weight: bold; border: 0; background: none; padding: 0; cursor: pointer; }
th[aria-sort="ascending"] button::after { content: " \\25B2"; }
th[aria-sort="descending"] button::after { content: " \\25BC"; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
tr.unreadable td, .unreadable { color: #a4262c; }
.severity-error { color: #a4262c; font-weight: bold; }
.severity-warning { color: #8a5a00; }
.severity-info { color: #005a9e; }
@media print { th button::after { content: none; } }
`;

/** Makes every `table.sortable` sortable by its headers; without it the page reads the same, unsorted. */
const SCRIPT = `
(function () {
  'use strict';
  function sortKey(row, column) {
    var at = 0;
    for (var i = 0; i < row.cells.length; i++) {
      var cell = row.cells[i];
      if (column < at + cell.colSpan) {
        if (cell.colSpan > 1) return null;
        if (!cell.hasAttribute('data-sort')) return cell.textContent.trim();
        var value = cell.getAttribute('data-sort');
        return value === '' ? null : Number(value);
      }
      at += cell.colSpan;
    }
    return null;
  }
  function compare(a, b, lang) {
    if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
    return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), lang, { numeric: true });
  }
  var lang = document.documentElement.lang;
  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var headers = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(headers, function (header, column) {
      var button = document.createElement('button');
      button.type = 'button';
      while (header.firstChild) button.appendChild(header.firstChild);
      header.appendChild(button);
      button.addEventListener('click', function () {
        var ascending = header.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(headers, function (other) { other.removeAttribute('aria-sort'); });
        header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var keyed = rows.map(function (row, index) { return { row: row, index: index, key: sortKey(row, column) }; });
        keyed.sort(function (x, y) {
          if (x.key === null || y.key === null) return compare(x.key, y.key, lang) || x.index - y.index;
          return (ascending ? 1 : -1) * compare(x.key, y.key, lang) || x.index - y.index;
        });
        keyed.forEach(function (entry) { body.appendChild(entry.row); });
      });
    });
  });
})();
`;

const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Only the page's own style and script, by hash; nothing is fetched, framed, posted or based elsewhere. */
const CSP = `default-src 'none'; style-src ${hash(STYLE)}; script-src ${hash(SCRIPT)}; base-uri 'none'; form-action 'none'`;

const SEVERITY_RANK: Readonly<Record<Finding['severity'], number>> = { error: 0, warning: 1, info: 2 };

function numberCell(value: number | null): string {
  return `<td class="number" data-sort="${value ?? ''}">${escapeHtml(value)}</td>`;
}

function header(labels: string[]): string {
  return `<thead><tr>${labels.map((label) => `<th scope="col">${escapeHtml(label)}</th>`).join('')}</tr></thead>`;
}

function summaryRow(check: FileCheck, index: number, lang: Lang): string {
  const file = `<td><a href="#file-${index + 1}">${escapeHtml(check.file)}</a></td>`;
  if (!check.ok)
    return `<tr class="unreadable">${file}<td colspan="5">${escapeHtml(coreText(lang).report.unreadable(readErrorMessage(check.error, lang)))}</td></tr>`;
  const { summary } = check;
  return `<tr>${file}${numberCell(summary.totalScore)}<td>${escapeHtml(summary.grade)}</td>${numberCell(summary.errors)}${numberCell(summary.warnings)}${numberCell(summary.infos)}</tr>`;
}

function findingRow(finding: Finding, lang: Lang): string {
  // The rule's name is the title; its code stays beside it as a tooltip and in its own column.
  const rule = `<td title="${escapeHtml(finding.code)}">${escapeHtml(ruleName(finding.code, lang))}</td>`;
  const cells = [
    finding.code,
    finding.sheet,
    finding.cell,
    finding.message,
    expectedText(finding),
    actualText(finding, lang),
  ].map((value) => `<td>${escapeHtml(value)}</td>`);
  return `<tr><td class="severity-${finding.severity}" data-sort="${SEVERITY_RANK[finding.severity]}">${escapeHtml(coreText(lang).severity[finding.severity])}</td>${rule}${cells.join('')}</tr>`;
}

function fileSection(check: FileCheck, index: number, lang: Lang): string {
  const t = coreText(lang).report;
  const title = `<h3>${escapeHtml(check.file)}</h3>`;
  let body: string;
  if (!check.ok) body = `<p class="unreadable">${escapeHtml(t.unreadable(readErrorMessage(check.error, lang)))}</p>`;
  else if (check.findings.length === 0) body = `<p>${escapeHtml(t.noFindings)}</p>`;
  else
    body = `<table class="sortable">${header([t.severity, t.rule, t.code, t.sheet, t.cell, t.message, t.expected, t.actual])}<tbody>${check.findings.map((f) => findingRow(f, lang)).join('')}</tbody></table>`;
  return `<section id="file-${index + 1}">${title}${body}</section>`;
}

/**
 * The batch as one self-contained page: a summary table (sortable by its headers), then each file's findings. It
 * loads nothing, reads the same with scripts off (sorting aside), and escapes every file name, sheet name and message.
 */
export function formatHtmlReport(checks: readonly FileCheck[], lang: Lang): string {
  const t = coreText(lang).report;
  const totals = batchTotals(checks);
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(t.title)}</h1>
<p>${escapeHtml(t.overview(totals))}</p>
<h2>${escapeHtml(t.summaryHeading)}</h2>
<p>${escapeHtml(t.sortHint)}</p>
<table class="sortable" id="summary">${header([t.file, t.totalScore, t.grade, t.errors, t.warnings, t.infos])}<tbody>
${checks.map((check, index) => summaryRow(check, index, lang)).join('\n')}
</tbody></table>
<h2>${escapeHtml(t.findingsHeading)}</h2>
${checks.map((check, index) => fileSection(check, index, lang)).join('\n')}
<script>${SCRIPT}</script>
</body>
</html>
`;
}
