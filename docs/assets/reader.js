/* aigov-reader: view toggle, script switch to the same segment, citations.
   Everything here is an enhancement: with scripts off both languages show,
   anchors work and the switcher goes to the other tree's home page. */
(function () {
  "use strict";
  var VIEW_KEY = "aigov-reader.view";
  var root = document.documentElement;

  function storedView() {
    try { return localStorage.getItem(VIEW_KEY) || "both"; } catch (e) { return "both"; }
  }

  function applyView(view) {
    if (["both", "zh", "en"].indexOf(view) < 0) view = "both";
    root.setAttribute("data-view", view);
    document.querySelectorAll(".view-toggle button").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-view") === view));
    });
  }

  function setupToggle() {
    document.querySelectorAll(".view-toggle").forEach(function (group) {
      group.hidden = false;
      group.addEventListener("click", function (event) {
        var button = event.target.closest("button[data-view]");
        if (!button) return;
        var view = button.getAttribute("data-view");
        try { localStorage.setItem(VIEW_KEY, view); } catch (e) { /* private mode: no persistence */ }
        applyView(view);
      });
    });
    applyView(storedView());
  }

  /* The tree root of this page: Material's __md_scope, else the folder above the page's tree. */
  function treeRoot() {
    if (typeof __md_scope !== "undefined") return new URL(__md_scope, location.href);
    return new URL(".", location.href);
  }

  function setupTreeSwitch() {
    window.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a[data-tree]");
      if (!link || event.metaKey || event.ctrlKey || event.shiftKey) return;
      var base = treeRoot();
      var relative = location.href.slice(base.href.length);
      if (location.href.indexOf(base.href) !== 0) return;
      var target = new URL("../" + link.getAttribute("data-tree") + "/" + relative, base);
      event.preventDefault();
      event.stopImmediatePropagation();
      location.href = target.href;
    }, true);
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } finally { document.body.removeChild(area); }
    return Promise.resolve();
  }

  function setupCitations() {
    var copied = root.lang === "en" ? "Citation copied" : (root.lang === "zh-Hant" ? "已複製引文" : "已复制引文");
    document.querySelectorAll(".segment[data-cite]").forEach(function (segment) {
      var button = segment.querySelector(".segment__cite");
      if (!button) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        var url = location.href.split("#")[0] + "#" + segment.id;
        var citation = segment.getAttribute("data-cite") + " " + url;
        segment.setAttribute("data-citation", citation);
        copyText(citation).then(function () {
          button.setAttribute("data-copied", copied);
          setTimeout(function () { button.removeAttribute("data-copied"); }, 2500);
        });
      });
    });
  }

  /* Glossary tooltips: pointing, keyboard focus or a tap opens one; Escape or a tap elsewhere closes it. */
  function setupTerms() {
    var data = document.getElementById("aigov-terms");
    if (!data) return;
    var glossary = JSON.parse(data.textContent);
    var tip = document.createElement("div");
    tip.className = "term-tip";
    tip.id = "aigov-term-tip";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    document.body.appendChild(tip);
    var current = null;
    var openedAt = 0;

    function text(tag, className, value, lang) {
      var element = document.createElement(tag);
      if (className) element.className = className;
      if (lang) element.lang = lang;
      element.textContent = value;
      return element;
    }

    function open(term) {
      var entry = glossary.terms[term.getAttribute("data-term")];
      if (!entry) return;
      if (current && current !== term) current.removeAttribute("aria-describedby");
      current = term;
      tip.textContent = "";
      var head = document.createElement("p");
      head.className = "term-tip__head";
      head.appendChild(text("span", "term-tip__hans", entry.hans, "zh-Hans"));
      if (entry.hant !== entry.hans) head.appendChild(text("span", "term-tip__hant", entry.hant, "zh-Hant"));
      head.appendChild(text("span", "term-tip__pinyin", entry.pinyin, "zh-Latn-pinyin"));
      tip.appendChild(head);
      tip.appendChild(text("p", "term-tip__en", entry.en, "en"));
      tip.appendChild(text("p", "term-tip__definition", entry.definition, root.lang === "en" ? "en" : root.lang));
      var link = text("a", "term-tip__link", glossary.labels.more + " →");
      link.href = entry.href;
      tip.appendChild(link);
      term.setAttribute("aria-describedby", tip.id);
      term.setAttribute("aria-expanded", "true");
      if (tip.hidden || current !== term) openedAt = Date.now();
      tip.hidden = false;
      var box = term.getBoundingClientRect();
      var width = Math.min(320, document.documentElement.clientWidth - 16);
      tip.style.width = width + "px";
      var left = Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8));
      tip.style.left = left + "px";
      tip.style.top = (box.bottom + window.scrollY + 6) + "px";
    }

    function close() {
      if (current) { current.removeAttribute("aria-describedby"); current.setAttribute("aria-expanded", "false"); }
      current = null;
      tip.hidden = true;
    }

    var closing = null;
    function later() { closing = setTimeout(close, 250); }
    function keep() { if (closing) { clearTimeout(closing); closing = null; } }

    document.querySelectorAll(".term[data-term]").forEach(function (term) {
      term.removeAttribute("title");  /* the rich tooltip replaces the plain one */
      term.setAttribute("aria-expanded", "false");
      term.addEventListener("mouseenter", function () { keep(); open(term); });
      term.addEventListener("mouseleave", later);
      term.addEventListener("focus", function () { if (!returning) { keep(); open(term); } });
      term.addEventListener("blur", function (event) { if (!tip.contains(event.relatedTarget)) later(); });
      /* A tap focuses, then clicks: the click only closes a tooltip that was already open before it. */
      term.addEventListener("click", function (event) {
        event.preventDefault();
        keep();
        if (current === term && !tip.hidden && Date.now() - openedAt > 400) { close(); } else { open(term); }
      });
      term.addEventListener("keydown", function (event) { if (event.key === "Enter" || event.key === " ") { event.preventDefault(); open(term); } });
    });
    tip.addEventListener("mouseenter", keep);
    tip.addEventListener("mouseleave", later);
    tip.addEventListener("focusout", function (event) { if (event.relatedTarget !== current) later(); });
    var returning = false;  /* focus given back by Escape must not reopen the tooltip */
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && current) { var term = current; close(); returning = true; term.focus(); returning = false; }
    });
    document.addEventListener("click", function (event) {
      if (current && !current.contains(event.target) && !tip.contains(event.target)) close();
    });
  }

  /* Checkbox filters (link types on a text page, kinds on the timeline): without scripts everything shows. */
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
  setupToggle();
  setupTerms();
  setupTreeSwitch();
  setupCitations();
})();
