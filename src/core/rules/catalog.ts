/** The rule catalog: every implemented rule, in reporting order. A rule not listed here does not exist. */
import type { RuleDef } from "./rule";
import { WITHIN_RULES } from "./within";
import { QUANTITY_RULES } from "./quantities";
import { HIERARCHY_RULES } from "./hierarchy";
import { CROSS_RULES } from "./cross";
import { FUND_RULES } from "./funds";
import { COMPLETENESS_RULES } from "./completeness";
import { DETAIL_RULES } from "./detail";
import { NAMING_RULES } from "./naming";
import { PROJECT_RULES } from "./projects";
import { PROCUREMENT_RULES } from "./procurement";
import { BREAKDOWN_RULES, PERFORMANCE_LIST_RULES } from "./breakdowns";
import { ECONOMIC_TOTAL_RULES } from "./economic-total";
import { INPUT_RULES } from "./input";
import { PRINTED_RULES } from "./printed";
import { PAIR_RULES } from "./pairs";
import { unitRows } from "./unit-rows";

export const CATALOG: ReadonlyArray<RuleDef> = [
  ...INPUT_RULES,
  ...COMPLETENESS_RULES,
  ...DETAIL_RULES,
  ...WITHIN_RULES,
  ...QUANTITY_RULES,
  ...HIERARCHY_RULES,
  ...CROSS_RULES,
  unitRows,
  ...BREAKDOWN_RULES,
  ...ECONOMIC_TOTAL_RULES,
  ...FUND_RULES,
  ...PAIR_RULES,
  ...PROJECT_RULES,
  ...PROCUREMENT_RULES,
  ...PERFORMANCE_LIST_RULES,
  ...NAMING_RULES,
  ...PRINTED_RULES,
];
