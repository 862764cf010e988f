#!/usr/bin/python3
"""A tiny GTK window that offers files by drag and drop (text/uri-list), like a file manager does.
The end-to-end test drags from it onto Recours' window with xdotool, so the drop goes through the real
XDND protocol, WebKitGTK and Tauri's drag-and-drop event."""
import sys
from pathlib import Path

import gi

gi.require_version("Gdk", "3.0")
gi.require_version("Gtk", "3.0")
from gi.repository import Gdk, Gtk  # noqa: E402

uris = [Path(p).resolve().as_uri() for p in sys.argv[1:]]


def on_get(_widget, _context, data, _info, _time):
    data.set_uris(uris)


window = Gtk.Window(title="recours-drag-source")
window.set_default_size(160, 120)
window.move(0, 0)
button = Gtk.Button(label="Glisser")
button.drag_source_set(Gdk.ModifierType.BUTTON1_MASK, [], Gdk.DragAction.COPY)
button.drag_source_add_uri_targets()
button.connect("drag-data-get", on_get)
window.add(button)
window.connect("destroy", Gtk.main_quit)
window.show_all()
print("ready", flush=True)
Gtk.main()
