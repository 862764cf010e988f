// Réglages: where the person lives decides which public holidays extend a period. An overseas
// department is chosen in two steps (outre-mer, then which one), its date marked « à vérifier ».
import { describe, expect, it, vi } from "vitest";
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { mockIPC } from "@tauri-apps/api/mocks";
import Settings from "./Settings.svelte";
import type { Settings as SettingsData } from "../lib/bindings";

const stored: SettingsData = {
  sender: { name: "Camille Martin", address: "8 rue des Lilas", postal_code: "69003", city: "Lyon", email: "", phone: "" },
  reminders_enabled: false,
  holiday_region: "metropole",
  max_piece_mb: 1000,
  welcome_done: true,
};

function backend(saved: SettingsData[], initial: SettingsData = stored) {
  mockIPC((cmd, args) => {
    if (cmd === "get_settings") return initial;
    if (cmd === "app_info") return { version: "0.1.0", data_dir: "/home/camille/.local/share/org.recours.desktop", schema_version: 4 };
    if (cmd === "save_settings") {
      const s = (args as { settings: SettingsData }).settings;
      saved.push(JSON.parse(JSON.stringify(s)));
      return s;
    }
    return null;
  });
}

describe("Settings", () => {
  it("chooses an overseas department, shows its holiday as to be checked, and saves it", async () => {
    const saved: SettingsData[] = [];
    backend(saved);
    render(Settings, { onBack: () => {} });
    await userEvent.click(await screen.findByTestId("region-overseas"));
    const department = screen.getByTestId("region-department") as HTMLSelectElement;
    expect(department.value).toBe("guadeloupe");
    expect(screen.getByText("date à vérifier")).toBeInTheDocument();
    await userEvent.selectOptions(department, "martinique");
    expect(screen.getByRole("option", { name: "Martinique — férié le 22 mai" })).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Enregistrer" }));
    await vi.waitFor(() => expect(saved.at(-1)?.holiday_region).toBe("martinique"));
  });

  it("shows the department already chosen, and goes back to metropolitan France", async () => {
    const saved: SettingsData[] = [];
    backend(saved, { ...stored, holiday_region: "la_reunion" });
    render(Settings, { onBack: () => {} });
    const department = (await screen.findByTestId("region-department")) as HTMLSelectElement;
    expect(department.value).toBe("la_reunion");
    await userEvent.click(screen.getByLabelText(/Ailleurs en France/));
    expect(screen.queryByTestId("region-department")).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Enregistrer" }));
    await vi.waitFor(() => expect(saved.at(-1)?.holiday_region).toBe("metropole"));
  });
});
