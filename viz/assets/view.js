/* plankg view: builds the vis-network graph, legend, filters and search from the payload that
   boot.js inflated (see plankg.viz.html.graph_to_view for its fields).
   Every name reaches the page through textContent, option.text, canvas text or vis' innerText
   tooltips, never through innerHTML, so a name cannot become markup. */
function plankgView(data) {  // called by boot.js once the data is inflated
  "use strict";
  var ROLE_ZH = {lead: "牵头", support: "配合", responsible: "负责"};
  var FONT = '"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC","WenQuanYi Micro Hei",sans-serif';
  var LABEL_CHARS = 14;
  var types = data.types, rels = data.rels, docs = data.docs, strings = data.strings, keys = data.keys;
  var roles = data.roles;
  var N = data.nodes.length;
  var typeOf = new Array(N), names = new Array(N), lowerNames = new Array(N), quotes = new Array(N);
  var lowerQuotes = new Array(N), nodeDoc = new Array(N), adj = new Array(N), parents = new Array(N);
  var i, j, k;

  function shorten(text, n) {  // n characters, as Python counts them: a character beyond the BMP is one
    if (text.length <= n) return text;
    var chars = Array.from(text);
    return chars.length > n ? chars.slice(0, n).join("") + "…" : text;
  }
  function factLines(list) {  // [key, string, key, string…] -> "键：值" lines
    var out = [];
    for (var f = 0; f + 1 < list.length; f += 2) out.push(keys[list[f]] + "：" + strings[list[f + 1]]);
    return out;
  }

  // --- nodes: [type, name, doc, ref, quote, facts] (see plankg.viz.html.graph_to_view) ---------
  // a quote [k] is node k's, [k, start, end] a slice of it: sentences travel once
  var refs = new Array(N), nodeFacts = new Array(N), resolved = new Array(N);
  function quoteOf(k) {
    if (resolved[k] === undefined) {
      var q = data.nodes[k].length > 4 ? data.nodes[k][4] : "";
      resolved[k] = typeof q === "string" ? q : (q.length > 1 ? quoteOf(q[0]).slice(q[1], q[2]) : quoteOf(q[0]));
    }
    return resolved[k];
  }
  for (i = 0; i < N; i++) {
    var r = data.nodes[i], t = types[r[0]][0];
    var doc = r.length > 2 ? r[2] : -1, ref = r.length > 3 && r[3] >= 0 ? strings[r[3]] : "", quote = quoteOf(i);
    var name = String(r[1]);
    if (r[1] === 0) {  // a name the page rebuilds: see plankg.viz.html._rebuilt_name
      if (t === "Document") name = docs[doc];
      else {
        var q = t === "Task" ? shorten(quote, data.taskNameChars) : quote;
        name = ref ? ref + " " + q : q;
      }
    }
    typeOf[i] = r[0]; names[i] = name; lowerNames[i] = name.toLowerCase(); quotes[i] = quote;
    lowerQuotes[i] = quote.toLowerCase(); refs[i] = ref; nodeFacts[i] = factLines(r[5] || []);
    nodeDoc[i] = doc; adj[i] = []; parents[i] = [];
  }
  // other names a search finds a node by (a department's 市科技局, a platform's 杭州城西科创大走廊)
  var lowerAliases = new Array(N), aliasesOf = new Array(N);
  (data.aliases || []).forEach(function (a) {
    aliasesOf[a[0]] = a[1].map(function (k) { return strings[k]; });
    lowerAliases[a[0]] = aliasesOf[a[0]].join("\n").toLowerCase();
  });

  // --- edges: [source, targets, rel, role, printed, doc, facts, width], expanded --------------
  var edgeS = [], edgeT = [], relOf = [], roleOf = [], edgeItems = [];
  var responsible = {}, taskRoles = {}, seenIn = {}, mentionedBy = {};
  data.edges.forEach(function (e) {
    var rel = rels[e[2]], role = roles[e[3] || 0], printedCode = e.length > 4 ? e[4] : -1;
    var efacts = factLines(e[6] || []), weight = e[7] || 0, targets = typeof e[1] === "number" ? [e[1]] : e[1];
    var s = e[0];
    targets.forEach(function (t) {
      var m = edgeS.length;  // printed -2: as the target is named, -3: as the source is
      var printed = printedCode >= 0 ? strings[printedCode] : printedCode === -2 ? names[t] : printedCode === -3 ? names[s] : "";
      var edoc = e.length > 5 && e[5] !== -2 ? e[5] : (nodeDoc[t] >= 0 ? nodeDoc[t] : nodeDoc[s]);
      edgeS.push(s); edgeT.push(t); relOf.push(e[2]); roleOf.push(role);
      adj[s].push(t); adj[t].push(s);
      if (rel[0] === "HAS_TASK" || rel[0] === "HAS_SECTION") parents[t].push(s);
      if (rel[0] === "MENTIONS") (mentionedBy[t] = mentionedBy[t] || []).push([s, efacts]);
      if (rel[0] === "RESPONSIBLE_FOR") {
        (responsible[t] = responsible[t] || []).push(names[s] + (role ? "（" + (ROLE_ZH[role] || role) + "）" : ""));
        var counts = taskRoles[s] = taskRoles[s] || {}, key = role || "responsible";
        counts[key] = (counts[key] || 0) + 1;
      }
      if (edoc >= 0) {  // shared entities (departments, platforms) have no document: where they appear
        (seenIn[s] = seenIn[s] || {})[edoc] = true;
        (seenIn[t] = seenIn[t] || {})[edoc] = true;
      }
      var undirected = rel[4] === 1;  // a symmetric relation (co-responsible departments): no arrow
      var etip = rel[1] + (role ? "（" + (ROLE_ZH[role] || role) + "）" : "") + "\n" + names[s] +
        (undirected ? " — " : " → ") + names[t];
      if (printed) etip += "\n原文称谓：" + printed;
      if (efacts.length) etip += "\n" + efacts.join("\n");
      if (edoc >= 0) etip += "\n文件：" + docs[edoc];
      edgeItems.push({id: m, from: s, to: t, title: etip, arrows: {to: {enabled: !undirected}},
        color: {color: rel[2], highlight: rel[2], opacity: 0.8},
        dashes: role === "support" || rel[3] === 1, width: weight || (role === "lead" ? 3 : 1)});
    });
  });
  var M = edgeS.length;

  // --- tooltips, assembled from the fields above ----------------------------------------------
  function planAbove(k) {  // the plan a task or section is in, following HAS_TASK/HAS_SECTION up
    var seen = {}, stack = [k];
    while (stack.length) {
      var x = stack.pop();
      if (types[typeOf[x]][0] === "Plan") return x;
      if (seen[x]) continue;
      seen[x] = true;
      stack = stack.concat(parents[x]);
    }
    return -1;
  }
  var SOURCES = 20;
  function sourceLines(mentions) {  // every sentence that mentions a platform or firm: plan, task, text
    var out = ["出处（" + mentions.length + " 处）："];
    mentions.slice(0, SOURCES).forEach(function (m) {
      var s = m[0], plan = planAbove(s);
      if (plan === s) { out.push("·《" + names[s] + "》" + (m[1].length ? " " + m[1].join(" ") : "")); return; }
      out.push("·" + (plan >= 0 ? "《" + names[plan] + "》" : "") + (refs[s] || "") + "：" + (quotes[s] || names[s]));
    });
    if (mentions.length > SOURCES) out.push("……另有 " + (mentions.length - SOURCES) + " 处");
    return out;
  }
  var nodeItems = new Array(N);
  for (i = 0; i < N; i++) {
    var lines = [types[typeOf[i]][1] + "：" + names[i]].concat(nodeFacts[i]);
    if (taskRoles[i]) {
      var tr = taskRoles[i], total = 0, parts = [];
      ["lead", "responsible", "support"].concat(Object.keys(tr)).forEach(function (key) {
        if (tr[key] && parts.indexOf(key) < 0) { total += tr[key]; parts.push(key); }
      });
      lines.push("负责任务：" + total + " 项（" + parts.map(function (key) {
        return (ROLE_ZH[key] || key) + " " + tr[key]; }).join("，") + "）");
    }
    if (nodeDoc[i] < 0 && seenIn[i]) {
      var seen = Object.keys(seenIn[i]).map(function (d) { return docs[d]; }).sort();
      lines.push("见于：" + seen.slice(0, 5).join("、") + (seen.length > 5 ? " 等 " + seen.length + " 份文件" : ""));
    }
    if (nodeDoc[i] >= 0) lines.push("文件：" + docs[nodeDoc[i]]);
    if (refs[i]) lines.push("编号：" + refs[i]);
    if (responsible[i]) lines.push("责任部门：" + responsible[i].join("、"));
    if (quotes[i]) lines.push("原文：" + quotes[i]);
    if (mentionedBy[i]) lines = lines.concat(sourceLines(mentionedBy[i]));
    var item = {id: i, group: types[typeOf[i]][0], label: shorten(names[i], LABEL_CHARS), title: lines.join("\n")};
    if (data.xy) { item.x = data.xy[2 * i]; item.y = data.xy[2 * i + 1]; }
    nodeItems[i] = item;
  }
  if (data.focus !== undefined && nodeItems[data.focus]) {  // the view's subject: a department, a plan
    var subject = nodeItems[data.focus], style = types[typeOf[data.focus]];
    subject.size = Math.round(style[4] * 1.6);
    subject.font = {size: Math.round(style[4] * 1.1), color: "#000", strokeWidth: 4, strokeColor: "#fff"};
    subject.borderWidth = 3; subject.color = {background: style[2], border: "#000"};
    subject.label = names[data.focus];
  }

  var groups = {};
  types.forEach(function (t) {
    groups[t[0]] = {shape: t[3], size: t[4], color: {background: t[2], border: t[2], highlight: {background: t[2], border: "#000"}},
      // hubs (plans, departments) keep readable labels when a whole view is fitted to the screen
      font: {face: FONT, size: Math.max(13, Math.round(t[4] * 0.8)), color: "#222"}};
  });

  var nodes = new vis.DataSet(nodeItems), edges = new vis.DataSet(edgeItems);
  var typeOn = {}, relOn = {}, scope = null;
  types.forEach(function (t, k) { typeOn[k] = true; });
  rels.forEach(function (r, k) { relOn[k] = true; });
  // a view opened as file.html#node=名称 starts from that node and its neighbours, never drawing
  // the whole graph first (see "neighbourhoods" below)
  var exploring = false;
  function neighbourhood(k) { var s = new Set(adj[k]); s.add(k); return s; }
  function nodeNamed(text) {  // the node of that exact name, else the first whose name holds it
    var exact = names.indexOf(text), found = search(text);
    return exact >= 0 ? exact : found.length ? found[0] : -1;
  }
  function hashNode() {
    var wanted = new URLSearchParams(location.hash.replace(/^#/, "")).get("node");
    return wanted ? nodeNamed(wanted) : -1;
  }
  var startNode = hashNode();
  // a view too large to draw whole (data.start "search") opens on the search box and a few
  // well-connected nodes to start from: nothing is drawn until one is chosen
  var searchFirst = data.start === "search";
  if (startNode >= 0) { exploring = true; scope = neighbourhood(startNode); }
  else if (searchFirst) { exploring = true; scope = new Set(); }
  function shown(k) { return typeOn[typeOf[k]] && (scope === null || scope.has(k)); }
  var nodeView = new vis.DataView(nodes, {filter: function (n) { return shown(n.id); }});
  // an edge is shown when its type is on and both its ends are: the counter counts what is drawn
  var edgeView = new vis.DataView(edges, {filter: function (ed) {
    return relOn[relOf[ed.id]] && shown(edgeS[ed.id]) && shown(edgeT[ed.id]); }});
  function refresh() { nodeView.refresh(); edgeView.refresh(); updateStats(); }

  var large = !!data.xy;
  var options = {
    groups: groups,
    nodes: {font: {face: FONT}, scaling: {label: {drawThreshold: 6}}},
    edges: {smooth: large ? false : {type: "continuous"}, arrows: {to: {scaleFactor: 0.5}},
      font: {face: FONT, size: 11}},
    layout: {improvedLayout: false, randomSeed: 7},
    interaction: {hover: true, navigationButtons: true, tooltipDelay: 150, hideEdgesOnDrag: large, hideEdgesOnZoom: large},
    physics: {enabled: data.physics, solver: "forceAtlas2Based",
      forceAtlas2Based: {gravitationalConstant: -80, springLength: 110, springConstant: 0.06, avoidOverlap: 0.5},
      stabilization: {enabled: data.physics, iterations: 250, updateInterval: 25}}
  };
  var container = document.getElementById("graph");
  var network = new vis.Network(container, {nodes: nodeView, edges: edgeView}, options);
  var api = {data: data, names: names, network: network, nodes: nodes, edges: edges, drawn: false,
    ready: !data.physics || N === 0};
  window.PLANKG = api;
  network.once("afterDrawing", function () { api.drawn = true; });
  network.once("stabilizationIterationsDone", function () { api.ready = true; });

  // --- neighbourhood highlight ---------------------------------------------------------------
  var dimmed = false;
  function fontOf(k, colour) {  // a node's own label font (the subject's is larger), optionally recoloured
    var own = nodeItems[k].font, font = own ? Object.assign({}, own) : {color: "#222"};
    if (colour) font.color = colour;
    return font;
  }
  function highlight(centre) {
    var near = new Set(adj[centre]); near.add(centre);
    var nodeUpdates = [], edgeUpdates = [];
    for (var k = 0; k < N; k++) {
      var on = near.has(k);  // opacity leaves labels dark: fade them with the node
      nodeUpdates.push({id: k, opacity: on ? 1 : 0.15, font: fontOf(k, on ? null : "rgba(34,34,34,0.2)")});
    }
    for (var m = 0; m < M; m++) {
      var touches = edgeS[m] === centre || edgeT[m] === centre, colour = rels[relOf[m]][2];
      edgeUpdates.push({id: m, color: {color: colour, highlight: colour, opacity: touches ? 1 : 0.08}});
    }
    nodes.update(nodeUpdates); edges.update(edgeUpdates); dimmed = true;
  }
  function clearHighlight() {
    if (!dimmed) return;
    var nodeUpdates = [], edgeUpdates = [];
    for (var k = 0; k < N; k++) nodeUpdates.push({id: k, opacity: 1, font: fontOf(k, null)});
    for (var m = 0; m < M; m++) {
      var c = rels[relOf[m]][2];
      edgeUpdates.push({id: m, color: {color: c, highlight: c, opacity: 0.8}});
    }
    nodes.update(nodeUpdates); edges.update(edgeUpdates); dimmed = false;
  }
  network.on("click", function (params) {
    if (exploring && params.nodes.length) expand(params.nodes[0]);
    else if (params.nodes.length) highlight(params.nodes[0]); else clearHighlight();
  });
  api.highlight = highlight; api.clearHighlight = clearHighlight;

  // --- legend with type and relationship filters ---------------------------------------------
  var SVG = "http://www.w3.org/2000/svg";  // an XML namespace name, never fetched
  function swatch(shape, colour, dashed) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "18"); svg.setAttribute("height", "18"); svg.setAttribute("viewBox", "0 0 18 18");
    var el, pts = {triangle: "9,2 16,15 2,15", triangleDown: "2,3 16,3 9,16", diamond: "9,1 17,9 9,17 1,9",
      star: "9,1 11,7 17,7 12,11 14,17 9,13 4,17 6,11 1,7 7,7", hexagon: "5,2 13,2 17,9 13,16 5,16 1,9"};
    if (shape === "line") {
      el = document.createElementNS(SVG, "line");
      el.setAttribute("x1", "1"); el.setAttribute("y1", "9"); el.setAttribute("x2", "17"); el.setAttribute("y2", "9");
      el.setAttribute("stroke", colour); el.setAttribute("stroke-width", "3");
      if (dashed) el.setAttribute("stroke-dasharray", "3,2");
    } else if (pts[shape]) {
      el = document.createElementNS(SVG, "polygon"); el.setAttribute("points", pts[shape]); el.setAttribute("fill", colour);
    } else if (shape === "square" || shape === "box") {
      el = document.createElementNS(SVG, "rect");
      el.setAttribute("x", "2"); el.setAttribute("y", "2"); el.setAttribute("width", "14"); el.setAttribute("height", "14");
      el.setAttribute("fill", colour);
    } else {
      el = document.createElementNS(SVG, "circle");
      el.setAttribute("cx", "9"); el.setAttribute("cy", "9"); el.setAttribute("r", "7"); el.setAttribute("fill", colour);
    }
    svg.appendChild(el);
    return svg;
  }
  function legendRow(list, key, text, count, svg, onToggle) {
    var li = document.createElement("li"), label = document.createElement("label");
    var box = document.createElement("input");
    box.type = "checkbox"; box.checked = true; box.dataset.key = key;
    box.addEventListener("change", function () { onToggle(box.checked); });
    var span = document.createElement("span"); span.textContent = text;
    var num = document.createElement("span"); num.className = "count"; num.textContent = count;
    label.appendChild(box); label.appendChild(svg); label.appendChild(span); label.appendChild(num);
    li.appendChild(label); li.dataset.key = key; list.appendChild(li);
  }
  var typeCounts = types.map(function () { return 0; }), relCounts = rels.map(function () { return 0; });
  for (i = 0; i < N; i++) typeCounts[typeOf[i]]++;
  for (j = 0; j < M; j++) relCounts[relOf[j]]++;
  var typeList = document.getElementById("legend-types"), relList = document.getElementById("legend-rels");
  types.forEach(function (t, k) {
    legendRow(typeList, t[0], t[1], typeCounts[k], swatch(t[3], t[2]), function (on) {
      typeOn[k] = on; refresh(); });
  });
  rels.forEach(function (r, k) {
    legendRow(relList, r[0], r[1], relCounts[k], swatch("line", r[2], r[3] === 1), function (on) {
      relOn[k] = on; refresh(); });
  });
  if (roleOf.indexOf("lead") >= 0 || roleOf.indexOf("support") >= 0) {
    var li = document.createElement("li");
    li.className = "count"; li.textContent = "粗线：牵头；虚线：配合";
    relList.appendChild(li);
  }

  // --- department filter: a department, its tasks' neighbourhoods and their plans ------------
  var deptSelect = document.getElementById("dept");
  var deptType = -1;
  types.forEach(function (t, k) { if (t[0] === "Department") deptType = k; });
  var depts = [];
  for (i = 0; i < N; i++) if (typeOf[i] === deptType) depts.push(i);
  depts.sort(function (a, b) { return names[a].localeCompare(names[b], "zh-Hans-CN"); });
  depts.forEach(function (d) {
    var opt = document.createElement("option");
    opt.value = String(d); opt.text = names[d] + "（" + adj[d].length + "）";
    deptSelect.appendChild(opt);
  });
  if (!depts.length) document.getElementById("dept-box").style.display = "none";
  function departmentScope(d) {
    var s = new Set([d]);
    adj[d].forEach(function (n) { s.add(n); adj[n].forEach(function (m) { s.add(m); }); });
    var stack = Array.from(s);
    while (stack.length) {
      parents[stack.pop()].forEach(function (p) { if (!s.has(p)) { s.add(p); stack.push(p); } });
    }
    return s;
  }
  deptSelect.addEventListener("change", function () {
    // a highlight belongs to the graph it was made on: kept, it would wash out the filtered one
    clearHighlight(); network.unselectAll(); setExploring(false);
    scope = deptSelect.value === "" ? null : departmentScope(Number(deptSelect.value));
    refresh();
    network.fit({animation: false});
  });

  // --- search: names first, then the sentences of tasks and targets ----------------------------
  var SHOW = 50;
  function normalise(query) { return String(query).trim().toLowerCase(); }
  function search(query) {  // nodes whose name holds the query
    var q = normalise(query), out = [];
    if (!q) return out;
    for (var k = 0; k < N; k++) {
      if (lowerNames[k].indexOf(q) >= 0 || (lowerAliases[k] && lowerAliases[k].indexOf(q) >= 0)) out.push(k);
    }
    return out;
  }
  function searchText(query) {  // nodes whose sentence (not already their name) holds the query
    var q = normalise(query), out = [];
    if (!q) return out;
    for (var k = 0; k < N; k++) {
      if (lowerQuotes[k] && lowerQuotes[k].indexOf(q) >= 0 && lowerNames[k].indexOf(q) < 0 &&
          !(lowerAliases[k] && lowerAliases[k].indexOf(q) >= 0)) out.push(k);
    }
    return out;
  }
  function focusNode(k) {
    if (exploring) { startFrom(k); return; }
    if (!typeOn[typeOf[k]] || (scope !== null && !scope.has(k))) {
      typeOn[typeOf[k]] = true; scope = null; deptSelect.value = "";
      var box = typeList.querySelector('input[data-key="' + types[typeOf[k]][0] + '"]');
      if (box) box.checked = true;
      refresh();
    }
    network.selectNodes([k]);
    network.focus(k, {scale: 1.2, animation: false});
    highlight(k);
  }
  var searchBox = document.getElementById("search"), results = document.getElementById("results");
  function resultRow(k, snippetOf) {
    var li = document.createElement("li"), kind = document.createElement("span");
    kind.className = "kind"; kind.textContent = types[typeOf[k]][1];
    li.appendChild(kind); li.appendChild(document.createTextNode(names[k]));
    if (snippetOf) {  // the words around the hit, the hit marked
      var at = lowerQuotes[k].indexOf(snippetOf), from = Math.max(0, at - 12), to = at + snippetOf.length;
      var quote = document.createElement("span"), hit = document.createElement("mark");
      quote.className = "quote";
      hit.textContent = quotes[k].slice(at, to);
      quote.appendChild(document.createTextNode((from > 0 ? "…" : "") + quotes[k].slice(from, at)));
      quote.appendChild(hit);
      quote.appendChild(document.createTextNode(shorten(quotes[k].slice(to), 24)));
      li.appendChild(quote);
    }
    li.addEventListener("click", function () { focusNode(k); });
    return li;
  }
  function resultGroup(title, found, snippetOf) {
    var head = document.createElement("li");
    head.className = "group"; head.textContent = title + "（" + found.length + "）";
    results.appendChild(head);
    found.slice(0, SHOW).forEach(function (k) { results.appendChild(resultRow(k, snippetOf)); });
    if (found.length > SHOW) {
      var more = document.createElement("li"); more.className = "more";
      more.textContent = "……另有 " + (found.length - SHOW) + " 项，请输入更多字";
      results.appendChild(more);
    }
  }
  searchBox.addEventListener("input", function () {
    while (results.firstChild) results.removeChild(results.firstChild);
    var q = normalise(searchBox.value);
    if (!q) return;
    var byName = search(q), bySentence = searchText(q);
    if (!byName.length && !bySentence.length) {
      var none = document.createElement("li"); none.className = "more"; none.textContent = "没有找到";
      results.appendChild(none);
      return;
    }
    if (byName.length) resultGroup("名称匹配", byName);
    if (bySentence.length) resultGroup("原文句子匹配", bySentence, q);
  });
  searchBox.addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter") return;
    var found = search(searchBox.value);
    if (!found.length) found = searchText(searchBox.value);
    if (found.length) focusNode(found[0]);
  });
  api.searchText = searchText;
  api.search = search; api.focusNode = focusNode;

  // --- physics toggle, reset, stats ----------------------------------------------------------
  var physicsBox = document.getElementById("physics");
  physicsBox.checked = !!data.physics;
  physicsBox.addEventListener("change", function () {
    network.setOptions({physics: {enabled: physicsBox.checked, stabilization: {enabled: false}}});
  });
  document.getElementById("reset").addEventListener("click", function () {
    scope = searchFirst ? new Set() : null; deptSelect.value = ""; searchBox.value = ""; setExploring(searchFirst);
    while (results.firstChild) results.removeChild(results.firstChild);
    types.forEach(function (t, k) { typeOn[k] = true; }); rels.forEach(function (r, k) { relOn[k] = true; });
    Array.prototype.forEach.call(document.querySelectorAll(".legend input"), function (b) { b.checked = true; });
    clearHighlight(); network.unselectAll(); refresh(); network.fit();
    if (searchFirst) suggest();
  });
  // --- neighbourhoods: one node and its neighbours, expanded by clicking ---------------------
  var exploreBox = document.getElementById("explore");
  function setExploring(on) {
    exploring = on || searchFirst; exploreBox.checked = exploring;
  }
  function startFrom(k) {
    clearHighlight(); setExploring(true); deptSelect.value = "";
    typeOn[typeOf[k]] = true;
    var box = typeList.querySelector('input[data-key="' + types[typeOf[k]][0] + '"]');
    if (box) box.checked = true;
    scope = neighbourhood(k); refresh();
    network.selectNodes([k]);
    network.fit({animation: false});
  }
  function expand(k) {  // a click adds the node's neighbours to what is shown
    if (scope === null) { startFrom(k); return; }
    adj[k].forEach(function (n) { scope.add(n); });
    refresh();
    network.selectNodes([k]);
    network.fit({animation: false});  // a precomputed layout may place a new neighbour far away
  }
  exploreBox.checked = exploring;
  exploreBox.addEventListener("change", function () {
    var selected = network.getSelectedNodes();
    if (exploreBox.checked && selected.length) startFrom(selected[0]);
    else if (exploreBox.checked) { clearHighlight(); setExploring(true); }
    else if (!searchFirst) { setExploring(false); scope = null; refresh(); network.fit({animation: false}); }
    else exploreBox.checked = true;  // drawing every node of a view this large would freeze the page
  });
  exploreBox.disabled = searchFirst;
  var SUGGEST = 12;
  function suggest() {  // the best-connected nodes, most connected first, to start from
    var order = [];
    for (var k = 0; k < N; k++) order.push(k);
    order.sort(function (a, b) { return adj[b].length - adj[a].length || a - b; });
    while (results.firstChild) results.removeChild(results.firstChild);
    resultGroup("从这些节点开始", order.slice(0, SUGGEST));
  }
  if (searchFirst && startNode < 0) {
    suggest();
    searchBox.focus();
  }
  api.suggest = suggest; api.searchFirst = searchFirst;
  window.addEventListener("hashchange", function () {
    var k = hashNode();
    if (k >= 0) startFrom(k);
  });
  if (startNode >= 0) network.selectNodes([startNode]);
  api.startFrom = startFrom; api.expand = expand;

  function updateStats() {
    document.getElementById("stats").textContent =
      "显示 " + nodeView.length + " / " + N + " 个节点，" + edgeView.length + " / " + M + " 条关系";
  }
  updateStats();
}
