// Handoff inbox: keeps the counsellor "seen" and shows new messages without reloading (text only, never HTML).
(function () {
  "use strict";
  const list = document.getElementById("messages");
  if (!list) {  // the inbox overview: reload now and then, which also keeps the counsellor available
    setTimeout(function () { window.location.reload(); }, 10000);
    return;
  }
  const state = document.getElementById("handoff-state");
  const names = { user: "Persoon", counsellor: "Hulpverlener", bot: "Wegwijs" };
  let after = Number(list.dataset.after || 0);

  function show(message) {
    const item = document.createElement("li");
    item.className = "from-" + message.from + (message.safety ? " safety" : "");
    const who = document.createElement("strong");
    who.textContent = names[message.from] || message.from;
    item.appendChild(who);
    if (message.safety) {
      const flag = document.createElement("em");
      flag.textContent = " [vangnet: " + message.safety + "] ";
      item.appendChild(flag);
    }
    const body = document.createElement("span");
    body.className = "text";
    body.textContent = " " + message.text;
    item.appendChild(body);
    list.appendChild(item);
  }

  async function poll() {
    try {
      const response = await fetch("/inbox/" + list.dataset.handoff + "/messages?after=" + after,
                                   { credentials: "same-origin" });
      if (response.ok) {
        const data = await response.json();
        for (const message of data.messages) { show(message); after = Math.max(after, message.id); }
        if (state && data.state !== state.dataset.state) { window.location.reload(); return; }
      }
    } catch (problem) { /* try again on the next tick */ }
    setTimeout(poll, 2000);
  }
  setTimeout(poll, 2000);
})();
