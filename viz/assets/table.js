/* plankg table: pages, filters and sorts a table whose rows travel as data (deflated JSON in
   base64, see plankg.viz.tables.table_page), so a page holds thousands of rows and the browser
   only ever builds the rows of one page. Every cell reaches the page through textContent, never
   innerHTML, so a name cannot become markup.
   Data: {columns: [[name, kind, header text]], values: [...], roles: [[text, css]], rows: [[cell...]]}.
   Kinds: "text" (a string, or an index into values), "long" (the same, clamped to three lines),
   "num", "link" ([text, file name]), "role" (filled from a row's last cell, [column, role, ...]). */
(function () {
  "use strict";
  var missing = document.getElementById("lib-missing");
  if (missing) missing.hidden = true;  // this script came from lib/: it is there
  function show(id, text) {
    var el = document.getElementById(id);
    if (text) el.textContent = text;
    el.hidden = false;
  }
  if (typeof window.DecompressionStream !== "function" || typeof TextDecoder !== "function") {
    show("unsupported");
    return;
  }
  var text = atob(document.getElementById("plankg-table").textContent), bytes = new Uint8Array(text.length);
  for (var b = 0; b < text.length; b++) bytes[b] = text.charCodeAt(b);
  var stream = new Response(bytes).body.pipeThrough(new DecompressionStream("deflate"));
  new Response(stream).text().then(function (json) { plankgTable(JSON.parse(json)); }).catch(function (error) {
    show("load-error", "无法打开此表格（文件可能不完整）。The table could not be opened (the file may be damaged): " + error);
    throw error;
  });

  function plankgTable(data) {
    var columns = data.columns, values = data.values || [], roles = data.roles || [];
    var RANK = {lead: 0, responsible: 1, support: 2};
    var table = document.getElementById("matrix"), head = table.tHead.rows[0], body = table.tBodies[0];
    var filter = document.getElementById("filter"), dept = document.getElementById("dept");
    var count = document.getElementById("count"), pageInfo = document.getElementById("page-info");
    var sizeSelect = document.getElementById("page-size");
    var roleColumns = [];
    columns.forEach(function (c, k) { if (c[1] === "role") roleColumns.push(k); });
    // rows as arrays of display text (role cells: [text, css]), with a lower-case line to filter on
    var rows = data.rows.map(function (r, order) {
      var cells = new Array(columns.length), sparse = roleColumns.length ? r[r.length - 1] : [];
      for (var k = 0; k < columns.length; k++) {
        var kind = columns[k][1], v = r[k];
        if (kind === "role") cells[k] = null;
        else if (kind === "link") cells[k] = [String(v[0]), String(v[1])];
        else if (kind === "num") cells[k] = v;
        else cells[k] = typeof v === "number" ? String(values[v]) : String(v);
      }
      for (var s = 0; s + 1 < sparse.length; s += 2) cells[sparse[s]] = roles[sparse[s + 1]];
      var words = [];
      cells.forEach(function (c, k) {
        if (c === null || c === undefined) return;
        if (columns[k][1] === "role") words.push(columns[k][0]);  // a row matches its departments' names
        else words.push(Array.isArray(c) ? c[0] : String(c));
      });
      return {cells: cells, order: order, line: words.join("\u0001").toLowerCase()};
    });
    var shown = rows, page = 0, pageSize = Number(sizeSelect.value) || 100;

    // header: a click sorts by the column, a second click reverses
    columns.forEach(function (c, k) {
      var th = document.createElement("th");
      th.textContent = c[2] || c[0];  // a department's column: its name and task count, the name as tooltip
      th.title = c[0];
      if (c[1] === "role") th.className = "dept";
      th.addEventListener("click", function () { sortBy(k, th); });
      head.appendChild(th);
    });
    roleColumns.forEach(function (k) {
      var opt = document.createElement("option");
      opt.value = String(k); opt.text = columns[k][2] || columns[k][0];
      dept.appendChild(opt);
    });
    if (!roleColumns.length) document.getElementById("dept-box").hidden = true;

    function sortKey(row, k) {
      var c = row.cells[k], kind = columns[k][1];
      if (kind === "role") return c ? (RANK[c[1]] !== undefined ? RANK[c[1]] : 3) : 4;
      if (kind === "num") return Number(c);
      return Array.isArray(c) ? c[0] : String(c);
    }
    function sortBy(k, th) {
      var desc = th.classList.contains("sorted") && !th.classList.contains("desc");
      Array.prototype.forEach.call(head.cells, function (h) { h.classList.remove("sorted", "desc"); });
      th.classList.add("sorted"); if (desc) th.classList.add("desc");
      var text = columns[k][1] !== "role" && columns[k][1] !== "num";
      rows.sort(function (a, b) {
        var x = sortKey(a, k), y = sortKey(b, k);
        var c = text ? x.localeCompare(y, "zh-Hans-CN", {numeric: true}) : x - y;
        if (c === 0) c = a.order - b.order;
        return desc ? -c : c;
      });
      apply(true);
    }
    function apply(keepPage) {
      var q = filter.value.trim().toLowerCase(), col = dept.value === "" ? -1 : Number(dept.value);
      shown = rows.filter(function (r) {
        return (!q || r.line.indexOf(q) >= 0) && (col < 0 || !!r.cells[col]);
      });
      if (!keepPage) page = 0;
      render();
    }
    function render() {
      var pages = Math.max(1, Math.ceil(shown.length / pageSize));
      page = Math.min(Math.max(page, 0), pages - 1);
      while (body.firstChild) body.removeChild(body.firstChild);
      var from = page * pageSize, to = Math.min(shown.length, from + pageSize);
      for (var i = from; i < to; i++) body.appendChild(rowElement(shown[i]));
      count.textContent = "显示 " + shown.length + " / " + rows.length + " 行";
      pageInfo.textContent = "第 " + (page + 1) + " / " + pages + " 页" +
        (shown.length ? "（第 " + (from + 1) + "–" + to + " 行）" : "");
      document.getElementById("prev").disabled = page === 0;
      document.getElementById("next").disabled = page >= pages - 1;
    }
    function rowElement(row) {
      var tr = document.createElement("tr");
      row.cells.forEach(function (c, k) {
        var td = document.createElement("td"), kind = columns[k][1];
        if (kind === "role") {
          td.className = "role" + (c ? " " + c[1] : "");
          if (c) td.textContent = c[0];
        } else if (kind === "link") {
          var a = document.createElement("a");
          a.textContent = c[0];
          a.setAttribute("href", c[1]);  // a file name written by plankg beside this page
          td.appendChild(a);
        } else if (kind === "long") {
          td.className = "text";
          var div = document.createElement("div");
          div.textContent = c;
          td.appendChild(div);
        } else {
          if (kind === "num") td.className = "n";
          td.textContent = String(c);
        }
        tr.appendChild(td);
      });
      return tr;
    }
    filter.addEventListener("input", function () { apply(false); });
    dept.addEventListener("change", function () { apply(false); });
    sizeSelect.addEventListener("change", function () { pageSize = Number(sizeSelect.value); page = 0; render(); });
    document.getElementById("prev").addEventListener("click", function () { page--; render(); });
    document.getElementById("next").addEventListener("click", function () { page++; render(); });
    var wanted = new URLSearchParams(location.hash.replace(/^#/, "")).get("q");
    if (wanted) filter.value = wanted;
    apply(false);
    window.PLANKG_TABLE = {rows: rows, shown: function () { return shown; }, ready: true};
  }
})();
