#!/usr/bin/env node
// Findings of every real input in one file, to compare two builds: a change to a rule or the importer should change
// only the findings it means to. Developers' tool, not part of the product or the tests.
//
//   node scripts/snapshot.js [--causes] [--tree <checkout>] [--dir <folder> ...] > after.json
//   node scripts/snapshot.js --diff before.json after.json
//
// Inputs: ../shared (workbooks, field cases, bad inputs) and tests/fixtures of the checkout, or the folders given with
// --dir. The checkout's CLI must be built (npm run build:cli). Each file maps to its sorted findings
// "severity rule cells" (+ message with --causes, and the causes' suspects), or to its error code.
"use strict";
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const INPUT = /\.(xlsx|xlsm|xls|ods|csv|html?|xml|fods)$/i;

function walk(dir, out) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (INPUT.test(entry.name)) out.push(full);
  }
  return out;
}

function snapshot(tree, dirs, causes) {
  const files = dirs.flatMap((dir) => (fs.existsSync(dir) ? walk(dir, []) : [])).sort();
  const result = {};
  // Batches keep the command line short; one process per batch.
  for (let i = 0; i < files.length; i += 60) {
    const batch = files.slice(i, i + 60);
    let stdout;
    try {
      stdout = execFileSync(
        process.execPath,
        [path.join(tree, "bin", "budget-review.js"), "check", ...batch, "--json"],
        { maxBuffer: 1 << 30, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }
      );
    } catch (error) {
      stdout = error.stdout; // exit code 1 = findings
    }
    for (const entry of JSON.parse(stdout).files) {
      const key = path
        .relative(path.dirname(tree), path.resolve(entry.file))
        .replace(/^[^/]+\/(tests\/)/, "$1");
      if (entry.error) {
        result[key] = [`error ${entry.error.code}`];
        continue;
      }
      const lines = entry.findings.map(
        (f) => `${f.severity} ${f.rule} ${f.cells.join(",")}` + (causes ? ` | ${f.message}` : "")
      );
      if (causes)
        for (const c of entry.causes ?? [])
          lines.push(
            `cause ${c.method} ${c.suspects.map((s) => `${s.cell}${s.relation}${s.value}`).join(",")}`
          );
      result[key] = lines.sort();
    }
  }
  return result;
}

function diff(a, b) {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  let differ = 0;
  for (const key of keys) {
    const before = a[key];
    const after = b[key];
    if (!before || !after) {
      console.log(`${before ? "only in a" : "only in b"}: ${key}`);
      continue;
    }
    const gone = before.filter((l) => !after.includes(l));
    const added = after.filter((l) => !before.includes(l));
    if (gone.length === 0 && added.length === 0) continue;
    differ++;
    console.log(`== ${key}`);
    for (const l of gone) console.log(`  - ${l}`);
    for (const l of added) console.log(`  + ${l}`);
  }
  console.log(`${differ} files differ of ${keys.length}`);
}

const args = process.argv.slice(2);
if (args[0] === "--diff") {
  diff(JSON.parse(fs.readFileSync(args[1], "utf8")), JSON.parse(fs.readFileSync(args[2], "utf8")));
} else {
  const tree = path.resolve(
    args.includes("--tree") ? args[args.indexOf("--tree") + 1] : path.join(__dirname, "..")
  );
  const dirs = args.flatMap((a, i) => (a === "--dir" ? [path.resolve(args[i + 1])] : []));
  const inputs =
    dirs.length > 0
      ? dirs
      : [path.join(tree, "..", "shared"), path.join(tree, "tests", "fixtures")];
  process.stdout.write(
    JSON.stringify(snapshot(tree, inputs, args.includes("--causes")), null, 1) + "\n"
  );
}
