import { ExcelHost } from '../hosts/excel/excel-host';
import { startTaskpane } from './boot';

/** The add-in's task pane (taskpane.html loads office.js before this bundle). */
const container = document.getElementById('root');
if (container) void startTaskpane(container, { createExcelHost: () => new ExcelHost() });
