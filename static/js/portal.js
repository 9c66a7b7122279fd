/* Behaviour every page shares, without inline scripts (the CSP forbids them).
 *
 * <select data-autosubmit>  submits its form when changed (language, campaign).
 * <select data-navigate>    goes to the URL held in the chosen option's value.
 * <form data-confirm="…">   asks for confirmation before it is sent;
 * <button data-confirm="…">  asks only when that button sends the form.
 */
(function () {
  "use strict";
  document.addEventListener("change", function (event) {
    var target = event.target;
    if (!(target instanceof HTMLSelectElement)) return;
    if (target.hasAttribute("data-autosubmit") && target.form) {
      target.form.submit();
    } else if (target.hasAttribute("data-navigate") && target.value) {
      window.location = target.value;
    }
  });
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var button = event.submitter;
    var message = (button && button.getAttribute("data-confirm")) ||
      (form.getAttribute && form.getAttribute("data-confirm"));
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });
})();
