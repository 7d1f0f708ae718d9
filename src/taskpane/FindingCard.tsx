/** One finding: severity, message, the arithmetic (figure, parts with cells, sum, difference, rounding interval), locate, decide. */
import * as React from "react";
import {
  Badge,
  Button,
  Caption1,
  Input,
  Link,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Arithmetic } from "../core/findings/arithmetic";
import type { DecidedFinding } from "../core/decisions/decisions";
import { DECISION_NAMES } from "../core/decisions/decisions";
import type { Severity } from "../core/rules/rule";
import type { Strings } from "./strings";
import { printable } from "../core/grid/printable";

export const BADGE: Record<Severity, "danger" | "warning" | "informative" | "subtle"> = {
  error: "danger",
  warning: "warning",
  rounding: "informative",
  info: "subtle",
};

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    gap: "6px",
    padding: "8px 10px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    overflowWrap: "anywhere",
  },
  dismissed: { opacity: 0.7 },
  head: { display: "flex", gap: "6px", alignItems: "flex-start" },
  message: { flex: 1, minWidth: 0 },
  math: {
    display: "grid",
    gridTemplateColumns: "auto 1fr auto",
    columnGap: "8px",
    rowGap: "1px",
    fontSize: tokens.fontSizeBase200,
    fontVariantNumeric: "tabular-nums",
    backgroundColor: tokens.colorNeutralBackground2,
    padding: "6px 8px",
    borderRadius: tokens.borderRadiusSmall,
  },
  mathLabel: { color: tokens.colorNeutralForeground3, whiteSpace: "nowrap" },
  mathCell: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase100,
    minWidth: 0,
    overflowWrap: "anywhere",
  },
  mathValue: { textAlign: "right", whiteSpace: "nowrap" },
  rule: {
    gridColumn: "1 / -1",
    borderTop: `1px solid ${tokens.colorNeutralStroke1}`,
    margin: "2px 0",
  },
  bad: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  actions: { display: "flex", gap: "4px", flexWrap: "wrap", alignItems: "center" },
  cells: {
    color: tokens.colorNeutralForeground3,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase100,
    overflowWrap: "anywhere",
  },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

const num = (n: number) =>
  n.toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export interface FindingCardProps {
  t: Strings;
  item: DecidedFinding;
  arithmetic?: Arithmetic;
  stale: boolean;
  onLocate: (cells: string[]) => void;
  onDecide: (status: "confirmed" | "dismissed" | undefined, reason: string) => void;
}

export function FindingCard({
  t,
  item,
  arithmetic: a,
  stale,
  onLocate,
  onDecide,
}: FindingCardProps) {
  const s = useStyles();
  const [asking, setAsking] = React.useState(false);
  const [reason, setReason] = React.useState("");
  const f = item.finding;
  const d = item.decision;
  const cells = a ? [a.cell, ...a.parts.map((p) => p.cell)] : f.cells;
  return (
    <div
      className={`${s.card} ${d?.status === "dismissed" ? s.dismissed : ""}`}
      data-finding={item.index}
      data-cell={f.cells[0] ?? ""}
      data-severity={f.severity}
    >
      <div className={s.head}>
        <Badge appearance="filled" color={BADGE[f.severity]}>
          {t.severity[f.severity]}
        </Badge>
        <Text size={200} className={s.message}>
          {printable(f.message)}
        </Text>
      </div>
      {a && (
        <div className={s.math} aria-label="arithmetic">
          <span className={s.mathLabel}>{t.figure}</span>
          <span className={s.mathCell}>{a.cell}</span>
          <span className={s.mathValue}>{a.text}</span>
          {a.parts.map((p, i) => (
            <React.Fragment key={p.cell + i}>
              <span className={s.mathLabel}>
                {i === 0 ? t.parts : ""} {p.sign}
              </span>
              <span className={s.mathCell}>
                {p.cell}
                {p.unit ? `（${p.unit}）` : ""}
              </span>
              <span className={s.mathValue}>{p.text}</span>
            </React.Fragment>
          ))}
          <span className={s.rule} aria-hidden />
          <span className={s.mathLabel}>{t.sum}</span>
          <span />
          <span className={s.mathValue}>{num(a.sum)}</span>
          <span className={s.mathLabel}>{t.difference}</span>
          <span />
          <span className={`${s.mathValue} ${Math.abs(a.difference) > a.interval ? s.bad : ""}`}>
            {num(a.difference)} {a.unit}
          </span>
          <span className={s.mathLabel}>{t.interval}</span>
          <span />
          <span className={s.mathValue}>
            ±{num(a.interval)} {a.unit}
            {a.relation === "≤" ? `（${t.boundNote}）` : ""}
          </span>
        </div>
      )}
      {!a && f.cells.length > 0 && (
        <span className={s.cells}>
          {f.cells.slice(0, 6).join("  ")}
          {f.cells.length > 6 ? t.moreCells(f.cells.length) : ""}
        </span>
      )}
      {stale && <Caption1 className={s.warn}>⚠ {t.stale}</Caption1>}
      {d && (
        <Caption1>
          {t.decided(DECISION_NAMES[d.status], d.reason, d.decidedAt.slice(0, 10))}{" "}
          <Link as="button" onClick={() => onDecide(undefined, "")}>
            {t.undo}
          </Link>
        </Caption1>
      )}
      {item.outdated && <Caption1 className={s.warn}>⚠ {t.outdated}</Caption1>}
      {asking ? (
        <div className={s.actions}>
          <Input
            size="small"
            placeholder={t.reason}
            aria-label={t.reason}
            value={reason}
            onChange={(_, v) => setReason(v.value)}
            style={{ flex: 1, minWidth: 120 }}
          />
          <Button
            size="small"
            appearance="primary"
            disabled={!reason.trim()}
            onClick={() => (onDecide("dismissed", reason), setAsking(false))}
          >
            {t.save}
          </Button>
          <Button size="small" onClick={() => setAsking(false)}>
            {t.cancel}
          </Button>
        </div>
      ) : (
        <div className={s.actions}>
          {f.cells.length > 0 && (
            <Button size="small" appearance="primary" onClick={() => onLocate(cells)}>
              {t.locate}
            </Button>
          )}
          {d?.status !== "confirmed" && (
            <Button size="small" onClick={() => onDecide("confirmed", "")}>
              {t.confirm}
            </Button>
          )}
          {d?.status !== "dismissed" && (
            <Button size="small" onClick={() => setAsking(true)}>
              {t.dismiss}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
