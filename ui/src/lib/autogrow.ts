// A text box as tall as its text: a long letter scrolls with its dialog, never inside a box inside it.
// The value parameter is only there so Svelte calls `update` when the text changes.
export function autogrow(node: HTMLTextAreaElement, value: string) {
  void value;
  const fit = () => {
    node.style.height = "auto";
    node.style.height = `${node.scrollHeight + 2}px`;
  };
  fit();
  node.addEventListener("input", fit);
  return {
    // The text was replaced from outside (a saved draft resumed, « repartir du texte proposé »).
    update: () => fit(),
    destroy: () => node.removeEventListener("input", fit),
  };
}
