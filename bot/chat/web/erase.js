// "Wis dit gesprek": after a confirmation, erases this conversation at Wegwijs (POST /conversations/erase),
// clears the chat view and sessionStorage, and starts a new conversation with a new sender id.
(function () {
  "use strict";
  const button = document.getElementById("erase");
  const status = document.getElementById("status");
  const log = document.getElementById("log");
  const QUESTION = "Wil je dit gesprek wissen? Wat je schreef, wordt ook bij Wegwijs gewist. Dit kan niet ongedaan worden gemaakt.";
  const DONE = "Het gesprek is gewist. Je kunt opnieuw beginnen. In gevaar? Bel 112.";
  const FAILED = "Wissen is niet gelukt. Probeer het later opnieuw. In gevaar? Bel 112.";
  if (!button || !window.wegwijs) return;

  async function erase() {
    if (!window.confirm(QUESTION)) return;
    const sender = window.wegwijs.senderId();
    button.disabled = true;
    try {
      const response = await fetch("/conversations/erase", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        credentials: "same-origin",
        body: JSON.stringify({ sender: sender }),
      });
      if (!response.ok) throw new Error("erase failed");
      log.textContent = "";
      window.wegwijs.store.clear();
      window.wegwijs.newSenderId();
      status.textContent = DONE;
      document.dispatchEvent(new CustomEvent("wegwijs:erased"));
      document.getElementById("message").focus();
    } catch (problem) {
      status.textContent = FAILED;
    } finally {
      button.disabled = false;
    }
  }
  button.addEventListener("click", erase);
})();
