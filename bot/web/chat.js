// Chat widget: talks to the gateway only; keeps the sender id in sessionStorage (gone when the tab closes).
(function () {
  "use strict";
  const log = document.getElementById("log");
  const form = document.getElementById("chat");
  const input = document.getElementById("message");
  const NEUTRAL_SITE = "https://www.google.com/search?q=weerbericht";

  function senderId() {
    let id = sessionStorage.getItem("wegwijs-sender");
    if (!id) {
      id = (crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2));
      sessionStorage.setItem("wegwijs-sender", id);
    }
    return id;
  }

  function show(text, who) {
    const item = document.createElement("li");
    item.className = who;
    item.textContent = text;  // never innerHTML: messages are shown as plain text
    log.appendChild(item);
    item.scrollIntoView({ block: "end" });
  }

  async function send(message) {
    const response = await fetch("/webhooks/rest/webhook", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sender: senderId(), message: message }),
    });
    const data = await response.json();
    if (!response.ok) { show(data.error || "Er ging iets mis.", "error"); return; }
    for (const reply of data) { if (reply.text) show(reply.text, "bot"); }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    const message = input.value.trim();
    if (!message) return;
    show(message, "user");
    input.value = "";
    send(message).catch(function () { show("Geen verbinding. In gevaar? Bel 112. Advies: 0800-2000.", "error"); });
  });

  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); form.requestSubmit(); }
  });

  function quickExit() {
    sessionStorage.clear();
    log.textContent = "";
    window.location.replace(NEUTRAL_SITE);  // replace: the chat does not stay in the back button
  }
  document.getElementById("quick-exit").addEventListener("click", quickExit);
  document.addEventListener("keydown", function (event) { if (event.key === "Escape") quickExit(); });
})();
