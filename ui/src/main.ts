import { mount } from "svelte";
import App from "./App.svelte";
import { askStartScreen } from "./lib/start";
import "./app.css";

// Asked before anything is mounted: the list's first page is on its way while the app builds.
const start = askStartScreen();
const target = document.getElementById("app");
if (!target) throw new Error("#app manquant");
export default mount(App, { target, props: { start } });
