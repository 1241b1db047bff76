/* aigov-reader: view and term-mark toggles, script switch to the same segment, the passage menu and
   citations, term tooltips and cards, the folded chapter glossary, passage-by-passage keys.
   Everything here is an enhancement: with scripts off both languages show, anchors work, the passage
   menu opens natively, the chapter glossary stays unfolded and the switcher goes to the other tree. */
(function () {
  "use strict";
  var VIEW_KEY = "aigov-reader.view";  /* written here, read by the head of every page (overrides/main.html) */
  var MARKS_KEY = "aigov-reader.term-marks";
  var root = document.documentElement;

  function store(key, value) {
    try { localStorage.setItem(key, value); } catch (e) { /* private mode: no persistence */ }
  }
  function element(tag, className, text, lang) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (lang) node.lang = lang;
    if (text) node.textContent = text;
    return node;
  }
  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }
  var cite = (function () {
    var data = document.getElementById("aigov-cite");
    return data ? JSON.parse(data.textContent) : null;
  })();
  function label(key) { return cite && cite.labels[key] || key; }

  /* -- View (both / Chinese / English) and term marks: remembered ----------------------------- */
  /* The page's head (overrides/main.html) sets both from storage before the first style; here they
     change only when the reader changes them (setting an attribute of <html> restyles the whole page). */
  function setRoot(name, value) {
    if (root.getAttribute(name) !== value) root.setAttribute(name, value);
  }
  function applyView(view) {
    if (["both", "zh", "en"].indexOf(view) < 0) view = "both";
    setRoot("data-view", view);
    document.querySelectorAll(".view-toggle button").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-view") === view));
    });
    updateTabStops();
  }
  function applyMarks(shown) {
    setRoot("data-term-marks", shown ? "on" : "off");
    document.querySelectorAll(".marks-toggle").forEach(function (button) { button.setAttribute("aria-pressed", String(shown)); });
    updateTabStops();
  }
  function setupToggles() {
    document.querySelectorAll(".view-toggle").forEach(function (group) {
      group.hidden = false;
      group.addEventListener("click", function (event) {
        var button = event.target.closest("button[data-view]");
        if (!button) return;
        store(VIEW_KEY, button.getAttribute("data-view"));
        applyView(button.getAttribute("data-view"));
      });
    });
    document.querySelectorAll(".marks-toggle").forEach(function (button) {
      if (document.querySelector(".term[data-term]")) button.hidden = false;
      button.addEventListener("click", function () {
        var shown = root.getAttribute("data-term-marks") === "off";
        store(MARKS_KEY, shown ? "on" : "off");
        applyMarks(shown);
      });
    });
    document.querySelectorAll(".keys-hint").forEach(function (hint) { hint.hidden = false; });
    applyView(root.getAttribute("data-view"));  /* read from storage by the page's head */
    applyMarks(root.getAttribute("data-term-marks") !== "off");
  }

  /* -- The script switcher keeps the reader on the same page and passage ---------------------- */
  function treeRoot() {
    if (typeof __md_scope !== "undefined") return new URL(__md_scope, location.href);
    return new URL(".", location.href);
  }
  function setupTreeSwitch() {
    window.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a[data-tree]");
      if (!link || event.metaKey || event.ctrlKey || event.shiftKey) return;
      var base = treeRoot();
      if (location.href.indexOf(base.href) !== 0) return;
      var relative = location.href.slice(base.href.length);
      event.preventDefault();
      event.stopImmediatePropagation();
      location.href = new URL("../" + link.getAttribute("data-tree") + "/" + relative, base).href;
    }, true);
  }

  /* -- Copying and downloading ------------------------------------------------------------------ */
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    var area = element("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } finally { document.body.removeChild(area); }
    return Promise.resolve();
  }

  /* -- Citations: plain text, BibTeX, RIS, CSL-JSON ------------------------------------------ */
  function today() {
    var now = new Date();
    function pad(n) { return (n < 10 ? "0" : "") + n; }
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }
  function dateParts(iso) { return iso ? [iso.split("-").map(Number)] : undefined; }
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }
  function bib(value) {
    return String(value).replace(/[\\{}]/g, function (c) { return c === "\\" ? "\\textbackslash{}" : "\\" + c; })
      .replace(/[&%$#_]/g, "\\$&").replace(/~/g, "\\textasciitilde{}").replace(/\^/g, "\\textasciicircum{}");
  }
  var RIS_TYPE = { "plan": "GOVDOC", "declaration": "GOVDOC", "speech report": "NEWS", "news report": "NEWS", "journal article": "JOUR" };
  var CSL_TYPE = { "speech report": "article-newspaper", "news report": "article-newspaper", "journal article": "article-journal" };

  function citations(segment) {
    var id = segment.id, passage = segment.getAttribute("data-label"), accessed = today();
    var url = cite.url + "#" + id;
    var translator = label("translator");
    var zh = cite.lang !== "en";
    var plain = zh
      ? cite.issuer + "：《" + cite.title + "》（" + cite.date_shown + "），" + passage + "。" + fill(label("translated_by"), { who: translator }) + "。"
        + cite.site + (cite.version ? "，" + cite.version : "") + "。" + url + "（" + fill(label("accessed_on"), { date: accessed }) + "）。"
      : cite.issuer + ", “" + cite.title + "” (" + cite.date_shown + "), " + passage + ". " + fill(label("translated_by"), { who: translator }) + ". "
        + cite.site + (cite.version ? ", " + cite.version : "") + ". " + url + " (" + fill(label("accessed_on"), { date: accessed }) + ").";
    var key = (cite.id + "-" + id).replace(/[^A-Za-z0-9-]/g, "-");
    var bibtex = "@misc{" + key + ",\n" + [
      ["author", "{" + bib(cite.issuer) + "}"],
      ["title", "{" + bib(cite.title) + "}, " + bib(passage)],
      ["translator", "{" + bib(translator) + "}"],
      cite.date ? ["date", bib(cite.date)] : null,
      cite.date ? ["year", cite.date.slice(0, 4)] : null,
      ["howpublished", bib(cite.site + (cite.version ? ", " + cite.version : ""))],
      ["url", bib(url)],
      ["urldate", accessed],
      ["langid", zh ? "chinese" : "english"],
      ["note", bib(zh ? cite.title_en : cite.title_zh)]
    ].filter(Boolean).map(function (field) { return "  " + field[0] + " = {" + field[1] + "}"; }).join(",\n") + "\n}\n";
    var ris = [
      ["TY", RIS_TYPE[cite.kind] || "GEN"], ["TI", cite.title], ["SE", passage], ["AU", cite.issuer], ["A4", translator],
      cite.date ? ["DA", cite.date.replace(/-/g, "/")] : null, cite.date ? ["PY", cite.date.slice(0, 4)] : null,
      ["T2", cite.site], cite.version ? ["ET", cite.version] : null, ["UR", url], ["Y2", accessed.replace(/-/g, "/")],
      ["LA", cite.lang], ["N1", zh ? cite.title_en : cite.title_zh], ["ER", ""]
    ].filter(Boolean).map(function (field) { return field[0] + "  - " + String(field[1]).replace(/[\r\n]+/g, " "); }).join("\r\n") + "\r\n";
    var csl = JSON.stringify([{
      id: cite.id + "/" + id, type: CSL_TYPE[cite.kind] || "document", title: cite.title, section: passage,
      author: [{ literal: cite.issuer }], translator: [{ literal: translator }], "container-title": cite.site,
      issued: cite.date ? { "date-parts": dateParts(cite.date) } : undefined, accessed: { "date-parts": dateParts(accessed) },
      URL: url, language: cite.lang, version: cite.version || undefined, "original-title": cite.title_zh
    }], null, 2) + "\n";
    return [
      { name: label("cite_plain"), format: "plain", text: plain, file: key + ".txt", type: "text/plain" },
      { name: "BibTeX", format: "bibtex", text: bibtex, file: key + ".bib", type: "application/x-bibtex" },
      { name: "RIS", format: "ris", text: ris, file: key + ".ris", type: "application/x-research-info-systems" },
      { name: "CSL-JSON", format: "csl-json", text: csl, file: key + ".json", type: "application/vnd.citationstyles.csl+json" }
    ];
  }

  var citeDialog = null;
  function openCite(segment, opener) {
    if (!citeDialog) {
      citeDialog = element("dialog", "cite-dialog");
      citeDialog.setAttribute("aria-labelledby", "cite-dialog-title");
      citeDialog.lang = cite.lang;
      document.body.appendChild(citeDialog);
      citeDialog.addEventListener("click", function (event) { if (event.target === citeDialog) citeDialog.close(); });
    }
    var formats = citations(segment), chosen = 0;
    citeDialog.textContent = "";
    var title = element("h2", "cite-dialog__title", fill(label("cite_title"), { label: segment.getAttribute("data-label") }));
    title.id = "cite-dialog-title";
    var tabs = element("div", "cite-dialog__formats");
    tabs.setAttribute("role", "group");
    var area = element("textarea", "cite-dialog__text");
    area.readOnly = true;
    area.rows = 7;
    area.setAttribute("aria-labelledby", "cite-dialog-title");
    var actions = element("div", "cite-dialog__actions");
    var copy = element("button", "cite-dialog__copy", label("copy"));
    var download = element("a", "cite-dialog__download", label("download"));
    var close = element("button", "cite-dialog__close", label("close"));
    [copy, close].forEach(function (button) { button.type = "button"; });
    function show(index) {
      chosen = index;
      area.value = formats[index].text;
      area.setAttribute("data-format", formats[index].format);
      tabs.querySelectorAll("button").forEach(function (button, at) { button.setAttribute("aria-pressed", String(at === index)); });
      download.href = "data:" + formats[index].type + ";charset=utf-8," + encodeURIComponent(formats[index].text);
      download.setAttribute("download", formats[index].file);
      copy.textContent = label("copy");
    }
    formats.forEach(function (format, index) {
      var button = element("button", "", format.name);
      button.type = "button";
      button.setAttribute("data-format", format.format);
      button.addEventListener("click", function () { show(index); });
      tabs.appendChild(button);
    });
    copy.addEventListener("click", function () {
      copyText(formats[chosen].text).then(function () { copy.textContent = label("copied") + " ✓"; });
    });
    close.addEventListener("click", function () { citeDialog.close(); });
    actions.append(copy, download, close);
    citeDialog.append(title, tabs, area, actions);
    citeDialog.onclose = function () { if (opener && document.contains(opener)) opener.focus(); };
    show(0);
    citeDialog.showModal();
    tabs.querySelector("button").focus();
  }

  /* -- The passage menu: link, cite, suggest a correction, where the Chinese comes from -------- */
  function setupMenus() {
    var menus = document.querySelectorAll(".segment__menu");
    menus.forEach(function (menu) {
      var segment = menu.closest(".segment");
      var item = menu.querySelector(".segment__cite-item");
      if (item && cite) {
        item.hidden = false;
        item.querySelector("button").addEventListener("click", function () {
          var summary = menu.querySelector("summary");
          menu.open = false;
          openCite(segment, summary);
        });
      }
      menu.addEventListener("toggle", function () {
        if (!menu.open) return;
        menus.forEach(function (other) { if (other !== menu) other.open = false; });
      });
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      var open = document.querySelector(".segment__menu[open]");
      if (open) { open.open = false; open.querySelector("summary").focus(); }
    });
    document.addEventListener("click", function (event) {
      document.querySelectorAll(".segment__menu[open]").forEach(function (menu) {
        if (!menu.contains(event.target)) menu.open = false;
      });
    });
  }

  /* -- Glossary terms (WAI tooltip + card) -----------------------------------------------------
     Hover or focus: a one-language tooltip (the term in the other column's language); it can be
     hovered, stays until dismissed (Escape, leaving, blur). Click, tap, Enter or Space: a card with
     the term in both scripts, pinyin, English, definition and a link, each part with its lang;
     Escape closes it and gives focus back. The card is built from the chapter glossary on the page. */
  var entries = {};
  function updateTabStops() {
    var marks = root.getAttribute("data-term-marks") !== "off";
    var englishOnly = root.getAttribute("data-view") === "en";
    document.querySelectorAll(".term[data-term]").forEach(function (term) {
      if (!entries[term.getAttribute("data-term")]) return;
      var inEnglish = !!term.closest(".segment__en");
      var stop = marks && (englishOnly ? inEnglish : term.hasAttribute("data-tab-stop"));
      term.setAttribute("tabindex", stop ? "0" : "-1");
      if (marks) term.setAttribute("role", "button"); else term.removeAttribute("role");
    });
  }
  function setupTerms() {
    document.querySelectorAll("[data-term-entry]").forEach(function (entry) { entries[entry.getAttribute("data-term-entry")] = entry; });
    var terms = document.querySelectorAll(".term[data-term]");
    if (!terms.length || !Object.keys(entries).length) return;
    var tip = element("div", "term-tip");
    tip.id = "aigov-term-tip";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    var card = element("div", "term-card");
    card.id = "aigov-term-card";
    card.setAttribute("role", "dialog");
    card.setAttribute("aria-labelledby", "aigov-term-card-title");
    card.tabIndex = -1;
    card.hidden = true;
    document.body.append(tip, card);
    var tipFor = null, cardFor = null, hiding = null;

    function part(entry, selector) { return entry.querySelector(selector); }
    function place(box, term, width) {
      var rect = term.getBoundingClientRect();
      var viewport = document.documentElement.clientWidth;
      box.style.maxWidth = Math.min(width, viewport - 16) + "px";
      var left = Math.max(8, Math.min(rect.left + window.scrollX, window.scrollX + viewport - box.offsetWidth - 8));
      box.style.left = left + "px";
      box.style.top = (rect.bottom + window.scrollY + 6) + "px";
    }
    function showTip(term) {
      if (root.getAttribute("data-term-marks") === "off" || cardFor === term) return;
      var entry = entries[term.getAttribute("data-term")];
      var other = term.closest(".segment__en") ? part(entry, ".cg__chinese") : part(entry, ".cg__en");
      clearTimeout(hiding);
      if (tipFor && tipFor !== term) tipFor.removeAttribute("aria-describedby");
      tipFor = term;
      tip.textContent = other.textContent;
      tip.lang = other.closest("[lang]").lang;
      tip.hidden = false;
      place(tip, term, 320);
      term.setAttribute("aria-describedby", tip.id);
    }
    function hideTip() {
      if (tipFor) tipFor.removeAttribute("aria-describedby");
      tipFor = null;
      tip.hidden = true;
    }
    function hideTipSoon() { clearTimeout(hiding); hiding = setTimeout(hideTip, 300); }

    function openCard(term, byKeyboard) {
      var entry = entries[term.getAttribute("data-term")];
      hideTip();
      if (cardFor) cardFor.setAttribute("aria-expanded", "false");
      cardFor = term;
      card.textContent = "";
      var head = element("p", "term-card__head");
      var chinese = part(entry, ".cg__chinese").cloneNode(true);
      chinese.className = "term-card__chinese";
      chinese.id = "aigov-term-card-title";
      head.appendChild(chinese);
      var otherScript = part(entry, ".cg__other");
      if (otherScript) { var copy = otherScript.cloneNode(true); copy.className = "term-card__other"; head.append(" ", copy); }
      var pinyin = part(entry, ".cg__pinyin").cloneNode(true);
      pinyin.className = "term-card__pinyin";
      head.append(" ", pinyin);
      card.appendChild(head);
      card.appendChild(element("p", "term-card__en", part(entry, ".cg__en").textContent, "en"));
      var definitions = [part(entry, ".cg__definition-zh"), part(entry, ".cg__definition-en")].filter(Boolean);
      if (root.lang === "en") definitions.reverse();
      definitions.slice(0, 1).forEach(function (definition) {
        var paragraph = element("p", "term-card__definition");
        paragraph.lang = definition.closest("[lang]").lang;
        paragraph.append.apply(paragraph, Array.prototype.map.call(definition.childNodes, function (node) { return node.cloneNode(true); }));
        card.appendChild(paragraph);
      });
      var actions = element("p", "term-card__actions");
      var more = element("a", "term-card__link", termPageLabel + " →");
      more.href = part(entry, "a.cg__term").getAttribute("href");
      var close = element("button", "term-card__close", label("close"));
      close.type = "button";
      close.addEventListener("click", function () { closeCard(true); });
      actions.append(more, close);
      card.appendChild(actions);
      card.hidden = false;
      place(card, term, 340);
      term.setAttribute("aria-expanded", "true");
      if (byKeyboard) card.focus();
    }
    function closeCard(returnFocus) {
      if (!cardFor) return;
      var term = cardFor;
      cardFor = null;
      card.hidden = true;
      term.setAttribute("aria-expanded", "false");
      if (returnFocus) { returning = true; term.focus(); returning = false; }
    }
    var termPageLabel = document.querySelector(".chapter-glossary").getAttribute("data-term-page");
    var returning = false;

    terms.forEach(function (term) {
      if (!entries[term.getAttribute("data-term")]) return;
      term.setAttribute("aria-haspopup", "dialog");
      term.setAttribute("aria-expanded", "false");
      term.setAttribute("aria-controls", card.id);
      term.addEventListener("mouseenter", function () { showTip(term); });
      term.addEventListener("mouseleave", hideTipSoon);
      term.addEventListener("focus", function () { if (!returning) showTip(term); });
      term.addEventListener("blur", hideTipSoon);
      term.addEventListener("click", function (event) {
        if (root.getAttribute("data-term-marks") === "off") return;
        event.preventDefault();
        event.stopPropagation();
        if (cardFor === term) closeCard(false); else openCard(term, event.detail === 0);
      });
      term.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          if (root.getAttribute("data-term-marks") === "off") return;
          event.preventDefault();
          openCard(term, true);
        }
      });
    });
    tip.addEventListener("mouseenter", function () { clearTimeout(hiding); });
    tip.addEventListener("mouseleave", hideTipSoon);
    card.addEventListener("focusout", function (event) {
      if (cardFor && event.relatedTarget && !card.contains(event.relatedTarget) && event.relatedTarget !== cardFor) closeCard(false);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      if (cardFor) { event.preventDefault(); closeCard(true); } else if (tipFor) { hideTip(); }
    });
    document.addEventListener("click", function (event) {
      if (cardFor && !card.contains(event.target)) closeCard(false);
    });
  }

  /* -- The chapter glossary: folded on screen, whole in print (the print stylesheet ignores the fold) */
  function setupGlossaryFold() {
    var section = document.querySelector(".chapter-glossary");
    if (!section) return;
    var list = section.querySelector(".chapter-glossary__list");
    list.id = "chapter-glossary-list";
    var button = element("button", "chapter-glossary__toggle");
    button.type = "button";
    button.setAttribute("aria-controls", list.id);
    function set(open) {
      section.classList.toggle("is-open", open);  /* folded by reader.css from the first layout (html.js), opened here */
      button.setAttribute("aria-expanded", String(open));
      button.textContent = section.getAttribute(open ? "data-hide" : "data-show");
    }
    button.addEventListener("click", function () { set(!section.classList.contains("is-open")); });
    section.querySelector("h2").insertAdjacentElement("afterend", button);
    set(/^#term-/.test(location.hash));
    window.addEventListener("hashchange", function () { if (/^#term-/.test(location.hash)) set(true); });
  }

  /* -- j / k: the next / previous passage, skipping the terms inside ---------------------------- */
  function setupPassageKeys() {
    var segments = Array.prototype.slice.call(document.querySelectorAll(".md-content .segment[id]"));
    if (!segments.length) return;
    function visible(segment) { return segment.offsetParent !== null || segment.getClientRects().length > 0; }
    function current() {
      var inside = document.activeElement && document.activeElement.closest && document.activeElement.closest(".segment[id]");
      if (inside) return segments.indexOf(inside);
      for (var i = 0; i < segments.length; i++) if (segments[i].getBoundingClientRect().top > 80) return i - 0.5;
      return segments.length - 0.5;
    }
    document.addEventListener("keydown", function (event) {
      if ((event.key !== "j" && event.key !== "k") || event.metaKey || event.ctrlKey || event.altKey || typing(event.target)) return;
      if (document.querySelector("dialog[open]") || document.querySelector(".md-search__input:focus")) return;
      var at = current(), step = event.key === "j" ? 1 : -1;
      var index = step > 0 ? Math.floor(at) + 1 : Math.ceil(at) - 1;
      while (index >= 0 && index < segments.length && !visible(segments[index])) index += step;
      var target = segments[index];
      if (!target) return;
      event.preventDefault();
      var focus = target.querySelector(".segment__label, .headerlink");
      target.scrollIntoView({ block: "start" });
      if (focus) focus.focus({ preventScroll: true });
    });
  }

  /* -- Contents one tap away on phones (the contents sidebar shows from 60em) ------------------- */
  function setupPhoneContents() {
    var contents = document.querySelector(".text-contents");
    if (!contents) return;
    var button = element("button", "contents-fab", contents.querySelector("summary").textContent);
    button.type = "button";
    button.setAttribute("aria-haspopup", "dialog");
    var dialog = element("dialog", "contents-dialog");
    dialog.setAttribute("aria-label", button.textContent);
    var nav = contents.querySelector("nav").cloneNode(true);
    var close = element("button", "contents-dialog__close", label("close"));
    close.type = "button";
    close.addEventListener("click", function () { dialog.close(); });
    dialog.append(nav, close);
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog || event.target.closest("a")) dialog.close();
    });
    button.addEventListener("click", function () { dialog.showModal(); });
    document.body.append(button, dialog);
  }

  /* -- Checkbox filters (link types on a text page, kinds on the timeline) -------------------- */
  function setupFilter(selector, items, keep) {
    var box = document.querySelector(selector);
    if (!box) return;
    box.hidden = false;
    function apply() {
      var checked = {};
      box.querySelectorAll("input[type=checkbox]").forEach(function (input) { checked[input.value] = input.checked; });
      document.querySelectorAll(items).forEach(function (item) { item.hidden = !keep(item, checked); });
    }
    box.addEventListener("change", apply);
    apply();
  }

  setupFilter(".link-filter", "[data-link-type]", function (item, checked) {
    return checked[item.getAttribute("data-link-type")] !== false;
  });
  setupFilter(".timeline-filter", ".tl-event", function (item, checked) {
    if (checked[item.getAttribute("data-kind")] === false) return false;
    return !checked.mentioned || item.getAttribute("data-mentioned") === "yes";
  });
  /* Arriving at a passage (from a link's other end, a mention, a search result) opens its connections. */
  function openTargetConnections() {
    var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    var details = target && target.querySelector(":scope > details.connections");
    if (details) details.open = true;
  }
  window.addEventListener("hashchange", openTargetConnections);
  openTargetConnections();
  setupTerms();
  setupToggles();
  setupTreeSwitch();
  setupMenus();
  setupGlossaryFold();
  setupPassageKeys();
  setupPhoneContents();
})();
