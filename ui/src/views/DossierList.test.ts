import { describe, expect, it, vi } from "vitest";
import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { mockIPC } from "@tauri-apps/api/mocks";
import DossierList from "./DossierList.svelte";
import { dossier, summary } from "../test/fixtures";
import type { DossierSummary } from "../lib/bindings";

type Query = { search: string | null; status: string | null; limit: number | null };

/** What Rust answers: the matching rows, limited, with the counts. */
function page(all: DossierSummary[], query: Query) {
  const matching = all.filter(
    (r) =>
      (!query.status || r.status === query.status) &&
      (!query.search || r.title.toLowerCase().includes(query.search.toLowerCase())),
  );
  return {
    dossiers: query.limit === null ? matching : matching.slice(0, query.limit),
    total_matching: matching.length,
    total_all: all.length,
  };
}

describe("DossierList", () => {
  it("shows the first page read at start without asking Rust again, then asks for what is new", async () => {
    const calls: string[] = [];
    const rows = [summary(dossier()), summary(dossier({ id: 8, title: "Écran fissuré" }))];
    mockIPC((cmd, args) => {
      calls.push(cmd);
      return cmd === "list_dossiers" ? page(rows, (args as { query: Query }).query) : null;
    });
    const onFirstPaint = vi.fn();
    render(DossierList, { onOpen: vi.fn(), onNew: vi.fn(), onFirstPaint, initial: page(rows, { search: null, status: null, limit: 50 }) });
    expect(await screen.findByText("Écran fissuré")).toBeInTheDocument();
    await waitFor(() => expect(onFirstPaint).toHaveBeenCalled());
    expect(calls).toEqual([]);
    // A search is a new question: it goes to Rust.
    await userEvent.type(screen.getByRole("searchbox"), "écran");
    await waitFor(() => expect(calls).toContain("list_dossiers"));
  });

  it("explains Recours when there is no dossier yet", async () => {
    mockIPC((cmd, args) => (cmd === "list_dossiers" ? page([], (args as { query: Query }).query) : null));
    const onNew = vi.fn();
    render(DossierList, { onOpen: vi.fn(), onNew });
    expect(await screen.findByTestId("empty-state")).toHaveTextContent("achat en ligne");
    await userEvent.click(screen.getByRole("button", { name: "Créer mon premier dossier" }));
    expect(onNew).toHaveBeenCalled();
  });

  it("shows the dossiers, searches and filters through Rust", async () => {
    const calls: unknown[] = [];
    const rows = [summary(dossier()), summary(dossier({ id: 8, title: "Écran fissuré", status: "resolved" }))];
    mockIPC((cmd, args) => {
      if (cmd !== "list_dossiers") return null;
      const query = (args as { query: Query }).query;
      calls.push(query);
      return page(rows, query);
    });
    const onOpen = vi.fn();
    render(DossierList, { onOpen, onNew: vi.fn() });
    const list = await screen.findByTestId("dossier-list");
    expect(list.querySelectorAll("li")).toHaveLength(2);
    expect(list).toHaveTextContent("129,90");

    await userEvent.type(screen.getByLabelText("Rechercher"), "écran");
    await waitFor(() => expect(screen.getByTestId("dossier-list").querySelectorAll("li")).toHaveLength(1));
    expect(calls).toContainEqual({ search: "écran", status: null, limit: 50 });

    await userEvent.click(screen.getByRole("button", { name: "En cours" }));
    expect(await screen.findByTestId("no-result")).toHaveTextContent("« écran »");
    expect(calls).toContainEqual({ search: "écran", status: "open", limit: 50 });

    await userEvent.clear(screen.getByLabelText("Rechercher"));
    await userEvent.click(screen.getByRole("button", { name: "Tous" }));
    await userEvent.click(await screen.findByRole("button", { name: /Colis jamais reçu/ }));
    expect(onOpen).toHaveBeenCalledWith(7);
  });

  it("paints a long list 50 rows at a time", async () => {
    const many = Array.from({ length: 120 }, (_, i) => summary(dossier({ id: i + 1, title: `Dossier ${i + 1}` })));
    mockIPC((cmd, args) => (cmd === "list_dossiers" ? page(many, (args as { query: Query }).query) : null));
    render(DossierList, { onOpen: vi.fn(), onNew: vi.fn() });
    const list = await screen.findByTestId("dossier-list");
    expect(list.querySelectorAll("li")).toHaveLength(50);
    await userEvent.click(screen.getByRole("button", { name: "Afficher 50 dossiers de plus" }));
    expect(list.querySelectorAll("li")).toHaveLength(100);
    await userEvent.click(screen.getByRole("button", { name: "Afficher 20 dossiers de plus" }));
    expect(list.querySelectorAll("li")).toHaveLength(120);
    expect(screen.queryByRole("button", { name: /dossiers de plus/ })).not.toBeInTheDocument();
  });

  it("shows why the data cannot be read", async () => {
    mockIPC(() => {
      throw { code: "schema_too_new", message: "Ces données ont été enregistrées par une version plus récente de Recours.", fields: [] };
    });
    render(DossierList, { onOpen: vi.fn(), onNew: vi.fn() });
    expect(await screen.findByRole("alert")).toHaveTextContent("version plus récente");
  });
});
