// The window's size and place are remembered: the window is resized and moved, the app is ended the
// hard way (as a crash or a power cut would), and the next launch opens at the same size and place.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { launch, tempDataDir, waitText } from "./harness.mjs";

const dataDir = tempDataDir("window");
// The plugin writes under the user's configuration folder: a fresh one, so the test starts from nothing.
const configHome = tempDataDir("window-config");
const stateFile = path.join(configHome, "org.recours.desktop", ".window-state.json");
const env = { XDG_CONFIG_HOME: configHome };
let app;

function savedState() {
  if (!existsSync(stateFile)) return null;
  try {
    return JSON.parse(readFileSync(stateFile, "utf8")).main ?? null;
  } catch {
    return null; // being written
  }
}

describe("window size and place", () => {
  after(async () => {
    await app?.quit();
  });

  it("are saved while the app runs and restored at the next launch", async () => {
    app = await launch(dataDir, env);
    let { driver } = app;
    await waitText(driver, "body", "Mes dossiers");
    const before = await driver.manage().window().getRect();
    const wanted = { x: 40, y: 30, width: before.width - 180, height: before.height - 120 };
    await driver.manage().window().setRect(wanted);
    const applied = await driver.manage().window().getRect();
    assert.equal(applied.width, wanted.width, "la fenêtre n'a pas pris la largeur demandée");

    // Written once the window is still, without closing it.
    await driver.wait(
      async () => {
        const s = savedState();
        return s !== null && s.width === applied.width && s.height === applied.height;
      },
      10_000,
      "la taille de la fenêtre n'a pas été enregistrée",
    );
    const saved = savedState();
    assert.equal(saved.x, applied.x);
    assert.equal(saved.y, applied.y);

    // tauri-driver kills the app: nothing is written at exit.
    await app.quit();
    app = await launch(dataDir, env);
    driver = app.driver;
    await waitText(driver, "body", "Mes dossiers");
    const reopened = await driver.manage().window().getRect();
    assert.deepEqual(
      { width: reopened.width, height: reopened.height, x: reopened.x, y: reopened.y },
      { width: applied.width, height: applied.height, x: applied.x, y: applied.y },
    );
  });
});
