// Rich-text editor for staff HTML fields (document bodies, disclosure guides): every
// <textarea data-rich-editor> becomes a Quill editor (vendored in static/vendor/quill). The
// textarea stays in the form and receives the editor's HTML on submit, so the page works
// without JavaScript and the server sanitises what arrives either way (gongkai/richtext.py).
// Pasting from Word keeps paragraphs, headings, lists, tables, links and images; everything
// else Word sends (fonts, colours, sizes, mso- styles, comments) is dropped, because only the
// formats listed below exist in the editor. No inline script or style: CSP holds.
(function () {
  "use strict";
  var FORMATS = ["header", "bold", "italic", "underline", "strike", "script", "blockquote",
    "list", "indent", "link", "image", "table"];
  var TOOLBAR = [
    [{ header: [2, 3, 4, false] }],
    ["bold", "italic", "underline", "strike"],
    [{ list: "ordered" }, { list: "bullet" }, { indent: "-1" }, { indent: "+1" }],
    ["blockquote", "link", "image", "table"],
    ["clean"]
  ];
  var LABELS = {
    "ql-header": "段落格式", "ql-bold": "加粗", "ql-italic": "倾斜", "ql-underline": "下划线",
    "ql-strike": "删除线", "ql-blockquote": "引用", "ql-link": "链接", "ql-image": "插入图片（网址）",
    "ql-table": "插入表格", "ql-clean": "清除格式"
  };

  // The editor's HTML as the sanitiser expects it: real spaces (Quill writes every space of a
  // paragraph as &nbsp;, which would stop lines from wrapping), no h1 (the page title is the
  // h1), no empty paragraphs, no images whose address Quill refused (Word's file:// pictures).
  function cleanOutput(html) {
    return html
      .replace(/&nbsp;/g, " ")
      .replace(/<(\/?)h1>/g, "<$1h2>")
      .replace(/<img src="\/\/:0"[^>]*>/g, "")
      .replace(/<p>(\s|<br>)*<\/p>/g, "");
  }

  // A plain-text body typed before the editor existed (paragraphs separated by blank lines)
  // opens as paragraphs, as the server would store it.
  function initialHtml(value) {
    if (/<\s*(p|div|h[1-6]|ul|ol|table|blockquote|pre)[\s>]/i.test(value)) { return value; }
    return value.split(/\n\s*\n/).filter(function (part) { return part.trim() !== ""; })
      .map(function (part) {
        var node = document.createElement("p");
        node.textContent = part.trim();
        return node.outerHTML.replace(/\n/g, "<br>");
      }).join("");
  }

  function label(toolbar) {
    toolbar.setAttribute("aria-label", "编辑工具栏");
    Object.keys(LABELS).forEach(function (cls) {
      toolbar.querySelectorAll("." + cls).forEach(function (el) {
        el.setAttribute("aria-label", LABELS[cls]);
        el.setAttribute("title", LABELS[cls]);
      });
    });
    toolbar.querySelectorAll(".ql-list[value=ordered]").forEach(function (el) { el.setAttribute("aria-label", "编号列表"); el.setAttribute("title", "编号列表"); });
    toolbar.querySelectorAll(".ql-list[value=bullet]").forEach(function (el) { el.setAttribute("aria-label", "项目符号列表"); el.setAttribute("title", "项目符号列表"); });
    toolbar.querySelectorAll(".ql-indent[value='-1']").forEach(function (el) { el.setAttribute("aria-label", "减少缩进"); el.setAttribute("title", "减少缩进"); });
    toolbar.querySelectorAll(".ql-indent[value='+1']").forEach(function (el) { el.setAttribute("aria-label", "增加缩进"); el.setAttribute("title", "增加缩进"); });
    toolbar.querySelectorAll(".ql-table").forEach(function (el) { el.textContent = "表"; });
  }

  function init(textarea) {
    var holder = document.createElement("div");
    holder.className = "rich-editor";
    var area = document.createElement("div");
    holder.appendChild(area);
    textarea.parentNode.insertBefore(holder, textarea);
    var quill = new window.Quill(area, {
      theme: "snow",
      formats: FORMATS,
      modules: {
        table: true,
        toolbar: {
          container: TOOLBAR,
          handlers: {
            table: function () { quill.getModule("table").insertTable(3, 3); },
            image: function () {
              var url = window.prompt("图片网址（http:// 或 https://，或本站附件链接）：");
              if (!url) { return; }
              var range = quill.getSelection(true);
              quill.insertEmbed(range.index, "image", url.trim(), "user");
            }
          }
        }
      }
    });
    quill.setContents(quill.clipboard.convert({ html: initialHtml(textarea.value) }), "silent");
    label(holder.querySelector(".ql-toolbar"));
    quill.root.setAttribute("role", "textbox");
    quill.root.setAttribute("aria-multiline", "true");
    if (textarea.id) {
      var lab = document.querySelector("label[for='" + textarea.id + "']");
      if (lab) { lab.id = lab.id || textarea.id + "_label"; quill.root.setAttribute("aria-labelledby", lab.id); }
      var help = document.getElementById(textarea.id.replace(/^id_/, "") + "_help") ||
        document.getElementById(textarea.id + "_help");
      if (help) { quill.root.setAttribute("aria-describedby", help.id); }
    }
    textarea.hidden = true;
    textarea.setAttribute("data-rich-editor-ready", "");
    function sync() {
      textarea.value = quill.getLength() <= 1 ? "" : cleanOutput(quill.getSemanticHTML());
    }
    quill.on("text-change", sync);
    if (textarea.form) { textarea.form.addEventListener("submit", sync); }
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (!window.Quill) { return; }
    document.querySelectorAll("textarea[data-rich-editor]").forEach(init);
  });
})();
