// The non-delivery journey with the keyboard only, in the real window at 1366×768: from the empty list
// to the registered letter recorded in the journal. Tab moves, Enter or Space acts, text is typed where
// the focus is. After every action the focus is checked (never on the page body), and the number of
// Tab presses is printed (target: at most 40).
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { Key, daysAgo, find, launchWithSender, tempDataDir, waitText } from "./harness.mjs";

const dataDir = tempDataDir("keyboard");
let app;
let tabs = 0;
let keys = 0;

const active = (driver) => driver.switchTo().activeElement();

/** What has the focus, in a few words, for the messages. */
const describeFocus = (driver) =>
  driver.executeScript(
    `const a = document.activeElement;
     if (!a || a === document.body) return "body";
     return a.tagName.toLowerCase() + (a.id ? "#" + a.id : "") + " « " + (a.textContent || a.value || "").trim().slice(0, 40) + " »";`,
  );

/** Within two seconds of an action (the next screen loading), the focus is on a control or a heading. */
async function focusKept(driver, after) {
  try {
    await driver.wait(async () => (await describeFocus(driver)) !== "body", 2000);
  } catch {
    assert.fail(`après « ${after} », le focus est retombé sur la page`);
  }
}

/** Presses Tab until the focus is on `css` (and contains `text`, if given). */
async function tabTo(driver, css, text = "", max = 25) {
  for (let i = 0; i <= max; i++) {
    const here = await driver.executeScript(
      `const a = document.activeElement;
       return !!a && a.matches(arguments[0]) && (a.textContent || "").includes(arguments[1]);`,
      css,
      text,
    );
    if (here) { if (process.env.TAB_LOG) console.log(`# ${i} Tab to ${css} ${text}`); return; }
    await (await active(driver)).sendKeys(Key.TAB);
    tabs += 1;
    keys += 1;
  }
  throw new Error(`${css} « ${text} » hors d'atteinte en ${max} Tab ; focus : ${await describeFocus(driver)}`);
}

async function press(driver, key, label) {
  await (await active(driver)).sendKeys(key);
  keys += 1;
  await new Promise((r) => setTimeout(r, 150));
  if (label) await focusKept(driver, label);
}

async function typeHere(driver, text) {
  await (await active(driver)).sendKeys(text);
  keys += 1;
}

describe("the non-delivery journey with the keyboard only", () => {
  before(async () => {
    ({ app } = await launchWithSender(dataDir));
    await app.driver.manage().window().setRect({ width: 1366, height: 768 });
  });
  after(async () => {
    console.log(`# keyboard journey: ${tabs} Tab presses, ${keys} key presses in all (target: at most 40 Tab)`);
    await app?.quit();
  });

  it("goes from the empty list to the recorded registered letter", async () => {
    const { driver } = app;
    await waitText(driver, "[data-testid=empty-state]", "achat en ligne");

    await tabTo(driver, "button", "Créer mon premier dossier");
    await press(driver, Key.ENTER, "Créer mon premier dossier");
    await waitText(driver, "#wizard-title", "Où et à qui");

    // Step 1: where and from whom.
    await tabTo(driver, "#platform-choice");
    await typeHere(driver, "D"); // « Directement sur le site du vendeur »
    await driver.wait(async () => (await (await find(driver, "#platform-choice")).getAttribute("value")) === "none", 5000);
    await tabTo(driver, "#merchant-name");
    await typeHere(driver, "MaBoutique");
    await tabTo(driver, "input[name=merchant-status], input[type=radio]");
    await press(driver, Key.ENTER);
    await tabTo(driver, "button", "Suivant");
    await press(driver, Key.ENTER, "Suivant (1)");
    await waitText(driver, "#wizard-title", "Que s'est-il passé ?");

    // Step 2: what happened (« Colis jamais reçu » is the first card).
    await tabTo(driver, "input[type=radio]");
    await press(driver, Key.ENTER);
    await tabTo(driver, "button", "Suivant");
    await press(driver, Key.ENTER, "Suivant (2)");
    await waitText(driver, "#wizard-title", "Le vendeur");

    // Step 3: the seller's address, for the letter.
    await tabTo(driver, "#merchant-address");
    await typeHere(driver, "1 rue du Commerce");
    await typeHere(driver, Key.chord(Key.SHIFT, Key.ENTER));
    await typeHere(driver, "75002 Paris");
    await tabTo(driver, "button", "Suivant");
    await press(driver, Key.ENTER, "Suivant (3)");
    await waitText(driver, "#wizard-title", "La commande");

    // Step 4: the order.
    await tabTo(driver, "#order-date");
    await typeHere(driver, daysAgo(40));
    await tabTo(driver, "#order-amount");
    await typeHere(driver, "129,90");
    await tabTo(driver, "#order-promised");
    await typeHere(driver, daysAgo(33));
    // Enter in a text field sends the form, as in any form: « Créer le dossier ».
    await press(driver, Key.ENTER, "Entrée dans le dernier champ");
    await waitText(driver, "h1", "MaBoutique");

    // The new dossier: the focus is on what to do now; its first action writes the mise en demeure.
    await find(driver, "[data-testid=next-action] #next-title");
    await driver.wait(async () => (await describeFocus(driver)).includes("h2#next-title"), 5000, "le focus n'est pas sur « À faire maintenant »");
    await tabTo(driver, "[data-testid=next-action] button.primary", "Rédiger");
    await press(driver, Key.ENTER, "Rédiger");
    await find(driver, "[data-testid=letter-body]");
    await tabTo(driver, "[data-testid=produce-letter]", "", 40);
    await press(driver, Key.ENTER);
    await waitText(driver, "[data-testid=letter-produced]", "rangé dans les pièces");
    await driver.wait(async () => (await describeFocus(driver)).includes("Noter l'envoi"), 5000, "le focus ne va pas à « Noter l'envoi »");
    await press(driver, Key.ENTER, "Noter l'envoi");

    // The sending, with its registered-letter number.
    await find(driver, "[data-testid=event-form]");
    await tabTo(driver, "#event-date");
    await typeHere(driver, Key.chord(Key.CONTROL, "a"));
    await typeHere(driver, daysAgo(1));
    await tabTo(driver, "#event-tracking");
    await typeHere(driver, "1A 123 456 7890 1");
    await press(driver, Key.ENTER, "Entrée dans le numéro du recommandé");
    await waitText(driver, "[data-testid=timeline]", "recommandé n° 1A12345678901");
    await focusKept(driver, "l'enregistrement de l'envoi");

    console.log(`# keyboard journey: ${tabs} Tab presses`);
    assert.ok(tabs <= 40, `${tabs} Tab pour le parcours, au plus 40 attendus`);
  });
});
