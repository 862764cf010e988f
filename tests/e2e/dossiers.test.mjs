// The foundation, as a person uses it in the real window: create a dossier through the four-step
// form, find it, restart the app and find it again; a bad amount is refused in French and saves
// nothing; the CLI and the window see the same data.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import {
  By, cli, click, daysAgo, find, findVisible, launch, screenshot, tempDataDir, textOf, type, waitText,
} from "./harness.mjs";

const dataDir = tempDataDir("dossiers");
let app;

/** Step 1: bought directly on a shop's site, from a professional. */
async function whereAndWho(driver, merchant) {
  await waitText(driver, "#wizard-title", "Où et à qui avez-vous acheté ?");
  const select = await find(driver, "[data-testid=platform-choice]");
  await select.findElement(By.css("option[value=none]")).click();
  await type(driver, "#merchant-name", merchant);
  await click(driver, "Un professionnel", "label");
  await click(driver, "Suivant");
}

async function fillWizard(driver, { merchant, amount, reference }) {
  await whereAndWho(driver, merchant);
  await waitText(driver, "#wizard-title", "Que s'est-il passé ?");
  await click(driver, "Colis jamais reçu", "label");
  await type(driver, "#description", "Commande passée il y a 40 jours, livraison promise sous 7 jours, rien reçu.");
  await click(driver, "Suivant");
  await waitText(driver, "#wizard-title", "Le vendeur");
  await type(driver, "#merchant-email", "service-client@maboutique.fr");
  await type(driver, "#merchant-website", "https://www.maboutique.fr");
  await click(driver, "Suivant");
  await waitText(driver, "#wizard-title", "La commande");
  await type(driver, "#order-date", daysAgo(40));
  await type(driver, "#order-amount", amount);
  await type(driver, "#order-reference", reference);
  await type(driver, "#order-promised", daysAgo(33));
}

describe("dossiers in the real window", () => {
  before(async () => {
    app = await launch(dataDir);
  });
  after(async () => {
    await app?.quit();
  });

  it("shows what Recours does when there is no dossier", async () => {
    const { driver } = app;
    await waitText(driver, "[data-testid=empty-state]", "achat en ligne");
    assert.equal(await driver.getTitle(), "Recours");
    await screenshot(driver, "01-accueil-vide");
  });

  it("creates a dossier through the form and lists it", async () => {
    const { driver } = app;
    await click(driver, "Créer mon premier dossier");
    await waitText(driver, "#wizard-title", "Où et à qui avez-vous acheté ?");
    await screenshot(driver, "02-nouveau-dossier-etape-1");
    await fillWizard(driver, { merchant: "MaBoutique", amount: "129,90", reference: "CMD-2026-0042" });
    const title = await (await findVisible(driver, "#title")).getAttribute("value");
    assert.equal(title, "Non-livraison — MaBoutique", "the name is suggested from the problem and merchant");
    await screenshot(driver, "03-nouveau-dossier-etape-3");
    await click(driver, "Créer le dossier");

    await waitText(driver, "h1", "Non-livraison — MaBoutique");
    assert.match(await textOf(driver, "[data-testid=amount]"), /129,90\s€/);
    await screenshot(driver, "04-dossier");

    await click(driver, "← Mes dossiers");
    await waitText(driver, "[data-testid=dossier-list]", "MaBoutique");
    assert.match(await textOf(driver, "[data-testid=dossier-list]"), /CMD-2026-0042/);
  });

  it("refuses a negative amount with a French message and saves nothing", async () => {
    const { driver } = app;
    await click(driver, "Nouveau dossier");
    await fillWizard(driver, { merchant: "AutreBoutique", amount: "-12", reference: "X-1" });
    await click(driver, "Créer le dossier");
    await waitText(driver, "[data-testid=error-summary]", "Le montant payé ne peut pas être négatif");
    const field = await find(driver, "#order-amount");
    assert.equal(await field.getAttribute("aria-invalid"), "true");
    await screenshot(driver, "05-montant-refuse");

    await type(driver, "#order-amount", "douze euros");
    await click(driver, "Créer le dossier");
    await waitText(driver, "[data-testid=error-summary]", "Montant illisible");

    assert.equal(cli(dataDir, "list").length, 1, "nothing was saved");
    await click(driver, "Annuler");
    await waitText(driver, "[data-testid=dossier-list]", "MaBoutique");
    const rows = await driver.findElements(By.css("[data-testid=dossier-list] li"));
    assert.equal(rows.length, 1);
  });

  it("the CLI sees what the window created, and the window what the CLI created", async () => {
    const listed = cli(dataDir, "list");
    assert.equal(listed[0].merchant_name, "MaBoutique");
    assert.equal(listed[0].amount_cents, 12990);

    const file = path.join(dataDir, "from-cli.json");
    writeFileSync(
      file,
      JSON.stringify({
        title: "Écran fissuré — TechShop",
        problem: "non_conforming",
        merchant: { name: "TechShop", country: "DE" },
        order: { date: "2026-06-02", amount_cents: 34900, payment_method: "paypal" },
      }),
    );
    cli(dataDir, "create", "--json", file);
    await app.driver.navigate().refresh();
    await waitText(app.driver, "[data-testid=dossier-list]", "Écran fissuré — TechShop");
  });

  it("finds everything again after a restart", async () => {
    await app.quit();
    app = await launch(dataDir);
    const { driver } = app;
    await waitText(driver, "[data-testid=dossier-list]", "Non-livraison — MaBoutique");
    await waitText(driver, "[data-testid=dossier-list]", "Écran fissuré — TechShop");
    await type(driver, "#search", "techshop");
    await driver.wait(async () => (await driver.findElements(By.css("[data-testid=dossier-list] li"))).length === 1, 5000);
    await type(driver, "#search", "");
    await driver.wait(async () => (await driver.findElements(By.css("[data-testid=dossier-list] li"))).length === 2, 5000);
    await screenshot(driver, "06-liste");
  });

  it("edits, closes with an outcome, and deletes only after confirmation", async () => {
    const { driver } = app;
    await click(driver, "Non-livraison — MaBoutique");
    await waitText(driver, "h1", "Non-livraison — MaBoutique");
    await click(driver, "Modifier");
    await type(driver, "#order-amount", "139,90");
    await click(driver, "Enregistrer");
    await waitText(driver, "[data-testid=amount]", "139,90");

    await click(driver, "Clore le dossier");
    await type(driver, "#close-note", "Remboursé le 20 novembre.");
    await (await driver.findElements(By.xpath("//div[@role='dialog']//button[contains(., 'Clore le dossier')]")))[0].click();
    await waitText(driver, ".outcome", "Remboursé le 20 novembre.");
    await waitText(driver, ".subtitle", "Résolu");

    await click(driver, "Supprimer");
    const confirm = await byDialogButton(driver, "Supprimer définitivement");
    assert.equal(await confirm.isEnabled(), false, "deletion needs the explicit confirmation");
    await screenshot(driver, "07-suppression");
    await click(driver, "Je comprends", "label");
    await confirm.click();
    await waitText(driver, "[role=status]", "a été supprimé");
    const remaining = cli(dataDir, "list");
    assert.deepEqual(remaining.map((d) => d.merchant_name), ["TechShop"]);
  });
});

async function byDialogButton(driver, text) {
  return find(driver, `div[role=dialog] button.danger`).then(async (el) => {
    assert.match(await el.getText(), new RegExp(text));
    return el;
  });
}
