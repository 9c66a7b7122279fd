/* Behaviour every page shares, without inline scripts (the CSP forbids them).
 *
 * <select data-navigate>    its form's button goes to the URL held in the chosen
 *                           option's value.
 * No select acts as soon as it changes (WCAG 3.2.2): its form has a button.
 * <form data-confirm="…">   asks for confirmation before it is sent;
 * <button data-confirm="…">  asks only when that button sends the form.
 * .sticky-bottom             its height (plus a margin) is kept in the
 *                            --sticky-bottom-height variable, the scroll
 *                            padding that keeps a focused field above it.
 */
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var navigate = form.querySelector && form.querySelector("select[data-navigate]");
    if (navigate) {
      event.preventDefault();
      if (navigate.value) window.location = navigate.value;
      return;
    }
    var button = event.submitter;
    var message = (button && button.getAttribute("data-confirm")) ||
      (form.getAttribute && form.getAttribute("data-confirm"));
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });
  var bar = document.querySelector(".sticky-bottom");
  if (bar) {
    var measure = function () {
      document.documentElement.style.setProperty(
        "--sticky-bottom-height", (bar.offsetHeight + 16) + "px");
    };
    measure();
    if (window.ResizeObserver) { new ResizeObserver(measure).observe(bar); }
    // Chromium leaves a partly visible field (a tall textarea) where it is,
    // its lower part under the bar: move it up to just above the bar.
    // Measured against the page, not the window: a smooth scroll may be
    // under way; an instant one ends it where the field shows whole.
    document.addEventListener("focusin", function (event) {
      if (bar.contains(event.target)) return;
      var field = event.target.getBoundingClientRect();
      var top = field.top + window.scrollY;
      var bottom = field.bottom + window.scrollY;
      var lowest = bottom - (window.innerHeight - bar.offsetHeight - 8);
      if (lowest > window.scrollY) {
        window.scrollTo({top: Math.min(lowest, top - 8), behavior: "instant"});
      }
    });
  }
})();
