/* Chorus calendar: drag a post to another day (month) or day and hour (week) to reschedule it.
   The Reschedule link on each post is the keyboard and no-JavaScript way. No inline script (CSP). */
(function () {
  "use strict";

  function ready(fn) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fn);
    else fn();
  }

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  ready(function () {
    var cal = document.querySelector("[data-calendar]");
    if (!cal) return;
    var csrf = cal.getAttribute("data-csrf");
    if (!csrf) return; // read-only: the member cannot move posts
    var base = cal.getAttribute("data-move-base");
    var message = cal.querySelector("[data-cal-message]");
    var dragged = null;

    function say(text, bad) {
      if (!message) return;
      message.textContent = text;
      message.classList.toggle("is-error", !!bad);
    }

    cal.addEventListener("dragstart", function (e) {
      var post = e.target.closest && e.target.closest("[data-post]");
      if (!post) return;
      dragged = post;
      post.classList.add("is-dragging");
      e.dataTransfer.effectAllowed = "move";
      e.dataTransfer.setData("text/plain", post.getAttribute("data-post"));
    });

    cal.addEventListener("dragend", function () {
      if (dragged) dragged.classList.remove("is-dragging");
      cal.querySelectorAll(".is-drop-target").forEach(function (el) {
        el.classList.remove("is-drop-target");
      });
      dragged = null;
    });

    cal.addEventListener("dragover", function (e) {
      if (!dragged) return;
      var target = e.target.closest && e.target.closest("[data-drop-date]");
      if (!target) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = "move";
      cal.querySelectorAll(".is-drop-target").forEach(function (el) {
        if (el !== target) el.classList.remove("is-drop-target");
      });
      target.classList.add("is-drop-target");
    });

    cal.addEventListener("drop", function (e) {
      var target = e.target.closest && e.target.closest("[data-drop-date]");
      if (!dragged || !target) return;
      e.preventDefault();
      var post = dragged;
      var local = post.getAttribute("data-local"); // 2026-12-01T09:30
      var time = local.substring(11, 16);
      var hour = target.getAttribute("data-drop-hour");
      if (hour !== null) time = pad(parseInt(hour, 10)) + time.substring(2);
      var due = target.getAttribute("data-drop-date") + "T" + time;
      if (due === local) return;
      var body = new URLSearchParams();
      body.set("_csrf", csrf);
      body.set("due", due);
      say("Moving the post…", false);
      fetch(base + encodeURIComponent(post.getAttribute("data-post")) + "/move", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Accept": "application/json", "X-CSRF-Token": csrf },
        body: body
      }).then(function (r) {
        return r.json().then(function (j) {
          return { ok: r.ok, json: j };
        }, function () {
          return { ok: r.ok, json: {} };
        });
      }).then(function (res) {
        if (!res.ok) {
          var m = res.json && res.json.error && res.json.error.message;
          say("Not moved: " + (m || "the server refused it."), true);
          return;
        }
        target.appendChild(post);
        post.setAttribute("data-local", due);
        var t = post.querySelector("time");
        if (t) {
          t.textContent = due.substring(11, 16);
          if (res.json.due_at) t.setAttribute("datetime", res.json.due_at);
        }
        say("Moved to " + due.replace("T", " ") + "." +
          (res.json.stayed > 0 ? " " + res.json.stayed + " channel(s) already on their way kept their time." : ""), false);
      }, function () {
        say("Not moved: the server could not be reached.", true);
      });
    });
  });
})();
