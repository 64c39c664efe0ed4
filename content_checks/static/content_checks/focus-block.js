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
    openForm(match[1], 100);
  }

  // As a double-click on the block does. On a slow computer the CMS may bind its
  // double-click after the page's load: until its form has opened once, try again
  // each second (watched every tenth of a second, so a form the editor has already
  // saved and closed is never opened again).
  function openForm(id, ticksLeft) {
    var modal = document.querySelector(".cms-modal");
    var block = blockElement(id);
    if ((modal && modal.classList.contains("cms-modal-open")) || !block || ticksLeft <= 0) {
      return;
    }
    if (ticksLeft % 10 === 0) {
      block.dispatchEvent(new MouseEvent("dblclick", { bubbles: true, cancelable: true }));
    }
    setTimeout(function () {
      openForm(id, ticksLeft - 1);
    }, 100);
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
