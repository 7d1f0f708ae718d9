/**
 * Builds the task pane and the function file (the layout of Microsoft's Excel task-pane template).
 * office.js is not bundled: the HTML loads it from Microsoft's CDN.
 * Production: set ADDIN_URL (e.g. https://intranet.example.gov.cn/budget-review/): every localhost origin of the
 * manifest (AppDomain too) is rewritten to it (scripts/manifest-url.js); a malformed ADDIN_URL stops the build.
 */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const { parseAddinUrl, rewriteManifest } = require("./scripts/manifest-url");
const { markdownPage } = require("./scripts/markdown-page");

const ADDIN_URL = process.env.ADDIN_URL;

/**
 * HTTPS for the dev server: office-addin-dev-certs generates a localhost certificate and installs its CA (Windows,
 * macOS). Where installing the CA fails (Linux: it needs sudo and a Debian-style trust store), the generated files
 * are used as they are and the message says how to trust the CA — the server still starts.
 */
async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (e) {
    const fs = require("fs");
    const d = require("office-addin-dev-certs/lib/defaults");
    if (!fs.existsSync(d.localhostCertificatePath) || !fs.existsSync(d.localhostKeyPath)) {
      throw new Error(
        `dev-server: 无法生成开发用 HTTPS 证书（${e.message.split("\n")[0]}）。请在 Windows 或 macOS 上运行 npm run dev-server，或手动生成 ${d.localhostCertificatePath}`
      );
    }
    console.warn(
      `dev-server: 证书的颁发机构未能安装到系统（${e.message.split("\n")[0]}），服务器照常以 ${d.localhostCertificatePath} 启动。` +
        `浏览器或 Excel 网页版要信任它，请把 ${d.caCertificatePath} 加入受信任的根证书（Debian/Ubuntu：sudo cp ${d.caCertificatePath} /usr/local/share/ca-certificates/office-addin-dev-ca.crt && sudo update-ca-certificates）。`
    );
    return {
      cert: fs.readFileSync(d.localhostCertificatePath),
      key: fs.readFileSync(d.localhostKeyPath),
      ca: fs.readFileSync(d.caCertificatePath),
    };
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  if (!dev && ADDIN_URL) {
    try {
      parseAddinUrl(ADDIN_URL); // fail before building, with the reason (no stack trace)
    } catch (e) {
      console.error(e.message);
      process.exit(1);
    }
  }
  if (!dev && !ADDIN_URL && !env.WEBPACK_SERVE)
    console.warn(
      "未设置 ADDIN_URL：dist/manifest.xml 仍指向 https://localhost:3000/，只能在本机测试。部署时：ADDIN_URL=https://服务器/路径/ npm run build"
    );
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: { path: path.resolve(__dirname, "dist"), clean: true, filename: "[name].js" },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    performance: { hints: false },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              configFile: "tsconfig.json",
              compilerOptions: { module: "esnext", moduleResolution: "bundler" },
            },
          },
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext]" },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new HtmlWebpackPlugin({
        filename: "help.html",
        template: "./src/taskpane/help.html",
        chunks: [],
      }),
      new HtmlWebpackPlugin({
        filename: "dialog.html",
        template: "./src/commands/dialog.html",
        chunks: [],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          // The reviewers' manual and the rule catalog, linked from the pane's 帮助 page.
          {
            from: "docs/manual.md",
            to: "manual.html",
            transform: (content) => markdownPage(content, "预算审核 · 审核人员手册"),
          },
          {
            from: "docs/rules.md",
            to: "rules.html",
            transform: (content) => markdownPage(content, "预算审核 · 审核规则目录"),
          },
          {
            from: "docs/check-json.md",
            to: "check-json.html",
            transform: (content) => markdownPage(content, "预算审核 · JSON 结果格式"),
          },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform: (content) =>
              dev || !ADDIN_URL ? content : rewriteManifest(content.toString(), ADDIN_URL),
          },
        ],
      }),
    ],
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: env.WEBPACK_SERVE ? await httpsOptions() : {} },
      port: process.env.npm_package_config_dev_server_port || 3000,
    },
  };
};
