/**
 * The add-in's state kept in the workbook (Excel.SettingCollection, ExcelApi 1.4: per file and add-in, saved with
 * the workbook): the reviewer's decisions on findings and corrections of recognised tables, as JSON strings.
 * Loads are queued into the caller's next sync (no round trip of their own); a save is one sync.
 */
export const SETTING_KEYS = {
  decisions: "budgetReview.decisions",
  corrections: "budgetReview.corrections",
} as const;
export type SettingName = keyof typeof SETTING_KEYS;

/** Queues loads of every setting; call `read()` after the caller's next context.sync(). */
export function queueSettings(context: Excel.RequestContext): {
  read(): Record<SettingName, unknown>;
} {
  const items = (Object.keys(SETTING_KEYS) as SettingName[]).map((name) => ({
    name,
    item: context.workbook.settings.getItemOrNullObject(SETTING_KEYS[name]).load("value"),
  }));
  return {
    read: () =>
      Object.fromEntries(
        items.map(({ name, item }) => [name, item.isNullObject ? undefined : item.value])
      ) as Record<SettingName, unknown>,
  };
}

/** Saves one setting (JSON) in one sync. */
export async function saveSetting(
  context: Excel.RequestContext,
  name: SettingName,
  value: unknown
): Promise<void> {
  context.workbook.settings.add(SETTING_KEYS[name], JSON.stringify(value));
  await context.sync();
}
