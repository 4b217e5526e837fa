/* Chorus web UI: small progressive enhancements. No inline scripts or styles (strict CSP). */
(function () {
  "use strict";

  var CHART_SRC = "/webjars/chart.js/4.5.1/dist/chart.umd.js";
  document.documentElement.classList.remove("no-js");
  document.documentElement.classList.add("js");

  function ready(fn) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fn);
    else fn();
  }

  /* Forms with data-confirm ask before submitting (destructive actions). */
  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (!(form instanceof HTMLFormElement)) return;
    var message = form.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
      e.preventDefault();
      return;
    }
    // Guard against double submits; re-enabled if the page is shown again from the cache.
    var buttons = form.querySelectorAll("button[type=submit]");
    buttons.forEach(function (b) {
      b.setAttribute("aria-disabled", "true");
      b.classList.add("is-busy");
    });
  }, false);

  window.addEventListener("pageshow", function () {
    document.querySelectorAll("button.is-busy").forEach(function (b) {
      b.classList.remove("is-busy");
      b.removeAttribute("aria-disabled");
    });
  });

  /* Copy buttons: data-copy="#selector" copies that input's value (or element's text). */
  function selectText(el) {
    if (el.select) {
      el.focus();
      el.select();
      return;
    }
    var range = document.createRange();
    range.selectNodeContents(el);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }

  function flash(button, text) {
    var label = button.querySelector("[data-copy-label]") || button;
    var original = label.getAttribute("data-original") || label.textContent;
    label.setAttribute("data-original", original);
    label.textContent = text;
    button.classList.add("is-copied");
    var live = document.getElementById("copy-status");
    if (live) live.textContent = text === "Copied" ? "Copied to the clipboard" : text;
    clearTimeout(button._chorusTimer);
    button._chorusTimer = setTimeout(function () {
      label.textContent = original;
      button.classList.remove("is-copied");
    }, 2000);
  }

  document.addEventListener("click", function (e) {
    var button = e.target.closest ? e.target.closest("[data-copy]") : null;
    if (!button) return;
    var target = document.querySelector(button.getAttribute("data-copy"));
    if (!target) return;
    var text = "value" in target ? target.value : target.textContent;
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(
        function () { flash(button, "Copied"); },
        function () { selectText(target); flash(button, "Press Ctrl+C"); }
      );
    } else {
      selectText(target);
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (err) { ok = false; }
      flash(button, ok ? "Copied" : "Press Ctrl+C");
    }
  });

  /* Read-only secret fields select themselves on focus, ready to copy. */
  document.addEventListener("focusin", function (e) {
    var el = e.target;
    if (el && el.hasAttribute && el.hasAttribute("data-select-on-focus") && el.select) {
      setTimeout(function () { el.select(); }, 0);
    }
  });

  /* Mobile menu: the toggle shows and hides the sidebar. */
  function setupMenu() {
    var toggle = document.querySelector(".menu-toggle");
    var sidebar = document.getElementById("sidebar");
    if (!toggle || !sidebar) return;
    function set(open) {
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      sidebar.classList.toggle("is-open", open);
      document.body.classList.toggle("menu-open", open);
    }
    toggle.addEventListener("click", function () {
      set(toggle.getAttribute("aria-expanded") !== "true");
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
        set(false);
        toggle.focus();
      }
    });
    var wide = window.matchMedia("(min-width: 60.0625em)");
    var onChange = function () { if (wide.matches) set(false); };
    if (wide.addEventListener) wide.addEventListener("change", onChange);
  }

  /* The workspace switcher closes on Escape and on a click elsewhere. */
  function setupDetailsMenus() {
    var menus = document.querySelectorAll("details.switcher");
    document.addEventListener("click", function (e) {
      menus.forEach(function (d) {
        if (d.open && !d.contains(e.target)) d.open = false;
      });
    });
    document.addEventListener("keydown", function (e) {
      if (e.key !== "Escape") return;
      menus.forEach(function (d) {
        if (d.open) {
          d.open = false;
          var s = d.querySelector("summary");
          if (s) s.focus();
        }
      });
    });
  }

  /* Times are rendered in UTC by the server; show them in the reader's time zone. */
  function localiseTimes() {
    var abs, rel, dayOnly;
    try {
      abs = new Intl.DateTimeFormat(undefined, {
        day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit"
      });
      dayOnly = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", year: "numeric" });
      rel = "RelativeTimeFormat" in Intl ? new Intl.RelativeTimeFormat(undefined, { numeric: "auto" }) : null;
    } catch (err) {
      return;
    }
    var now = Date.now();
    document.querySelectorAll("time[data-local]").forEach(function (el) {
      var d = new Date(el.getAttribute("datetime"));
      if (isNaN(d.getTime())) return;
      var full = abs.format(d);
      el.title = full;
      if (el.getAttribute("data-local") === "relative" && rel) {
        var s = Math.round((d.getTime() - now) / 1000);
        var a = Math.abs(s);
        if (a < 45) el.textContent = "just now";
        else if (a < 3600) el.textContent = rel.format(Math.round(s / 60), "minute");
        else if (a < 86400) el.textContent = rel.format(Math.round(s / 3600), "hour");
        else if (a < 86400 * 7) el.textContent = rel.format(Math.round(s / 86400), "day");
        else el.textContent = full;
      } else if (el.getAttribute("data-local") === "day") {
        el.textContent = dayOnly.format(d);
      } else {
        el.textContent = full;
      }
    });
  }

  /* Dashboard chart: loads Chart.js only where the canvas exists. */
  function setupChart() {
    var canvas = document.getElementById("activity-chart");
    if (!canvas) return;
    var days, counts;
    try {
      days = JSON.parse(canvas.getAttribute("data-days") || "[]");
      counts = JSON.parse(canvas.getAttribute("data-counts") || "[]");
    } catch (err) {
      return;
    }
    function draw() {
      if (!window.Chart) return;
      var css = getComputedStyle(document.documentElement);
      var accent = css.getPropertyValue("--accent").trim() || "#4f46e5";
      var muted = css.getPropertyValue("--text-muted").trim() || "#6b7280";
      var grid = css.getPropertyValue("--border").trim() || "#e5e7eb";
      var font = css.getPropertyValue("--font-sans").trim();
      var fmt = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", timeZone: "UTC" });
      var labels = days.map(function (d) { return fmt.format(new Date(d + "T00:00:00Z")); });
      var max = Math.max.apply(null, counts.concat([0]));
      window.Chart.defaults.font.family = font || window.Chart.defaults.font.family;
      window.Chart.defaults.color = muted;
      new window.Chart(canvas, {
        type: "bar",
        data: {
          labels: labels,
          datasets: [{
            label: "Events",
            data: counts,
            backgroundColor: accent,
            hoverBackgroundColor: accent,
            borderRadius: 4,
            maxBarThickness: 28
          }]
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: window.matchMedia("(prefers-reduced-motion: reduce)").matches ? false : { duration: 400 },
          plugins: {
            legend: { display: false },
            tooltip: {
              displayColors: false,
              callbacks: {
                label: function (ctx) { return ctx.parsed.y + (ctx.parsed.y === 1 ? " event" : " events"); }
              }
            }
          },
          scales: {
            x: { grid: { display: false }, border: { color: grid }, ticks: { maxRotation: 0, autoSkipPadding: 12 } },
            y: {
              beginAtZero: true,
              suggestedMax: Math.max(4, max),
              border: { display: false },
              grid: { color: grid },
              ticks: { precision: 0, maxTicksLimit: 5 }
            }
          }
        }
      });
      canvas.classList.add("is-drawn");
    }
    if (window.Chart) {
      draw();
      return;
    }
    var script = document.createElement("script");
    script.src = CHART_SRC;
    script.async = true;
    script.onload = draw;
    document.head.appendChild(script);
  }

  ready(function () {
    setupMenu();
    setupDetailsMenus();
    localiseTimes();
    setupChart();
  });
})();
