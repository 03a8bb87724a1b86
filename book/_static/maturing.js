/* What scrolls says so, and can be reached with the keyboard.
 *
 * A table wider than its column scrolls sideways inside its container (the book's
 * `.maturing-scroll`, from maturing.tables.wrap, or the theme's container for tables written
 * in the text). While it does, the container gets the class `is-overflowing`, which shows a
 * "scroll" cue above the table (maturing.css), and a tab stop.
 *
 * Code blocks and cell outputs that scroll (either way) get a tab stop too, and lose it when
 * they no longer scroll: the job pydata-sphinx-theme does at load, which the book's build takes
 * out of the theme's script (maturing_book/theme_scripts.py) because it forced a layout of every
 * folded cell in turn.
 */
(function () {
  "use strict";
  var TABLES = ".maturing-scroll, .pst-scrollable-table-container";
  // the theme's list (addTabStopsToScrollableElements in pydata-sphinx-theme 0.17)
  var BLOCKS = "pre, .nboutput > .output_area, .cell_output > .output, .jp-RenderedHTMLCommon";

  // All sizes are read first, then the classes written: a write between two reads would make
  // the browser lay the page out again for each box.
  function mark(boxes) {
    var scrolls = boxes.map(function (box) {
      if (box.matches(TABLES)) return box.scrollWidth > box.clientWidth + 1;
      return box.scrollWidth > box.clientWidth || box.scrollHeight > box.clientHeight;
    });
    boxes.forEach(function (box, i) {
      if (box.matches(TABLES)) box.classList.toggle("is-overflowing", scrolls[i]);
      if (scrolls[i] && box.tabIndex !== 0) {
        box.tabIndex = 0;
        box.setAttribute("data-maturing-tabstop", ""); // ours to take away again
      } else if (!scrolls[i] && box.hasAttribute("data-maturing-tabstop")) {
        box.removeAttribute("tabindex");
        box.removeAttribute("data-maturing-tabstop");
      }
    });
  }

  // A ResizeObserver reports each box once it has been laid out (a box in a folded cell, once
  // the cell is opened), and again whenever its size changes: reading its sizes then forces no
  // layout of its own (no long task at load).
  function watch() {
    var observer = new ResizeObserver(function (entries) {
      mark(
        entries.map(function (entry) {
          return entry.target;
        })
      );
    });
    document.querySelectorAll(TABLES + ", " + BLOCKS).forEach(function (box) {
      observer.observe(box);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();
})();
