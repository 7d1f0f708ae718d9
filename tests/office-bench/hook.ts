/**
 * What both bench loaders (Node vm, Chromium) install into Microsoft's runtime: the transport hook that sends
 * every request to the bench's executor, and the Office host object the add-in's code asks about.
 */
import type { Executor } from "./executor";

/** ExcelApi versions the fake host reports (compared as "major.minor" strings: "1.10" > "1.9"). */
export function requirementChecker(maxExcelApi = "1.13") {
  const v = (s: string) => s.split(".").map(Number);
  return (name: string, version = "1.1") => {
    if (name !== "ExcelApi") return false;
    const [a, b] = v(version);
    const [x, y] = v(maxExcelApi);
    return a < x || (a === x && b <= y);
  };
}

type SessionHolder = { SessionBase?: unknown };

/**
 * Replaces the runtime's transport through the private OfficeExtension.SessionBase._overrideSession hook.
 * JSON in, JSON out: nothing but the wire format crosses between runtime and backend. Fails loudly when the
 * hook or the request shape changes in @microsoft/office-js.
 */
export function installTransport(
  officeExtension: object | undefined,
  executor: Executor,
  delay: () => number = () => 0
): void {
  const holder = officeExtension as SessionHolder | undefined;
  if (typeof holder?.SessionBase !== "function")
    throw new Error(
      "office bench: OfficeExtension.SessionBase is gone — the transport hook (_overrideSession) changed in @microsoft/office-js"
    );
  (holder.SessionBase as { _overrideSession?: unknown })._overrideSession = {
    _resolveRequestUrlAndHeaderInfo: () =>
      Promise.resolve({ url: "https://bench.invalid", headers: {} }),
    _createRequestExecutorOrNull: () => ({
      executeAsync: (_customData: unknown, _flags: unknown, message: { Body: unknown }) => {
        const body = JSON.parse(JSON.stringify(message.Body));
        if (!body || !Array.isArray(body.Actions) || typeof body.ObjectPaths !== "object")
          return Promise.reject(
            new Error(
              "office bench: the runtime's request shape changed (expected {Actions, ObjectPaths})"
            )
          );
        const answer = JSON.parse(JSON.stringify(executor.execute(body)));
        const ms = delay();
        // A slow host (a large workbook, Excel on the web) is simulated by answering late.
        return ms ? new Promise((r) => setTimeout(() => r(answer), ms)) : Promise.resolve(answer);
      },
    }),
  };
}

/**
 * ExcelApi 1.18's RangeAreas.select, which the 1.1.110 bundle predates: the same method action Range.select sends
 * (operation type 1, no arguments), built with the runtime's own ActionFactory. Only for a host that claims 1.18.
 */
export function addRangeAreasSelect(
  excel: { RangeAreas?: { prototype: Record<string, unknown> } } | undefined,
  officeExtension: unknown
): void {
  const factory = (
    officeExtension as { ActionFactory?: { createMethodAction?: (...a: unknown[]) => unknown } }
  )?.ActionFactory;
  const proto = excel?.RangeAreas?.prototype;
  if (!proto || proto.select || typeof factory?.createMethodAction !== "function") return;
  proto.select = function (this: { context: unknown }) {
    factory.createMethodAction!(this.context, this, "Select", 1, [], 0);
  };
}

/**
 * The host object: the bundle's Office.context is not configurable, so a derived object carries the host's
 * requirement sets, language and an onReady that resolves (asynchronously, as Office's does) to Excel on PC.
 */
/** What the add-in registered and showed through the host: ribbon functions (Office.actions.associate), dialogs. */
export interface HostRecord {
  actions: Record<string, (event: { completed: () => void }) => unknown>;
  dialogs: string[];
}

export function benchOffice<T extends object>(
  base: T | undefined,
  maxExcelApi?: string,
  selectionHandlers: Array<() => void> = [],
  displayLanguage = "zh-CN",
  record: HostRecord = { actions: {}, dialogs: [] }
): T {
  const office = Object.create(base ?? {}) as T;
  const info = { host: "Excel", platform: "PC" };
  // Common API document events: DocumentSelectionChanged handlers go to the workbook, which raises them on select().
  const document = {
    addHandlerAsync: (
      type: string,
      handler: (e: unknown) => void,
      cb?: (r: { status: string }) => void
    ) => {
      if (type === "documentSelectionChanged") selectionHandlers.push(() => handler({ type }));
      cb?.({ status: "succeeded" });
    },
    removeHandlerAsync: (_type: string, _opts: unknown, cb?: (r: { status: string }) => void) => {
      selectionHandlers.length = 0;
      cb?.({ status: "succeeded" });
    },
  };
  const ui = {
    displayDialogAsync: (
      url: string,
      _opts: unknown,
      cb?: (r: { status: string; value: { close(): void; addEventHandler(): void } }) => void
    ) => {
      record.dialogs.push(url);
      cb?.({
        status: "succeeded",
        value: { close: () => undefined, addEventHandler: () => undefined },
      });
    },
  };
  Object.defineProperty(office, "context", {
    value: {
      requirements: { isSetSupported: requirementChecker(maxExcelApi) },
      displayLanguage,
      document,
      ui,
    },
  });
  // The function file registers its ExecuteFunction handlers here; the bench invokes them as a ribbon click would.
  Object.defineProperty(office, "actions", {
    value: {
      associate: (name: string, fn: HostRecord["actions"][string]) =>
        void (record.actions[name] = fn),
    },
  });
  Object.defineProperty(office, "EventType", {
    value: { DocumentSelectionChanged: "documentSelectionChanged" },
  });
  Object.defineProperty(office, "onReady", {
    value: (cb?: (i: typeof info) => void) => Promise.resolve().then(() => (cb?.(info), info)),
  });
  return office;
}
