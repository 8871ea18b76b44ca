'use strict';
/**
 * Builds the web parts of Score Audit into dist/web/ (dist/ itself holds the CLI that `tsc` builds):
 *   taskpane.html    the Excel add-in's task pane; loads office.js before the bundle
 *   standalone.html  the same UI without Office (WPS users, reviewers without the add-in); `?sample=1` opens sample.xlsx
 *   manifest.xml, assets/icon-*.png, sample.xlsx   copied as they are
 *
 *   npm run build:web                                       production build
 *   npm start                                               dev server, http://localhost:3000/standalone.html?sample=1
 *   npx webpack serve --mode development --server-type https   the same over https, for sideloading into Excel
 *
 * With https, the certificates of `npx office-addin-dev-certs install` (~/.office-addin-dev-certs) are used when
 * present, so Excel trusts the server; otherwise webpack-dev-server makes a self-signed one (fine for a browser
 * that is told to accept it, refused by Excel's webview).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const OUTPUT = path.resolve(__dirname, 'dist/web');
const PORT = 3000;
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const TITLE = '绩效评分表审核助手';
/** Shown when the bundle has not run after a few seconds (see page()). */
const OLD_WEBVIEW =
  '如果一直停在这里，可能是此版本 Office 的浏览器控件过旧，请改用 Microsoft 365 或 Excel 网页版，或在浏览器中打开独立页面。<br />' +
  'If this stays, this version of Office uses a web view that is too old: use Microsoft 365, Excel on the web, or the standalone page in a browser.';
const OLD_BROWSER =
  '如果一直停在这里，可能是浏览器版本过旧，请使用最新版的 Edge、Chrome、Firefox 或 Safari。<br />' +
  'If this stays, this browser is too old: use a current Edge, Chrome, Firefox or Safari.';

/** The Content-Security-Policy of a page (as a meta tag: frame-ancestors cannot be set there, so it is left out). */
function contentSecurityPolicy({ office }) {
  return [
    "default-src 'self'",
    office ? "script-src 'self' https://appsforoffice.microsoft.com" : "script-src 'self'",
    // Fluent UI (Griffel) inserts its styles at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
  ].join('; ');
}

function escapeAttribute(text) {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * The HTML shell of a page. The bundle is injected at the end of <head> (deferred), so office.js, a plain script
 * above it, has loaded before the bundle runs. #root shows a loading line that React replaces; if the bundle never
 * runs (an old webview such as Internet Explorer's or Edge Legacy's, which React 19 does not support), a hint
 * appears after a few seconds, by CSS alone (inline scripts are refused by the CSP).
 */
function page({ office }) {
  return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="${escapeAttribute(contentSecurityPolicy({ office }))}" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${TITLE}</title>
    <link rel="icon" type="image/png" href="assets/icon-32.png" />
    <style>
      html, body { margin: 0; height: 100%; }
      body { font-family: "Segoe UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif; }
      .boot { padding: 16px; color: #424242; font-size: 14px; line-height: 1.5; }
      .boot-late { visibility: hidden; animation: boot-reveal 0s linear 8s forwards; }
      @keyframes boot-reveal { to { visibility: visible; } }
    </style>
${office ? `    <script src="${OFFICE_JS}"></script>\n` : ''}  </head>
  <body>
    <div id="root">
      <div class="boot">
        <p>正在加载… · Loading…</p>
        <p class="boot-late">${office ? OLD_WEBVIEW : OLD_BROWSER}</p>
      </div>
    </div>
    <noscript>需要启用 JavaScript。 · JavaScript is required.</noscript>
  </body>
</html>
`;
}

/** Options for an https dev server from office-addin-dev-certs, when it has installed its certificates. */
function devCertificates() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const files = { key: 'localhost.key', cert: 'localhost.crt', ca: 'ca.crt' };
  const options = {};
  for (const [option, file] of Object.entries(files)) {
    const full = path.join(dir, file);
    if (!fs.existsSync(full)) return {};
    options[option] = full;
  }
  return options;
}

module.exports = (_env, argv) => {
  const production = argv.mode === 'production';
  return {
    mode: production ? 'production' : 'development',
    context: __dirname,
    entry: {
      taskpane: './src/pages/taskpane.tsx',
      standalone: './src/pages/standalone.tsx',
    },
    output: {
      path: OUTPUT,
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      clean: true,
    },
    // No eval-based maps in development: the pages' CSP refuses eval.
    devtool: production ? false : 'cheap-module-source-map',
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // Type checking is `npm run typecheck`'s job; the build only transpiles.
            options: { transpileOnly: true, configFile: path.resolve(__dirname, 'tsconfig.web.json') },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        chunks: ['taskpane'],
        templateContent: page({ office: true }),
      }),
      new HtmlWebpackPlugin({
        filename: 'standalone.html',
        chunks: ['standalone'],
        templateContent: page({ office: false }),
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'manifest.xml', to: 'manifest.xml' },
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'assets/sample/评分表示例.xlsx', to: 'sample.xlsx' },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      host: 'localhost',
      port: PORT,
      // Everything the pages need is in the compilation (the copied files too), served from memory: no static folder,
      // so an old production build can never be served by mistake.
      static: false,
      open: false,
      historyApiFallback: false,
      // `--server-type https` switches to https (sideloading into Excel needs it).
      server: { type: 'http', options: devCertificates() },
      onListening(devServer) {
        const https = devServer.isTlsServer || devServer.options.server.type === 'https';
        const origin = `${https ? 'https' : 'http'}://localhost:${PORT}`;
        process.stdout.write(`\nStandalone page with the sample: ${origin}/standalone.html?sample=1\n`);
        process.stdout.write(`Task pane (for Excel, with manifest.xml): ${origin}/taskpane.html\n\n`);
      },
    },
  };
};
