/**
 * Builds the task pane and the function file (the layout of Microsoft's Excel task-pane template).
 * office.js is not bundled: the HTML loads it from Microsoft's CDN.
 * Production: set ADDIN_URL (e.g. https://intranet.example.gov.cn/budget-review/) to rewrite the manifest.
 */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const urlDev = "https://localhost:3000/";
const urlProd = process.env.ADDIN_URL || "https://localhost:3000/";

async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  return devCerts.getHttpsServerOptions();
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
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
        { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true, configFile: "tsconfig.json", compilerOptions: { module: "esnext", moduleResolution: "bundler" } } } },
        { test: /\.(png|jpg|jpeg|gif|ico)$/, type: "asset/resource", generator: { filename: "assets/[name][ext]" } },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"] }),
      new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/commands/commands.html", chunks: ["commands"] }),
      new HtmlWebpackPlugin({ filename: "help.html", template: "./src/taskpane/help.html", chunks: [] }),
      new HtmlWebpackPlugin({ filename: "dialog.html", template: "./src/commands/dialog.html", chunks: [] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          { from: "manifest*.xml", to: "[name][ext]", transform: (content) => (dev ? content : content.toString().replace(new RegExp(urlDev, "g"), urlProd)) },
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
