// The dossier page at a laptop's size (1366×768), in the real window: the first screen says what to do
// now and its primary action is inside it without scrolling, for each kind of dispute; every screen
// passes axe-core (WCAG 2.1 AA) with no contrast left to review.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { axeRun, cli, click, find, isoDaysAgo, launch, screenshot, tempDataDir, waitText } from "./harness.mjs";

const dataDir = tempDataDir("first-screen");
let app;

const merchant = { name: "MaBoutique", country: "FR", fevad_mediator: true, postal_address: "1 rue du Commerce\n75002 Paris" };
const DOSSIERS = [
  {
    shot: "29-premier-ecran-colis",
    primary: /^Rédiger : mise en demeure/,
    dossier: {
      title: "Aspirateur jamais livré",
      problem: "non_delivery",
      merchant,
      order: { date: isoDaysAgo(30), amount_cents: 19990, payment_method: "card", promised_delivery_date: isoDaysAgo(20) },
    },
  },
  {
    shot: "30-premier-ecran-defaut",
    primary: /^Rédiger/,
    dossier: {
      title: "Lave-linge qui fuit",
      problem: "non_conforming",
      merchant,
      order: { date: isoDaysAgo(60), amount_cents: 44900, payment_method: "card", delivered_date: isoDaysAgo(50) },
    },
  },
  {
    shot: "31-premier-ecran-arnaque",
    primary: /^Rédiger/,
    dossier: {
      title: "Salon de jardin jamais reçu",
      problem: "scam",
      merchant: { name: "Super-Promo-Maison", country: "FR", status: "unknown", website: "https://super-promo-maison.example" },
      order: { date: isoDaysAgo(12), amount_cents: 18900, payment_method: "card" },
    },
  },
  {
    shot: "32-premier-ecran-abonnement",
    primary: /^Rédiger/,
    dossier: {
      title: "Abonnement StreamPlus",
      problem: "service",
      merchant: { ...merchant, name: "StreamPlus" },
      order: {
        date: isoDaysAgo(60),
        amount_cents: 2398,
        payment_method: "card",
        service: { subscription: true, started_on: isoDaysAgo(60), online_cancellation: false },
      },
    },
  },
  {
    shot: "33-premier-ecran-retractation",
    primary: /^(Rédiger|Noter)/,
    dossier: {
      title: "Casque à renvoyer",
      problem: "withdrawal_refund",
      merchant,
      order: { date: isoDaysAgo(45), amount_cents: 8990, payment_method: "card", delivered_date: isoDaysAgo(40) },
    },
  },
  {
    shot: "34-premier-ecran-vice-cache",
    primary: /^(Rédiger|Noter)/,
    dossier: {
      title: "Vélo au cadre fissuré",
      problem: "hidden_defect",
      merchant,
      order: { date: isoDaysAgo(400), amount_cents: 89900, payment_method: "card", delivered_date: isoDaysAgo(395) },
    },
  },
  {
    shot: "35-premier-ecran-paiement-non-autorise",
    primary: /^(Rédiger|Noter)/,
    dossier: {
      title: "Prélèvement inconnu",
      problem: "unauthorized_payment",
      merchant: { name: "Inconnu", country: "FR", status: "unknown" },
      order: { date: isoDaysAgo(10), amount_cents: 4990, payment_method: "card" },
    },
  },
  {
    shot: "36-premier-ecran-contenu-numerique",
    primary: /^(Rédiger|Noter)/,
    dossier: {
      title: "Jeu qui ne se lance pas",
      problem: "digital_content",
      merchant: { ...merchant, name: "JeuxEnLigne" },
      order: { date: isoDaysAgo(5), amount_cents: 5999, payment_method: "card", service: { subscription: false, started_on: isoDaysAgo(5) } },
    },
  },
];

describe("the first screen of a dossier at 1366×768", () => {
  before(async () => {
    DOSSIERS.forEach(({ dossier }, i) => {
      const file = path.join(dataDir, `d${i}.json`);
      writeFileSync(file, JSON.stringify(dossier));
      cli(dataDir, "create", "--json", file);
    });
    app = await launch(dataDir);
    await app.driver.manage().window().setRect({ width: 1366, height: 768 });
  });
  after(async () => {
    await app?.quit();
  });

  for (const { shot, primary, dossier } of DOSSIERS) {
    it(`${dossier.problem}: the next action is in the first screen, without scrolling`, async () => {
      const { driver } = app;
      await waitText(driver, "[data-testid=dossier-list]", dossier.title);
      await click(driver, dossier.title);
      await waitText(driver, "h1", dossier.title);
      const next = await find(driver, "[data-testid=next-action]");
      await find(driver, "[data-testid=next-action] #next-title");
      const box = await driver.executeScript(
        `const b = document.querySelector("[data-testid=next-action] .step-actions button.primary");
         if (!b) return null;
         const r = b.getBoundingClientRect();
         return { text: b.textContent.trim(), top: r.top, bottom: r.bottom, scrollY: window.scrollY,
                  inner: window.innerHeight, width: window.innerWidth };`,
      );
      assert.ok(box, `${dossier.problem} : pas d'action principale dans « À faire maintenant »`);
      console.log(
        `# ${dossier.problem}: « ${box.text} » bottom ${Math.round(box.bottom)} px of ${box.inner} (window ${box.width}×${box.inner})`,
      );
      assert.match(box.text, primary);
      assert.equal(box.scrollY, 0);
      assert.ok(box.bottom <= box.inner, `le bouton finit à ${box.bottom} px, la fenêtre à ${box.inner} px`);
      assert.ok(await next.isDisplayed());

      const { review } = await axeRun(driver);
      assert.deepEqual(review, [], "contraste à revoir");
      await screenshot(driver, shot);
      await click(driver, "← Mes dossiers");
    });
  }
});
