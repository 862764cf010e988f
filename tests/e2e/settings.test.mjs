// Settings, backup and restore, and the single instance, in the real window: a backup is written
// from Réglages, a dossier added after it disappears when the backup is restored while the app runs
// (the app reopens its database), the replaced data is kept; a second launch hands over and exits.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  appBinary, cli, click, find, isoDaysAgo, launch, screenshot, startBus, tempDataDir, waitText,
} from "./harness.mjs";

const dataDir = tempDataDir("settings");
const saveDir = path.join(dataDir, "cle-usb");
const backupFile = path.join(saveDir, `recours-${isoDaysAgo(0)}.recours`);
let app;
let bus;

function dossier(title) {
  const file = path.join(dataDir, `${title}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      title,
      problem: "non_delivery",
      merchant: { name: "MaBoutique", country: "FR", postal_address: "1 rue A\n75001 Paris" },
      order: { date: isoDaysAgo(10), amount_cents: 4990, payment_method: "card" },
    }),
  );
  return cli(dataDir, "create", "--json", file);
}

describe("settings, backup and restore, single instance", () => {
  before(async () => {
    mkdirSync(saveDir, { recursive: true });
    dossier("Casque jamais livré");
    bus = await startBus();
    app = await launch(dataDir, {
      DBUS_SESSION_BUS_ADDRESS: bus.address,
      RECOURS_TEST_SAVE_DIR: saveDir,
      RECOURS_TEST_RESTORE_FILE: backupFile,
      RECOURS_OPENED_URLS_FILE: path.join(dataDir, "opened.txt"),
    });
  });
  after(async () => {
    await app?.quit();
    bus?.proc.kill();
  });

  it("a second launch hands over to the open window and exits", async () => {
    const { driver } = app;
    await waitText(driver, "[data-testid=dossier-list]", "Casque jamais livré");
    const second = spawn(appBinary, [], {
      stdio: "ignore",
      env: { ...process.env, RECOURS_DATA_DIR: dataDir, DBUS_SESSION_BUS_ADDRESS: bus.address },
    });
    const code = await new Promise((resolve) => {
      const timer = setTimeout(() => {
        second.kill();
        resolve("still running");
      }, 15_000);
      second.once("exit", (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    assert.equal(code, 0, "the second Recours should exit at once");
    assert.equal(await driver.getTitle(), "Recours");
  });

  it("shows the data folder and the version, and writes a backup", async () => {
    const { driver } = app;
    await click(driver, "Réglages");
    await waitText(driver, "[data-testid=data-dir]", dataDir);
    await driver.executeScript("window.scrollTo(0, 0)");
    await screenshot(driver, "10-reglages");
    await click(driver, "Sauvegarder…");
    await waitText(driver, "[data-testid=backup-message]", "Sauvegarde écrite");
    assert.ok(existsSync(backupFile), `${backupFile} exists`);
    await screenshot(driver, "18-sauvegarde");
  });

  it("restores the backup while running: what came after it is replaced, and kept aside", async () => {
    const { driver } = app;
    dossier("Ajouté après la sauvegarde");
    await click(driver, "Restaurer une sauvegarde…");
    await (await find(driver, "[data-testid=restore-confirm]")).click();
    await waitText(driver, "[data-testid=backup-message]", "Sauvegarde restaurée : 1 dossier");
    await click(driver, "Mes dossiers");
    await waitText(driver, "[data-testid=dossier-list]", "Casque jamais livré");
    const list = await (await find(driver, "[data-testid=dossier-list]")).getText();
    assert.doesNotMatch(list, /Ajouté après la sauvegarde/);
    const kept = readdirSync(path.join(dataDir, "sauvegardes")).filter((n) => n.startsWith("avant-restauration"));
    assert.equal(kept.length, 1);
    assert.equal(cli(dataDir, "list").length, 1);
  });

  it("keeps an overseas department as where the person lives", async () => {
    const { driver } = app;
    await click(driver, "Réglages");
    await (await find(driver, "[data-testid=region-overseas]")).click();
    const department = await find(driver, "[data-testid=region-department]");
    await department.findElement({ css: "option[value=martinique]" }).then((o) => o.click());
    await click(driver, "Enregistrer");
    await waitText(driver, "body", "Réglages enregistrés.");
    await screenshot(driver, "19-reglages-outre-mer");
    await click(driver, "Mes dossiers");
    await click(driver, "Réglages");
    const again = await find(driver, "[data-testid=region-department]");
    assert.equal(await again.getAttribute("value"), "martinique");
  });
});
