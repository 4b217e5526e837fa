/* The composer: live counts per channel, previews, tailoring, hashtag groups, the time zone.
   Loaded only by the composer page; no inline script (strict CSP). Everything here is an
   enhancement: the form works without it (the server counts on every save). */
(function () {
  "use strict";

  function ready(fn) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fn);
    else fn();
  }

  ready(function () {
    var form = document.querySelector("form[data-compose]");
    if (!form) return;

    /* The browser's IANA time zone, else UTC. */
    var zone = "UTC";
    try {
      zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
    } catch (e) {
      zone = "UTC";
    }
    var zoneField = form.querySelector("[data-time-zone]");
    if (zoneField) zoneField.value = zone;
    form.querySelectorAll("[data-zone-label]").forEach(function (el) {
      el.textContent = zone;
    });

    /* Tailoring shows the channel's own text. */
    form.querySelectorAll("[data-tailor]").forEach(function (box) {
      box.addEventListener("change", function () {
        var block = form.querySelector('[data-tailored="' + box.getAttribute("data-tailor") + '"]');
        if (block) block.hidden = !box.checked;
        schedule();
      });
    });

    /* Hashtag groups go at the end of the part last edited. */
    var lastPart = form.querySelector("textarea[data-part]");
    form.addEventListener("focusin", function (e) {
      if (e.target.matches && e.target.matches("textarea[data-part]")) lastPart = e.target;
    });
    var insert = form.querySelector("[data-insert-hashtags]");
    var select = form.querySelector("[data-hashtags]");
    if (insert && select) {
      insert.hidden = false;
      insert.addEventListener("click", function () {
        if (!lastPart) return;
        var v = lastPart.value.replace(/\s+$/, "");
        lastPart.value = (v ? v + " " : "") + select.value;
        lastPart.focus();
        schedule();
      });
    }

    /* Live counts: the form as it is, checked by the server the network's way. */
    var timer = null;
    var seq = 0;
    function schedule() {
      clearTimeout(timer);
      timer = setTimeout(check, 300);
      preview();
    }
    form.addEventListener("input", schedule);
    form.addEventListener("change", function (e) {
      if (e.target.name === "channel") schedule();
    });

    function check() {
      var mine = ++seq;
      var body = new URLSearchParams(new FormData(form));
      var csrf = form.querySelector("input[name=_csrf]");
      fetch(form.getAttribute("data-validate"), {
        method: "POST",
        headers: { "X-CSRF-Token": csrf ? csrf.value : "", Accept: "application/json" },
        body: body,
        credentials: "same-origin"
      })
        .then(function (r) {
          return r.ok ? r.json() : null;
        })
        .then(function (checks) {
          if (!checks || mine !== seq) return;
          checks.forEach(show);
        })
        .catch(function () {
          /* The next keystroke tries again; the server counts on save anyway. */
        });
    }

    function show(c) {
      form.querySelectorAll('[data-count-for="' + c.channel + '"]').forEach(function (el) {
        el.textContent = "";
        if (c.counts.length) {
          el.appendChild(
            document.createTextNode(
              c.counts.join(" · ") + " / " + c.limit + (c.graphemes ? " graphemes " : " characters ")
            )
          );
        }
        var badge = document.createElement("span");
        badge.className = "badge " + (c.ok ? "badge-green" : "badge-red");
        badge.textContent = c.ok ? "Fits" : c.problems.join("; ");
        el.appendChild(badge);
      });
    }

    /* Previews follow the text: the base text, or the channel's own when tailored. */
    function partsOf(name) {
      var out = [];
      form.querySelectorAll('textarea[name="' + name + '"]').forEach(function (t) {
        if (t.value.trim()) out.push(t.value.trim());
      });
      return out;
    }

    function preview() {
      form.querySelectorAll("[data-preview]").forEach(function (list) {
        var id = list.getAttribute("data-preview");
        var box = form.querySelector('[data-tailor="' + id + '"]');
        var parts = box && box.checked ? partsOf("part_" + id) : partsOf("part");
        var items = list.querySelectorAll(".post-preview-part");
        parts.forEach(function (text, i) {
          var li = items[i];
          if (!li) {
            li = document.createElement("li");
            li.className = "post-preview-part";
            var p = document.createElement("p");
            p.className = "post-preview-text";
            li.appendChild(p);
            list.appendChild(li);
          }
          li.querySelector(".post-preview-text").textContent = text;
        });
        for (var k = parts.length; k < items.length; k++) items[k].remove();
      });
    }
  });

  /* Images: refuse at once what no channel takes (the server checks each channel's limit). */
  ready(function () {
    var media = document.querySelector("form[data-media-form]");
    if (!media) return;
    media.addEventListener("submit", function (e) {
      var input = media.querySelector("input[type=file]");
      var file = input && input.files && input.files[0];
      if (!file) return;
      var types = (input.getAttribute("accept") || "").split(",");
      var max = parseInt(media.getAttribute("data-max-bytes"), 10);
      var problem = null;
      if (types.indexOf(file.type) < 0) problem = "Choose a JPEG, PNG, WebP or GIF image.";
      else if (file.size > max) problem = "No channel takes images over " + Math.round(max / 1048576) + " MB.";
      if (problem) {
        e.preventDefault();
        e.stopImmediatePropagation();
        input.setCustomValidity(problem);
        input.reportValidity();
        input.addEventListener("change", function () { input.setCustomValidity(""); }, { once: true });
      }
    }, true);
  });
})();
