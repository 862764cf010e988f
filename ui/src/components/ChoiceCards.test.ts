import { describe, expect, it } from "vitest";
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import ChoiceCards from "./ChoiceCards.svelte";

describe("ChoiceCards", () => {
  it("chooses a card with Enter as with Space, without sending the form", async () => {
    let submitted = 0;
    const form = document.createElement("form");
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      submitted += 1;
    });
    document.body.appendChild(form);
    render(ChoiceCards, {
      target: form,
      props: {
        name: "who",
        legend: "Qui vous a vendu ?",
        value: "",
        choices: [
          { value: "pro", label: "Un professionnel", example: "Exemple : Fnac" },
          { value: "private", label: "Un particulier", example: "Exemple : sur Vinted" },
        ],
      },
    });
    const pro = screen.getByRole("radio", { name: /Un professionnel/ });
    const priv = screen.getByRole("radio", { name: /Un particulier/ });
    pro.focus();
    await userEvent.keyboard("{Enter}");
    expect(pro).toBeChecked();
    priv.focus();
    await userEvent.keyboard("{Enter}");
    expect(priv).toBeChecked();
    expect(pro).not.toBeChecked();
    expect(submitted).toBe(0);
  });
});
