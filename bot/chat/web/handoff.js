// Handoff to a human: messages from a counsellor (and the bot's notices) fetched from the gateway's outbox.
// Answer buttons under the bot's questions are drawn by chat.js. Text is shown with textContent only.
(function () {
  "use strict";
  const w = window.wegwijs;
  if (!w) return;
  const AFTER_KEY = "wegwijs-outbox-after";
  const IDLE_MS = 15000;   // normal chat: look now and then (a counsellor may offer a chat)
  const LIVE_WAIT_S = 20;  // waiting or handed off: long-poll
  let live = false;
  let timer = null;

  function after() { return Number(w.store.get(AFTER_KEY) || 0); }

  function setState(state) {
    const wasLive = live;
    live = state === "waiting" || state === "handed_off";
    if (live !== wasLive) schedule(0);
  }

  document.addEventListener("wegwijs:replies", function (event) {
    for (const reply of event.detail || []) {
      const handoff = reply.custom && reply.custom.handoff;
      if (handoff && handoff.state) setState(handoff.state);
    }
  });

  async function poll() {
    timer = null;
    const params = new URLSearchParams({ sender: w.senderId(), after: String(after()),
                                         wait: String(live ? LIVE_WAIT_S : 0) });
    try {
      const response = await fetch("/conversations/outbox?" + params, { credentials: "same-origin" });
      if (response.ok) {
        const data = await response.json();
        for (const message of data.messages || []) {
          w.show(message.text, message.from === "counsellor" ? "counsellor" : "bot");
          w.store.set(AFTER_KEY, String(Math.max(after(), message.id)));
        }
        live = data.state === "waiting" || data.state === "handed_off";
      }
    } catch (problem) { /* offline: try again later */ }
    schedule(live ? 0 : IDLE_MS);
  }

  function schedule(ms) {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(poll, ms);
  }

  schedule(IDLE_MS);
})();
