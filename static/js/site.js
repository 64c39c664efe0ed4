/* Progressive enhancement for every page: without this file the site works,
 * the menu simply stays unfolded. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function setupMenu() {
    var nav = document.querySelector(".site-nav");
    if (!nav) return;
    var toggle = nav.querySelector(".site-nav__toggle");
    var list = nav.querySelector(".site-nav__list");
    if (!toggle || !list) return;
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") === "true";
      toggle.setAttribute("aria-expanded", String(!open));
      nav.classList.toggle("is-open", !open);
      if (!open) {
        var first = list.querySelector("a");
        if (first) first.focus();
      }
    });
    nav.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && nav.classList.contains("is-open")) {
        toggle.setAttribute("aria-expanded", "false");
        nav.classList.remove("is-open");
        toggle.focus();
      }
    });
  }

  function setupSkipLink() {
    var link = document.querySelector(".skip-link");
    var main = document.getElementById("contenu");
    if (!link || !main) return;
    link.addEventListener("click", function () {
      main.focus();
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { setupMenu(); setupSkipLink(); });
  } else {
    setupMenu();
    setupSkipLink();
  }
})();
