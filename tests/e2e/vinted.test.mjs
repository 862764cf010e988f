// A purchase from a private person on Vinted, in the real window: step 1 asks where and from whom;
// the ladder puts Vinted's own 2-day window first, marks the consumer-only steps « sans objet »,
// and the mise en demeure cites the Code civil only; its PDF opens.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { By, click, daysAgo, find, findVisible, launchWithSender, screenshot, tempDataDir, type, waitText } from "./harness.mjs";

const dataDir = tempDataDir("vinted");
const opened = path.join(dataDir, "opened.txt"); // written by launchWithSender
let app;

describe("a Vinted purchase from a private person", () => {
  before(async () => {
    ({ app } = await launchWithSender(dataDir));
  });
  after(async () => {
    await app?.quit();
  });

  it("asks where and from whom, and shows what Recours knows of Vinted", async () => {
    const { driver } = app;
    await click(driver, "Créer mon premier dossier");
    await waitText(driver, "#wizard-title", "Où et à qui avez-vous acheté ?");
    const select = await find(driver, "[data-testid=platform-choice]");
    await driver.wait(async () => (await select.findElements(By.css("option[value=vinted]"))).length === 1, 10_000);
    await select.findElement(By.css("option[value=vinted]")).click();
    await waitText(driver, "[data-testid=platform-facts]", "Vinted, UAB");
    await waitText(driver, "[data-testid=platform-facts]", "2 jours");
    await type(driver, "#merchant-name", "marie_75");
    await click(driver, "Un particulier", "label");
    await screenshot(driver, "21-vinted-etape-1");
    await click(driver, "Suivant");
    await waitText(driver, "#wizard-title", "Que s'est-il passé ?");
    await click(driver, "Colis jamais reçu", "label");
    await click(driver, "Suivant");
    await waitText(driver, "#wizard-title", "Le vendeur");
    await type(driver, "#merchant-address", "3 rue des Vendeurs\n13001 Marseille");
    await click(driver, "Suivant");
    await waitText(driver, "#wizard-title", "La commande");
    await type(driver, "#order-date", daysAgo(20));
    await type(driver, "#order-amount", "45");
    await click(driver, "Créer le dossier");
    await waitText(driver, "h1", "marie_75");
    await waitText(driver, "[data-testid=seller-status]", "particulier");
  });

  it("puts the platform's window first and says which steps have no object", async () => {
    const { driver } = app;
    const first = await find(driver, "[data-testid=ladder] li");
    assert.equal(await first.getAttribute("data-step"), "platform");
    assert.equal(await first.getAttribute("data-status"), "current");
    const next = await find(driver, "[data-testid=next-action]");
    assert.equal(await next.getAttribute("data-step"), "platform");
    assert.match(await next.getText(), /Vinted/);
    assert.match(await next.getText(), /2 jours/);
    for (const id of ["mediation", "cec"]) {
      const step = await find(driver, `[data-testid=ladder] li[data-step=${id}]`);
      assert.equal(await step.getAttribute("data-status"), "not_applicable");
      assert.match(await step.getText(), /Sans objet/);
    }
    await screenshot(driver, "22-vinted-echelle");
  });

  it("writes the mise en demeure under the Code civil, and opens its PDF", async () => {
    const { driver } = app;
    await (await find(driver, "[data-step=formal_notice] summary")).click();
    await (await find(driver, "[data-letter=formal_notice_delivery]")).click();
    const body = await findVisible(driver, "[data-testid=letter-body]");
    const text = await body.getAttribute("value");
    assert.match(text, /article 1344 du Code civil/);
    assert.match(text, /1224 et 1226/);
    assert.doesNotMatch(text, /Code de la consommation/);
    assert.doesNotMatch(text, /\bL\d{3}-\d/);
    assert.match(await (await find(driver, "[data-testid=letter-recipient]")).getAttribute("value"), /^marie_75\n3 rue des Vendeurs/);
    await (await find(driver, "[data-testid=produce-letter]")).click();
    await waitText(driver, "[data-testid=letter-produced]", "rangé dans les pièces");
    await click(driver, "Ouvrir ou imprimer le PDF");
    await driver.wait(() => {
      try {
        return readFileSync(opened, "utf8").includes(".pdf");
      } catch {
        return false;
      }
    }, 10_000);
    const pdf = readFileSync(opened, "utf8").trim().split("\n").pop();
    const pdfText = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    assert.match(pdfText, /Code civil/);
    assert.doesNotMatch(pdfText, /Code de la consommation/);
  });
});
