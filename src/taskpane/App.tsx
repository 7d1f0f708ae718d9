/**
 * The task pane: 开始审核 (read → recognise → check → mark, with progress), findings grouped by severity and table with
 * counts, filter / search / hide 尾差·提示 / export, each finding's arithmetic, locate in Excel, decisions saved in the
 * workbook; the recognised tables with kind / unit corrections; the findings citing the cell selected in Excel;
 * staleness when cited cells changed since the read. All Excel work goes through ./workflow.
 */
import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  CounterBadge,
  Divider,
  Dropdown,
  MessageBar,
  MessageBarBody,
  Option,
  ProgressBar,
  SearchBox,
  Subtitle2,
  Switch,
  Tab,
  TabList,
  Text,
  Title3,
  ToggleButton,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { KIND_NAMES } from "../core/model/names";
import { TABLE_KINDS, type TableKind, type Unit } from "../core/model/schema";
import { correct } from "../core/model/corrections";
import { decide, findingKey, type DecidedFinding } from "../core/decisions/decisions";
import { parseRef } from "../core/grid/address";
import { tableOfFinding } from "../core/findings/arithmetic";
import type { Severity } from "../core/rules/rule";
import { BADGE, FindingCard } from "./FindingCard";
import { findingsCsv } from "./export";
import { printable } from "../core/grid/printable";
import { unreadTables } from "../core/review/verdict";
import {
  PHASES,
  clear,
  problemText,
  review,
  save,
  selectCells,
  selectionAndValues,
  type Phase,
  type PlanBuilder,
  type ReviewOutcome,
} from "./workflow";
import type { Strings } from "./strings";

const SEVERITIES: Severity[] = ["error", "warning", "rounding", "info"];
const UNITS: Unit[] = ["元", "千元", "万元", "亿元"];

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: "10px",
    padding: "12px",
    boxSizing: "border-box",
    minHeight: "100vh",
    minWidth: 0,
  },
  header: { display: "flex", flexDirection: "column", gap: "2px" },
  actions: { display: "flex", gap: "6px", flexWrap: "wrap" },
  phases: {
    display: "flex",
    gap: "4px",
    flexWrap: "wrap",
    alignItems: "center",
    fontSize: tokens.fontSizeBase200,
  },
  phase: {
    padding: "1px 6px",
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
  },
  phaseOn: {
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  phaseDone: {
    backgroundColor: tokens.colorPaletteGreenBackground2,
    color: tokens.colorPaletteGreenForeground2,
  },
  counts: { display: "flex", gap: "4px", flexWrap: "wrap" },
  toolbar: { display: "flex", gap: "6px", flexWrap: "wrap", alignItems: "center" },
  list: { display: "flex", flexDirection: "column", gap: "6px" },
  group: { display: "flex", flexDirection: "column", gap: "6px", marginBottom: "8px" },
  tableHead: {
    display: "flex",
    justifyContent: "space-between",
    gap: "6px",
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: "2px",
    overflowWrap: "anywhere",
  },
  sheet: { display: "flex", flexDirection: "column", gap: "4px", padding: "6px 0" },
  table: {
    display: "flex",
    flexDirection: "column",
    gap: "4px",
    padding: "6px 8px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    overflowWrap: "anywhere",
  },
  tableRow: { display: "flex", gap: "6px", flexWrap: "wrap", alignItems: "center" },
  selection: {
    display: "flex",
    flexDirection: "column",
    gap: "6px",
    padding: "8px",
    border: `1px solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  footer: { marginTop: "auto", color: tokens.colorNeutralForeground3 },
  cause: {
    display: "flex",
    flexDirection: "column",
    gap: "4px",
    padding: "8px 10px",
    borderLeft: `3px solid ${tokens.colorPaletteRedBorder2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: "anywhere",
  },
});

/** A cause as the localizer states it (src/core/localize): suspected cells, equal alternatives, findings explained. */
interface CauseView {
  message: string;
  suspects: Array<{ cell: string }>;
  alternatives: Array<Array<{ cell: string }>>;
  explains: number[];
}
function causesOf(out: ReviewOutcome | undefined): CauseView[] {
  const c = (out?.result as { causes?: CauseView[] } | undefined)?.causes;
  return Array.isArray(c) ? c : [];
}

type Busy = "review" | "insert" | "clear" | undefined;
interface Note {
  intent: "success" | "warning" | "error" | "info";
  text: string;
}

export function App({
  t,
  build,
  catalogVersion,
  productVersion,
}: {
  t: Strings;
  build: PlanBuilder;
  catalogVersion: string;
  productVersion: string;
}) {
  const s = useStyles();
  const [busy, setBusy] = React.useState<Busy>();
  const [phase, setPhase] = React.useState<Phase>();
  const [out, setOut] = React.useState<ReviewOutcome>();
  const [notes, setNotes] = React.useState<Note[]>([]);
  const [tab, setTab] = React.useState<"findings" | "tables">("findings");
  const [shown, setShown] = React.useState<Set<Severity>>(new Set(SEVERITIES));
  const [hideMinor, setHideMinor] = React.useState(false);
  const [query, setQuery] = React.useState("");
  const [stale, setStale] = React.useState<Set<number>>(new Set());
  const [selection, setSelection] = React.useState<{ address: string; findings: number[] }>();
  const outRef = React.useRef<ReviewOutcome>();
  outRef.current = out;

  const run = async (kind: "review" | "insert") => {
    setBusy(kind);
    setNotes([]);
    setStale(new Set());
    setSelection(undefined);
    try {
      const seen: Phase[] = [];
      const o = await review({
        build,
        catalogVersion,
        productVersion,
        write: kind === "insert" ? "all" : "marks",
        onPhase: (p) => (seen.push(p), setPhase(p)),
      });
      document.body.dataset.phases = seen.join(",");
      setOut(o);
      const a = o.applied;
      const next: Note[] = [];
      if (a) {
        next.push({
          intent: "success",
          text:
            t.applied(a.marks, a.notes) +
            (a.sheets.length ? ` ${t.insertedSheets(a.sheets.join("、"))}` : ""),
        });
        if (a.protectedSheets.length)
          next.push({ intent: "warning", text: t.protectedSheets(a.protectedSheets.join("、")) });
        if (a.nameTaken.length)
          next.push({ intent: "warning", text: t.nameTaken(a.nameTaken.join("、")) });
      }
      setNotes(next);
    } catch (e) {
      setNotes([{ intent: "error", text: problemText(e) }]);
    } finally {
      setBusy(undefined);
      setPhase(undefined);
    }
  };

  const doClear = async () => {
    setBusy("clear");
    setNotes([]);
    try {
      const r = await clear();
      const next: Note[] = [
        { intent: "success", text: t.cleared(r.marks, r.notes, r.sheets.length) },
      ];
      if (r.protectedSheets.length)
        next.push({ intent: "warning", text: t.protectedSheets(r.protectedSheets.join("、")) });
      setNotes(next);
    } catch (e) {
      setNotes([{ intent: "error", text: problemText(e) }]);
    } finally {
      setBusy(undefined);
    }
  };

  const locate = async (cells: string[]) => {
    try {
      const { selected, total } = await selectCells(cells);
      setNotes([
        {
          intent: "info",
          text:
            selected >= total
              ? t.locatedAreas
              : selected > 1
                ? t.locatedSome(selected, total - selected)
                : total > 1
                  ? t.locatedFigure
                  : t.locatedOne,
        },
      ]);
    } catch (e) {
      setNotes([{ intent: "error", text: problemText(e) }]);
    }
  };

  const decideOn = async (
    item: DecidedFinding,
    status: "confirmed" | "dismissed" | undefined,
    reason: string
  ) => {
    if (!out) return;
    try {
      const decisions = decide(
        out.decisions,
        item.finding,
        status,
        reason,
        catalogVersion,
        new Date().toISOString()
      );
      await save("decisions", decisions);
      const mine = decisions.find((d) => d.key === findingKey(item.finding));
      setOut({
        ...out,
        decisions,
        decided: out.decided.map((x) =>
          x.index === item.index ? { ...x, decision: mine, outdated: false } : x
        ),
      });
    } catch (e) {
      setNotes([{ intent: "error", text: problemText(e) }]);
    }
  };

  const correctTable = async (
    sheet: string,
    range: string,
    change: { kind?: TableKind; unit?: Unit }
  ) => {
    if (!out) return;
    const prev = out.corrections.find((c) => c.sheet === sheet && c.range === range);
    const corrections = correct(out.corrections, {
      sheet,
      range,
      kind: change.kind ?? prev?.kind,
      unit: change.unit ?? prev?.unit,
    });
    try {
      await save("corrections", corrections);
      setOut({ ...out, corrections });
      setNotes([{ intent: "info", text: t.correctionSaved }]);
    } catch (e) {
      setNotes([{ intent: "error", text: problemText(e) }]);
    }
  };

  // Selecting a cell in Excel: show the findings citing it; cited cells whose value changed mark their findings stale.
  React.useEffect(() => {
    const doc = (
      Office.context as unknown as {
        document?: { addHandlerAsync?: (type: unknown, h: () => void) => void };
      }
    )?.document;
    if (!doc?.addHandlerAsync) return;
    doc.addHandlerAsync(Office.EventType.DocumentSelectionChanged, () => {
      const o = outRef.current;
      if (!o) return;
      const cited = [...new Set(o.result.findings.flatMap((f) => f.cells))];
      void selectionAndValues(cited)
        .then(({ address, values }) => {
          const changed = new Set<string>();
          for (const [ref, v] of values) if (!same(v, cellValue(o, ref))) changed.add(ref);
          setStale(
            new Set(
              o.result.findings
                .map((f, i) => (f.cells.some((c) => changed.has(c)) ? i : -1))
                .filter((i) => i >= 0)
            )
          );
          setSelection({
            address,
            findings: o.result.findings
              .map((f, i) => (f.cells.some((c) => inRange(c, address)) ? i : -1))
              .filter((i) => i >= 0),
          });
        })
        .catch(() => undefined);
    });
  }, []);

  const count = (sev: Severity) =>
    out?.result.findings.filter((f) => f.severity === sev).length ?? 0;
  const q = query.trim().toLowerCase();
  const visible = (out?.decided ?? []).filter((x) => {
    const f = x.finding;
    if (!shown.has(f.severity)) return false;
    if (hideMinor && (f.severity === "rounding" || f.severity === "info")) return false;
    if (q && !`${f.message} ${f.rule} ${f.cells.join(" ")}`.toLowerCase().includes(q)) return false;
    return true;
  });

  // The localizer's causes (when the check result carries them): each groups the findings it explains.
  const causes = causesOf(out);
  const explained = new Set(causes.flatMap((c) => c.explains));
  const ungrouped = visible.filter((x) => !explained.has(x.index));

  const exportCsv = () => {
    if (!out) return;
    const csv = findingsCsv(out, visible);
    const url = URL.createObjectURL(new Blob(["\ufeff" + csv], { type: "text/csv;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = "审核结果.csv";
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setNotes([{ intent: "success", text: t.exported(visible.length) }]);
  };

  const card = (x: DecidedFinding) => (
    <FindingCard
      key={x.index}
      t={t}
      item={x}
      arithmetic={out?.arithmetic.get(x.index)}
      stale={stale.has(x.index)}
      onLocate={locate}
      onDecide={(st, r) => decideOn(x, st, r)}
    />
  );

  return (
    <div className={s.root}>
      <div className={s.header}>
        <Title3 as="h1">{t.title}</Title3>
        <Caption1>
          {out?.report.department
            ? printable(
                [out.report.department, out.report.year, out.report.unit]
                  .filter(Boolean)
                  .join(" · ")
              )
            : t.subtitle}
        </Caption1>
      </div>
      <div className={s.actions}>
        <Button appearance="primary" onClick={() => run("review")} disabled={!!busy}>
          {out ? t.rerun : t.start}
        </Button>
        <Button onClick={() => run("insert")} disabled={!!busy}>
          {t.insert}
        </Button>
        <Button onClick={doClear} disabled={!!busy}>
          {t.clear}
        </Button>
      </div>
      {busy && busy !== "clear" && (
        <div aria-label="progress" role="status">
          <div className={s.phases}>
            {PHASES.map((p, i) => {
              const at = phase ? PHASES.indexOf(phase) : -1;
              return (
                <React.Fragment key={p}>
                  {i > 0 && <span aria-hidden>→</span>}
                  <span
                    className={`${s.phase} ${i === at ? s.phaseOn : i < at ? s.phaseDone : ""}`}
                    data-phase={p}
                    data-state={i === at ? "active" : i < at ? "done" : "todo"}
                  >
                    {t.phases[p]}
                  </span>
                </React.Fragment>
              );
            })}
          </div>
          <ProgressBar
            value={phase ? (PHASES.indexOf(phase) + 0.5) / PHASES.length : 0}
            thickness="large"
          />
        </div>
      )}
      {notes.map((n, i) => (
        <MessageBar key={i} intent={n.intent}>
          <MessageBarBody>{n.text}</MessageBarBody>
        </MessageBar>
      ))}
      {stale.size > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {t.staleBanner(stale.size)}{" "}
            <Button size="small" onClick={() => run("review")} disabled={!!busy}>
              {t.rerun}
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      {selection && out && (
        <section className={s.selection} aria-label="selection">
          <Text size={200} weight="semibold">
            {selection.findings.length
              ? t.selection(selection.address, selection.findings.length)
              : t.selectionNone(selection.address)}
          </Text>
          {out.decided.filter((x) => selection.findings.includes(x.index)).map(card)}
        </section>
      )}
      {out && (
        <>
          <TabList
            selectedValue={tab}
            onTabSelect={(_, d) => setTab(d.value as "findings" | "tables")}
            size="small"
          >
            <Tab value="findings">{t.tabFindings(out.result.findings.length)}</Tab>
            <Tab value="tables">{t.tabTables(out.report.tables.length)}</Tab>
          </TabList>
          {tab === "findings" && (
            <section aria-label="findings" className={s.list}>
              <Subtitle2 as="h2">
                {t.counts(count("error"), count("warning"), count("rounding"), count("info"))}
              </Subtitle2>
              <Caption1>
                {t.rules(
                  out.result.rules.checked,
                  out.result.rules.passed,
                  out.result.rules.failed,
                  out.result.rules.notApplicable
                )}
              </Caption1>
              <div className={s.toolbar} role="group" aria-label={t.filter}>
                {SEVERITIES.map((sev) => (
                  <ToggleButton
                    key={sev}
                    size="small"
                    checked={shown.has(sev)}
                    onClick={() =>
                      setShown((x) => {
                        const n = new Set(x);
                        if (n.has(sev)) n.delete(sev);
                        else n.add(sev);
                        return n;
                      })
                    }
                  >
                    {t.severity[sev]} {count(sev)}
                  </ToggleButton>
                ))}
              </div>
              <div className={s.toolbar}>
                <SearchBox
                  size="small"
                  placeholder={t.search}
                  aria-label={t.search}
                  value={query}
                  onChange={(_, d) => setQuery(d.value)}
                  style={{ flex: 1, minWidth: 140 }}
                />
                <Switch
                  label={t.hideMinor}
                  checked={hideMinor}
                  onChange={(_, d) => setHideMinor(d.checked)}
                />
                <Button size="small" onClick={exportCsv}>
                  {t.export}
                </Button>
              </div>
              <Caption1>{t.clickHint}</Caption1>
              {out.result.findings.length === 0 && (
                <Text>
                  {out.result.rules.checked <= 0
                    ? t.nothingChecked
                    : unreadTables(out.report.unrecognized)
                      ? t.noFindingsUnread(unreadTables(out.report.unrecognized))
                      : t.noFindings}
                </Text>
              )}
              {out.result.findings.length > 0 && visible.length === 0 && <Text>{t.noneShown}</Text>}
              {causes.length > 0 && (
                <section aria-label="causes" className={s.list}>
                  <Subtitle2 as="h3">{t.causes(causes.length)}</Subtitle2>
                  {causes.map((c, i) => {
                    const items = visible.filter((x) => c.explains.includes(x.index));
                    if (!items.length && (q || hideMinor || shown.size < SEVERITIES.length))
                      return null;
                    const cells = c.suspects.map((x) => x.cell);
                    return (
                      <div key={i} className={s.cause} data-cause={i}>
                        <Text size={200} weight="semibold">
                          {c.message}
                        </Text>
                        {c.alternatives.length > 0 && (
                          <Caption1>
                            {t.alternatives(
                              c.alternatives.map((a) => a.map((x) => x.cell).join("、")).join("；")
                            )}
                          </Caption1>
                        )}
                        <div className={s.toolbar}>
                          <Button size="small" appearance="primary" onClick={() => locate(cells)}>
                            {t.locate}
                          </Button>
                          <Caption1>{t.explains(c.explains.length)}</Caption1>
                        </div>
                        {/* Open when few, or while searching (the hits must show). */}
                        <Accordion
                          collapsible
                          key={q ? "q" : "all"}
                          defaultOpenItems={q || items.length <= 3 ? ["f"] : []}
                        >
                          <AccordionItem value="f">
                            <AccordionHeader size="small">
                              {t.showExplained(items.length)}
                            </AccordionHeader>
                            <AccordionPanel>
                              <div className={s.list}>{items.map(card)}</div>
                            </AccordionPanel>
                          </AccordionItem>
                        </Accordion>
                      </div>
                    );
                  })}
                </section>
              )}
              <Accordion multiple collapsible defaultOpenItems={["error", "warning"]}>
                {SEVERITIES.map((sev) => {
                  const items = ungrouped.filter((x) => x.finding.severity === sev);
                  if (!items.length) return null;
                  const byTable = new Map<string, { title: string; items: DecidedFinding[] }>();
                  for (const x of items) {
                    const tb = tableOfFinding(out.report, x.finding.cells);
                    const key = tb ? `${tb.sheet}｜${tb.title}` : t.otherTable;
                    if (!byTable.has(key)) byTable.set(key, { title: key, items: [] });
                    byTable.get(key)!.items.push(x);
                  }
                  return (
                    <AccordionItem key={sev} value={sev} data-group={sev}>
                      <AccordionHeader size="small">
                        <Badge appearance="filled" color={BADGE[sev]}>
                          {t.severity[sev]}
                        </Badge>
                        &nbsp;
                        <CounterBadge
                          count={items.length}
                          appearance="ghost"
                          color="informative"
                          overflowCount={999}
                        />
                      </AccordionHeader>
                      <AccordionPanel>
                        {[...byTable.values()].map((g) => (
                          <div key={g.title} className={s.group} data-table={g.title}>
                            <div className={s.tableHead}>
                              <span>{printable(g.title)}</span>
                              <span>{g.items.length}</span>
                            </div>
                            {g.items.map(card)}
                          </div>
                        ))}
                      </AccordionPanel>
                    </AccordionItem>
                  );
                })}
              </Accordion>
            </section>
          )}
          {tab === "tables" && <Tables t={t} out={out} onCorrect={correctTable} />}
          <Divider />
        </>
      )}
      <Caption1 className={s.footer}>{t.footer}</Caption1>
    </div>
  );
}

function Tables({
  t,
  out,
  onCorrect,
}: {
  t: Strings;
  out: ReviewOutcome;
  onCorrect: (sheet: string, range: string, c: { kind?: TableKind; unit?: Unit }) => void;
}) {
  const s = useStyles();
  const report = out.report;
  const sheets = [
    ...new Set([...report.tables.map((x) => x.sheet), ...report.unrecognized.map((u) => u.sheet)]),
  ];
  return (
    <section aria-label="tables">
      <Subtitle2 as="h2">{t.tables(report.tables.length)}</Subtitle2>
      {sheets.map((sheet) => {
        const tables = report.tables.filter((x) => x.sheet === sheet);
        const forms = tables.filter((x) => x.kind === "performance_target");
        const shown =
          forms.length > 3 ? tables.filter((x) => x.kind !== "performance_target") : tables;
        return (
          <div key={sheet} className={s.sheet} data-sheet={sheet}>
            <Text weight="semibold">
              {printable(sheet)}
              {report.hiddenSheets.includes(sheet) ? t.hidden : ""}
            </Text>
            {shown.map((x) => {
              const c = out.corrections.find((y) => y.sheet === x.sheet && y.range === x.range);
              return (
                <div key={x.id} className={s.table} data-table-id={x.id}>
                  <Text size={200}>
                    {printable(x.title || KIND_NAMES[x.kind])}
                    {x.form ? `《${printable(x.form.project)}》` : ""}
                  </Text>
                  <Caption1>
                    {x.range} · {x.rows.length} {t.rows}
                    {x.empty ? ` · ${t.empty}` : ""}
                    {c ? ` · ${t.corrected}` : ""}
                  </Caption1>
                  <div className={s.tableRow}>
                    <Dropdown
                      size="small"
                      aria-label={t.kind}
                      value={KIND_NAMES[c?.kind ?? x.kind]}
                      selectedOptions={[c?.kind ?? x.kind]}
                      onOptionSelect={(_, d) =>
                        onCorrect(x.sheet, x.range, { kind: d.optionValue as TableKind })
                      }
                      style={{ minWidth: 150, flex: 1 }}
                    >
                      {TABLE_KINDS.map((k) => (
                        <Option key={k} value={k}>
                          {KIND_NAMES[k]}
                        </Option>
                      ))}
                    </Dropdown>
                    <Dropdown
                      size="small"
                      aria-label={t.unit}
                      value={c?.unit ?? x.unit}
                      selectedOptions={[c?.unit ?? x.unit]}
                      onOptionSelect={(_, d) =>
                        onCorrect(x.sheet, x.range, { unit: d.optionValue as Unit })
                      }
                      style={{ minWidth: 80 }}
                    >
                      {UNITS.map((u) => (
                        <Option key={u} value={u}>
                          {u}
                        </Option>
                      ))}
                    </Dropdown>
                  </div>
                </div>
              );
            })}
            {forms.length > 3 && (
              <div className={s.table}>
                <Text size={200}>
                  {KIND_NAMES.performance_target} × {forms.length}
                </Text>
                <Caption1>
                  {forms[0].range.split(":")[0]}…{forms[forms.length - 1].range.split(":")[1]}
                </Caption1>
              </div>
            )}
            {report.unrecognized
              .filter((u) => u.sheet === sheet)
              .map((u) => (
                <Caption1 key={u.range}>
                  {t.unrecognized}：{u.range} {u.reason}
                </Caption1>
              ))}
          </div>
        );
      })}
    </section>
  );
}

function same(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) < 1e-9;
  return (a ?? "") === (b ?? "");
}

function cellValue(o: ReviewOutcome, ref: string): unknown {
  try {
    const p = parseRef(ref);
    const g = o.grids.find((x) => x.sheet === p.sheet);
    return g ? (g.values[p.r0 - g.origin.row]?.[p.c0 - g.origin.col] ?? "") : undefined;
  } catch {
    return undefined;
  }
}

/** Is a cell ('S'!C6) inside an address Excel reports for the selection ('S'!C5:D8)? */
function inRange(cell: string, address: string): boolean {
  try {
    const c = parseRef(cell);
    const a = parseRef(address.replace(/\$/g, ""));
    return c.sheet === a.sheet && c.r0 >= a.r0 && c.r0 <= a.r1 && c.c0 >= a.c0 && c.c0 <= a.c1;
  } catch {
    return false;
  }
}
