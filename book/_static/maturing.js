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

  // All widths are read first, then the classes written: a write between two reads would make
  // the browser lay the page out again for each container.
  function mark(boxes) {
    var overflowing = boxes.map(function (box) {
      return box.scrollWidth > box.clientWidth + 1;
    });
    boxes.forEach(function (box, i) {
      box.classList.toggle("is-overflowing", overflowing[i]);
      if (overflowing[i] && !box.hasAttribute("tabindex")) box.setAttribute("tabindex", "0");
    });
  }

  // A ResizeObserver reports each container once it has been laid out, and again whenever its
  // width changes: reading its widths then forces no layout of its own (no long task at load).
  function watch() {
    var observer = new ResizeObserver(function (entries) {
      mark(
        entries.map(function (entry) {
          return entry.target;
        })
      );
    });
    document.querySelectorAll(CONTAINERS).forEach(function (box) {
      observer.observe(box);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();
})();
