"""A line of text with a copy button, for the paste-ready sentence and "Salin tautan".

Not ``st.code``: its code block loads Streamlit's 1.5 MB syntax-highlighter bundle, which cost every
fresh map view about 0.6 s of browser main thread (the map waited behind it) and the server the
bytes to send it. This is a ``st.components.v2`` element in the page itself (no iframe): a span and
a button. The text is set with ``textContent``, so a link carrying a crafted query string is shown
as text, never parsed as HTML.
"""

from __future__ import annotations

import streamlit as st

from kkpham.texts import t

HTML = (
    '<div class="copy"><span class="text" id="text"></span>'
    '<button type="button" aria-describedby="text"></button>'
    '<span class="status" role="status"></span></div>'
)
CSS = """
.copy { display: flex; align-items: flex-start; gap: 0.75rem; padding: 0.6rem 0.75rem;
  border-radius: 0.5rem; background: var(--st-secondary-background-color, #f0f2f6);
  color: var(--st-text-color, #31333f); font-family: var(--st-font, sans-serif);
  font-size: 0.95rem; line-height: 1.5; }
.text { flex: 1; overflow-wrap: anywhere; user-select: all; }
button { flex: none; font: inherit; font-size: 0.85rem; cursor: pointer; padding: 0.15rem 0.6rem;
  border-radius: 0.4rem; border: 1px solid var(--st-border-color, #c7c9d1);
  background: var(--st-background-color, #ffffff); color: inherit; }
button:focus-visible { outline: 2px solid var(--st-primary-color, #ff4b4b); }
.status, textarea { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap; }
"""
# The Clipboard API needs a secure context (https or localhost); a laptop serving colleagues over
# plain http on the meeting-room LAN has none. There the text is copied from a selected, hidden
# form field (selecting inside a form field works in every browser, shadow DOM included), and
# "Tersalin" is shown only when the browser says the copy happened.
JS = """
export default function ({ parentElement, data }) {
  const text = parentElement.querySelector(".text");
  const button = parentElement.querySelector("button");
  const status = parentElement.querySelector(".status");
  text.textContent = data.text;
  button.textContent = data.label;
  status.textContent = "";
  const copied = () => {
    button.textContent = data.done;
    status.textContent = data.done;
  };
  const fallback = () => {
    const field = document.createElement("textarea");
    field.value = data.text;
    field.setAttribute("readonly", "");
    parentElement.appendChild(field);
    field.select();
    const ok = document.execCommand("copy");
    field.remove();
    if (ok) copied();
  };
  button.onclick = () => {
    if (window.isSecureContext && navigator.clipboard) {
      navigator.clipboard.writeText(data.text).then(copied, fallback);
    } else {
      fallback();
    }
  };
}
"""

_copy_text = st.components.v2.component("kkpham.copy_text", html=HTML, css=CSS, js=JS)


def copy_text(text: str, lang: str, *, key: str) -> None:
    """``text`` in a shaded line with a "Salin"/"Copy" button."""
    _copy_text(
        key=key,
        data={"text": text, "label": t("copy_button", lang), "done": t("copy_done", lang)},
    )
