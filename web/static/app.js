// congvan: small enhancements only; every page works without this file.
"use strict";
document.documentElement.classList.add("js");
document.addEventListener("DOMContentLoaded", function () {
  // The letter's page: focusing a field lights up the words it was read from.
  document.querySelectorAll(".fields [data-field]").forEach(function (field) {
    var name = field.getAttribute("data-field");
    function light(on) {
      document.querySelectorAll("mark[data-fields]").forEach(function (m) {
        var mine = m.getAttribute("data-fields").split(" ").indexOf(name) >= 0;
        m.classList.toggle("active", on && mine);
        if (on && mine && m === document.querySelector("mark.active")) {
          m.scrollIntoView({block: "nearest"});
        }
      });
    }
    field.addEventListener("focusin", function () { light(true); });
    field.addEventListener("focusout", function () { light(false); });
  });
  // The draft's page: one preview at a time.
  document.querySelectorAll(".js-tabs").forEach(function (tabs) {
    var links = tabs.querySelectorAll("a[data-tab]");
    function show(id) {
      links.forEach(function (a) {
        var on = a.getAttribute("data-tab") === id;
        a.classList.toggle("active", on);
        var panel = document.getElementById(a.getAttribute("data-tab"));
        if (panel) { panel.hidden = !on; }
      });
    }
    links.forEach(function (a) {
      a.addEventListener("click", function (e) { e.preventDefault(); show(a.getAttribute("data-tab")); });
    });
    if (links.length) { show(links[0].getAttribute("data-tab")); }
  });
});
