// Request forms: show the organisation fields only for organisations, and on the staff intake
// form only the date the channel's receipt rule needs. Works without JS (all fields shown).
(function () {
  "use strict";
  function toggleOrg() {
    var type = document.querySelector("[name=applicant_type]");
    if (!type) { return; }
    var isOrg = type.value !== "" && type.value !== "natural";
    document.querySelectorAll(".org-only").forEach(function (el) {
      el.classList.toggle("is-hidden", !isOrg);
    });
  }
  function toggleChannel() {
    var channel = document.querySelector("[name=channel]");
    if (!channel) { return; }
    var post = document.querySelector("[name=post_kind]");
    var postKind = post ? post.value : "signed";
    var wanted = {
      in_person: ["submitted_on"],
      letter: postKind === "ordinary" ? ["confirmed_on", "post_kind"] : ["signed_on", "post_kind"],
      fax: ["confirmed_on"],
      email: ["confirmed_on"]
    }[channel.value] || [];
    document.querySelectorAll(".channel-date").forEach(function (el) {
      el.classList.toggle("is-hidden", wanted.indexOf(el.getAttribute("data-field")) === -1);
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    toggleOrg();
    toggleChannel();
    document.querySelectorAll("[name=applicant_type]").forEach(function (el) { el.addEventListener("change", toggleOrg); });
    document.querySelectorAll("[name=channel], [name=post_kind]").forEach(function (el) { el.addEventListener("change", toggleChannel); });
  });
})();
