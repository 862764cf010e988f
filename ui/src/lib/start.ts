// The first screen's data, asked for once, before the app is mounted (main.ts): Rust reads the list
// while the page builds, and the first screen needs no other call.
import { api } from "./api";
import type { StartScreen } from "./bindings";

/** Rows painted at once: a long list grows on demand, so the window opens fast with 10 000 dossiers. */
export const LIST_PAGE = 50;

/** The rows the window can show now (a row is about 100 px high), and two more: the first paint draws
 *  only those; the rest of the page follows as the person scrolls (DossierList). */
export function rowsThatFit(height: number = window.innerHeight): number {
  return Math.min(LIST_PAGE, Math.max(8, Math.ceil((height || 800) / 100) + 2));
}

/** null when the data cannot be read: the list then asks on its own and shows why (and offers a restore). */
export const askStartScreen = (): Promise<StartScreen | null> =>
  api.startScreen({ search: null, status: null, limit: rowsThatFit() }).catch(() => null);

/** Two animation frames after the data is in the DOM: the frame with it has been drawn. The startup
 *  benchmark's hello-world app reports at the same point. */
export const afterPaint = (then: () => void) => requestAnimationFrame(() => requestAnimationFrame(then));
