import { describe, expect, it, vi } from "vitest";
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { mockIPC } from "@tauri-apps/api/mocks";
import NewDossier from "./NewDossier.svelte";
import { directory, dossier, proposal } from "../test/fixtures";

/** Step 1 for a shop bought from directly: where, who, a professional. */
async function whereAndWho(seller = "MaBoutique") {
  await userEvent.selectOptions(screen.getByLabelText("Où avez-vous acheté ?"), "none");
  await userEvent.type(screen.getByLabelText(/Qui vous a vendu le bien/), seller);
  await userEvent.click(screen.getByLabelText(/Un professionnel/));
  await userEvent.click(screen.getByRole("button", { name: "Suivant" }));
}

async function fillAll() {
  await whereAndWho();
  await userEvent.click(screen.getByLabelText(/Colis jamais reçu/));
  await userEvent.click(screen.getByRole("button", { name: "Suivant" }));
  await userEvent.click(screen.getByRole("button", { name: "Suivant" }));
  await userEvent.type(screen.getByLabelText(/Date de la commande/), "01/10/2026");
  await userEvent.type(screen.getByLabelText(/Montant payé/), "129,90");
}

describe("NewDossier", () => {
  it("asks where and from whom, then the situation, before going on", async () => {
    mockIPC((cmd) => (cmd === "platform_directory" ? directory : null));
    render(NewDossier, { onCreated: vi.fn(), onCancel: vi.fn() });
    await userEvent.click(screen.getByRole("button", { name: "Suivant" }));
    expect(screen.getByRole("alert")).toHaveTextContent("Dites où vous avez acheté.");
    await whereAndWho();
    await userEvent.click(screen.getByRole("button", { name: "Suivant" }));
    expect(screen.getByRole("alert")).toHaveTextContent("Choisissez ce qui s'est passé.");
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Que s'est-il passé ?");
  });

  it("takes a Vinted purchase from a private person: two parties, the platform's window shown", async () => {
    let sent: { platform: unknown; merchant: unknown } | null = null;
    mockIPC((cmd, args) => {
      if (cmd === "platform_directory") return directory;
      if (cmd === "create_dossier") {
        sent = (args as { input: { platform: unknown; merchant: unknown } }).input;
        return dossier();
      }
      return null;
    });
    render(NewDossier, { onCreated: vi.fn(), onCancel: vi.fn() });
    await screen.findByRole("option", { name: "Vinted" });
    await userEvent.selectOptions(screen.getByLabelText("Où avez-vous acheté ?"), "vinted");
    expect(screen.getByTestId("platform-facts")).toHaveTextContent("Vinted, UAB");
    expect(screen.getByTestId("platform-facts")).toHaveTextContent("2 jours");
    await userEvent.type(screen.getByLabelText(/Qui vous a vendu le bien/), "marie_75");
    await userEvent.click(screen.getByLabelText(/Un particulier/));
    await userEvent.click(screen.getByRole("button", { name: "Suivant" }));
    await userEvent.click(screen.getByLabelText(/Colis jamais reçu/));
    await userEvent.click(screen.getByRole("button", { name: "Suivant" }));
    expect(screen.queryByLabelText(/Médiateur du e-commerce/)).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Suivant" }));
    expect(screen.getByLabelText(/Nom du dossier/)).toHaveValue("Non-livraison — marie_75 (Vinted)");
    await userEvent.type(screen.getByLabelText(/Date de la commande/), "01/10/2026");
    await userEvent.type(screen.getByLabelText(/Montant payé/), "15");
    await userEvent.click(screen.getByRole("button", { name: "Créer le dossier" }));
    expect(sent).toMatchObject({
      platform: { name: "Vinted", country: "LT", directory_id: "vinted" },
      merchant: { name: "marie_75", status: "private" },
    });
  });

  it("sends the typed dossier in four steps and suggests a name", async () => {
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
    expect(onCreated).toHaveBeenCalledWith(dossier(), false);
    expect(sent).toMatchObject({
      title: "Non-livraison — MaBoutique",
      problem: "non_delivery",
      merchant: { name: "MaBoutique", country: "FR", email: null, status: "professional" },
      platform: null,
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

  it("takes a fake shop paid in instalments: the signs of a fake site are shown, the lender is sent", async () => {
    let sent: { problem: string; order: unknown } | null = null;
    mockIPC((cmd, args) => {
      if (cmd === "create_dossier") {
        sent = (args as { input: { problem: string; order: unknown } }).input;
        return dossier();
      }
      return null;
    });
    render(NewDossier, { onCreated: vi.fn(), onCancel: vi.fn() });
    await userEvent.selectOptions(screen.getByLabelText("Où avez-vous acheté ?"), "none");
    await userEvent.type(screen.getByLabelText(/Qui vous a vendu le bien/), "Super-Promo-Maison");
    await userEvent.click(screen.getByLabelText(/Je ne sais pas/));
    await userEvent.click(screen.getByRole("button", { name: "Suivant" }));
    expect(screen.queryByRole("heading", { name: "Comment reconnaître un faux site" })).not.toBeInTheDocument();
    await userEvent.click(screen.getByLabelText(/Site frauduleux ou vendeur injoignable/));
    expect(screen.getByRole("heading", { name: "Comment reconnaître un faux site" })).toBeInTheDocument();
    expect(screen.getByText(/pas de numéro SIREN/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Suivant" }));
    await userEvent.click(screen.getByRole("button", { name: "Suivant" }));
    expect(screen.queryByLabelText(/Organisme du paiement fractionné/)).not.toBeInTheDocument();
    await userEvent.click(screen.getByLabelText(/Paiement fractionné/));
    await userEvent.type(screen.getByLabelText(/Organisme du paiement fractionné/), "Klarna");
    await userEvent.type(screen.getByLabelText(/Date de la commande/), "21/11/2026");
    await userEvent.type(screen.getByLabelText(/Montant payé/), "189");
    expect(screen.getByLabelText(/Nom du dossier/)).toHaveValue("Site frauduleux — Super-Promo-Maison");
    await userEvent.click(screen.getByRole("button", { name: "Créer le dossier" }));
    expect(sent).toMatchObject({
      problem: "scam",
      order: { payment_method: "bnpl", lender: "Klarna", card_lost_or_stolen: null },
    });
  });

  it("takes a subscription: the contract's date and terms instead of a delivery", async () => {
    let sent: { problem: string; order: Record<string, unknown> } | null = null;
    mockIPC((cmd, args) => {
      if (cmd === "create_dossier") {
        sent = (args as { input: { problem: string; order: Record<string, unknown> } }).input;
        return dossier();
      }
      return null;
    });
    render(NewDossier, { onCreated: vi.fn(), onCancel: vi.fn() });
    await whereAndWho("StreamPlus");
    await userEvent.click(screen.getByLabelText(/Abonnement ou service en ligne/));
    await userEvent.click(screen.getByRole("button", { name: "Suivant" }));
    await userEvent.click(screen.getByRole("button", { name: "Suivant" }));
    expect(screen.queryByLabelText(/Livraison promise/)).not.toBeInTheDocument();
    await userEvent.click(screen.getByLabelText(/Un abonnement/));
    await userEvent.click(screen.getByLabelText(/Non, ou il ne marche pas/));
    await userEvent.type(screen.getByLabelText(/Date du contrat/), "02/03/2026");
    await userEvent.type(screen.getByLabelText(/Montant payé/), "119,88");
    await userEvent.click(screen.getByRole("button", { name: "Créer le dossier" }));
    expect(sent).toMatchObject({
      problem: "service",
      order: {
        date: "2026-03-02",
        delivered_date: null,
        promised_delivery_date: null,
        service: { subscription: true, online_cancellation: false, renewal_notice_received: null },
      },
    });
  });

  it("answers a trip with its own law, and no dossier", async () => {
    const asked: string[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "travel_triage") {
        asked.push((args as { kind: string }).kind);
        return {
          kind: "flight",
          title: "Un vol annulé, retardé ou surréservé",
          regime: "Règlement 261/2004.",
          rights: ["250, 400 ou 600 € selon la distance."],
          steps: ["1. Réclamez à la compagnie.", "2. Médiateur Tourisme et Voyage."],
          scope: "Recours ne rédige pas de courrier pour un voyage.",
          legal: [],
          sites: [{ site: "mediateur_tourisme", label: "Médiateur Tourisme et Voyage", url: "https://www.mtv.travel", verified: true }],
        };
      }
      return null;
    });
    render(NewDossier, { onCreated: vi.fn(), onCancel: vi.fn() });
    await whereAndWho("Air Exemple");
    await userEvent.click(screen.getByRole("button", { name: "Un vol" }));
    expect(asked).toEqual(["flight"]);
    expect(await screen.findByRole("heading", { name: "Un vol annulé, retardé ou surréservé" })).toBeInTheDocument();
    expect(screen.getByText("Réclamez à la compagnie.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: /Médiateur Tourisme et Voyage/ })).toBeInTheDocument();
  });
});

describe("NewDossier from a dropped document", () => {
  it("starts filled with what the document says, shows each passage, and keeps the document as the first piece", async () => {
    let created: { cmd: string; args: Record<string, unknown> } | null = null;
    mockIPC((cmd, args) => {
      if (cmd === "platform_directory") return directory;
      if (cmd === "create_from_document") {
        created = { cmd, args: args as Record<string, unknown> };
        return { dossier: dossier({ id: 12 }), piece: { result: "stored", piece: {} } };
      }
      return null;
    });
    const onCreated = vi.fn();
    render(NewDossier, {
      onCreated,
      onCancel: vi.fn(),
      fromDocument: { proposal, token: "t9", name: "confirmation.eml" },
    });
    const aside = screen.getByTestId("read-from-document");
    expect(aside).toHaveTextContent("Lu dans « confirmation.eml »");
    expect(aside).toHaveTextContent("LaBoutiqueDeMarie");
    expect(aside).toHaveTextContent("lu ici : « Vendu par : LaBoutiqueDeMarie »");
    expect(screen.getByLabelText(/Qui vous a vendu le bien/)).toHaveValue("LaBoutiqueDeMarie");
    // What only the person knows.
    await userEvent.click(screen.getByLabelText(/Un particulier/));
    await userEvent.click(screen.getByRole("button", { name: "Suivant" }));
    await userEvent.click(screen.getByLabelText(/Colis jamais reçu/));
    await userEvent.click(screen.getByRole("button", { name: "Suivant" }));
    await userEvent.click(screen.getByRole("button", { name: "Suivant" }));
    expect(screen.getByTestId("read-from-document")).toHaveTextContent("lu ici : « Montant total : 59,89 € »");
    expect(screen.getByLabelText(/Montant payé/)).toHaveValue("59,89");
    await userEvent.click(screen.getByRole("button", { name: "Créer le dossier" }));
    expect(created).not.toBeNull();
    const args = created!.args as { token: string; index: number; input: { merchant: { name: string }; order: { amount_cents: number; reference: string } } };
    expect(args.token).toBe("t9");
    expect(args.index).toBe(0);
    expect(args.input.merchant.name).toBe("LaBoutiqueDeMarie");
    expect(args.input.order.amount_cents).toBe(5989);
    expect(args.input.order.reference).toBe("402-1234567");
    expect(onCreated).toHaveBeenCalledWith(expect.objectContaining({ id: 12 }), true);
  });
});
