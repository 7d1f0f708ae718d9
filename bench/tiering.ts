/** First import of the bench: the CLI's V8 tier-up threshold, so the in-process figures are the command's (src/cli/v8-tiering.ts). */
import { tuneV8Tiering } from "../src/cli/v8-tiering";

tuneV8Tiering();
