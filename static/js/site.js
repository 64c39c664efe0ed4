/* Progressive enhancement for every page: without this file the site works,
 * the phone menu unfolds through its link (CSS :target). */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function setupMenu() {
    // The CSS folds the list on a phone from the first paint; the template's
    // toggle is a link that unfolds it without JavaScript (:target). Here it
    // becomes a button, same class, same size, that says whether it is open.
    var nav = document.querySelector(".site-nav");
    if (!nav) return;
    var link = nav.querySelector(".site-nav__toggle");
    var list = nav.querySelector(".site-nav__list");
    if (!link || !list) return;
    var toggle = document.createElement("button");
    toggle.type = "button";
    toggle.className = link.className;
    toggle.innerHTML = link.innerHTML;
    toggle.setAttribute("aria-controls", list.id);
    link.replaceWith(toggle);

    function setOpen(open) {
      toggle.setAttribute("aria-expanded", String(open));
      nav.classList.toggle("is-open", open);
      nav.classList.toggle("is-closed", !open);
    }
    setOpen(window.location.hash === "#" + nav.id);

    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      setOpen(open);
      if (open) {
        var first = list.querySelector("a");
        if (first) first.focus();
      }
    });
    nav.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && nav.classList.contains("is-open")) {
        setOpen(false);
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
