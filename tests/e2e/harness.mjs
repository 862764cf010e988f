// Drives the built Recours app in its real window: tauri-driver (wrapping WebKitWebDriver) starts the
// binary, and selenium-webdriver talks to it. Each `launch()` is a fresh process of the app on the
// data directory given, so closing and relaunching is a real restart.
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Builder, By, Key, until } from "selenium-webdriver";

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, "../..");
export const appBinary = process.env.RECOURS_APP ?? path.join(root, "target/debug/recours");
export const cliBinary = process.env.RECOURS_CLI ?? path.join(root, "target/debug/recours-cli");
// tauri-driver from PATH (scripts/test.sh puts cargo's bin folder on it), unless TAURI_DRIVER says otherwise.
const tauriDriver = process.env.TAURI_DRIVER ?? "tauri-driver";
export const screenshotDir = process.env.RECOURS_SCREENSHOT_DIR ?? path.join(root, "target/e2e-screenshots");

export const WAIT = 15_000;

export function tempDataDir(name) {
  return mkdtempSync(path.join(os.tmpdir(), `recours-e2e-${name}-`));
}

function portOpen(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

async function waitForPorts(ports, ms = 20_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const open = await Promise.all(ports.map(portOpen));
    if (open.every(Boolean)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`tauri-driver did not open ports ${ports.join(", ")}`);
}

let nextPort = 4444 + (process.pid % 200) * 2;

/** Starts the app on `dataDir` (with `env` added) and returns { driver, quit }. */
export async function launch(dataDir, env = {}) {
  const port = nextPort;
  const nativePort = nextPort + 1;
  nextPort += 2;
  const driverProcess = spawn(
    tauriDriver,
    ["--port", String(port), "--native-port", String(nativePort), "--native-driver", "/usr/bin/WebKitWebDriver"],
    // The first-run welcome is tested on its own (welcome.test.mjs); other tests start past it.
    // The window's size and place are kept per data folder (XDG_CONFIG_HOME beside it): a test that
    // resizes the window never changes the next test's.
    {
      stdio: "ignore",
      env: {
        ...process.env,
        RECOURS_DATA_DIR: dataDir,
        RECOURS_SKIP_WELCOME: "1",
        // Without a GPU the app asks WebKit for its non-compositing mode (src-tauri/src/rendering.rs);
        // WebKitWebDriver's session never opens in that mode (seen 7 December 2026), so the tests keep
        // WebKit's default mode, which the app leaves alone when the variable is set.
        WEBKIT_DISABLE_COMPOSITING_MODE: "0",
        XDG_CONFIG_HOME: path.join(dataDir, "config"),
        ...env,
      },
    },
  );
  // tauri-driver accepts connections before WebKitWebDriver does: wait for both.
  await waitForPorts([port, nativePort]);
  const capabilities = {
    browserName: "wry",
    "tauri:options": { application: appBinary },
  };
  const driver = await new Builder()
    .usingServer(`http://127.0.0.1:${port}/`)
    .withCapabilities(capabilities)
    .build();
  return {
    driver,
    async quit() {
      try {
        await driver.quit();
      } finally {
        driverProcess.kill();
      }
    },
  };
}

export async function find(driver, css) {
  return driver.wait(until.elementLocated(By.css(css)), WAIT, `élément ${css} introuvable`);
}

export async function findVisible(driver, css) {
  const el = await find(driver, css);
  await driver.wait(until.elementIsVisible(el), WAIT);
  return el;
}

/** The first button (or label) whose text contains `text`. */
export async function byText(driver, text, tag = "button") {
  const xpath = `//${tag}[contains(normalize-space(.), ${JSON.stringify(text)})]`;
  const el = await driver.wait(until.elementLocated(By.xpath(xpath)), WAIT, `${tag} « ${text} » introuvable`);
  await driver.wait(until.elementIsVisible(el), WAIT);
  return el;
}

export async function click(driver, text, tag = "button") {
  await (await byText(driver, text, tag)).click();
}

export async function type(driver, css, text) {
  const el = await findVisible(driver, css);
  await el.clear();
  // A key press after clearing fires the input event the page listens to (clear() alone may not).
  await el.sendKeys(text === "" ? " " + Key.BACK_SPACE : text);
}

export async function textOf(driver, css) {
  return (await findVisible(driver, css)).getText();
}

/** Waits until the element's text contains `expected`. */
export async function waitText(driver, css, expected) {
  await driver.wait(async () => {
    try {
      const text = await driver.findElement(By.css(css)).getText();
      return text.includes(expected);
    } catch {
      return false;
    }
  }, WAIT, `« ${expected} » n'apparaît pas dans ${css}`);
}

const axeSource = readFileSync(path.join(here, "node_modules/axe-core/axe.min.js"), "utf8");

/** axe-core inside the real window, on the screen as it is now (WCAG 2.1 A and AA). Returns the
 *  violations and the contrast checks axe could not decide (« needs review »), each in one line. */
export async function axeRun(driver) {
  // The app's CSP forbids eval: axe's source is the body of a WebDriver script, which the CSP lets run.
  if (!(await driver.executeScript("return !!window.axe"))) {
    await driver.executeScript(`${axeSource}\n;window.axe = window.axe || axe;`);
  }
  const result = await driver.executeAsyncScript(
    `const done = arguments[arguments.length - 1];
     window.axe
       .run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }, resultTypes: ["violations", "incomplete"] })
       .then((r) => done({
         violations: r.violations.map((v) => v.id + ": " + v.help + " — " + v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ")),
         review: r.incomplete.filter((v) => v.id === "color-contrast")
           .flatMap((v) => v.nodes.map((n) => v.id + ": " + n.target.join(" ") + " — " + (n.any[0]?.message ?? ""))),
       }))
       .catch((e) => done({ violations: ["axe: " + e], review: [] }));`,
  );
  return result;
}

/** No WCAG 2.1 AA violation on this screen (axe-core). */
export async function assertAccessible(driver, name) {
  const { violations, review } = await axeRun(driver);
  if (violations.length) throw new Error(`axe-core, écran « ${name} » :\n${violations.join("\n")}`);
  if (process.env.AXE_REVIEW_LOG) for (const r of review) console.log(`# review ${name}: ${r}`);
}

/** Every screen worth a screenshot is also checked by axe-core. */
export async function screenshot(driver, name) {
  await assertAccessible(driver, name);
  mkdirSync(screenshotDir, { recursive: true });
  writeFileSync(path.join(screenshotDir, `${name}.png`), await driver.takeScreenshot(), "base64");
}

export function cli(dataDir, ...args) {
  const out = execFileSync(cliBinary, ["--data-dir", dataDir, ...args], { encoding: "utf8" });
  return JSON.parse(out);
}

/** A date `days` before today, as typed in the form (JJ/MM/AAAA). */
export function daysAgo(days) {
  const d = new Date(Date.now() - days * 86_400_000);
  return `${String(d.getDate()).padStart(2, "0")}/${String(d.getMonth() + 1).padStart(2, "0")}/${d.getFullYear()}`;
}

/** A date `days` before today, as ISO (YYYY-MM-DD), in local time. */
export function isoDaysAgo(days) {
  const [dd, mm, yyyy] = daysAgo(days).split("/");
  return `${yyyy}-${mm}-${dd}`;
}

const MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
/** "2026-03-12" → "12 mars 2026", as the app writes dates. */
export function frenchDate(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d === 1 ? "1er" : d} ${MONTHS[m - 1]} ${y}`;
}

/** A private D-Bus session bus (notifications, single instance), so tests never touch the desktop's. */
export function startBus() {
  return new Promise((resolve, reject) => {
    const proc = spawn("dbus-daemon", ["--session", "--nofork", "--print-address=1"], {
      stdio: ["ignore", "pipe", "ignore"],
    });
    proc.stdout.once("data", (chunk) => resolve({ proc, address: chunk.toString().trim() }));
    proc.once("error", reject);
  });
}

export { By, Key, until };

/** Camille Martin as the sender (through the CLI), then the app, recording what it hands to the
 *  system's viewer in `opened.txt` of the data folder. Returns the app and that file's path. */
export async function launchWithSender(dataDir) {
  const sender = path.join(dataDir, "sender.json");
  writeFileSync(
    sender,
    JSON.stringify({ name: "Camille Martin", address: "8 rue des Lilas", postal_code: "69003", city: "Lyon" }),
  );
  cli(dataDir, "sender", "--json", sender);
  const opened = path.join(dataDir, "opened.txt");
  return { app: await launch(dataDir, { RECOURS_OPENED_URLS_FILE: opened }), opened };
}
