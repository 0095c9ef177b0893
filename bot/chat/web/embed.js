// Wegwijs on another site, with one script tag (the site must be named in WEGWIJS_EMBED_ORIGINS):
//
//   <script src="https://WEGWIJS-HOST/static/embed.js" data-color="#00594f" data-lang="nl"
//           data-organisation="GGD Voorbeeldregio" data-exit-url="https://www.google.com/search?q=weerbericht"
//           async></script>
//
// It adds a "Chat met Wegwijs" button that opens the chat in a frame from WEGWIJS-HOST. The chat itself runs
// in that frame (its own origin and security headers); this script only places it and listens for one
// message: the chat's quick exit, after which this page, too, is replaced by the exit site (Escape on this
// page does the same while the chat is open). Nothing is stored on this site.
(function () {
  "use strict";
  const script = document.currentScript;
  if (!script) return;
  const chatOrigin = new URL(script.src).origin;
  const data = script.dataset;
  const english = data.lang === "en";
  const colour = /^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/.test(data.color || "") ? data.color : "#1d4ed8";
  const exitUrl = /^https:\/\//.test(data.exitUrl || "") ? data.exitUrl : "https://www.google.com/search?q=weerbericht";
  const params = new URLSearchParams({ embed: "1", color: colour, lang: english ? "en" : "nl" });
  if (data.organisation) params.set("org", data.organisation.slice(0, 60));

  const open = document.createElement("button");
  open.type = "button";
  open.textContent = english ? "Chat with Wegwijs" : "Chat met Wegwijs";
  Object.assign(open.style, {
    position: "fixed", right: "1rem", bottom: "1rem", zIndex: "2147483646", background: colour, color: "#fff",
    border: "0", borderRadius: "2rem", padding: "0.8rem 1.2rem", font: "600 1rem system-ui, sans-serif",
    minHeight: "2.75rem", cursor: "pointer", boxShadow: "0 2px 8px rgba(0,0,0,.25)",
  });

  let panel = null;

  function close() {
    if (panel) { panel.remove(); panel = null; }
    open.hidden = false;
    open.focus();
  }

  function leave() {  // the chat's quick exit: this page goes too, and its history entry with it
    if (panel) panel.remove();
    open.remove();
    document.title = "";
    window.location.replace(exitUrl);
  }

  function show() {
    panel = document.createElement("div");
    panel.setAttribute("role", "dialog");
    panel.setAttribute("aria-label", "Wegwijs chat");
    Object.assign(panel.style, {
      position: "fixed", right: "1rem", bottom: "1rem", zIndex: "2147483647", width: "min(26rem, calc(100vw - 2rem))",
      height: "min(40rem, calc(100vh - 2rem))", background: "#fff", borderRadius: "0.6rem",
      boxShadow: "0 4px 24px rgba(0,0,0,.3)", display: "flex", flexDirection: "column", overflow: "hidden",
    });
    const shut = document.createElement("button");
    shut.type = "button";
    shut.textContent = english ? "Close" : "Sluiten";
    Object.assign(shut.style, { alignSelf: "flex-end", margin: "0.3rem", minHeight: "2.75rem", padding: "0 1rem",
                                background: "#fff", color: "#1b1b1b", border: "1px solid #6b7280",
                                borderRadius: "0.4rem", cursor: "pointer" });
    shut.addEventListener("click", close);
    const frame = document.createElement("iframe");
    frame.src = chatOrigin + "/?" + params.toString();
    frame.title = english ? "Chat with Wegwijs" : "Chat met Wegwijs";
    frame.setAttribute("referrerpolicy", "no-referrer");
    Object.assign(frame.style, { flex: "1", border: "0", width: "100%" });
    panel.append(shut, frame);
    document.body.appendChild(panel);
    open.hidden = true;
    frame.focus();
  }

  open.addEventListener("click", show);
  window.addEventListener("message", function (event) {
    if (event.origin === chatOrigin && event.data && event.data.type === "wegwijs:quick-exit") leave();
  });
  document.addEventListener("keydown", function (event) { if (panel && event.key === "Escape") leave(); });
  if (document.body) document.body.appendChild(open);
  else document.addEventListener("DOMContentLoaded", function () { document.body.appendChild(open); });
})();
