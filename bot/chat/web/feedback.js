// Under each bot reply: links made clickable (shortened to their site name) and two small buttons to
// rate the answer, with an optional comment for a thumbs down. Sent to POST /feedback, which redacts the
// comment before storing it. Everything is built as DOM nodes; message text is never parsed as HTML.
(function () {
  "use strict";
  // The page's language (chat.js sets lang="en" for ?lang=en): Dutch unless English.
  function T(dutch, english) { return document.documentElement.lang === "en" ? english : dutch; }
  const w = window.wegwijs;
  const log = document.getElementById("log");
  if (!w || !log) return;
  const MAX_COMMENT = 500;
  // A web address with or without https://; bare names only on the top-level domains the bot cites.
  const LINK = /\bhttps?:\/\/[^\s<>"()]+[^\s<>"().,;:!?]|\b(?:[a-z0-9-]+\.)+(?:nl|com|org|eu|info)(?:\/[^\s<>"()]*[^\s<>"().,;:!?])?(?![\w.-]*\w)/gi;

  function siteName(address) {
    try {
      const url = new URL(/^https?:\/\//i.test(address) ? address : "https://" + address);
      return { href: url.href, name: url.hostname.replace(/^www\./, "") };
    } catch (invalid) { return null; }
  }

  // Replaces web addresses in a text element's text with links; the text outside them stays text.
  function linkify(element) {
    const text = element.textContent;
    const parts = [];
    let last = 0;
    for (const match of text.matchAll(LINK)) {
      const site = siteName(match[0]);
      if (!site) continue;
      parts.push(document.createTextNode(text.slice(last, match.index)));
      const link = document.createElement("a");
      link.href = site.href;
      link.textContent = site.name;
      link.title = site.href;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      parts.push(link);
      last = match.index + match[0].length;
    }
    if (!parts.length) return;
    parts.push(document.createTextNode(text.slice(last)));
    element.replaceChildren(...parts);
  }

  async function post(reply, rating, comment) {
    const response = await fetch("/feedback", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      credentials: "same-origin",
      body: JSON.stringify({ sender: w.senderId(), reply: reply, rating: rating, comment: comment || null }),
    });
    const data = await response.json().catch(function () { return {}; });
    return response.ok ? null : (data.error || T("Je beoordeling kon nu niet worden bewaard.", "Your rating could not be saved now."));
  }

  function note(box, text) {
    const said = document.createElement("span");
    said.className = "feedback-note";
    said.textContent = text;
    box.replaceChildren(said);
  }

  function commentForm(box, reply) {
    const form = document.createElement("form");
    form.className = "feedback-comment";
    const label = document.createElement("label");
    const id = "fb-" + Math.random().toString(36).slice(2);
    label.htmlFor = id;
    label.textContent = T("Wat was er mis? (mag leeg blijven; schrijf liever geen namen of nummers)", "What was wrong? (may stay empty; better no names or numbers)");
    const field = document.createElement("textarea");
    field.id = id;
    field.rows = 2;
    field.maxLength = MAX_COMMENT;
    const send = document.createElement("button");
    send.type = "submit";
    send.textContent = T("Stuur", "Send");
    form.append(label, field, send);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      event.stopPropagation();
      send.disabled = true;
      post(reply, "down", field.value.trim()).then(function (problem) {
        note(box, problem || T("Bedankt, we kijken ernaar.", "Thank you, we will look into it."));
      }).catch(function () { note(box, T("Je beoordeling kon nu niet worden bewaard.", "Your rating could not be saved now.")); });
    });
    box.replaceChildren(form);
    field.focus();
  }

  function rateButton(label, symbol, onClick) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = symbol;
    button.setAttribute("aria-label", label);
    button.title = label;
    button.addEventListener("click", onClick);
    return button;
  }

  function addRating(item, reply) {
    const row = document.createElement("li");  // the list item holds a group (a list item may not be one)
    row.className = "feedback";
    const box = document.createElement("div");
    box.className = "feedback-group";
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", T("Beoordeel dit antwoord", "Rate this answer"));
    row.appendChild(box);
    const up = rateButton(T("Dit antwoord hielp", "This answer helped"), T("Hielp", "Helped"), function () {
      post(reply, "up", null).then(function (problem) { note(box, problem || T("Bedankt!", "Thank you!")); })
        .catch(function () { note(box, T("Je beoordeling kon nu niet worden bewaard.", "Your rating could not be saved now.")); });
    });
    const down = rateButton(T("Dit antwoord hielp niet", "This answer did not help"), T("Hielp niet", "Did not help"), function () { commentForm(box, reply); });
    box.append(up, down);
    item.after(row);
  }

  function prepare(item) {
    const body = item.lastElementChild;
    if (!body) return;
    const reply = body.textContent;
    linkify(body);
    addRating(item, reply);
  }

  new MutationObserver(function (changes) {
    for (const change of changes) {
      for (const node of change.addedNodes) {
        if (node.nodeType === 1 && node.matches("li.bot")) prepare(node);
      }
    }
  }).observe(log, { childList: true });

  // Quick exit with a triple tap anywhere but in a text field (on phones there is no Escape key).
  const TAPS = 3, WITHIN_MS = 800;
  let taps = [];
  document.addEventListener("touchend", function (event) {
    if (event.target.closest && event.target.closest("textarea, input")) return;
    const now = Date.now();
    taps = taps.filter(function (t) { return now - t < WITHIN_MS; }).concat(now);
    if (taps.length >= TAPS) w.quickExit();
  }, { passive: true });
})();
