// When the database will not open, the start screen says so and still offers to restore a backup:
// the broken data is moved aside intact, the backup's dossiers appear, in the real window.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cli, find, isoDaysAgo, launch, screenshot, tempDataDir, waitText } from "./harness.mjs";

const source = tempDataDir("broken-source");
const dataDir = tempDataDir("broken");
const backupFile = path.join(source, "sauvegarde.recours");
let app;

describe("a database that will not open", () => {
  before(async () => {
    const file = path.join(source, "d.json");
    writeFileSync(
      file,
      JSON.stringify({
        title: "Dossier de la sauvegarde",
        problem: "non_delivery",
        merchant: { name: "MaBoutique", country: "FR" },
        order: { date: isoDaysAgo(10), amount_cents: 4990, payment_method: "card" },
      }),
    );
    cli(source, "create", "--json", file);
    cli(source, "backup", "--out", backupFile);
    // The person's database is damaged beyond opening.
    writeFileSync(path.join(dataDir, "recours.sqlite3"), Buffer.alloc(8192, 0x5a));
    app = await launch(dataDir, { RECOURS_TEST_RESTORE_FILE: backupFile });
  });
  after(async () => {
    await app?.quit();
  });

  it("says so at start and restores a backup from there, keeping the damaged data", async () => {
    const { driver } = app;
    const callout = await find(driver, "[data-testid=store-broken]");
    assert.match(await callout.getText(), /sauvegarde/);
    await screenshot(driver, "20-base-illisible");
    const button = await callout.findElement({ css: "button" });
    await button.click();
    await waitText(driver, "[data-testid=restore-message]", "Sauvegarde restaurée : 1 dossier");
    await waitText(driver, "[data-testid=dossier-list]", "Dossier de la sauvegarde");
    const kept = readdirSync(path.join(dataDir, "sauvegardes")).filter((n) => n.startsWith("avant-restauration-"));
    assert.equal(kept.length, 1);
    const damaged = readFileSync(path.join(dataDir, "sauvegardes", kept[0], "recours.sqlite3"));
    assert.equal(damaged.length, 8192);
    assert.equal(damaged[0], 0x5a);
  });
});
