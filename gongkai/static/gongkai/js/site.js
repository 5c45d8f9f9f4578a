// Large-font mode: a switch in the header, remembered in localStorage. No inline scripts.
(function () {
  "use strict";
  var KEY = "gongkai-large-font";
  var root = document.documentElement;
  function apply(on) {
    root.classList.toggle("large-font", on);
    document.querySelectorAll("[data-font-toggle]").forEach(function (b) {
      b.setAttribute("aria-pressed", on ? "true" : "false");
    });
  }
  var saved = false;
  try { saved = window.localStorage.getItem(KEY) === "1"; } catch (e) { saved = false; }
  apply(saved);
  document.addEventListener("DOMContentLoaded", function () {
    apply(root.classList.contains("large-font"));
    document.querySelectorAll("[data-font-toggle]").forEach(function (button) {
      button.addEventListener("click", function () {
        var on = !root.classList.contains("large-font");
        apply(on);
        try { window.localStorage.setItem(KEY, on ? "1" : "0"); } catch (e) { /* private mode */ }
      });
    });
    document.querySelectorAll("[data-confirm]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        if (!window.confirm(form.getAttribute("data-confirm"))) { event.preventDefault(); }
      });
    });
  });
})();
