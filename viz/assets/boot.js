/* plankg view, first script: inflates vis-network and the graph data, which travel deflated and
   in base64 (see plankg.viz.html.pack_payload), then hands the data to view.js.
   Written for old browsers too (no arrow functions, no async), so that one without
   DecompressionStream can still say which versions open the page. */
(function () {
  "use strict";

  // --- unpacking: see plankg.viz.html.pack_payload for the layout ------------------------------
  function inflate(id) {  // base64 of zlib-format deflate -> Promise of bytes
    var text = atob(document.getElementById(id).textContent), bytes = new Uint8Array(text.length);
    for (var b = 0; b < text.length; b++) bytes[b] = text.charCodeAt(b);
    var stream = new Response(bytes).body.pipeThrough(new DecompressionStream("deflate"));
    return new Response(stream).arrayBuffer().then(function (buffer) { return new Uint8Array(buffer); });
  }
  function readPayload(bytes) {  // JSON NUL alphabet NUL sentences -> the payload graph_to_view made
    var utf8 = new TextDecoder("utf-8"), end = bytes.indexOf(0), stop = bytes.indexOf(0, end + 1);
    var payload = JSON.parse(utf8.decode(bytes.subarray(0, end)));
    var alphabet = Array.from(utf8.decode(bytes.subarray(end + 1, stop)));  // code points, not UTF-16 units
    var high = alphabet.map(function (ch) { return ch.charCodeAt(0); });  // a character beyond the BMP
    var low = alphabet.map(function (ch) { return ch.length > 1 ? ch.charCodeAt(1) : 0; });  // is two units
    var units = new Uint16Array(2 * (bytes.length - stop)), at = stop + 1, rows = payload.nodes;
    for (var k = 0; k < rows.length && at < bytes.length; k++) {
      var u = 0, c, rank;
      while ((c = bytes[at++]) !== 0 && c !== undefined) {
        rank = c < 192 ? c - 1 : 191 + ((c - 192) << 8 | bytes[at++]);
        units[u++] = high[rank];
        if (low[rank]) units[u++] = low[rank];
      }
      if (!u) continue;
      var parts = [];
      for (var from = 0; from < u; from += 8192) {  // apply() takes a bounded number of arguments
        parts.push(String.fromCharCode.apply(null, units.subarray(from, Math.min(u, from + 8192))));
      }
      while (rows[k].length < 4) rows[k].push(-1);  // trimmed doc and ref: none
      rows[k][4] = parts.join("");
    }
    return payload;
  }
  function show(id, text) {
    var el = document.getElementById(id);
    if (text) el.textContent = text;
    el.hidden = false;
  }
  if (typeof window.DecompressionStream !== "function" || typeof TextDecoder !== "function") {
    show("unsupported");  // Chrome/Edge < 80, Firefox < 113, Safari < 16.4
    return;
  }
  // a page of a folder of views loads vis-network from lib/ (plankg.viz.html.write_lib); one
  // written on its own carries it packed
  var missing = document.getElementById("lib-missing");
  if (missing) missing.hidden = true;  // this script came from lib/: it is there
  var packedVis = document.getElementById("plankg-vis");
  if (!packedVis && typeof window.vis === "undefined") {
    show("load-error", "找不到图形库 lib/vis-network.min.js：请把 lib 文件夹与视图文件放在同一文件夹中。" +
      "The graph library lib/vis-network.min.js is missing: keep the lib folder beside the view files.");
    return;
  }
  Promise.all([packedVis ? inflate("plankg-vis") : null, inflate("plankg-data")]).then(function (parts) {
    // vis-network travels deflated too: run it as the <script> it was (needs 'unsafe-eval')
    if (parts[0]) new Function(new TextDecoder("utf-8").decode(parts[0]))();
    plankgView(readPayload(parts[1]));  // viz/assets/view.js
  }).catch(function (error) {
    show("load-error", "无法打开此视图（文件可能不完整）。The view could not be opened (the file may be damaged): " + error);
    throw error;
  });
})();
