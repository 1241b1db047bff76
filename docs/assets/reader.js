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

  setupToggle();
  setupTreeSwitch();
  setupCitations();
})();
