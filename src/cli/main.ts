/** The budget-review command line: inspect and check .xlsx workbooks with the same engine as the add-in. */
import { loadReport } from "./load";
import { inspectJson, inspectText } from "./inspect";
import { WorkbookReadError } from "../hosts/xlsx/read";

const USAGE = `用法：
  budget-review inspect <文件.xlsx> [--json]        列出识别到的表格
  budget-review check <文件.xlsx ...> [--json] [--fail-on error|warning] [--skip 规则或类别,…]   审核一个或多个工作簿
  budget-review check <文件或文件夹 ...> --out <目录> [--jobs N]   写出审核后的工作簿 <目录>/<名称>.reviewed.xlsx 与 <目录>/审核汇总.xlsx
  budget-review rules                                 列出全部审核规则（Markdown）`;

function out(s: string) {
  process.stdout.write(s.endsWith("\n") ? s : s + "\n");
}
function err(s: string) {
  process.stderr.write(s.endsWith("\n") ? s : s + "\n");
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  const json = rest.includes("--json");
  const files = rest.filter((a, i) => !a.startsWith("--") && rest[i - 1] !== "--fail-on" && rest[i - 1] !== "--skip" && rest[i - 1] !== "--out" && rest[i - 1] !== "--jobs");
  try {
    if (cmd === "inspect") {
      if (files.length !== 1) return usage();
      const { report } = await loadReport(files[0]);
      out(json ? JSON.stringify(inspectJson(files[0], report)) : inspectText(files[0], report));
      return 0;
    }
    if (cmd === "check") {
      const { runCheck } = await import("./check");
      const failOnIdx = rest.indexOf("--fail-on");
      const failOn = failOnIdx >= 0 ? rest[failOnIdx + 1] : undefined;
      if (failOn !== undefined && failOn !== "error" && failOn !== "warning") return usage("--fail-on 只接受 error 或 warning");
      if (files.length === 0) return usage();
      const skip = rest.flatMap((a, i) => (rest[i - 1] === "--skip" ? a.split(",") : []));
      const outIdx = rest.indexOf("--out");
      const jobsIdx = rest.indexOf("--jobs");
      if (outIdx >= 0) {
        const outDir = rest[outIdx + 1];
        if (!outDir || outDir.startsWith("--")) return usage("--out 需要一个输出目录");
        const jobs = jobsIdx >= 0 ? Number(rest[jobsIdx + 1]) : undefined;
        if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) return usage("--jobs 需要一个正整数");
        const { runCheckOut } = await import("./check-out");
        return await runCheckOut(files, { outDir, jobs, json, failOn, skip }, out, err);
      }
      if (jobsIdx >= 0) return usage("--jobs 只用于 --out");
      return await runCheck(files, { json, failOn, skip }, out, err);
    }
    if (cmd === "rules") {
      const { rulesMarkdown } = await import("../core/rules/docs");
      out(rulesMarkdown());
      return 0;
    }
    return usage(cmd && cmd !== "--help" && cmd !== "-h" ? `未知命令：${cmd}` : undefined);
  } catch (e) {
    if (e instanceof WorkbookReadError) {
      err(`错误：${e.message}`);
      return 2;
    }
    err(`错误：处理失败（${(e as Error).message}）`);
    return 2;
  }
}

function usage(msg?: string): number {
  if (msg) err(msg);
  err(USAGE);
  return 2;
}
