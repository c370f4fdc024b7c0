/*
 * The new-clave page, made survivable: show/hide on both fields, feedback while typing (the lengths the server
 * rendered from the configured policy, and whether the two fields match), a submit blocked with a clear message
 * when the browser already knows the server would refuse, a warning before the link expires, and when it expires
 * the way to a new link, without leaving the page or losing what was typed. Nothing typed is sent anywhere but in
 * the form's own submit.
 */
(function () {
  'use strict';

  var PAUSE_BEFORE_SPEAKING = 900;

  function codePoints(text) {
    return Array.from(text).length;
  }

  function format(seconds) {
    var rest = seconds % 60;
    return Math.floor(seconds / 60) + ':' + (rest < 10 ? '0' : '') + rest;
  }

  function start(page) {
    var form = document.getElementById('new-clave-form');
    var newPassword = document.getElementById('newPassword');
    var confirmation = document.getElementById('confirmation');
    var live = document.getElementById('new-clave-live');
    if (!form || !newPassword || !confirmation || !live) {
      return;
    }
    var min = parseInt(page.getAttribute('data-min-length'), 10);
    var max = parseInt(page.getAttribute('data-max-length'), 10);
    var text = function (name) { return page.getAttribute('data-text-' + name) || ''; };
    var speakTimer = null;

    function lengthProblem() {
      var length = codePoints(newPassword.value);
      if (length === 0) {
        return text('new-required');
      }
      if (length < min) {
        return text('short');
      }
      return length > max ? text('long') : null;
    }

    function matchProblem() {
      if (confirmation.value === '') {
        return text('confirmation-required');
      }
      return confirmation.value === newPassword.value ? null : text('mismatch');
    }

    function feedback() {
      var length = codePoints(newPassword.value);
      var lengthWords = text('count').replace('%n', String(length)) + ' ' + (lengthProblem() || text('length-ok'));
      var matchWords = confirmation.value === '' ? '' : (matchProblem() || text('match'));
      document.getElementById('newPassword-feedback').textContent = length === 0 ? '' : lengthWords;
      document.getElementById('confirmation-feedback').textContent = matchWords;
      // Said once the employer pauses, not at every key: a screen reader would otherwise talk over the typing.
      window.clearTimeout(speakTimer);
      speakTimer = window.setTimeout(function () {
        live.textContent = (length === 0 ? '' : lengthWords) + (matchWords ? ' ' + matchWords : '');
      }, PAUSE_BEFORE_SPEAKING);
    }

    function showError(field, message) {
      var error = document.getElementById(field.id + '-error');
      error.textContent = message;
      error.hidden = !message;
      field.setAttribute('aria-invalid', message ? 'true' : 'false');
      var describedBy = (field.getAttribute('aria-describedby') || '').split(' ').filter(function (id) {
        return id && id !== error.id;
      });
      if (message) {
        describedBy.push(error.id);
      }
      field.setAttribute('aria-describedby', describedBy.join(' '));
      field.closest('.field').classList.toggle('field--error', !!message);
      if (message) {
        document.getElementById(field.id + '-feedback').textContent = '';
      }
    }

    // Once the employer corrects a field, its feedback speaks for it instead of the old error.
    [newPassword, confirmation].forEach(function (field) {
      field.addEventListener('input', function () {
        showError(field, null);
        feedback();
      });
    });

    // Only what the browser can know for sure blocks the submit; the rest is the server's to judge.
    form.addEventListener('submit', function (event) {
      var lengthError = lengthProblem();
      var matchError = lengthError ? null : matchProblem();
      showError(newPassword, lengthError);
      showError(confirmation, matchError);
      if (lengthError || matchError) {
        event.preventDefault();
        (lengthError ? newPassword : confirmation).focus();
      }
    });

    Array.prototype.forEach.call(page.querySelectorAll('[data-reveal]'), function (button) {
      var field = document.getElementById(button.getAttribute('aria-controls'));
      button.hidden = false;
      button.addEventListener('click', function () {
        var shown = button.getAttribute('aria-pressed') === 'true';
        var selectionStart = field.selectionStart;
        var selectionEnd = field.selectionEnd;
        field.type = shown ? 'password' : 'text';
        button.setAttribute('aria-pressed', shown ? 'false' : 'true');
        // Changing the type may move the caret; the employer goes on typing where they were.
        field.setSelectionRange(selectionStart, selectionEnd);
      });
    });

    var timer = page.querySelector('[data-link-countdown]');
    if (timer) {
      countDown(timer);
    }

    function countDown(box) {
      var total = parseInt(box.getAttribute('data-seconds'), 10);
      var warnAt = parseInt(page.getAttribute('data-warn-seconds'), 10);
      var clock = box.querySelector('[role="timer"]');
      var deadline = performance.now() + total * 1000;
      var warned = total <= warnAt;
      var interval = null;
      box.hidden = false;

      function tick() {
        var left = Math.max(0, Math.ceil((deadline - performance.now()) / 1000));
        clock.textContent = format(left);
        if (!warned && left <= warnAt) {
          warned = true;
          window.clearTimeout(speakTimer);
          live.textContent = text('warning');
          box.classList.add('countdown__timer--warning');
        }
        if (left > 0) {
          return;
        }
        // The page stays: what was typed is still there, and the notice says what happened and where to go.
        window.clearInterval(interval);
        box.classList.add('countdown__timer--expired');
        form.querySelector('button[type="submit"]').disabled = true;
        document.getElementById('link-expired-notice').hidden = false;
      }

      interval = window.setInterval(tick, 1000);
      tick();
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    var page = document.querySelector('[data-new-clave]');
    if (page) {
      start(page);
    }
  });
})();
