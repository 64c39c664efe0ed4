/* Photo galleries: an accessible lightbox and the "Diaporama" slideshow.
 * Without this file each thumbnail is a link to a large rendition and the
 * slideshow is a list that scrolls sideways: nothing is lost. */
(function () {
  "use strict";

  var FOCUSABLE = "button:not([disabled]), a[href], [tabindex]:not([tabindex='-1'])";

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text) node.textContent = text;
    return node;
  }

  /* ---- Lightbox -------------------------------------------------------- */

  function Lightbox() {
    this.dialog = el("div", { "class": "lightbox", role: "dialog", "aria-modal": "true", "aria-label": "Image agrandie", hidden: "" });
    var frame = el("div", { "class": "lightbox__frame" });
    this.closeButton = el("button", { type: "button", "class": "lightbox__close" }, "Fermer");
    this.prevButton = el("button", { type: "button", "class": "lightbox__prev" }, "‹ Précédente");
    this.nextButton = el("button", { type: "button", "class": "lightbox__next" }, "Suivante ›");
    this.counter = el("p", { "class": "lightbox__counter", "aria-live": "polite", "aria-atomic": "true" });
    var figure = el("figure", { "class": "lightbox__figure" });
    this.picture = el("picture");
    this.source = el("source", { type: "image/webp" });
    this.image = el("img", { "class": "lightbox__image", alt: "" });
    this.caption = el("figcaption", { "class": "lightbox__caption" });
    this.picture.appendChild(this.source);
    this.picture.appendChild(this.image);
    figure.appendChild(this.picture);
    figure.appendChild(this.caption);
    var bar = el("div", { "class": "lightbox__bar" });
    bar.appendChild(this.prevButton);
    bar.appendChild(this.counter);
    bar.appendChild(this.nextButton);
    frame.appendChild(this.closeButton);
    frame.appendChild(figure);
    frame.appendChild(bar);
    this.dialog.appendChild(frame);
    document.body.appendChild(this.dialog);

    var self = this;
    this.closeButton.addEventListener("click", function () { self.close(); });
    this.prevButton.addEventListener("click", function () { self.move(-1); });
    this.nextButton.addEventListener("click", function () { self.move(1); });
    this.dialog.addEventListener("click", function (event) {
      if (event.target === self.dialog) self.close();
    });
    this.dialog.addEventListener("keydown", function (event) { self.onKey(event); });
  }

  Lightbox.prototype.open = function (links, index) {
    this.links = links;
    this.opener = links[index];
    this.dialog.hidden = false;
    document.documentElement.classList.add("has-lightbox");
    this.show(index);
    this.closeButton.focus();
  };

  Lightbox.prototype.show = function (index) {
    var count = this.links.length;
    this.index = (index + count) % count;
    var link = this.links[this.index];
    var thumb = link.querySelector("img");
    var figcaption = link.closest("figure") && link.closest("figure").querySelector("figcaption");
    this.source.setAttribute("srcset", link.getAttribute("data-large-webp") || "");
    this.image.src = link.getAttribute("href");
    this.image.width = Number(link.getAttribute("data-width")) || 0;
    this.image.height = Number(link.getAttribute("data-height")) || 0;
    this.image.alt = thumb ? thumb.alt : "";
    this.caption.textContent = figcaption ? figcaption.textContent.trim() : "";
    this.caption.hidden = !this.caption.textContent;
    // A long caption scrolls in its own box: keyboard users must reach it too.
    if (this.caption.scrollHeight > this.caption.clientHeight) {
      this.caption.setAttribute("tabindex", "0");
    } else {
      this.caption.removeAttribute("tabindex");
    }
    this.counter.textContent = (this.index + 1) + " / " + count;
    this.prevButton.hidden = this.nextButton.hidden = count < 2;
    this.opener = link;
  };

  Lightbox.prototype.move = function (step) {
    this.show(this.index + step);
  };

  Lightbox.prototype.close = function () {
    this.dialog.hidden = true;
    document.documentElement.classList.remove("has-lightbox");
    if (this.opener) this.opener.focus();
  };

  Lightbox.prototype.onKey = function (event) {
    if (event.key === "Escape") {
      event.preventDefault();
      this.close();
    } else if (event.key === "ArrowRight") {
      event.preventDefault();
      this.move(1);
    } else if (event.key === "ArrowLeft") {
      event.preventDefault();
      this.move(-1);
    } else if (event.key === "Tab") {
      // Keep the focus inside the open lightbox.
      var items = Array.prototype.filter.call(
        this.dialog.querySelectorAll(FOCUSABLE),
        function (node) { return !node.hidden; }
      );
      var first = items[0];
      var last = items[items.length - 1];
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    }
  };

  function setupGalleries() {
    var galleries = document.querySelectorAll("[data-gallery]");
    if (!galleries.length) return;
    var lightbox = null;
    Array.prototype.forEach.call(galleries, function (gallery) {
      var links = Array.prototype.slice.call(gallery.querySelectorAll(".gallery__link"));
      links.forEach(function (link, index) {
        link.addEventListener("click", function (event) {
          if (event.ctrlKey || event.metaKey || event.shiftKey) return;
          event.preventDefault();
          lightbox = lightbox || new Lightbox();
          lightbox.open(links, index);
        });
      });
    });
  }

  /* ---- Slideshow ------------------------------------------------------- */

  function setupSlideshow(root) {
    var slides = Array.prototype.slice.call(root.querySelectorAll(".slideshow__slide"));
    if (slides.length < 2) return;
    var reduced = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    var delay = Math.max(3, Number(root.getAttribute("data-interval")) || 6) * 1000;
    var track = root.querySelector(".slideshow__track");
    var index = 0;
    var timer = null;
    var playing = !reduced;

    var controls = el("div", { "class": "slideshow__controls" });
    var pause = el("button", { type: "button", "class": "slideshow__pause" });
    var prev = el("button", { type: "button", "class": "slideshow__prev" }, "‹ Précédente");
    var next = el("button", { type: "button", "class": "slideshow__next" }, "Suivante ›");
    controls.appendChild(pause);
    controls.appendChild(prev);
    controls.appendChild(next);
    root.appendChild(controls);
    root.classList.add("is-enhanced");

    function show(i) {
      index = (i + slides.length) % slides.length;
      slides.forEach(function (slide, n) { slide.hidden = n !== index; });
    }

    function schedule() {
      window.clearInterval(timer);
      timer = playing ? window.setInterval(function () { show(index + 1); }, delay) : null;
      // While it turns by itself, screen readers are not interrupted at each slide.
      track.setAttribute("aria-live", playing ? "off" : "polite");
      pause.textContent = playing ? "Pause" : "Lecture";
      pause.setAttribute("aria-label", playing ? "Mettre le diaporama en pause" : "Faire défiler le diaporama");
    }

    pause.addEventListener("click", function () { playing = !playing; schedule(); });
    prev.addEventListener("click", function () { playing = false; schedule(); show(index - 1); });
    next.addEventListener("click", function () { playing = false; schedule(); show(index + 1); });
    // No movement while the visitor reads or uses the controls.
    root.addEventListener("focusin", function () { window.clearInterval(timer); });
    root.addEventListener("focusout", function () { schedule(); });
    root.addEventListener("mouseenter", function () { window.clearInterval(timer); });
    root.addEventListener("mouseleave", function () { schedule(); });

    show(0);
    schedule();
  }

  function init() {
    setupGalleries();
    Array.prototype.forEach.call(document.querySelectorAll("[data-slideshow]"), setupSlideshow);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
