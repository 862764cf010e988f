// A fake shop, in the real window: step 1 to the ladder that skips every merchant step and says
// why, the chargeback letter to the bank (no merchant address needed) as a PDF, and the « aide au
// remplissage » of the online complaint (THESEE) as a PDF.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { By, click, daysAgo, find, findVisible, launchWithSender, screenshot, tempDataDir, type, waitText } from "./harness.mjs";

const dataDir = tempDataDir("scam");
const opened = path.join(dataDir, "opened.txt"); // written by launchWithSender
let app;

/** The last file Recours handed to the system's viewer, once there is a new one ending in `ext`. */
async function lastOpened(driver, count, ext) {
  let lines = [];
  await driver.wait(() => {
    try {
      lines = readFileSync(opened, "utf8").trim().split("\n").filter((l) => l.endsWith(ext));
      return lines.length > count;
    } catch {
      return false;
    }
  }, 15_000);
  return lines[lines.length - 1];
}

const pdfText = (file) => execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");

describe("a fake shop", () => {
  before(async () => {
    ({ app } = await launchWithSender(dataDir));
  });
  after(async () => {
    await app?.quit();
  });

  it("is told from step 1, with the signs of a fake site", async () => {
    const { driver } = app;
    await click(driver, "Créer mon premier dossier");
    await waitText(driver, "#wizard-title", "Où et à qui avez-vous acheté ?");
    const select = await find(driver, "[data-testid=platform-choice]");
    await select.findElement(By.css("option[value=none]")).click();
    await type(driver, "#merchant-name", "Super-Promo-Maison");
    await click(driver, "Je ne sais pas", "label");
    await click(driver, "Suivant");
    await waitText(driver, "#wizard-title", "Que s'est-il passé ?");
    await click(driver, "Site frauduleux ou vendeur injoignable", "label");
    await waitText(driver, "#scam-signs-title", "Comment reconnaître un faux site");
    await screenshot(driver, "25-site-frauduleux-signes");
    await click(driver, "Suivant");
    await waitText(driver, "#wizard-title", "Le vendeur");
    await type(driver, "#merchant-website", "https://super-promo-maison.example");
    await click(driver, "Suivant");
    await waitText(driver, "#wizard-title", "La commande");
    await type(driver, "#order-date", daysAgo(12));
    await type(driver, "#order-amount", "189");
    await click(driver, "Créer le dossier");
    await waitText(driver, "h1", "Super-Promo-Maison");
  });

  it("skips every merchant step, says why, and starts with the bank", async () => {
    const { driver } = app;
    for (const id of ["complaint", "formal_notice", "mediation", "court"]) {
      const step = await find(driver, `[data-testid=ladder] li[data-step=${id}]`);
      assert.equal(await step.getAttribute("data-status"), "not_applicable", id);
      assert.match(await step.getText(), /Sans objet/);
    }
    const payment = await find(driver, "[data-testid=ladder] li[data-step=payment_dispute]");
    assert.equal(await payment.getAttribute("data-status"), "current");
    const next = await find(driver, "[data-testid=next-action]");
    assert.equal(await next.getAttribute("data-step"), "payment_dispute");
    await (await next.findElement(By.css("[data-testid=why] summary"))).click();
    await waitText(driver, "[data-testid=next-action]", "pas un droit écrit dans la loi");
    const thesee = await find(driver, "[data-testid=ladder] li[data-step=scam_report]");
    assert.match(await thesee.getText(), /THESEE/);
    await waitText(driver, "[data-testid=court-route]", "Pas de procès civil");
    await screenshot(driver, "26-site-frauduleux-echelle");
  });

  it("writes the chargeback request to the bank without any merchant address, as a PDF", async () => {
    const { driver } = app;
    await (await find(driver, "[data-letter=bank_dispute]")).click();
    const body = await findVisible(driver, "[data-testid=letter-body]");
    const text = await body.getAttribute("value");
    assert.match(text, /rétrofacturation/);
    assert.match(text, /site frauduleux/);
    assert.doesNotMatch(text, /Code de la consommation/);
    await type(driver, "[data-testid=letter-recipient]", "Banque Exemple\n1 place du Marché\n69001 Lyon");
    await (await find(driver, "[data-testid=produce-letter]")).click();
    await waitText(driver, "[data-testid=letter-produced]", "rangé dans les pièces");
    await click(driver, "Ouvrir ou imprimer le PDF");
    const pdf = await lastOpened(driver, 0, ".pdf");
    const letter = pdfText(pdf);
    assert.match(letter, /Banque Exemple/);
    assert.match(letter, /règles du réseau de carte/);
    await click(driver, "Plus tard");
  });

  it("makes the aide au remplissage of the online complaint", async () => {
    const { driver } = app;
    let step = await find(driver, "[data-testid=ladder] li[data-step=scam_report]");
    if ((await step.getAttribute("data-status")) === "current") {
      step = await find(driver, "[data-testid=next-action]");
    } else {
      await (await step.findElement(By.css("summary"))).click();
    }
    await (await step.findElement(By.css("[data-testid=field-sheet]"))).click();
    const sheet = await lastOpened(driver, 1, ".pdf");
    assert.match(path.basename(sheet), /^Aide-thesee-/);
    const text = pdfText(sheet);
    assert.match(text, /plainte en ligne THESEE/);
    assert.match(text, /Super-Promo-Maison/);
    assert.match(text, /super-promo-maison\.example/);
    assert.match(text, /189,00/);
  });
});
