// The first screen's data, asked for once, before the app is mounted (main.ts): Rust reads the list
// while the page builds, and the first screen needs no other call.
import { api } from "./api";
import type { StartScreen } from "./bindings";

/** Rows painted at once: a long list grows on demand, so the window opens fast with 10 000 dossiers. */
export const LIST_PAGE = 50;

/** The rows the window can show now (the header and toolbar take about 240 px, a row about 110 px), and
 *  one more for the row cut by the bottom edge: the first paint draws only those; the rest of the page
 *  follows right after the first paint (DossierList). */
export function rowsThatFit(height: number = window.innerHeight): number {
  return Math.min(LIST_PAGE, Math.max(4, Math.ceil(((height || 800) - 240) / 110) + 1));
}

/** null when the data cannot be read: the list then asks on its own and shows why (and offers a restore). */
export const askStartScreen = (): Promise<StartScreen | null> =>
  api
    .startScreen({ search: null, status: null, limit: rowsThatFit() })
    .then((screen) => {
      markStart("js:start_screen");
      return screen;
    })
    .catch(() => null);

/** Two animation frames after the data is in the DOM: the frame with it has been drawn. The startup
 *  benchmark's hello-world app reports at the same point. */
export const afterPaint = (then: () => void) => requestAnimationFrame(() => requestAnimationFrame(then));

/** Milestones of the start (epoch milliseconds), handed to Rust with « painted » for the startup
 *  benchmark's breakdown. */
export const startMarks: [string, number][] = [];
export const markStart = (label: string) => startMarks.push([label, performance.timeOrigin + performance.now()]);

/** The page's own loading, from the browser's timings: when each file arrived, when the document was
 *  parsed (for the startup benchmark's breakdown). */
export function loadingMarks(): [string, number][] {
  const at = (ms: number) => performance.timeOrigin + ms;
  const marks: [string, number][] = [];
  for (const e of performance.getEntriesByType("navigation") as PerformanceNavigationTiming[]) {
    marks.push(["doc:response", at(e.responseEnd)], ["doc:interactive", at(e.domInteractive)]);
  }
  for (const e of performance.getEntriesByType("resource") as PerformanceResourceTiming[]) {
    const name = e.name.split("/").pop()?.split("-")[0] ?? "file";
    marks.push([`file:${name}:start`, at(e.startTime)], [`file:${name}`, at(e.responseEnd)]);
  }
  return marks;
}
