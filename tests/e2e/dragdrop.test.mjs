// A real drag and drop onto the window: a small GTK drag source (drag_source.py) offers two files, and
// xdotool drags them onto Recours with the mouse, so the drop crosses XDND, WebKitGTK and Tauri's
// drag-and-drop event exactly as from a file manager. The files then arrive staged in the window.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dropOnRecours, startDragSource } from "./drag.mjs";
import { By, cli, click, find, isoDaysAgo, launch, root, screenshot, tempDataDir, waitText } from "./harness.mjs";

const dataDir = tempDataDir("dragdrop");
const photo = path.join(dataDir, "Colis écrasé.png");
const order = path.join(dataDir, "Confirmation de commande.pdf");
let app;
let source;

describe("dragging files onto the real window", () => {
  before(async () => {
    copyFileSync(path.join(root, "icons/128x128.png"), photo);
    writeFileSync(order, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    const file = path.join(dataDir, "dossier.json");
    writeFileSync(
      file,
      JSON.stringify({
        title: "Colis arrivé écrasé",
        problem: "non_conforming",
        merchant: { name: "MaBoutique", country: "FR" },
        order: { date: isoDaysAgo(12), amount_cents: 5990, payment_method: "card", delivered_date: isoDaysAgo(3) },
      }),
    );
    cli(dataDir, "create", "--json", file);
    app = await launch(dataDir);
    source = await startDragSource([photo, order]);
  });
  after(async () => {
    source?.kill();
    await app?.quit();
  });

  it("stages the dropped files and adds them to the dossier", async () => {
    const { driver } = app;
    await click(driver, "Colis arrivé écrasé");
    await waitText(driver, "[data-testid=no-pieces]", "Aucune pièce");
    await dropOnRecours();
    await waitText(driver, "[data-testid=staged-files]", "Colis écrasé.png");
    await waitText(driver, "[data-testid=staged-files]", "Confirmation de commande.pdf");
    await screenshot(driver, "12-fichiers-deposes");
    await click(driver, "Ajouter 2 fichiers");
    await waitText(driver, "[data-testid=attach-results]", "ajouté");
    await click(driver, "Fermer");
    await waitText(driver, "[data-testid=pieces]", "Confirmation de commande");
    assert.equal((await driver.findElements(By.css("[data-testid=pieces] li"))).length, 2);
    await find(driver, "[data-testid=piece-thumbnail]");
    const [dossier] = cli(dataDir, "list");
    assert.equal(cli(dataDir, "pieces", "--dossier", String(dossier.id)).length, 2);
  });
});
