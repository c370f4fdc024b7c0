/*
 * The only script of the portal: a countdown to the real expiry of a code or link, and one to the moment a new
 * code may be asked for ("Enviar un código nuevo" stays disabled until then).
 * The server gives the seconds left (the phone's clock may be wrong); when they run out the page goes to
 * data-expired-url, where the server explains what happened. Without this script the page shows the time, and the
 * server answers a new-code request made too early in words.
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

  function startResend(button) {
    var total = parseInt(button.getAttribute('data-seconds'), 10);
    if (isNaN(total) || total <= 0) {
      return;
    }
    var label = button.textContent;
    var waitText = button.getAttribute('data-wait-text');
    var when = document.querySelector('[data-resend-when]');
    var deadline = performance.now() + total * 1000;
    button.disabled = true;
    var timer = null;

    function tick() {
      var left = Math.max(0, Math.ceil((deadline - performance.now()) / 1000));
      if (left > 0) {
        button.textContent = label + ' (' + waitText + ' ' + format(left) + ')';
        return;
      }
      window.clearInterval(timer);
      button.textContent = label;
      button.disabled = false;
      if (when) {
        when.hidden = true;
      }
    }

    timer = window.setInterval(tick, 1000);
    tick();
  }

  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('[data-countdown]'), start);
    Array.prototype.forEach.call(document.querySelectorAll('[data-resend]'), startResend);
  });
})();
