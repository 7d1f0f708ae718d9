/** The budget-review command line: inspect and check .xlsx workbooks with the same engine as the add-in. */
import { parseArgs } from "util";
import { existsSync, readFileSync } from "fs";
import path from "path";
import { COMMANDS, EXIT, OPTIONS, optionsOf, usageText, type CommandSpec } from "./options";
import { CATEGORIES } from "../core/rules/names";
import { terminalSafe } from "./terminal";
import { errorLine } from "./errors";
import { expandWildcards } from "./wildcards";

export type Values = Record<string, string | boolean | string[] | undefined>;

/** A usage error: one Chinese sentence naming the argument. */
class UsageError extends Error {}

function out(s: string) {
  process.stdout.write(terminalSafe(s.endsWith("\n") ? s : s + "\n"));
}
function err(s: string) {
  process.stderr.write(terminalSafe(s.endsWith("\n") ? s : s + "\n"));
}

let pipesGuarded = false;
/** Set while `check --out` runs: its result is the files it writes, not what it prints. */
let writingFiles = false;
/**
 * A reader that closes the pipe early (`| head`) is not an error: exit quietly — except while `check --out` writes its
 * files, where the printed lines are only a log: the stream is let go and the batch finishes every file and 审核汇总
 * (a batch abandoned half-way by `| head -1` would leave 2 of 50 files and no summary, with exit 0).
 */
function guardPipes() {
  if (pipesGuarded) return;
  pipesGuarded = true;
  for (const stream of [process.stdout, process.stderr])
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code !== "EPIPE") throw e;
      if (!writingFiles) process.exit(process.exitCode ?? 0);
      stream.write = (() => true) as typeof stream.write;
    });
}

function version(): string {
  // Walks up from the compiled (dist-cli/src/cli) or the source (src/cli) folder to the package's manifest.
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const p = path.join(dir, "package.json");
    if (existsSync(p)) {
      const pkg = JSON.parse(readFileSync(p, "utf8")) as { name?: string; version?: string };
      if (pkg.name === "budget-review" && pkg.version) return pkg.version;
    }
    if (path.dirname(dir) === dir) return "未知";
  }
}

/** Quoted names from Node's parseArgs messages ("Unknown option '--x'"): the argument the user typed. */
function quotedArg(message: string): string {
  const m = /'([^']+)'/.exec(message);
  return (m?.[1] ?? "").replace(/ <value>$/, "");
}

function parse(
  cmd: CommandSpec | undefined,
  args: string[]
): { values: Values; positionals: string[] } {
  const specs = optionsOf(cmd);
  const options = Object.fromEntries(
    specs.map((o) => [
      o.name,
      {
        type: o.type,
        ...(o.short ? { short: o.short } : {}),
        ...(o.multiple ? { multiple: true } : {}),
      },
    ])
  );
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: cmd !== undefined }) as {
      values: Values;
      positionals: string[];
    };
  } catch (e) {
    const code = (e as { code?: string }).code;
    const arg = quotedArg((e as Error).message);
    const where = cmd ? `${cmd.name} 命令` : "budget-review";
    const accepted = specs.map((o) => `--${o.name}`).join("、");
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      const other = OPTIONS.find((o) => `--${o.name}` === arg.split("=")[0]);
      throw new UsageError(
        other
          ? `选项“${arg}”不适用于 ${where}（可用：${accepted}）`
          : `未知选项“${arg}”（${where}可用：${accepted}）`
      );
    }
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      const name = arg.split(/[=\s]/)[0];
      const spec = specs.find((o) => `--${o.name}` === name || `-${o.short}` === name);
      if (spec?.type === "boolean") throw new UsageError(`选项“${name}”不带值`);
      throw new UsageError(
        `选项“${name}”缺少值${spec?.valueName ? `（应为 ${spec.valueName}）` : ""}`
      );
    }
    if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL")
      throw new UsageError(
        `多余的参数“${arg}”，请先写命令（${COMMANDS.map((c) => c.name).join("、")}）`
      );
    throw new UsageError(`无法解析命令行参数“${args.join(" ")}”`);
  }
}

/**
 * Checks values against the option table: choices, and the ids given to --skip. The rule catalog (every rule and
 * zod) loads only when --skip names ids: `check --out --jobs N` starts its workers sooner when this thread has not
 * loaded the engine first (the workers load their own).
 */
async function validate(values: Values) {
  for (const spec of OPTIONS) {
    const v = values[spec.name];
    if (spec.choices && typeof v === "string" && !spec.choices.includes(v))
      throw new UsageError(
        `选项“--${spec.name}”的值“${v}”无效，应为 ${spec.choices.join("、")} 之一`
      );
  }
  if (values.jobs !== undefined && !/^[1-9]\d*$/.test(String(values.jobs)))
    throw new UsageError(`选项“--jobs”的值“${values.jobs}”无效，应为正整数`);
  if (values.jobs !== undefined && values.out === undefined)
    throw new UsageError("选项“--jobs”只用于 --out");
  const skip = skipList(values);
  if (!skip.length) return;
  const { CATALOG } = await import("../core/rules/catalog");
  const known = new Set<string>([...CATALOG.map((r) => r.id), ...CATEGORIES]);
  for (const id of skip)
    if (!known.has(id))
      throw new UsageError(
        `--skip 中的“${id}”不是规则编号或类别编号（类别：${CATEGORIES.join("、")}；规则编号见 budget-review rules）`
      );
}

export function skipList(values: Values): string[] {
  const raw = values.skip;
  const list = Array.isArray(raw) ? raw : typeof raw === "string" ? [raw] : [];
  return list
    .flatMap((s) => s.split(/[,，]/))
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

export async function main(argv: string[]): Promise<number> {
  guardPipes();
  const debug = argv.includes("--debug");
  const cmd =
    argv[0] !== undefined && !argv[0].startsWith("-")
      ? COMMANDS.find((c) => c.name === argv[0])
      : undefined;
  try {
    if (argv[0] !== undefined && !argv[0].startsWith("-") && !cmd)
      throw new UsageError(
        `未知命令“${argv[0]}”（可用：${COMMANDS.map((c) => c.name).join("、")}）`
      );
    const { values, positionals } = parse(cmd, cmd ? argv.slice(1) : argv);
    if (values.help) {
      out(usageText());
      return EXIT.ok;
    }
    if (values.version) {
      out(`budget-review ${version()}`);
      return EXIT.ok;
    }
    if (!cmd) throw new UsageError("缺少命令");
    await validate(values);
    if (positionals.length < cmd.minArgs)
      throw new UsageError(`${cmd.name} 命令缺少参数 ${cmd.args}`);
    if (cmd.maxArgs !== undefined && positionals.length > cmd.maxArgs)
      throw new UsageError(
        `${cmd.name} 命令只接受 ${cmd.maxArgs === 0 ? "无" : cmd.maxArgs + " 个"}参数，多余的是“${positionals[cmd.maxArgs]}”`
      );
    if (cmd.name === "inspect") {
      const { runInspect } = await import("./inspect");
      return await runInspect(positionals[0], { json: !!values.json, debug }, out, err);
    }
    if (cmd.name === "clear") {
      if (typeof values.out !== "string")
        throw new UsageError("clear 命令须用 --out 目录 指定写出副本的文件夹（原文件从不改动）");
      const { runClear } = await import("./clear");
      writingFiles = true;
      return await runClear(await expandWildcards(positionals), { outDir: values.out }, out, err);
    }
    if (cmd.name === "check" && typeof values.out === "string") {
      const { runCheckOut } = await import("./check-out");
      writingFiles = true;
      return await runCheckOut(
        await expandWildcards(positionals),
        {
          outDir: values.out,
          jobs: values.jobs === undefined ? undefined : Number(values.jobs),
          json: !!values.json,
          failOn: values["fail-on"] as string | undefined,
          skip: skipList(values),
        },
        out,
        err
      );
    }
    if (cmd.name === "check") {
      const { runCheck } = await import("./check");
      return await runCheck(
        await expandWildcards(positionals),
        {
          json: !!values.json,
          failOn: values["fail-on"] as string | undefined,
          minSeverity: values["min-severity"] as string | undefined,
          skip: skipList(values),
          debug,
        },
        out,
        err
      );
    }
    const { rulesMarkdown } = await import("../core/rules/docs");
    out(rulesMarkdown());
    return EXIT.ok;
  } catch (e) {
    if (e instanceof UsageError) {
      err(`错误：${e.message}。运行 budget-review --help 查看用法。`);
      return EXIT.unusable;
    }
    err(errorLine(e, debug));
    return EXIT.unusable;
  }
}
