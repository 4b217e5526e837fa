/* Chorus inbox: live updates (Server-Sent Events), keyboard shortcuts, the reply counter, bulk
   selection and canned replies. Loaded only by the inbox page; everything works without it. */
(function () {
  "use strict";

  var root = document.getElementById("inbox");
  if (!root) return;
  var list = document.getElementById("conv-list");
  var openId = root.getAttribute("data-open") || "";
  var filters = root.getAttribute("data-filters") || "";
  var rowsUrl = root.getAttribute("data-rows");

  function $(sel, from) { return (from || document).querySelector(sel); }
  function $all(sel, from) { return Array.prototype.slice.call((from || document).querySelectorAll(sel)); }
  function withQuery(url, extra) {
    var q = [filters, extra].filter(function (s) { return s; }).join("&");
    return q ? url + (url.indexOf("?") < 0 ? "?" : "&") + q : url;
  }

  $all("[data-shortcuts], [data-keys-hint], [data-composer-tabs]").forEach(function (el) { el.hidden = false; });

  /* ---------- Times: the server renders UTC; show them as the reader's relative time. ---------- */
  var rel = null, abs = null;
  try {
    abs = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });
    rel = "RelativeTimeFormat" in Intl ? new Intl.RelativeTimeFormat(undefined, { numeric: "auto" }) : null;
  } catch (err) { rel = null; }
  function localise(scope) {
    if (!abs) return;
    var now = Date.now();
    $all("time[data-local]", scope).forEach(function (el) {
      var d = new Date(el.getAttribute("datetime"));
      if (isNaN(d.getTime())) return;
      el.title = abs.format(d);
      if (el.getAttribute("data-local") !== "relative" || !rel) return;
      var s = Math.round((d.getTime() - now) / 1000), a = Math.abs(s);
      if (a < 45) el.textContent = "just now";
      else if (a < 3600) el.textContent = rel.format(Math.round(s / 60), "minute");
      else if (a < 86400) el.textContent = rel.format(Math.round(s / 3600), "hour");
      else if (a < 86400 * 7) el.textContent = rel.format(Math.round(s / 86400), "day");
      else el.textContent = abs.format(d);
    });
  }

  /* ---------- Reply counter: counts as the channel does; the server decides. ---------- */
  var URL_RE = /https?:\/\/[^\s<>"]+/gi;
  var REMOTE_MENTION_RE = /(^|[^\w\/])@(\w+)@[\w.-]+\w/g;
  function graphemes(text) {
    if (window.Intl && Intl.Segmenter) {
      var n = 0, it = new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text);
      for (var s of it) { n++; }
      return n;
    }
    return Array.from(text).length;
  }
  function count(text, counting, urlLength) {
    if (counting === "graphemes") return graphemes(text);
    var extra = 0, s = text;
    if (urlLength >= 0) {
      s = s.replace(URL_RE, function () { extra += urlLength; return ""; });
      s = s.replace(REMOTE_MENTION_RE, "$1@$2");
    }
    return Array.from(s).length + extra;
  }
  var reply = document.getElementById("reply-text");
  var counter = $("[data-counter]");
  function updateCounter() {
    if (!reply || !counter) return;
    var max = parseInt(reply.getAttribute("data-max"), 10) || 0;
    var n = count(reply.value, reply.getAttribute("data-counting"), parseInt(reply.getAttribute("data-url-length"), 10));
    var unit = reply.getAttribute("data-counting") === "graphemes" ? " characters (graphemes)" : " characters";
    counter.textContent = n + " / " + max + unit;
    var over = max > 0 && n > max;
    counter.classList.toggle("is-over", over);
    counter.classList.toggle("is-near", !over && max > 0 && n > max * 0.9);
    if (over) reply.setAttribute("aria-invalid", "true");
    else if (!$("#reply-error")) reply.removeAttribute("aria-invalid");
  }
  if (reply) {
    reply.addEventListener("input", updateCounter);
    updateCounter();
  }

  /* ---------- Canned replies go into the box at the caret. ---------- */
  var canned = $("[data-canned]");
  if (canned && reply) {
    canned.addEventListener("change", function () {
      var text = canned.value;
      if (!text) return;
      var start = reply.selectionStart || 0, end = reply.selectionEnd || 0;
      reply.value = reply.value.slice(0, start) + text + reply.value.slice(end);
      reply.focus();
      reply.selectionStart = reply.selectionEnd = start + text.length;
      canned.value = "";
      updateCounter();
    });
  }

  /* ---------- Composer tabs: reply or internal note. ---------- */
  var tabs = $all("[data-composer-tab]");
  function showTab(name, focus) {
    tabs.forEach(function (t) {
      var on = t.getAttribute("data-composer-tab") === name;
      t.setAttribute("aria-selected", on ? "true" : "false");
      t.tabIndex = on ? 0 : -1;
      var panel = document.getElementById(t.getAttribute("aria-controls"));
      if (panel) panel.hidden = !on;
    });
    if (focus) {
      var field = name === "note" ? $("#note-text") : reply;
      if (field && !field.disabled) field.focus();
    }
  }
  if (tabs.length > 1) {
    var noteForm = $("#note-form");
    showTab(noteForm && noteForm.classList.contains("has-error") ? "note" : "reply", false);
    tabs.forEach(function (t) {
      t.addEventListener("click", function () { showTab(t.getAttribute("data-composer-tab"), true); });
      t.addEventListener("keydown", function (e) {
        if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
        var i = (tabs.indexOf(t) + (e.key === "ArrowRight" ? 1 : -1) + tabs.length) % tabs.length;
        tabs[i].focus();
        showTab(tabs[i].getAttribute("data-composer-tab"), false);
      });
    });
  }

  /* ---------- Filters: empty fields stay out of the URL, so it reads like what was chosen. ---------- */
  var filterForm = document.getElementById("filter-form");
  if (filterForm) {
    filterForm.addEventListener("submit", function () {
      $all("input, select", filterForm).forEach(function (el) {
        if (el.name && !el.value) el.disabled = true;
      });
    });
    // A changed filter applies at once; the button stays for keyboard and no-JS use.
    filterForm.addEventListener("change", function (e) {
      if (e.target.matches(".filter-grid select, .filter-grid input[type=checkbox]")) {
        filterForm.requestSubmit ? filterForm.requestSubmit() : filterForm.submit();
      }
    });
  }
  window.addEventListener("pageshow", function () {
    if (filterForm) $all("input, select", filterForm).forEach(function (el) { el.disabled = false; });
  });

  /* ---------- Bulk selection. ---------- */
  var bulk = document.getElementById("bulk-form");
  var selectAll = $("[data-select-all]");
  function boxes() { return $all("input[data-select]", list); }
  function updateBulk() {
    if (!bulk) return;
    var all = boxes(), n = all.filter(function (b) { return b.checked; }).length;
    var label = $("[data-bulk-count]");
    if (label) label.textContent = n ? n + " selected" : "";
    if (selectAll) {
      selectAll.checked = n > 0 && n === all.length;
      selectAll.indeterminate = n > 0 && n < all.length;
    }
    bulk.classList.toggle("has-selection", n > 0);
    $all("button[type=submit]", bulk).forEach(function (b) { b.disabled = n === 0; });
    var action = $("[data-bulk-action]");
    $all("[data-bulk-for]", bulk).forEach(function (el) {
      el.hidden = !action || el.getAttribute("data-bulk-for") !== action.value;
    });
  }
  if (bulk) {
    if (selectAll) {
      selectAll.addEventListener("change", function () {
        boxes().forEach(function (b) { b.checked = selectAll.checked; });
        updateBulk();
      });
    }
    list.addEventListener("change", function (e) { if (e.target.matches("input[data-select]")) updateBulk(); });
    var action = $("[data-bulk-action]");
    if (action) action.addEventListener("change", updateBulk);
    updateBulk();
  }

  /* ---------- Rows: keyboard focus, load more, live refresh. ---------- */
  function rows() { return $all("li.conv-row", list); }
  var currentId = openId || null;
  function rowOf(id) {
    return id ? rows().filter(function (r) { return r.getAttribute("data-id") === id; })[0] || null : null;
  }
  function setCurrent(row, focus) {
    rows().forEach(function (r) { r.classList.toggle("is-current", r === row); });
    currentId = row ? row.getAttribute("data-id") : null;
    if (row && focus) {
      var link = $("a.conv-link", row);
      if (link) link.focus({ preventScroll: true });
      row.scrollIntoView({ block: "nearest" });
    }
  }
  list.addEventListener("focusin", function (e) {
    var row = e.target.closest("li.conv-row");
    if (row) setCurrent(row, false);
  });

  list.addEventListener("click", function (e) {
    var more = e.target.closest("a[data-more]");
    if (!more) return;
    e.preventDefault();
    var item = more.closest("li");
    more.classList.add("is-busy");
    fetch(more.getAttribute("data-more"), { headers: { "HX-Request": "true" }, credentials: "same-origin" })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.text(); })
      .then(function (html) {
        var firstNew = item.nextElementSibling;
        item.insertAdjacentHTML("afterend", html);
        var next = item.nextElementSibling;
        item.remove();
        localise(list);
        updateBulk();
        if (next && next !== firstNew) { var link = $("a.conv-link", next); if (link) link.focus(); }
      })
      .catch(function () { more.classList.remove("is-busy"); });
  });

  var live = document.getElementById("conv-live");
  var refreshingList = false, listAgain = false;
  function refreshList() {
    if (refreshingList) { listAgain = true; return; }
    refreshingList = true;
    var n = Math.min(200, Math.max(30, rows().length));
    var extra = "limit=" + n + "&counts=1" + (openId ? "&active=" + encodeURIComponent(openId) : "");
    fetch(withQuery(rowsUrl, extra), { headers: { "HX-Request": "true" }, credentials: "same-origin" })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.text(); })
      .then(function (html) {
        var checked = boxes().filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
        var activeRow = document.activeElement && list.contains(document.activeElement)
          ? document.activeElement.closest("li.conv-row") : null;
        var focusedId = activeRow ? activeRow.getAttribute("data-id") : null;
        var scrollList = list.scrollTop, scrollWin = window.scrollY;
        list.innerHTML = html;
        var counts = $("li[data-counts]", list);
        if (counts) {
          counts.getAttribute("data-counts").split(",").forEach(function (pair) {
            var kv = pair.split(":");
            var tab = $(".inbox-tabs [data-tab='" + kv[0] + "'] .tab-count");
            if (tab) tab.textContent = kv[1];
            if (kv[0] === "open") {
              var badge = $("[data-nav-badge='inbox']");
              if (badge && badge.lastChild && badge.childNodes.length === 3) badge.childNodes[1].textContent = kv[1];
            }
          });
          counts.remove();
        }
        boxes().forEach(function (b) { if (checked.indexOf(b.value) >= 0) b.checked = true; });
        var row = rowOf(currentId);
        if (row) row.classList.add("is-current");
        if (focusedId && rowOf(focusedId)) { var l = $("a.conv-link", rowOf(focusedId)); if (l) l.focus({ preventScroll: true }); }
        list.scrollTop = scrollList;
        window.scrollTo(window.scrollX, scrollWin);
        localise(list);
        updateBulk();
      })
      .catch(function () { /* the next event tries again */ })
      .then(function () {
        refreshingList = false;
        if (listAgain) { listAgain = false; refreshList(); }
      });
  }

  var convPending = false;
  function refreshConversation() {
    if (!live) return;
    // Never replace what the person is using: wait until they leave it.
    if (live.contains(document.activeElement) && document.activeElement !== document.body) {
      convPending = true;
      return;
    }
    convPending = false;
    fetch(live.getAttribute("data-live"), { headers: { "HX-Request": "true" }, credentials: "same-origin" })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.text(); })
      .then(function (html) {
        var y = window.scrollY;
        var main = $(".conv-main", live);
        var atEnd = main && main.scrollHeight - main.scrollTop - main.clientHeight < 8;
        var top = main ? main.scrollTop : 0;
        var asideTop = $(".conv-aside", live) ? $(".conv-aside", live).scrollTop : 0;
        live.innerHTML = html;
        var m2 = $(".conv-main", live);
        if (m2) m2.scrollTop = atEnd ? m2.scrollHeight : top;
        if ($(".conv-aside", live)) $(".conv-aside", live).scrollTop = asideTop;
        window.scrollTo(window.scrollX, y);
        localise(live);
        announce("The conversation was updated.");
      })
      .catch(function () { /* the next event tries again */ });
  }
  if (live) {
    live.addEventListener("focusout", function () {
      setTimeout(function () { if (convPending && !live.contains(document.activeElement)) refreshConversation(); }, 0);
    });
  }

  var status = document.getElementById("copy-status");
  function announce(text) { if (status) status.textContent = text; }

  var events = root.getAttribute("data-events");
  if (events && window.EventSource) {
    var source = new EventSource(events);
    var timer = null, wantList = false, wantConv = false, hadError = false;
    function schedule() {
      if (timer) return;
      timer = setTimeout(function () {
        timer = null;
        if (wantList) refreshList();
        if (wantConv) refreshConversation();
        wantList = wantConv = false;
      }, 150);
    }
    source.addEventListener("changed", function (e) {
      var ids = (e.data || "").split(",");
      wantList = true;
      if (openId && (ids.indexOf(openId) >= 0 || ids[0] === "*")) wantConv = true;
      schedule();
    });
    source.addEventListener("ready", function () {
      root.setAttribute("data-live-state", "connected");
      // After a dropped connection, something may have changed meanwhile.
      if (hadError) { hadError = false; wantList = true; wantConv = !!openId; schedule(); }
    });
    source.addEventListener("error", function () { hadError = true; root.setAttribute("data-live-state", "reconnecting"); });
    window.addEventListener("pagehide", function () { source.close(); });
  }

  /* ---------- Keyboard shortcuts and their help. ---------- */
  var dialog = document.getElementById("shortcuts");
  var lastFocus = null;
  function openHelp() {
    if (!dialog || dialog.open) return;
    lastFocus = document.activeElement;
    dialog.showModal();
    var close = $("[data-close-dialog]", dialog);
    if (close) close.focus();
  }
  if (dialog) {
    $all("[data-shortcuts]").forEach(function (b) { b.addEventListener("click", openHelp); });
    $("[data-close-dialog]", dialog).addEventListener("click", function () { dialog.close(); });
    dialog.addEventListener("click", function (e) { if (e.target === dialog) dialog.close(); });
    dialog.addEventListener("close", function () { if (lastFocus && lastFocus.focus) lastFocus.focus(); });
    dialog.addEventListener("keydown", function (e) {
      if (e.key !== "Tab") return;
      var f = $all("button, [href], input, select, textarea, [tabindex]:not([tabindex='-1'])", dialog)
        .filter(function (el) { return !el.disabled && el.offsetParent !== null; });
      if (!f.length) return;
      var first = f[0], last = f[f.length - 1];
      if (e.shiftKey && document.activeElement === first) { e.preventDefault(); last.focus(); }
      else if (!e.shiftKey && document.activeElement === last) { e.preventDefault(); first.focus(); }
    });
  }

  function typing(el) {
    if (!el || el === document.body) return false;
    var tag = el.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || el.isContentEditable;
  }
  function move(step) {
    var all = rows();
    if (!all.length) return;
    var i = all.indexOf(rowOf(currentId));
    i = i < 0 ? (step > 0 ? 0 : all.length - 1) : Math.max(0, Math.min(all.length - 1, i + step));
    setCurrent(all[i], true);
  }
  function click(sel) {
    var el = $(sel);
    if (el && !el.disabled) { el.click(); return true; }
    return false;
  }
  function bulkOnCurrent(action, assignee) {
    var row = rowOf(currentId);
    if (!bulk || !row) return;
    boxes().forEach(function (b) { b.checked = b.closest("li") === row; });
    $("[data-bulk-action]").value = action;
    if (assignee) $("#bulk-assignee").value = assignee;
    updateBulk();
    bulk.requestSubmit ? bulk.requestSubmit() : bulk.submit();
  }
  function focusField(sel) {
    var el = $(sel);
    if (el && !el.disabled) { el.focus(); el.scrollIntoView({ block: "nearest" }); return true; }
    return false;
  }

  document.addEventListener("keydown", function (e) {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    if (dialog && dialog.open) return; // the dialog handles Escape and Tab itself
    if (typing(e.target)) {
      if (e.key === "Escape") e.target.blur();
      return;
    }
    var k = e.key, handled = true;
    var onCurrentRow = currentId && currentId !== openId;
    switch (k) {
      case "j": move(1); break;
      case "k": move(-1); break;
      case "o":
      case "Enter": {
        if (k === "Enter" && e.target.closest && e.target.closest("a, button, summary")) { handled = false; break; }
        var row = rowOf(currentId), link = row && $("a.conv-link", row);
        if (link) window.location.href = link.href; else handled = false;
        break;
      }
      case "x": {
        var r = rowOf(currentId || openId), box = r && $("input[data-select]", r);
        if (box) { box.checked = !box.checked; updateBulk(); } else handled = false;
        break;
      }
      case "e":
        if (onCurrentRow || !click("#conv-status-closed")) bulkOnCurrent("close");
        break;
      case "a":
        if (onCurrentRow || !click("#conv-assign-me")) bulkOnCurrent("assign", "me");
        break;
      case "r": showTab("reply", false); handled = focusField("#reply-text"); break;
      case "n": showTab("note", false); handled = focusField("#note-text"); break;
      case "t": handled = focusField("#conv-tag"); break;
      case "/": handled = focusField("#inbox-search"); break;
      case "?": openHelp(); break;
      default: handled = false;
    }
    if (handled) e.preventDefault();
  });

  if (openId) {
    // The newest message is at the end of the thread, as in a chat.
    var thread = live && $(".conv-main", live);
    if (thread) thread.scrollTop = thread.scrollHeight;
    var active = rowOf(openId);
    if (active) { active.classList.add("is-current"); active.scrollIntoView({ block: "nearest" }); }
  }
})();
