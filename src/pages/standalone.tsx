import { startStandalone } from './boot';

/** The standalone page (standalone.html, no office.js): open a workbook by picker or drop; `?sample=1` opens the sample. */
const container = document.getElementById('root');
if (container) void startStandalone(container, window.location.href);
