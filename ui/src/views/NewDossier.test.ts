import { describe, expect, it, vi } from "vitest";
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { mockIPC } from "@tauri-apps/api/mocks";
import NewDossier from "./NewDossier.svelte";
import { dossier } from "../test/fixtures";

async function fillAll() {
  await userEvent.click(screen.getByLabelText(/Colis jamais reçu/));
  await userEvent.click(screen.getByRole("button", { name: "Suivant" }));
  await userEvent.type(screen.getByLabelText(/Nom du vendeur/), "MaBoutique");
  await userEvent.click(screen.getByRole("button", { name: "Suivant" }));
  await userEvent.type(screen.getByLabelText(/Date de la commande/), "01/10/2026");
  await userEvent.type(screen.getByLabelText(/Montant payé/), "129,90");
}

describe("NewDossier", () => {
  it("asks for the situation before going on", async () => {
    render(NewDossier, { onCreated: vi.fn(), onCancel: vi.fn() });
    await userEvent.click(screen.getByRole("button", { name: "Suivant" }));
    expect(screen.getByRole("alert")).toHaveTextContent("Choisissez ce qui s'est passé.");
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Que s'est-il passé ?");
  });

  it("sends the typed dossier in three steps and suggests a name", async () => {
    let sent: unknown = null;
    mockIPC((cmd, args) => {
      if (cmd === "create_dossier") {
        sent = (args as { input: unknown }).input;
        return dossier();
      }
      return null;
    });
    const onCreated = vi.fn();
    render(NewDossier, { onCreated, onCancel: vi.fn() });
    await fillAll();
    expect(screen.getByLabelText(/Nom du dossier/)).toHaveValue("Non-livraison — MaBoutique");
    await userEvent.click(screen.getByRole("button", { name: "Créer le dossier" }));
    expect(onCreated).toHaveBeenCalledWith(dossier());
    expect(sent).toMatchObject({
      title: "Non-livraison — MaBoutique",
      problem: "non_delivery",
      merchant: { name: "MaBoutique", country: "FR", email: null },
      order: { date: "2026-10-01", amount_cents: 12990, payment_method: "card" },
    });
  });

  it("shows Rust's French message on the field, on the right step", async () => {
    mockIPC((cmd) => {
      if (cmd === "create_dossier") {
        throw {
          code: "validation",
          message: "Adresse e-mail invalide. Exemple : service-client@maboutique.fr",
          fields: [{ field: "merchant.email", message: "Adresse e-mail invalide. Exemple : service-client@maboutique.fr" }],
        };
      }
      return null;
    });
    const onCreated = vi.fn();
    render(NewDossier, { onCreated, onCancel: vi.fn() });
    await fillAll();
    await userEvent.click(screen.getByRole("button", { name: "Créer le dossier" }));
    expect(await screen.findByRole("heading", { level: 1 })).toHaveTextContent("Le vendeur");
    const email = screen.getByLabelText(/E-mail du service client/);
    expect(email).toHaveAttribute("aria-invalid", "true");
    expect(email).toHaveAccessibleDescription(/Adresse e-mail invalide/);
    expect(onCreated).not.toHaveBeenCalled();
  });

  it("refuses an unreadable amount before calling Rust", async () => {
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
      return null;
    });
    render(NewDossier, { onCreated: vi.fn(), onCancel: vi.fn() });
    await fillAll();
    await userEvent.clear(screen.getByLabelText(/Montant payé/));
    await userEvent.type(screen.getByLabelText(/Montant payé/), "douze");
    await userEvent.click(screen.getByRole("button", { name: "Créer le dossier" }));
    expect(screen.getByRole("alert")).toHaveTextContent("Montant illisible");
    expect(calls).not.toContain("create_dossier");
  });
});
