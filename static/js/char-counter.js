/* A live « 42 / 160 caractères » counter under every field that has a length
 * limit (the `data-maxlength-counter` attribute set by coop_site/limits.py).
 *
 * Progressive enhancement: without this file the help text still shows the
 * limit and the server refuses longer text at the field. The visible counter
 * is not read out at every key; a polite live region speaks only when the
 * text comes close to the limit or goes over it.
 */
(function () {
  "use strict";

  var NEAR = 0.9; // speak from 90 % of the limit on

  function plural(count, one, many) {
    return count + " " + (count > 1 ? many : one);
  }

  function length(value) {
    // As the server counts: without the spaces around the text (Django's
    // fields strip them), code points, and a line break sent as "\r\n".
    return Array.from(value.trim().replace(/\r?\n/g, "\r\n")).length;
  }

  function hide(element) {
    // Visually hidden, still read by screen readers (works in the admin too).
    var style = element.style;
    style.position = "absolute";
    style.width = "1px";
    style.height = "1px";
    style.overflow = "hidden";
    style.clip = "rect(0 0 0 0)";
    style.whiteSpace = "nowrap";
  }

  function attach(field) {
    var max = parseInt(field.getAttribute("data-maxlength-counter"), 10);
    if (!max || field.hasAttribute("data-counter-ready")) return;
    // A list's filter box (a GET form) gets no counter: a short search needs
    // none, and a line added after the first paint would shift the page.
    if (field.form && field.form.method === "get") return;
    field.setAttribute("data-counter-ready", "");

    var counter = document.createElement("div");
    // "help": styled like the field's help text, in the admin and on the site.
    counter.className = "char-counter help";
    counter.setAttribute("aria-hidden", "true");
    counter.style.display = "block";
    counter.style.fontSize = "0.85em";
    var live = document.createElement("span");
    live.setAttribute("aria-live", "polite");
    hide(live);
    if (field.id) {
      counter.id = field.id + "_counter";
      live.id = field.id + "_counter_live";
    }
    // Below the field: after its row when the field sits in a flex row
    // beside its label (the admin's layout).
    var anchor = field;
    if (field.parentElement && getComputedStyle(field.parentElement).display.indexOf("flex") !== -1) {
      anchor = field.parentElement;
    }
    anchor.insertAdjacentElement("afterend", counter);
    counter.insertAdjacentElement("afterend", live);

    var spoken = "";
    function update() {
      var count = length(field.value);
      var over = count - max;
      counter.textContent =
        count + " / " + max + " caractères" + (over > 0 ? " : " + over + " de trop" : "");
      counter.classList.toggle("char-counter--over", over > 0);
      counter.style.color = over > 0 ? "#b00020" : "";
      counter.style.fontWeight = over > 0 ? "700" : "";
      var message = "";
      if (over > 0) {
        message = plural(over, "caractère de trop", "caractères de trop");
      } else if (count === max) {
        message = "Limite atteinte : " + plural(max, "caractère", "caractères");
      } else if (count >= max * NEAR) {
        message = "Encore " + plural(max - count, "caractère possible", "caractères possibles");
      }
      if (message !== spoken) {
        live.textContent = message;
        spoken = message;
      }
    }
    field.addEventListener("input", update);
    update();
  }

  function scan(root) {
    var fields = (root || document).querySelectorAll("[data-maxlength-counter]");
    Array.prototype.forEach.call(fields, attach);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { scan(); });
  } else {
    scan();
  }
  // Inline forms added with "Ajouter un autre…" in the admin.
  document.addEventListener("formset:added", function (event) { scan(event.target); });
})();
