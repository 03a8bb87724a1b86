/* The citation blocks ("How to cite this chapter", the book's citation on the landing page).
 *
 * - When the book was built without its web address, a reference holds a placeholder where the
 *   address goes; a page read over http(s) puts its own address there (never a file:// path).
 * - The .bib and .ris downloads are then made from the references as shown, address included.
 * - citation_pdf_url becomes absolute, for reference managers that read the page.
 * - A copy button on each reference (the APA one copies its italics too), and today's date in
 *   the access-date guidance.
 */
(function () {
  "use strict";

  function pageAddress() {
    if (!/^https?:$/.test(location.protocol)) return null;
    return location.origin + location.pathname;
  }

  function fillAddresses(here) {
    document.querySelectorAll(".maturing-page-address").forEach(function (slot) {
      const href = slot.getAttribute("data-href");
      slot.textContent = href ? new URL(href, location.href).href : here;
      slot.closest(".maturing-url").classList.add("maturing-url-filled");
    });
    document.querySelectorAll('meta[name="citation_pdf_url"]').forEach(function (meta) {
      meta.setAttribute("content", new URL(meta.getAttribute("content"), location.href).href);
    });
  }

  function downloadsFromPage() {
    document.querySelectorAll("a.maturing-cite-download[data-source]").forEach(function (link) {
      const source = document.getElementById(link.getAttribute("data-source"));
      if (!source) return;
      const blob = new Blob([source.textContent + "\n"], { type: link.type + ";charset=utf-8" });
      link.href = URL.createObjectURL(blob);
    });
  }

  const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];

  function fillToday() {
    const now = new Date();
    const iso = [now.getFullYear(), String(now.getMonth() + 1).padStart(2, "0"),
      String(now.getDate()).padStart(2, "0")].join("-");
    const apa = MONTHS[now.getMonth()] + " " + now.getDate() + ", " + now.getFullYear();
    document.querySelectorAll(".maturing-today").forEach(function (span) {
      span.textContent = span.getAttribute("data-style") === "apa" ? apa : iso;
    });
  }

  function copyText(element) {
    const plain = element.textContent.replace(/\s+$/, "");
    if (navigator.clipboard && window.ClipboardItem && element.tagName !== "PRE") {
      const item = new ClipboardItem({
        "text/plain": new Blob([plain], { type: "text/plain" }),
        "text/html": new Blob([element.innerHTML], { type: "text/html" }),
      });
      return navigator.clipboard.write([item]);
    }
    if (navigator.clipboard) return navigator.clipboard.writeText(plain);
    return new Promise(function (resolve, reject) {
      const range = document.createRange();
      range.selectNodeContents(element);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      const done = document.execCommand("copy");
      selection.removeAllRanges();
      return done ? resolve() : reject(new Error("copy refused"));
    });
  }

  function addCopyButtons() {
    document.querySelectorAll(".maturing-cite-label[data-copy]").forEach(function (label) {
      const target = document.getElementById(label.getAttribute("data-copy"));
      if (!target) return;
      const button = document.createElement("button");
      button.type = "button";
      button.className = "maturing-copy";
      button.textContent = "Copy";
      button.setAttribute("aria-label", "Copy the " + label.textContent.trim() + " reference");
      const status = document.createElement("span");
      status.className = "maturing-copy-status";
      status.setAttribute("role", "status");
      button.addEventListener("click", function () {
        copyText(target).then(
          function () { status.textContent = "Copied"; },
          function () { status.textContent = "Select the text and copy it"; }
        );
        setTimeout(function () { status.textContent = ""; }, 4000);
      });
      label.append(" ", button, " ", status);
    });
  }

  function init() {
    const here = pageAddress();
    if (here && document.querySelector(".maturing-page-address")) {
      fillAddresses(here);
      downloadsFromPage();
    }
    fillToday();
    addCopyButtons();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
