// Letters and export in the real window: the mise en demeure is written from the dossier, asks for
// the sender's identity first, is edited (the edit survives closing the dialog), becomes a PDF among the pieces, and is recorded as sent
// with its registered-letter number; then the dossier is exported as a ZIP with its bordereau.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  Key, cli, click, daysAgo, find, findVisible, isoDaysAgo, launch, screenshot, screenshotDir, tempDataDir, type, waitText,
} from "./harness.mjs";

/** The first page of a PDF as a PNG beside the window's screenshots (for the README). */
function pdfPage(pdf, name) {
  mkdirSync(screenshotDir, { recursive: true });
  execFileSync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf, path.join(screenshotDir, name)]);
}

const dataDir = tempDataDir("letters");
const exportDir = path.join(dataDir, "exports");
const opened = path.join(dataDir, "opened.txt");
let app;
let dossierId;

describe("letters and export in the real window", () => {
  before(async () => {
    mkdirSync(exportDir, { recursive: true });
    const file = path.join(dataDir, "dossier.json");
    writeFileSync(
      file,
      JSON.stringify({
        title: "Lave-linge jamais livré",
        problem: "non_delivery",
        description: "Le suivi indique « livré » ; je n'ai rien reçu.",
        merchant: {
          name: "ÉlectroMénager Express",
          country: "FR",
          postal_address: "4 rue du Commerce\n59000 Lille",
          fevad_mediator: true,
        },
        order: {
          reference: "CMD-2026-0042",
          date: isoDaysAgo(40),
          amount_cents: 123456,
          payment_method: "card",
          promised_delivery_date: isoDaysAgo(20),
        },
      }),
    );
    dossierId = cli(dataDir, "create", "--json", file).id;
    const photo = path.join(dataDir, "facture.pdf");
    writeFileSync(photo, "%PDF-1.4\n% facture\n");
    cli(dataDir, "attach", "--dossier", String(dossierId), photo);
    app = await launch(dataDir, { RECOURS_OPENED_URLS_FILE: opened, RECOURS_TEST_EXPORT_DIR: exportDir });
  });
  after(async () => {
    await app?.quit();
  });

  it("asks for the sender's identity before writing, and leads to the settings", async () => {
    const { driver } = app;
    await click(driver, "Lave-linge jamais livré");
    await (await find(driver, "[data-letter=formal_notice_delivery]")).click();
    await waitText(driver, "[data-testid=letter-missing]", "Indiquez votre nom");
    await click(driver, "Compléter mes coordonnées");
    await waitText(driver, "h1", "Réglages");
    await type(driver, "#sender-name", "Camille Martin");
    await type(driver, "#sender-address", "8 rue des Lilas");
    await type(driver, "#sender-postal", "69003");
    await type(driver, "#sender-city", "Lyon");
    await type(driver, "#sender-email", "pas-une-adresse");
    await click(driver, "Enregistrer");
    await waitText(driver, ".field.has-error", "ne semble pas valide");
    await type(driver, "#sender-email", "camille.martin@exemple.fr");
    await click(driver, "Enregistrer");
    await waitText(driver, "[role=status]", "Réglages enregistrés");
    assert.equal(cli(dataDir, "sender").city, "Lyon");
  });

  it("writes the mise en demeure from the dossier, takes the edits, and keeps the PDF among the pieces", async () => {
    const { driver } = app;
    await click(driver, "Mes dossiers");
    await click(driver, "Lave-linge jamais livré");
    await (await find(driver, "[data-letter=formal_notice_delivery]")).click();
    const body = await findVisible(driver, "[data-testid=letter-body]");
    const text = await body.getAttribute("value");
    assert.match(text, /L216-6/);
    assert.match(text, /1\s234,56/);
    assert.match(await (await find(driver, "[data-testid=letter-recipient]")).getAttribute("value"), /59000 Lille/);
    await driver.executeScript("document.querySelector('.modal').scrollTop = 0");
    await screenshot(driver, "13-courrier");
    await body.sendKeys(Key.END, Key.ENTER, Key.ENTER, "Je reste joignable au 06 12 34 56 78.");
    // Closing keeps the text: the next opening takes it up again.
    await click(driver, "Fermer");
    await (await find(driver, "[data-letter=formal_notice_delivery]")).click();
    await waitText(driver, "[data-testid=letter-kept]", "Vous reprenez votre texte");
    const again = await findVisible(driver, "[data-testid=letter-body]");
    assert.match(await again.getAttribute("value"), /Je reste joignable au 06 12 34 56 78\.$/);
    await (await find(driver, "[data-testid=produce-letter]")).click();
    await waitText(driver, "[data-testid=letter-produced]", "rangé dans les pièces");
    await screenshot(driver, "14-courrier-pret");

    const pieces = cli(dataDir, "pieces", "--dossier", String(dossierId));
    const letter = pieces.find((p) => p.category === "letter");
    assert.ok(letter, "the letter is a piece");
    assert.equal(letter.mime, "application/pdf");
    const blob = path.join(dataDir, "blobs", "sha256", letter.sha256.slice(0, 2), letter.sha256.slice(2));
    const pdfText = execFileSync("pdftotext", [blob, "-"], { encoding: "utf8" })
      .replace(/\s+/g, " ");
    assert.match(pdfText, /distinguées\. Je reste joignable au 06 12 34 56 78/);
    assert.match(pdfText, /CMD-2026-0042/);
    assert.match(pdfText, /Lettre recommandée avec accusé de réception/);
    pdfPage(blob, "16-mise-en-demeure-pdf");
  });

  it("records the letter as sent with its registered-letter number", async () => {
    const { driver } = app;
    await (await find(driver, "[data-testid=record-sent]")).click();
    await findVisible(driver, "[data-testid=event-form]");
    assert.equal(await (await find(driver, "#event-kind")).getAttribute("value"), "formal_notice_sent");
    await type(driver, "#event-date", daysAgo(0));
    await type(driver, "#event-tracking", "2C 987 654 3210 9");
    await (await find(driver, "[data-testid=event-form] button[type=submit]")).click();
    await waitText(driver, "[data-testid=timeline]", "recommandé n° 2C98765432109");
    await waitText(driver, "[data-testid=pieces]", "Mise en demeure de livrer");
  });

  it("exports the dossier as a ZIP with its summary, bordereau and pieces in order", async () => {
    const { driver } = app;
    await (await find(driver, "[data-testid=export-open]")).click();
    await findVisible(driver, "[data-testid=export-list]");
    await screenshot(driver, "15-export");
    await (await find(driver, "[data-testid=export-run]")).click();
    await waitText(driver, "[data-testid=export-done]", "Export terminé : 2 pièces");
    const zips = readdirSync(exportDir).filter((n) => n.endsWith(".zip"));
    assert.equal(zips.length, 1);
    const listing = execFileSync("unzip", ["-Z1", path.join(exportDir, zips[0])], { encoding: "utf8" });
    assert.match(listing, /00-synthese\.pdf/);
    assert.match(listing, /01-bordereau-de-pieces\.pdf/);
    assert.match(listing, /Piece-01-facture\.pdf/);
    assert.match(listing, /Piece-02-mise-en-demeure-de-livrer\.pdf/);
    const unpacked = path.join(dataDir, "unpacked");
    execFileSync("unzip", ["-q", "-o", path.join(exportDir, zips[0]), "-d", unpacked]);
    const folder = readdirSync(unpacked)[0];
    const bordereau = path.join(unpacked, folder, "01-bordereau-de-pieces.pdf");
    const text = execFileSync("pdftotext", [bordereau, "-"], { encoding: "utf8" });
    assert.match(text, /Pièce n° 1 — facture/);
    assert.match(text, /Pièce n° 2 — Mise en demeure de livrer/);
    pdfPage(bordereau, "17-bordereau-pdf");
    await click(driver, "Montrer l'export");
    await driver.wait(() => existsSync(opened), 5000);
  });
});

