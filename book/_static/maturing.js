/* Tables that scroll say so.
 *
 * A table wider than its column scrolls sideways inside its container (the book's
 * `.maturing-scroll`, from maturing.tables.wrap, or the theme's container for tables written
 * in the text). While it does, the container gets the class `is-overflowing`, which shows a
 * "scroll" cue above the table (maturing.css), and it can be reached with the keyboard.
 */
(function () {
  "use strict";
  var CONTAINERS = ".maturing-scroll, .pst-scrollable-table-container";

  function mark(box) {
    var overflowing = box.scrollWidth > box.clientWidth + 1;
    box.classList.toggle("is-overflowing", overflowing);
    if (overflowing && !box.hasAttribute("tabindex")) box.setAttribute("tabindex", "0");
  }

  function watch() {
    var boxes = document.querySelectorAll(CONTAINERS);
    var observer = new ResizeObserver(function (entries) {
      entries.forEach(function (entry) {
        mark(entry.target);
      });
    });
    boxes.forEach(function (box) {
      mark(box);
      observer.observe(box);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();
})();
