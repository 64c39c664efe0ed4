/* Charter pages: open every "what was done" disclosure while printing,
 * so that paper shows what the screen hides; restore them afterwards. */
(function () {
  "use strict";
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(document.querySelectorAll("details.done"), function (details) {
      return !details.open;
    });
    opened.forEach(function (details) { details.open = true; });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (details) { details.open = false; });
    opened = [];
  });
})();
