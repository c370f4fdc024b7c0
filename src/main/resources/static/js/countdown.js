/*
 * The only script of the portal: a countdown to the real expiry of a code or link.
 * The server gives the seconds left (the phone's clock may be wrong); when they run out the page goes to
 * data-expired-url, where the server explains what happened. Without this script the page shows the time.
 */
(function () {
  'use strict';

  function format(seconds) {
    var minutes = Math.floor(seconds / 60);
    var rest = seconds % 60;
    return minutes + ':' + (rest < 10 ? '0' : '') + rest;
  }

  function start(box) {
    var total = parseInt(box.getAttribute('data-seconds'), 10);
    var clock = box.querySelector('[role="timer"]');
    var status = box.parentNode.querySelector('[data-countdown-status]');
    if (isNaN(total) || !clock) {
      return;
    }
    var deadline = performance.now() + total * 1000;
    box.hidden = false;
    var timer = null;

    function tick() {
      var left = Math.max(0, Math.ceil((deadline - performance.now()) / 1000));
      clock.textContent = format(left);
      if (left > 0) {
        return;
      }
      window.clearInterval(timer);
      box.classList.add('countdown__timer--expired');
      if (status) {
        status.textContent = box.getAttribute('data-expired-text');
      }
      var next = box.getAttribute('data-expired-url');
      // A page that arrived already expired stays put: going again would only loop.
      if (next && total > 0) {
        window.setTimeout(function () {
          window.location.replace(next);
        }, 1000);
      }
    }

    timer = window.setInterval(tick, 1000);
    tick();
  }

  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('[data-countdown]'), start);
  });
})();
