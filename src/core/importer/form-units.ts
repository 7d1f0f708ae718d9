/**
 * The unit of 绩效目标表 forms that print none: no 项目资金（万元） caption, no 单位：万元 line of their own or of their
 * sheet, no page header. Read as 元 (what a form printing no unit states its money in) they stood 10,000 times below
 * their projects in a 万元 workbook: a false 错误 per project (projects.annual-amount). A reviewer reads them in the
 * unit the workbook's tables print when their figures agree with their projects' in it; 元 when the figures agree in
 * 元 instead, or when no table prints a unit. `Table.unitAssumed` keeps which, for naming.form-unit's 提示.
 */
import { projectKey } from "../grid/text";
import { UNIT_FACTOR, type Table, type Unit } from "../model/schema";

/** Figures within 10 times of each other are of one magnitude (a real mistake of a few 万元 stays one). */
const SAME_MAGNITUDE = 1;

/**
 * Sets the unit of every form marked `unitAssumed` by the importer (printed none): `printedUnit` (the unit most of the
 * workbook's money tables print) unless the forms' 年度资金总额 agree with their projects' amounts in 元 on more
 * projects than in that unit. The decision is the workbook's, not each form's: a form 10,000 times off its project
 * among forms that agree is a mistake of that form, said by projects.annual-amount.
 */
export function formUnits(tables: Table[], printedUnit: Unit | undefined): void {
  const forms = tables.filter((t) => t.unitAssumed && t.form);
  if (!forms.length || !printedUnit) return;
  const projects = new Map<string, number>();
  for (const t of tables) {
    if (t.kind !== "project_expenditure" && t.kind !== "project_carryover") continue;
    for (const r of t.rows) {
      const v = r.amounts.total?.value;
      if (r.key === "total" || r.level === 0 || r.partial || !v) continue;
      const k = projectKey(r.label);
      if (k) projects.set(k, (projects.get(k) ?? 0) + v * UNIT_FACTOR[t.unit]);
    }
  }
  const shift = Math.log10(UNIT_FACTOR[printedUnit]);
  let inPrinted = 0;
  let inYuan = 0;
  for (const f of forms) {
    const annual = f.rows.find((r) => r.key === "total")?.amounts.annual?.value;
    const project = projects.get(projectKey(f.form!.project));
    if (!annual || !project || annual < 0 || project < 0) continue;
    const off = Math.log10(annual / project);
    if (Math.abs(off + shift) < SAME_MAGNITUDE) inPrinted++;
    else if (Math.abs(off) < SAME_MAGNITUDE) inYuan++;
  }
  const yuan = printedUnit !== "元" && inYuan > inPrinted;
  for (const f of forms) {
    f.unit = yuan ? "元" : printedUnit;
    f.unitAssumed = yuan ? "magnitude" : "tables";
  }
}
