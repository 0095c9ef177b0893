// The step record after the afwegingskader walk-through (a `custom` reply of kind "step_record"): shown as
// text, with downloads as a text file (made here) and as a PDF (the gateway's POST /record.pdf, which keeps
// nothing). Text is shown with textContent only.
(function () {
  "use strict";
  const w = window.wegwijs;
  if (!w) return;
  function T(dutch, english) { return document.documentElement.lang === "en" ? english : dutch; }
  const PDF_FAILED = T("De PDF kon nu niet worden gemaakt. De tekstversie werkt wel.",
                       "The PDF could not be made now. The text version does work.");

  function download(blob, filename) {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = filename;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
  }

  async function asPdf(record, button) {
    button.disabled = true;
    try {
      const response = await fetch("/record.pdf", {
        method: "POST", credentials: "same-origin", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ sender: w.senderId(), text: record.text, filename: record.filename }),
      });
      if (!response.ok) {
        const data = await response.json().catch(function () { return {}; });
        w.show(data.error || PDF_FAILED, "error");
        return;
      }
      download(await response.blob(), record.filename + ".pdf");
    } catch (ignored) {
      w.show(PDF_FAILED, "error");
    } finally {
      button.disabled = false;
    }
  }

  function button(label, onClick) {
    const made = document.createElement("button");
    made.type = "button";
    made.textContent = label;
    made.addEventListener("click", function () { onClick(made); });
    return made;
  }

  function showRecord(record) {
    const item = w.show("", "bot");
    item.classList.add("record");
    const details = document.createElement("details");
    const summary = document.createElement("summary");
    summary.textContent = record.title;
    const text = document.createElement("pre");
    text.textContent = record.text;
    details.append(summary, text);
    const actions = document.createElement("div");
    actions.className = "choices";
    actions.append(
      button(T("Download als tekst", "Download as text"), function () {
        download(new Blob([record.text], { type: "text/plain;charset=utf-8" }), record.filename + ".txt");
      }),
      button(T("Download als PDF", "Download as PDF"), function (made) { asPdf(record, made); }));
    item.append(details, actions);
  }

  document.addEventListener("wegwijs:replies", function (event) {
    for (const reply of event.detail || []) {
      const custom = reply.custom;
      if (custom && custom.kind === "step_record" && typeof custom.text === "string") showRecord(custom);
    }
  });
})();
