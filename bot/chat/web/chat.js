// Chat widget. Talks to the gateway only (same origin), keeps nothing but the sender id, and that only in
// sessionStorage (gone when the tab closes). Message text is always shown with textContent, never as HTML.
(function () {
  "use strict";
  const log = document.getElementById("log");
  const form = document.getElementById("chat");
  const input = document.getElementById("message");
  const status = document.getElementById("status");
  const EXIT_URL = document.body.dataset.exitUrl || "https://www.google.com/";
  const SENDER_KEY = "wegwijs-sender";
  const LABELS = { user: "Jij", bot: "Wegwijs", counsellor: "Hulpverlener", error: "Let op" };
  const OFFLINE = "Geen verbinding met Wegwijs. In gevaar? Bel 112. Advies: Veilig Thuis 0800-2000.";
  // The page's own words in English (`?lang=en`); the bot answers in the language a person writes anyway.
  const ENGLISH = {
    "#quick-exit": "Leave quickly",
    "#quick-exit-hint": "Leaves this page at once for another website. The Escape key works too.",
    ".intro": "I am a chatbot, not a person and not the police. In danger? Call 112. Advice or someone to talk " +
              "to: Veilig Thuis 0800-2000 (free, day and night).",
    "#send": "Send",
    "#message-hint": "Enter sends, Shift+Enter starts a new line. Escape: leave quickly.",
    "footer.privacy p:first-child": "On this device the conversation stays in this tab only. Close the tab or " +
                                    "use \"Leave quickly\" to take it off your screen.",
    "#erase": "Erase this conversation",
  };

  // sessionStorage, or memory where the browser refuses it (a chat framed by another site, embed.js: storage
  // of a third-party frame may be blocked). Memory is gone with the page, which is what we want anyway.
  const memory = {};
  const store = {
    get: function (key) {
      try { return sessionStorage.getItem(key); } catch (ignored) { return memory[key] || null; }
    },
    set: function (key, value) {
      try { sessionStorage.setItem(key, value); } catch (ignored) { memory[key] = value; }
    },
    clear: function () {
      for (const key of Object.keys(memory)) delete memory[key];
      try { sessionStorage.clear(); } catch (ignored) { /* storage may be disabled */ }
    },
  };

  function newSenderId() {
    const id = "web-" + (crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2));
    store.set(SENDER_KEY, id);
    return id;
  }

  function senderId() {
    return store.get(SENDER_KEY) || newSenderId();
  }

  // Adds one message to the conversation; `who` is user, bot, counsellor or error.
  function show(text, who) {
    const item = document.createElement("li");
    item.className = who;
    const label = document.createElement("span");
    label.className = "visually-hidden";
    label.textContent = (LABELS[who] || who) + ": ";
    const body = document.createElement("span");
    body.textContent = text;  // never innerHTML: a message is plain text
    item.append(label, body);
    log.appendChild(item);
    item.scrollIntoView({ block: "end" });
    return item;
  }

  async function send(message) {
    const response = await fetch("/webhooks/rest/webhook", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      credentials: "same-origin",
      body: JSON.stringify({ sender: senderId(), message: message, metadata: { channel: "web" } }),
    });
    const data = await response.json();
    if (!response.ok) { show(data.error || OFFLINE, "error"); return; }
    for (const reply of data) {
      if (reply.text) show(reply.text, "bot");
      if (Array.isArray(reply.buttons) && reply.buttons.length) showChoices(reply.buttons);
    }
    // Other widget scripts (handoff.js: counsellor messages) look at the full replies.
    document.dispatchEvent(new CustomEvent("wegwijs:replies", { detail: data }));
  }

  // Buttons under a reply (the lifeline's quick choices, the handoff's yes/no): a click sends the button's
  // payload as the person's own message, like typing it. Once one is chosen, the group is done.
  function showChoices(buttons) {
    const group = document.createElement("li");
    group.className = "choices";
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "Kies een antwoord");
    for (const choice of buttons) {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = choice.title;  // text only, never HTML
      button.addEventListener("click", function () {
        for (const other of group.querySelectorAll("button")) other.disabled = true;
        input.value = choice.payload || choice.title;
        form.requestSubmit();
      });
      group.appendChild(button);
    }
    log.appendChild(group);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    const message = input.value.trim();
    if (!message) { input.focus(); return; }
    show(message, "user");
    input.value = "";
    input.focus();
    status.textContent = "Wegwijs schrijft een antwoord ...";
    send(message)
      .catch(function () { show(OFFLINE, "error"); })
      .finally(function () { status.textContent = ""; });
  });

  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  // "Snel weg": wipe the page and storage, then replace this history entry with a neutral site, so the
  // back button does not lead back to the chat.
  function quickExit() {
    // Inside another site's page (embed.js): that page leaves too, not only this frame.
    if (window.parent !== window) window.parent.postMessage({ type: "wegwijs:quick-exit" }, "*");
    store.clear();
    log.textContent = "";
    input.value = "";
    document.title = "";
    window.location.replace(EXIT_URL);
  }
  document.getElementById("quick-exit").addEventListener("click", quickExit);
  document.addEventListener("keydown", function (event) { if (event.key === "Escape") quickExit(); });
  // If a browser still restores this page from its back/forward cache, show it empty.
  window.addEventListener("pageshow", function (event) { if (event.persisted) { log.textContent = ""; } });

  // The embedding site's choices (embed.js puts them in the frame's address): colour, organisation, language.
  const options = new URLSearchParams(window.location.search);
  const colour = options.get("color") || "";
  if (/^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/.test(colour)) document.documentElement.style.setProperty("--accent", colour);
  const organisation = (options.get("org") || "").trim().slice(0, 60);
  if (organisation) {
    const by = document.createElement("span");
    by.className = "organisation";
    by.textContent = organisation;
    document.querySelector("header.top h1").append(" ", by);
  }
  if (options.get("lang") === "en") {
    document.documentElement.lang = "en";
    for (const [selector, text] of Object.entries(ENGLISH)) {
      const node = document.querySelector(selector);
      if (node) node.textContent = text;
    }
    input.placeholder = "Type your question ...";
  }

  // For other widget scripts (erase button, handoff): the same sender, the same way of showing text.
  window.wegwijs = { senderId: senderId, newSenderId: newSenderId, show: show, quickExit: quickExit, store: store };
})();
