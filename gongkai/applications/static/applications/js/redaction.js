// 区分处理: draw a rectangle on a page image to fill the area form (page and edges in percent).
// Without JS the form's number fields are typed in by hand.
(function () {
  "use strict";
  function pct(value) { return Math.round(Math.max(0, Math.min(1, value)) * 10000) / 100; }
  function setField(form, name, value) {
    var input = form.querySelector("[name=" + name + "]");
    if (input) { input.value = value; }
  }
  function attach(canvas, form) {
    var start = null;
    var box = null;
    function point(event) {
      var r = canvas.getBoundingClientRect();
      return { x: (event.clientX - r.left) / r.width, y: (event.clientY - r.top) / r.height };
    }
    function draw(a, b) {
      if (!box) {
        box = document.createElement("div");
        box.className = "redaction-box";
        canvas.appendChild(box);
      }
      box.style.left = pct(Math.min(a.x, b.x)) + "%";
      box.style.top = pct(Math.min(a.y, b.y)) + "%";
      box.style.width = pct(Math.abs(b.x - a.x)) + "%";
      box.style.height = pct(Math.abs(b.y - a.y)) + "%";
    }
    canvas.addEventListener("pointerdown", function (event) {
      document.querySelectorAll(".redaction-box").forEach(function (el) { el.remove(); });
      box = null;
      start = point(event);
      canvas.setPointerCapture(event.pointerId);
      event.preventDefault();
    });
    canvas.addEventListener("pointermove", function (event) {
      if (start) { draw(start, point(event)); }
    });
    canvas.addEventListener("pointerup", function (event) {
      if (!start) { return; }
      var end = point(event);
      draw(start, end);
      setField(form, "page", canvas.getAttribute("data-page"));
      setField(form, "left", pct(Math.min(start.x, end.x)));
      setField(form, "top", pct(Math.min(start.y, end.y)));
      setField(form, "right", pct(Math.max(start.x, end.x)));
      setField(form, "bottom", pct(Math.max(start.y, end.y)));
      start = null;
      var ground = form.querySelector("[name=ground]");
      if (ground) { ground.focus(); }
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("area-form");
    if (!form) { return; }
    document.querySelectorAll(".redaction-canvas[data-page]").forEach(function (canvas) {
      attach(canvas, form);
    });
  });
})();
