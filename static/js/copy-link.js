/* « Copier l'adresse » next to each iCal address (templates/includes/ical_links.html).
 *
 * Progressive enhancement: without this file the address stays in a read-only
 * field that a visitor selects and copies by hand. The button is added here,
 * and a polite live region says « Adresse copiée » once it is done.
 */
(function () {
  "use strict";

  function copy(field) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(field.value);
    }
    // Plain http (a local copy of the site): the old way, from the selected field.
    field.select();
    return document.execCommand("copy") ? Promise.resolve() : Promise.reject();
  }

  function attach(block) {
    var field = block.querySelector("[data-copy-source]");
    if (!field || block.hasAttribute("data-copy-ready")) return;
    block.setAttribute("data-copy-ready", "");

    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button--secondary";
    button.textContent = "Copier l'adresse";
    var status = document.createElement("span");
    status.className = "ical-links__status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    field.insertAdjacentElement("afterend", status);
    field.insertAdjacentElement("afterend", button);

    field.addEventListener("focus", function () { field.select(); });
    button.addEventListener("click", function () {
      status.textContent = "";
      copy(field).then(
        function () { status.textContent = "Adresse copiée"; },
        function () {
          field.focus();
          status.textContent = "Copie impossible : l'adresse est sélectionnée, copiez-la avec Ctrl+C.";
        }
      );
    });
  }

  function setup() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-copy-link]"), attach);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
