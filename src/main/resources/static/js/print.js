/*
 * Print buttons (data-print): shown only when this script runs, since printing from a button needs it; without it
 * the browser's own print command prints the same page with the same print stylesheet.
 */
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var buttons = document.querySelectorAll('[data-print]');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
      buttons[i].addEventListener('click', function () {
        window.print();
      });
    }
  });
}());
