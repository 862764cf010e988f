import { mount } from "svelte";
import App from "./App.svelte";
import { askStartScreen, markStart } from "./lib/start";
import "./app.css";

// The first screen's data is asked for at once, and the app is mounted when it is here: the first
// frame the window draws is then the list itself, not an empty frame drawn first and again after.
markStart("js:main");
const target = document.getElementById("app");
if (!target) throw new Error("#app manquant");
const root = target;
askStartScreen().then((screen) => {
  markStart("js:mount");
  mount(App, { target: root, props: { start: Promise.resolve(screen) } });
  markStart("js:mounted");
});
