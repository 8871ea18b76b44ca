/** The sheets the product adds to a workbook. They are records, never read as scoring data. */

/** What a fill or fix changed, row by row, so it can be put back. */
export const AUDIT_SHEET = '审核记录';

/** The findings, written by every host on request. */
export const REPORT_SHEET = '审核报告';

export const OWN_SHEETS: readonly string[] = [AUDIT_SHEET, REPORT_SHEET];
