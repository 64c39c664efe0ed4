/* The gallery plugin form: one alt-text field per photo chosen in
 * « Ajouter des photos », right under the button, so that each photo is
 * described before it is sent. The server reads the fields in file order
 * (galleries/forms.py, GalleryForm.clean_new_photos). Without this file the
 * photos are still sent; the gallery then lists, in edit mode, those waiting
 * for their text. */
(function () {
  "use strict";

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text) node.textContent = text;
    return node;
  }

  function typedAlts(input) {
    // Texts typed before a refused submit, by file name (the server hands them back).
    try {
      return JSON.parse(input.getAttribute("data-typed-alts") || "{}");
    } catch (error) {
      return {};
    }
  }

  function setup(input) {
    var base = input.name;
    var maxLength = input.getAttribute("data-alt-maxlength") || "255";
    var list = el("div", { "class": "new-photo-alts", id: input.id + "_alts" });
    var previews = [];
    // Right under the button: after the line the admin gives it with its label.
    var line = input.closest(".flex-container") || input;
    line.insertAdjacentElement("afterend", list);

    function remembered() {
      var texts = typedAlts(input);
      Array.prototype.forEach.call(list.querySelectorAll("input[type=text]"), function (field) {
        if (field.value.trim()) texts[field.getAttribute("data-file-name")] = field.value;
      });
      return texts;
    }

    function render() {
      var texts = remembered();
      previews.forEach(function (url) { URL.revokeObjectURL(url); });
      previews = [];
      list.textContent = "";
      var files = Array.prototype.slice.call(input.files || []);
      if (!files.length) return;
      var help = el(
        "p",
        { "class": "help new-photo-alts__help", id: input.id + "_alts_help" },
        "Décrivez chaque photo pour les personnes qui ne la voient pas. Laissée vide, " +
          "une photo reste cachée au public jusqu'à ce qu'on lui donne son texte ; " +
          "cochez « décorative » si elle n'apporte aucune information."
      );
      list.appendChild(help);
      files.forEach(function (file, n) {
        var id = input.id + "_alt_" + n;
        var row = el("div", { "class": "new-photo-alt" });
        if (window.URL && URL.createObjectURL) {
          var url = URL.createObjectURL(file);
          previews.push(url);
          // The text beside it says what it is: the thumbnail itself is decorative.
          row.appendChild(el("img", { "class": "new-photo-alt__preview", src: url, alt: "" }));
        }
        var fields = el("div", { "class": "new-photo-alt__fields" });
        fields.appendChild(
          el("label", { "for": id, id: id + "_label" }, "Texte alternatif de " + file.name)
        );
        var text = el("input", {
          type: "text",
          id: id,
          name: base + "_alt",
          maxlength: maxLength,
          "class": "vTextField",
          "data-file-name": file.name,
          "aria-describedby": help.id
        });
        text.value = texts[file.name] || "";
        fields.appendChild(text);
        var decorative = el("label", { "class": "new-photo-alt__decorative" });
        decorative.appendChild(el("input", {
          type: "checkbox",
          name: base + "_decorative",
          value: String(n),
          "aria-describedby": id + "_label"
        }));
        decorative.appendChild(document.createTextNode(" décorative"));
        fields.appendChild(decorative);
        row.appendChild(fields);
        list.appendChild(row);
      });
    }

    input.addEventListener("change", render);
    render(); // a browser may keep the files chosen before a reload
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("input[type=file][data-photo-alts]"), setup);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
