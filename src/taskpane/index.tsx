/** Task pane entry: the only place with Office.onReady, so modules stay free of import-time side effects. */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { stringsFor } from "./strings";
import { buildReviewPlan, catalogVersion } from "../core/review/build";
import pkg from "../../package.json";

Office.onReady(() => {
  const root = createRoot(document.getElementById("root")!);
  const t = stringsFor(Office.context?.displayLanguage);
  document.documentElement.lang = /^en/i.test(Office.context?.displayLanguage ?? "")
    ? "en"
    : "zh-CN";
  root.render(
    <FluentProvider theme={webLightTheme}>
      <App
        t={t}
        build={buildReviewPlan}
        catalogVersion={catalogVersion()}
        productVersion={pkg.version}
      />
    </FluentProvider>
  );
});
