// Evidence in the real window, through the file-dialog path (Rust stages the chosen files under a
// token; RECOURS_TEST_PICK_FILES names them instead of a dialog): pieces appear with a thumbnail,
// a second add of the same files says so, a piece opens through Rust, and the CLI sees the same store.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { By, cli, click, find, findVisible, isoDaysAgo, launch, root, screenshot, tempDataDir, waitText } from "./harness.mjs";

const dataDir = tempDataDir("evidence");
const opened = path.join(dataDir, "opened.txt");
const photo = path.join(dataDir, "Photo du colis abîmé.png");
const invoice = path.join(dataDir, "Facture 2026-0042.pdf");
const mail = path.join(dataDir, "Réponse du service client.eml");
let app;

describe("evidence in the real window", () => {
  before(async () => {
    copyFileSync(path.join(root, "icons/icon.png"), photo);
    writeFileSync(invoice, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    writeFileSync(mail, "Return-Path: <sav@maboutique.fr>\nSubject: Votre commande\n\nBonjour, nous regardons.\n");
    const file = path.join(dataDir, "dossier.json");
    writeFileSync(
      file,
      JSON.stringify({
        title: "Écran cassé à la livraison",
        problem: "non_conforming",
        merchant: { name: "TechShop", country: "FR" },
        order: { date: isoDaysAgo(20), amount_cents: 34900, payment_method: "card", delivered_date: isoDaysAgo(10) },
      }),
    );
    cli(dataDir, "create", "--json", file);
    app = await launch(dataDir, {
      RECOURS_TEST_PICK_FILES: [photo, invoice, mail].join(":"),
      RECOURS_OPENED_URLS_FILE: opened,
    });
  });
  after(async () => {
    await app?.quit();
  });

  it("adds files through the staged dialog, with a thumbnail for the photo", async () => {
    const { driver } = app;
    await click(driver, "Écran cassé à la livraison");
    await waitText(driver, "[data-testid=no-pieces]", "Aucune pièce");
    await click(driver, "Ajouter des fichiers…");
    await waitText(driver, "[data-testid=staged-files]", "Facture 2026-0042.pdf");
    await click(driver, "Ajouter 3 fichiers");
    await waitText(driver, "[data-testid=attach-results]", "Réponse du service client.eml");
    const results = await (await find(driver, "[data-testid=attach-results]")).getText();
    assert.equal(results.match(/ajouté/g)?.length, 3, results);
    await click(driver, "Fermer");

    await waitText(driver, "[data-testid=pieces]", "Facture 2026-0042");
    const cards = await driver.findElements(By.css("[data-testid=pieces] li"));
    assert.equal(cards.length, 3);
    const thumb = await findVisible(driver, "[data-testid=piece-thumbnail]");
    await driver.wait(async () => (await driver.executeScript("return arguments[0].naturalWidth", thumb)) > 0, 5000);
    assert.match(await thumb.getAttribute("src"), /^data:image\/png;base64,/);
    await waitText(driver, "[data-testid=pieces]", "E-mail");
    await driver.executeScript("document.querySelector('[data-testid=pieces]').scrollIntoView({ block: 'center' })");
    await screenshot(driver, "11-pieces");
  });

  it("says so when the same files are added again", async () => {
    const { driver } = app;
    await click(driver, "Ajouter des fichiers…");
    await click(driver, "Ajouter 3 fichiers");
    await waitText(driver, "[data-testid=attach-results]", "déjà dans le dossier");
    const results = await (await find(driver, "[data-testid=attach-results]")).getText();
    assert.equal(results.match(/déjà dans le dossier/g)?.length, 3, results);
    await click(driver, "Fermer");
    assert.equal((await driver.findElements(By.css("[data-testid=pieces] li"))).length, 3);
  });

  it("opens a piece through Rust as a copy with its original name", async () => {
    const { driver } = app;
    const card = await find(driver, "[data-testid=pieces] li:first-child");
    await (await card.findElement(By.xpath(".//button[normalize-space(.)='Ouvrir']"))).click();
    await driver.wait(() => {
      try {
        return readFileSync(opened, "utf8").trim().length > 0;
      } catch {
        return false;
      }
    }, 5000);
    const copy = readFileSync(opened, "utf8").trim();
    assert.match(copy, /ouvertures\/[0-9a-f]{16}\/Photo du colis abîmé\.png$/);
    assert.deepEqual(readFileSync(copy), readFileSync(photo));
  });

  it("the CLI sees the same pieces and the check finds everything intact", async () => {
    const [dossier] = cli(dataDir, "list");
    const pieces = cli(dataDir, "pieces", "--dossier", String(dossier.id));
    assert.deepEqual(pieces.map((p) => p.category).sort(), ["correspondence", "invoice", "photo"]);
    const report = cli(dataDir, "check");
    assert.equal(report.blobs_checked, 3);
    assert.deepEqual(report.corrupt, []);
  });
});
