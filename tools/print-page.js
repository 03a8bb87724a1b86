/* Prepares a page of the built book for print (tools/pdf.py evaluates it in Chromium).
 *
 * opts: {
 *   single: true for the single-page build (the whole book), false for one chapter's page;
 *   doc: the document of the page ("notebooks/07-afghan-drugs"; the root document when single);
 *   address: the published address ("https://host/path/") or "";
 *   docs: {docname: {number, title}} of every document the book holds;
 *   parts: [[caption, [docname, ...]], ...] (single only), the table of contents;
 *   titlePage: HTML of the title page;
 *   chapterLabel: "Chapter 6" or "" (one chapter's page);
 * }
 * Returns the entries of the contents and the PDF outline: [{level, title, id}].
 */
(opts) => {
  const article = document.querySelector("article.bd-article") || document.querySelector("main") || document.body;
  const sitePage = (doc) => doc + ".html";
  const rootPage = sitePage(opts.doc);

  // -- which document each part of the single page came from --------------------------------
  function markDocuments() {
    document.querySelectorAll('span[id^="document-"]').forEach((span) => {
      const section = span.nextElementSibling;
      if (section && section.tagName === "SECTION") section.dataset.doc = span.id.slice("document-".length);
    });
    const first = article.querySelector("section");
    if (first && !first.dataset.doc) first.dataset.doc = opts.doc;
  }
  const docOf = (node) => {
    const section = node.closest("[data-doc]");
    return section ? section.dataset.doc : opts.doc;
  };

  // -- ids: Sphinx's single page repeats section ids ("verdicts" in every chapter) ------------
  const renamed = {}; // doc -> {old id: new id}
  function uniqueIds() {
    const seen = new Set();
    article.querySelectorAll("[id]").forEach((el) => {
      if (!seen.has(el.id)) { seen.add(el.id); return; }
      const doc = docOf(el);
      const fresh = doc.replace(/[^A-Za-z0-9-]/g, "-") + "--" + el.id;
      (renamed[doc] = renamed[doc] || {})[el.id] = fresh;
      el.id = fresh;
    });
  }
  const idIn = (doc, id) => (renamed[doc] && renamed[doc][id]) || id;

  // -- links: inside the PDF, to the web, or none -------------------------------------------
  function sitePath(fromDoc, href) {
    const dir = fromDoc.includes("/") ? fromDoc.slice(0, fromDoc.lastIndexOf("/") + 1) : "";
    const url = new URL(href, "http://book.invalid/" + dir);
    return { path: decodeURIComponent(url.pathname.slice(1)), hash: url.hash.slice(1) };
  }
  function unwrap(a) {
    a.replaceWith(...a.childNodes);
  }
  function rewriteLink(a) {
    const href = a.getAttribute("href");
    if (href === null || /^(https?:|mailto:)/i.test(href)) return;
    if (href.startsWith("#")) {
      if (href.length > 1) a.setAttribute("href", "#" + idIn(docOf(a), decodeURIComponent(href.slice(1))));
      return;
    }
    // Sphinx writes the links of the single page from the site's root; raw HTML in a chapter
    // (tables, figures) links from the chapter's own folder.
    const from = opts.single && a.classList.contains("reference") ? "" : opts.single ? docOf(a) : opts.doc;
    const { path, hash } = sitePath(from, href);
    const doc = path.endsWith(".html") ? path.slice(0, -5) : null;
    if (opts.single && doc !== null && (doc in opts.docs || path === rootPage)) {
      const target = path === rootPage ? docOf(document.getElementById(hash) || article) : doc;
      if (hash) a.setAttribute("href", "#" + idIn(target, hash));
      else if (doc === opts.doc) a.setAttribute("href", "#" + article.querySelector("section").id);
      else a.setAttribute("href", "#document-" + doc);
      return;
    }
    if (!opts.single && path === rootPage && hash) {
      a.setAttribute("href", "#" + hash);
      return;
    }
    if (opts.address) a.setAttribute("href", opts.address + path + (hash ? "#" + hash : ""));
    else unwrap(a);
  }

  // -- what print leaves out ---------------------------------------------------------------
  function leaveOut() {
    document.querySelectorAll(".headerlink, .maturing-copy, .maturing-copy-status, details.maturing-cite-format")
      .forEach((el) => el.remove());
    // a reference's address the build does not know: the PDF omits it
    document.querySelectorAll(".maturing-url[data-fill], .maturing-no-address").forEach((el) => el.remove());
    if (!opts.address) document.querySelectorAll(".maturing-cite-downloads").forEach((el) => el.remove());
    // the access-date guidance shows the reader's day on the web, never the day of printing
    document.querySelectorAll(".maturing-today").forEach((el) => {
      el.textContent = el.dataset.style === "apa" ? "Month Day, Year" : "YYYY-MM-DD";
    });
    document.querySelectorAll("img").forEach((img) => { img.loading = "eager"; });
  }

  // -- headings: every document's title at the top level of the outline ----------------------
  function retag(el, level) {
    const heading = document.createElement("h" + level);
    for (const attr of el.attributes) heading.setAttribute(attr.name, attr.value);
    heading.append(...el.childNodes);
    el.replaceWith(heading);
    return heading;
  }
  function promoteDocuments() {
    article.querySelectorAll("section").forEach((section) => {
      if (docOf(section) === opts.doc) return;
      const title = section.querySelector(":scope > h2, :scope > h3, :scope > h4, :scope > h5, :scope > h6");
      if (title && !title.classList.contains("rubric")) retag(title, Number(title.tagName[1]) - 1);
    });
    article.querySelectorAll("section[data-doc]").forEach((section) => {
      if (section.dataset.doc !== opts.doc) section.classList.add("print-document");
    });
  }

  function chapterLabel(section, text) {
    const title = section.querySelector(":scope > h1");
    if (!title || !text) return;
    const label = document.createElement("p");
    label.className = "print-chapter-label";
    label.textContent = text;
    title.before(label);
  }

  // -- contents and outline ------------------------------------------------------------------
  const textOf = (heading) => heading.textContent.replace(/\s+/g, " ").trim();
  function entriesOf(section, topLevel) {
    const found = [];
    const title = section.querySelector(":scope > h1");
    if (title && topLevel) {
      const info = opts.docs[section.dataset.doc];
      const number = info && info.number !== null ? info.number : null;
      found.push({ level: 1, title: textOf(title), id: section.id, number: number });
    }
    section.querySelectorAll(":scope > section").forEach((sub) => {
      const heading = sub.querySelector(":scope > h2");
      if (heading) found.push({ level: 2, title: textOf(heading), id: sub.id, number: null });
    });
    return found;
  }

  function contentsHtml(entries, heading) {
    const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
    let html = '<nav class="print-contents" aria-label="Contents"><p class="print-contents-title">' + heading + "</p><ol>";
    const partOf = {};
    (opts.parts || []).forEach(([caption, docs]) => { partOf[docs[0]] = caption; });
    for (const entry of entries) {
      const doc = entry.level === 1 ? (document.getElementById(entry.id) || {}).dataset : null;
      const caption = doc && partOf[doc.doc];
      if (caption) html += '<li class="print-part">' + esc(caption) + "</li>";
      const number = entry.number === null ? "" : String(entry.number);
      html += '<li class="print-level-' + entry.level + '"><a href="#' + entry.id + '">' +
        '<span class="print-number">' + number + '</span><span class="print-entry">' + esc(entry.title) +
        '</span><span class="print-page" data-id="' + entry.id + '"></span></a></li>';
    }
    return html + "</ol></nav>";
  }

  markDocuments();
  if (opts.single) uniqueIds();
  article.querySelectorAll("a[href]").forEach(rewriteLink);
  leaveOut();
  // Sphinx's section numbers ("1. ", "1.2. ") in headings: on paper each chapter is labelled
  // "Chapter N" above its title, and the contents and the outline number the chapters themselves
  article.querySelectorAll("h1 > .section-number, h2 > .section-number, h3 > .section-number").forEach((n) => n.remove());

  let entries;
  const front = document.createElement("div");
  front.className = opts.single ? "print-front" : "print-front print-chapter";
  front.innerHTML = opts.titlePage;
  if (opts.single) {
    promoteDocuments();
    entries = [];
    article.querySelectorAll("section[data-doc]").forEach((section) => {
      const info = opts.docs[section.dataset.doc];
      if (info && info.number !== null) chapterLabel(section, "Chapter " + info.number);
      entries.push(...entriesOf(section, true).filter((e) => e.level === 1 || section.dataset.doc !== opts.doc));
    });
    const contents = document.createElement("div");
    contents.className = "print-contents-page";
    contents.innerHTML = contentsHtml(entries, "Contents");
    article.prepend(front, contents);
  } else {
    const section = article.querySelector("section");
    section.dataset.doc = opts.doc;
    chapterLabel(section, opts.chapterLabel);
    entries = entriesOf(section, true);
    front.insertAdjacentHTML("beforeend", contentsHtml(entries, "In this chapter"));
    article.prepend(front);
  }
  return entries;
}
