/* The edit mode, opened from a problem of the publish checks (#bloc-<id>):
   the block is scrolled to, outlined and focused, and its form opened as a
   double-click on it does (content_checks/presentation.py). */
(function () {
  "use strict";

  function blockElement(id) {
    // django CMS turns its <template> markers into classes on the block's elements.
    var marked = document.querySelector(".cms-plugin-" + id + ":not(template)");
    if (marked) {
      return marked;
    }
    var start = document.querySelector("template.cms-plugin-start.cms-plugin-" + id);
    return start ? start.nextElementSibling : null;
  }

  function focusBlock() {
    var match = /^#bloc-(\d+)$/.exec(window.location.hash);
    if (!match) {
      return;
    }
    // Once only: the CMS reloads the page after some saves, which must not reopen the form.
    history.replaceState(null, "", window.location.pathname + window.location.search);
    var block = blockElement(match[1]);
    if (!block) {
      return;
    }
    block.setAttribute("tabindex", "-1");
    block.style.outline = "3px solid #ba2121";
    block.style.outlineOffset = "4px";
    block.scrollIntoView({ block: "center" });
    block.focus({ preventScroll: true });
    openForm(match[1], 10);
  }

  // As a double-click on the block does. On a slow computer the CMS may bind its
  // double-click after the page's load: until its form is open, try again each second.
  function openForm(id, triesLeft) {
    var modal = document.querySelector(".cms-modal");
    var block = blockElement(id);
    if ((modal && modal.classList.contains("cms-modal-open")) || !block) {
      return;
    }
    block.dispatchEvent(new MouseEvent("dblclick", { bubbles: true, cancelable: true }));
    if (triesLeft > 0) {
      setTimeout(function () {
        openForm(id, triesLeft - 1);
      }, 1000);
    }
  }

  if (document.readyState === "complete") {
    setTimeout(focusBlock, 0);
  } else {
    // After the CMS's own scripts have bound their double-click.
    window.addEventListener("load", function () {
      setTimeout(focusBlock, 0);
    });
  }
})();
