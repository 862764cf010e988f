// Starting a dossier from a dropped order confirmation, in the real window: a saved e-mail is dragged
// onto the empty list (through XDND, WebKitGTK and Tauri, as from a file manager), Rust reads it, the
// form opens filled with what it says and where each value was read, the person adds what only they
// know, and the dossier is created with the e-mail as its first piece.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync } from "node:fs";
import path from "node:path";
import { dropOnRecours, startDragSource } from "./drag.mjs";
import { By, cli, click, find, launch, root, screenshot, tempDataDir, type, waitText } from "./harness.mjs";

const dataDir = tempDataDir("intake");
const mail = path.join(dataDir, "Confirmation Fnac.eml");
const reply = path.join(dataDir, "Réponse du service client.eml");
const invoice = path.join(dataDir, "Facture.pdf");
let app;
let source;

const valueOf = async (driver, css) => (await find(driver, css)).getAttribute("value");

describe("a dossier started from a dropped e-mail", () => {
  before(async () => {
    const fixtures = path.join(root, "crates/core/tests/fixtures/intake");
    copyFileSync(path.join(fixtures, "fnac-confirmation.eml"), mail);
    copyFileSync(path.join(fixtures, "boulanger-reply.eml"), reply);
    copyFileSync(path.join(fixtures, "cdiscount-invoice.pdf"), invoice);
    app = await launch(dataDir);
    source = await startDragSource([mail]);
  });
  after(async () => {
    source?.kill();
    await app?.quit();
  });

  it("proposes the order's values with their passages and keeps the e-mail as the first piece", async () => {
    const { driver } = app;
    await find(driver, "[data-testid=drop-hint]");
    await dropOnRecours();
    await waitText(driver, "[data-testid=staged-files]", "Confirmation Fnac.eml");
    await click(driver, "Créer un dossier à partir de ce document");

    await waitText(driver, "#wizard-title", "Où et à qui avez-vous acheté ?");
    await waitText(driver, "[data-testid=read-from-document]", "Lu dans « Confirmation Fnac.eml »");
    assert.equal(await valueOf(driver, "#merchant-name"), "Fnac.com");
    await screenshot(driver, "40-dossier-depuis-un-document");
    const select = await find(driver, "[data-testid=platform-choice]");
    await select.findElement(By.css("option[value=none]")).click();
    await click(driver, "Un professionnel", "label");
    await click(driver, "Suivant");
    await click(driver, "Colis jamais reçu", "label");
    await click(driver, "Suivant");
    await waitText(driver, "[data-testid=read-from-document]", "service.client@fnac.com");
    assert.equal(await valueOf(driver, "#merchant-email"), "service.client@fnac.com");
    await click(driver, "Suivant");

    await waitText(driver, "#wizard-title", "La commande");
    await waitText(driver, "[data-testid=read-from-document]", "Total TTC 1 199,00 €");
    assert.equal(await valueOf(driver, "#order-reference"), "1A2B3C4D5E");
    assert.equal(await valueOf(driver, "#order-date"), "03/11/2026");
    assert.equal(await valueOf(driver, "#order-amount"), "1199,00");
    // « entre le 6 et le 9 novembre 2026 »: the promise runs to the last day.
    assert.equal(await valueOf(driver, "#order-promised"), "09/11/2026");
    await screenshot(driver, "41-commande-lue-dans-le-document");
    await click(driver, "Créer le dossier");

    await waitText(driver, "main", "le document est sa première pièce");
    await waitText(driver, "[data-testid=pieces]", "Confirmation Fnac");
    const [dossier] = cli(dataDir, "list");
    assert.equal(dossier.order_reference, "1A2B3C4D5E");
    assert.equal(dossier.amount_cents, 119900);
    const pieces = cli(dataDir, "pieces", "--dossier", String(dossier.id));
    assert.equal(pieces.length, 1);
    assert.equal(pieces[0].category, "order_confirmation");
  });

  it("notes the merchant's e-mailed answer in the journal, at its date, and keeps it as a piece", async () => {
    const { driver } = app;
    source?.kill();
    source = await startDragSource([reply]);
    await dropOnRecours();
    await waitText(driver, "[data-testid=staged-files]", "Réponse du service client.eml");
    await click(driver, "Noter cet e-mail dans le journal");
    await waitText(driver, "[data-testid=email-to-journal]", "Re: Réclamation commande 88123456");
    // Date: Sat, 21 Nov 2026 00:30:00 +0100 — the sender's day, not UTC's.
    assert.equal(await valueOf(driver, "#email-date"), "21/11/2026");
    await waitText(driver, "[data-testid=email-attachments]", "bon-de-retour.pdf");
    // The attachment is offered as a piece of its own, ticked.
    const attachment = await driver.findElement(By.xpath("//label[contains(., 'bon-de-retour.pdf')]//input"));
    assert.equal(await attachment.isSelected(), true);
    await screenshot(driver, "42-e-mail-vers-le-journal");
    await click(driver, "Noter dans le journal");
    await waitText(driver, "main", "E-mail noté dans le journal");
    await waitText(driver, "[data-testid=pieces]", "Réponse du service client");
    await waitText(driver, "[data-testid=timeline]", "Réponse du vendeur");
    await waitText(driver, "[data-testid=timeline]", "21 novembre 2026");
    const [dossier] = cli(dataDir, "list");
    const pieces = cli(dataDir, "pieces", "--dossier", String(dossier.id));
    assert.equal(pieces.find((p) => p.original_name === "Réponse du service client.eml")?.category, "correspondence");
    // The PDF inside the e-mail is now a piece too, a PDF whose first page is drawn in the list.
    const returnSlip = pieces.find((p) => p.original_name === "bon-de-retour.pdf");
    assert.equal(returnSlip?.mime, "application/pdf");
    await waitText(driver, "[data-testid=pieces]", "bon-de-retour");
    const thumb = await find(driver, `[data-piece-id="${returnSlip.id}"] img[data-testid=piece-thumbnail]`);
    assert.equal(await thumb.getAttribute("alt"), "Première page de bon-de-retour");
    assert.match(await thumb.getAttribute("src"), /^data:image\/png;base64,/);
    // Drawn, not just present: the browser decoded a picture of the thumbnail's width.
    const width = await driver.executeScript("return arguments[0].naturalWidth", thumb);
    assert.equal(width, 240);
  });

  it("finds a dossier by a word that appears only inside one of its PDF pieces", async () => {
    const { driver } = app;
    source?.kill();
    source = await startDragSource([invoice]);
    await dropOnRecours();
    await waitText(driver, "[data-testid=staged-files]", "Facture.pdf");
    await click(driver, "Ajouter 1 fichier");
    await waitText(driver, "[data-testid=attach-results]", "ajouté");
    await click(driver, "Fermer");
    // The invoice shows its first page in the list of pieces.
    const [dossier] = cli(dataDir, "list");
    const facture = cli(dataDir, "pieces", "--dossier", String(dossier.id)).find((p) => p.original_name === "Facture.pdf");
    const page = await find(driver, `[data-piece-id="${facture.id}"] img[data-testid=piece-thumbnail]`);
    assert.equal(await page.getAttribute("alt"), "Première page de Facture");
    await driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", page);
    await screenshot(driver, "44-pieces-avec-apercu-pdf");
    // The app reads the PDF for search in the background; the CLI's search reads what is left, so
    // once it finds the word the index holds it for the window too.
    const deadline = Date.now() + 15_000;
    while (cli(dataDir, "search", "aspirateur").length === 0) {
      assert.ok(Date.now() < deadline, "the PDF's text never reached the search index");
      await new Promise((r) => setTimeout(r, 300));
    }
    await (await find(driver, "button.brand")).click();
    await type(driver, "#search", "aspirateur");
    await waitText(driver, "[data-testid=search-hit]", "Trouvé dans la pièce « Facture »");
    await waitText(driver, "[data-testid=search-hit]", "Aspirateur balai V12");
    await screenshot(driver, "43-recherche-dans-un-pdf");
  });
});
