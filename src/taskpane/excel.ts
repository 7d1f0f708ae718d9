/** The pane's Excel actions: one Excel.run per user action, the reads batched by the Office host. */
import { readWorkbookGrids } from "../hosts/office/read";
import { importWorkbook } from "../core/importer/importer";
import { parseRef } from "../core/grid/address";
import type { Report } from "../core/model/schema";

export function supports(version: string): boolean {
  return !!Office.context?.requirements?.isSetSupported?.("ExcelApi", version);
}

export async function readReport(): Promise<Report> {
  const { grids } = await Excel.run((ctx) =>
    readWorkbookGrids(ctx, { mergedAreas: supports("1.13") })
  );
  return importWorkbook(grids);
}

/** Selects a cell cited by a finding ('表 1'!C6): activates its sheet and selects the cell. */
export async function selectCell(ref: string): Promise<void> {
  const p = parseRef(ref);
  await Excel.run(async (ctx) => {
    const ws = p.sheet
      ? ctx.workbook.worksheets.getItem(p.sheet)
      : ctx.workbook.worksheets.getActiveWorksheet();
    ws.activate();
    ws.getRangeByIndexes(p.r0, p.c0, p.r1 - p.r0 + 1, p.c1 - p.c0 + 1).select();
    await ctx.sync();
  });
}

/** A Chinese sentence for an Office error (codes are stable; Office's messages are not meant for users). */
export function officeErrorText(e: unknown): string {
  const code = (e as { code?: string })?.code;
  const known: Record<string, string> = {
    ItemNotFound: "找不到对应的工作表或单元格（可能已被删除或改名）",
    AccessDenied: "工作表受保护，无法执行该操作",
    InvalidArgument: "参数无效",
    RequestPayloadSizeLimitExceeded: "工作簿过大，超出 Excel 单次读取上限",
    GeneralException: "Excel 内部错误，请稍后重试",
  };
  return (code && known[code]) || (e instanceof Error ? e.message : String(e));
}
