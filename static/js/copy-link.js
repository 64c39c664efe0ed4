/* « Copier l'adresse » next to each iCal address (templates/includes/ical_links.html).
 *
 * Progressive enhancement: without this file the address stays in plain view,
 * for a visitor to select and copy by hand. The button is added here,
 * and a polite live region says « Adresse copiée » once it is done.
 */
(function () {
  "use strict";

  function select(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function copy(source) {
    var text = source.textContent.trim();
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // Plain http: the old way, from the selected address.
    select(source);
    return document.execCommand("copy") ? Promise.resolve() : Promise.reject();
  }

  function attach(block) {
    var source = block.querySelector("[data-copy-source]");
    if (!source || block.hasAttribute("data-copy-ready")) return;
    block.setAttribute("data-copy-ready", "");

    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button--secondary";
    button.textContent = "Copier l'adresse";
    var status = document.createElement("span");
    status.className = "ical-links__status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    source.parentNode.insertAdjacentElement("beforeend", button);
    source.parentNode.insertAdjacentElement("beforeend", status);

    button.addEventListener("click", function () {
      status.textContent = "";
      copy(source).then(
        function () { status.textContent = "Adresse copiée"; },
        function () {
          select(source);
          status.textContent = "Copie impossible : l'adresse est sélectionnée, copiez-la à la main.";
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
