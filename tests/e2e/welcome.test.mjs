// The first run in the real window: a welcome that says what Recours does and does not do, then the
// sender identity (skippable); it is not shown again.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { cli, click, find, launch, screenshot, tempDataDir, type, waitText } from "./harness.mjs";

const dataDir = tempDataDir("welcome");
let app;

describe("the first run", () => {
  after(async () => {
    await app?.quit();
  });

  it("welcomes, asks for the sender identity, then opens the empty list", async () => {
    app = await launch(dataDir, { RECOURS_SKIP_WELCOME: "" });
    const { driver } = app;
    await waitText(driver, "[data-testid=welcome]", "Recours n'est pas un avocat");
    await screenshot(driver, "00-bienvenue");
    await click(driver, "Continuer");
    await type(driver, "#welcome-name", "Camille Martin");
    await type(driver, "#welcome-address", "8 rue des Lilas");
    await type(driver, "#welcome-postal", "69003");
    await type(driver, "#welcome-city", "Lyon");
    await click(driver, "Enregistrer et commencer");
    await find(driver, "[data-testid=empty-state], [data-testid=dossier-list]");
    assert.equal(cli(dataDir, "sender").name, "Camille Martin");
    await app.quit();
    app = null;
  });

  it("is not shown again", async () => {
    app = await launch(dataDir, { RECOURS_SKIP_WELCOME: "" });
    const { driver } = app;
    await find(driver, "[data-testid=empty-state], [data-testid=dossier-list]");
    // The question is asked after the first paint: give it time to answer.
    await driver.sleep(1500);
    const welcome = await driver.findElements({ css: "[data-testid=welcome]" });
    assert.equal(welcome.length, 0);
  });
});
