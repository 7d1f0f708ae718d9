/** The task pane: read the workbook, list the recognised tables per sheet, check, and click a finding to select it. */
import * as React from "react";
import { Badge, Button, Caption1, Divider, MessageBar, MessageBarBody, Spinner, Subtitle2, Text, Title3, makeStyles, tokens } from "@fluentui/react-components";
import type { Report } from "../core/model/schema";
import { KIND_NAMES } from "../core/model/names";
import { checkReport } from "../core/rules/engine";
import type { CheckResult, Finding, Severity } from "../core/rules/rule";
import { SEVERITY_NAMES } from "../core/rules/rule";
import { officeErrorText, readReport, selectCell } from "./excel";
import type { Strings } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px", padding: "16px", boxSizing: "border-box", minHeight: "100vh" },
  header: { display: "flex", flexDirection: "column", gap: "2px" },
  actions: { display: "flex", gap: "8px", flexWrap: "wrap" },
  sheet: { display: "flex", flexDirection: "column", gap: "4px", padding: "8px 0" },
  table: { display: "flex", justifyContent: "space-between", gap: "8px", padding: "4px 8px", borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2 },
  finding: {
    display: "flex", flexDirection: "column", gap: "4px", padding: "8px", textAlign: "left", border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1, cursor: "pointer", ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  cells: { color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase100 },
  footer: { marginTop: "auto", color: tokens.colorNeutralForeground3 },
});

const BADGE: Record<Severity, "danger" | "warning" | "informative" | "subtle"> = { error: "danger", warning: "warning", rounding: "informative", info: "subtle" };

export function App({ t }: { t: Strings }) {
  const s = useStyles();
  const [busy, setBusy] = React.useState<"read" | "check" | undefined>();
  const [report, setReport] = React.useState<Report>();
  const [result, setResult] = React.useState<CheckResult>();
  const [error, setError] = React.useState<string>();

  const read = async () => {
    setBusy("read");
    setError(undefined);
    setResult(undefined);
    try {
      setReport(await readReport());
    } catch (e) {
      setError(t.readFailed + officeErrorText(e));
    } finally {
      setBusy(undefined);
    }
  };
  const check = async () => {
    setBusy("check");
    setError(undefined);
    try {
      const r = report ?? (await readReport());
      setReport(r);
      setResult(checkReport(r));
    } catch (e) {
      setError(t.readFailed + officeErrorText(e));
    } finally {
      setBusy(undefined);
    }
  };
  const go = async (f: Finding) => {
    if (!f.cells[0]) return;
    try {
      await selectCell(f.cells[0]);
    } catch (e) {
      setError(t.selectFailed + officeErrorText(e));
    }
  };

  const sheets = report ? [...new Set([...report.tables.map((x) => x.sheet), ...report.unrecognized.map((u) => u.sheet)])] : [];
  const count = (sev: Severity) => result?.findings.filter((f) => f.severity === sev).length ?? 0;
  return (
    <div className={s.root}>
      <div className={s.header}>
        <Title3 as="h1">{t.title}</Title3>
        <Caption1>{t.subtitle}</Caption1>
      </div>
      <div className={s.actions}>
        <Button appearance="primary" onClick={read} disabled={!!busy}>{busy === "read" ? t.reading : t.read}</Button>
        <Button onClick={check} disabled={!!busy}>{busy === "check" ? t.checking : t.check}</Button>
        {busy && <Spinner size="tiny" />}
      </div>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {result && (
        <section aria-label="findings">
          <Subtitle2 as="h2">{t.findings(count("error"), count("warning"), count("rounding"), count("info"))}</Subtitle2>
          <Caption1 as="p" style={{ display: "block", margin: "4px 0 8px" }}>{t.rules(result.rules.checked, result.rules.passed, result.rules.failed, result.rules.notApplicable)} · {t.clickToSelect}</Caption1>
          {result.findings.length === 0 && <Text>{result.rules.checked > 0 ? t.noFindings : t.nothingChecked}</Text>}
          <div style={{ display: "flex", flexDirection: "column", gap: 6 }}>
            {result.findings.map((f, i) => (
              <button key={i} className={s.finding} onClick={() => go(f)} data-cell={f.cells[0] ?? ""}>
                <span><Badge appearance="filled" color={BADGE[f.severity]}>{SEVERITY_NAMES[f.severity]}</Badge> <Text size={200}>{f.message}</Text></span>
                <span className={s.cells}>{f.cells.slice(0, 4).join("  ")}{f.cells.length > 4 ? " …" : ""}</span>
              </button>
            ))}
          </div>
          <Divider />
        </section>
      )}
      {report && (
        <section aria-label="tables">
          <Subtitle2 as="h2">{report.tables.length ? t.tables(report.tables.length) : t.noTables}</Subtitle2>
          {report.department && <Caption1 as="p" style={{ display: "block", margin: "4px 0" }}>{report.department} · {report.year ?? ""} · {report.unit ?? ""}</Caption1>}
          {sheets.map((sheet) => {
            const tables = report.tables.filter((x) => x.sheet === sheet);
            const forms = tables.filter((x) => x.kind === "performance_target");
            const shown = forms.length > 3 ? tables.filter((x) => x.kind !== "performance_target") : tables;
            return (
              <div key={sheet} className={s.sheet} data-sheet={sheet}>
                <Text weight="semibold">{sheet}{report.hiddenSheets.includes(sheet) ? t.hidden : ""}</Text>
                {shown.map((x) => (
                  <div key={x.id} className={s.table}>
                    <Text size={200}>{KIND_NAMES[x.kind]}{x.form ? `《${x.form.project}》` : ""}</Text>
                    <Caption1>{x.range} · {x.rows.length} {t.rows}{x.empty ? ` · ${t.empty}` : ""}</Caption1>
                  </div>
                ))}
                {forms.length > 3 && (
                  <div className={s.table}>
                    <Text size={200}>{KIND_NAMES.performance_target} × {forms.length}</Text>
                    <Caption1>{forms[0].range.split(":")[0]}…{forms[forms.length - 1].range.split(":")[1]}</Caption1>
                  </div>
                )}
                {report.unrecognized.filter((u) => u.sheet === sheet).map((u) => (
                  <Caption1 key={u.range}>{t.unrecognized}：{u.range} {u.reason}</Caption1>
                ))}
              </div>
            );
          })}
        </section>
      )}
      <Caption1 className={s.footer}>{t.readOnlyNote}</Caption1>
    </div>
  );
}
