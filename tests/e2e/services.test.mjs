// A subscription the site does not let one cancel online, in the real window: step 1 to the
// cancellation letter's PDF citing L215-1-1; and the short screen a trip gets instead of a dossier.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { By, click, daysAgo, find, findVisible, launchWithSender, screenshot, tempDataDir, textOf, type, waitText } from "./harness.mjs";

const dataDir = tempDataDir("services");
const opened = path.join(dataDir, "opened.txt"); // written by launchWithSender
let app;

describe("a subscription, and a trip", () => {
  before(async () => {
    ({ app } = await launchWithSender(dataDir));
  });
  after(async () => {
    await app?.quit();
  });

  it("gives a trip its own law and steps, without a dossier", async () => {
    const { driver } = app;
    await click(driver, "Créer mon premier dossier");
    await waitText(driver, "#wizard-title", "Où et à qui avez-vous acheté ?");
    const select = await find(driver, "[data-testid=platform-choice]");
    await select.findElement(By.css("option[value=none]")).click();
    await type(driver, "#merchant-name", "StreamPlus");
    await click(driver, "Un professionnel", "label");
    await click(driver, "Suivant");
    await waitText(driver, "#wizard-title", "Que s'est-il passé ?");
    await (await find(driver, "[data-travel=flight]")).click();
    await waitText(driver, "[data-testid=travel-triage]", "250, 400 ou 600 €");
    const triage = await textOf(driver, "[data-testid=travel-triage]");
    assert.match(triage, /261\/2004/);
    assert.match(triage, /Médiateur Tourisme et Voyage/);
    assert.doesNotMatch(triage, /L221-18|L216-1/);
    await driver.executeScript("document.querySelector('[data-testid=travel-triage]').scrollIntoView()");
    await screenshot(driver, "28-voyage");
  });

  it("takes a subscription from step 1 to the cancellation letter in PDF", async () => {
    const { driver } = app;
    await click(driver, "Abonnement ou service en ligne", "label");
    await click(driver, "Suivant");
    await waitText(driver, "#wizard-title", "Le vendeur");
    await type(driver, "#merchant-address", "4 rue du Cinéma\n75010 Paris");
    await click(driver, "Suivant");
    await waitText(driver, "#wizard-title", "La commande");
    await click(driver, "Un abonnement", "label");
    await click(driver, "Non, ou il ne marche pas", "label");
    await type(driver, "#order-date", daysAgo(60));
    await type(driver, "#order-amount", "23,98");
    await click(driver, "Créer le dossier");
    await waitText(driver, "h1", "StreamPlus");
    const cancel = await find(driver, "[data-testid=ladder] li[data-step=cancellation]");
    assert.equal(await cancel.getAttribute("data-status"), "current");
    const next = await find(driver, "[data-testid=next-action]");
    assert.equal(await next.getAttribute("data-step"), "cancellation");
    assert.match(await next.getText(), /L215-1-1|résili/i);
    const withdrawal = await find(driver, "[data-testid=ladder] li[data-step=withdrawal]");
    assert.equal(await withdrawal.getAttribute("data-status"), "not_applicable");
    await screenshot(driver, "27-abonnement-echelle");

    await (await find(driver, "[data-letter=cancellation]")).click();
    const body = await findVisible(driver, "[data-testid=letter-body]");
    const text = await body.getAttribute("value");
    assert.match(text, /je résilie ce contrat/);
    assert.match(text, /L215-1-1/);
    assert.doesNotMatch(text, /livr/);
    await (await find(driver, "[data-testid=produce-letter]")).click();
    await waitText(driver, "[data-testid=letter-produced]", "rangé dans les pièces");
    await click(driver, "Ouvrir ou imprimer le PDF");
    let pdf = "";
    await driver.wait(() => {
      try {
        pdf = readFileSync(opened, "utf8").trim().split("\n").filter((l) => l.endsWith(".pdf")).pop() ?? "";
        return pdf !== "";
      } catch {
        return false;
      }
    }, 15_000);
    const letter = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    assert.match(letter, /Résiliation/);
    assert.match(letter, /L215-1-1/);
    assert.match(letter, /4 rue du Cinéma/);
  });
});
