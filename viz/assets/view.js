/* plankg view: builds the vis-network graph, legend, filters and search from the JSON data block.
   Every name reaches the page through textContent, option.text, canvas text or vis' innerText
   tooltips, never through innerHTML, so a name cannot become markup. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("plankg-data").textContent);
  var ROLE_ZH = {lead: "牵头", support: "配合", responsible: "负责"};
  var FONT = '"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC","WenQuanYi Micro Hei",sans-serif';
  var LABEL_CHARS = 14;
  var types = data.types, rels = data.rels, docs = data.docs;
  var N = data.nodes.length, M = data.edges.length;
  var typeOf = new Array(N), names = new Array(N), lowerNames = new Array(N);
  var relOf = new Array(M), adj = new Array(N), parents = new Array(N);
  var i, j;

  function shorten(text, n) { return text.length > n ? text.slice(0, n) + "…" : text; }

  var roles = data.roles, strings = data.strings, nodeDoc = new Array(N);
  var nodeItems = new Array(N);
  for (i = 0; i < N; i++) {
    var r = data.nodes[i], t = types[r[0]];
    var doc = r.length > 2 ? r[2] : -1, ref = r[3] || "", quote = r[4] || "", facts = r[5] || "";
    // 0: a task named by its ref and first words (as plankg.graph.nx.display_name does), sent once
    var name = r[1] === 0 ? (ref + " " + (quote.length > data.taskNameChars ? quote.slice(0, data.taskNameChars) + "…" : quote)).trim()
      : (r[1] || "");
    typeOf[i] = r[0]; names[i] = name; lowerNames[i] = name.toLowerCase(); adj[i] = []; parents[i] = []; nodeDoc[i] = doc;
    var tip = t[1] + "：" + name;
    if (facts) tip += "\n" + facts;
    if (doc >= 0) tip += "\n文件：" + docs[doc];
    if (ref) tip += "\n编号：" + ref;
    if (quote) tip += "\n原文：" + quote;
    var item = {id: i, group: t[0], label: shorten(name, LABEL_CHARS), title: tip};
    if (data.xy) { item.x = data.xy[2 * i]; item.y = data.xy[2 * i + 1]; }
    nodeItems[i] = item;
  }
  var edgeItems = new Array(M), roleOf = new Array(M);
  for (j = 0; j < M; j++) {
    var e = data.edges[j], rel = rels[e[2]];
    var role = roles[e[3] || 0], printed = e[4] ? strings[e[4] - 1] : "";
    var edoc = e.length > 5 && e[5] !== -2 ? e[5] : (nodeDoc[e[1]] >= 0 ? nodeDoc[e[1]] : nodeDoc[e[0]]);
    var efacts = e[6] || "", weight = e[7] || 0;
    relOf[j] = e[2]; roleOf[j] = role;
    adj[e[0]].push(e[1]); adj[e[1]].push(e[0]);
    if (rel[0] === "HAS_TASK" || rel[0] === "HAS_SECTION") parents[e[1]].push(e[0]);
    var etip = rel[1] + (role ? "（" + (ROLE_ZH[role] || role) + "）" : "") + "\n" + names[e[0]] + " → " + names[e[1]];
    if (printed) etip += "\n原文称谓：" + printed;
    if (efacts) etip += "\n" + efacts;
    if (edoc >= 0) etip += "\n文件：" + docs[edoc];
    edgeItems[j] = {id: j, from: e[0], to: e[1], title: etip, arrows: "to",
      color: {color: rel[2], highlight: rel[2], opacity: 0.8},
      dashes: role === "support" || rel[3] === 1, width: weight || (role === "lead" ? 3 : 1)};
  }

  // a task's departments and roles, from its edges: facts the file need not carry twice
  var responsible = {};
  for (j = 0; j < M; j++) {
    if (rels[relOf[j]][0] !== "RESPONSIBLE_FOR") continue;
    var task = data.edges[j][1];
    (responsible[task] = responsible[task] || []).push(names[data.edges[j][0]] +
      (roleOf[j] ? "（" + (ROLE_ZH[roleOf[j]] || roleOf[j]) + "）" : ""));
  }
  Object.keys(responsible).forEach(function (task) {
    var item = nodeItems[task], at = item.title.indexOf("\n原文：");
    var line = "\n责任部门：" + responsible[task].join("、");
    item.title = at < 0 ? item.title + line : item.title.slice(0, at) + line + item.title.slice(at);
  });

  var groups = {};
  types.forEach(function (t) {
    groups[t[0]] = {shape: t[3], size: t[4], color: {background: t[2], border: t[2], highlight: {background: t[2], border: "#000"}},
      font: {face: FONT, size: 13, color: "#222"}};
  });

  var nodes = new vis.DataSet(nodeItems), edges = new vis.DataSet(edgeItems);
  var typeOn = {}, relOn = {}, scope = null;
  types.forEach(function (t, k) { typeOn[k] = true; });
  rels.forEach(function (r, k) { relOn[k] = true; });
  var nodeView = new vis.DataView(nodes, {filter: function (n) {
    return typeOn[typeOf[n.id]] && (scope === null || scope.has(n.id)); }});
  var edgeView = new vis.DataView(edges, {filter: function (ed) { return relOn[relOf[ed.id]]; }});

  var large = !!data.xy;
  var options = {
    groups: groups,
    nodes: {font: {face: FONT}, scaling: {label: {drawThreshold: 6}}},
    edges: {smooth: large ? false : {type: "continuous"}, arrows: {to: {scaleFactor: 0.5}},
      font: {face: FONT, size: 11}},
    layout: {improvedLayout: false, randomSeed: 7},
    interaction: {hover: true, navigationButtons: true, tooltipDelay: 150, hideEdgesOnDrag: large, hideEdgesOnZoom: large},
    physics: {enabled: data.physics, solver: "forceAtlas2Based",
      forceAtlas2Based: {gravitationalConstant: -45, springLength: 90, avoidOverlap: 0.2},
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
  function highlight(centre) {
    var near = new Set(adj[centre]); near.add(centre);
    var nodeUpdates = [], edgeUpdates = [];
    for (var k = 0; k < N; k++) {
      var on = near.has(k);  // opacity leaves labels dark: fade them with the node
      nodeUpdates.push({id: k, opacity: on ? 1 : 0.15, font: {color: on ? "#222" : "rgba(34,34,34,0.2)"}});
    }
    for (var m = 0; m < M; m++) {
      var ed = data.edges[m], touches = ed[0] === centre || ed[1] === centre;
      edgeUpdates.push({id: m, color: {color: rels[ed[2]][2], highlight: rels[ed[2]][2], opacity: touches ? 1 : 0.08}});
    }
    nodes.update(nodeUpdates); edges.update(edgeUpdates); dimmed = true;
  }
  function clearHighlight() {
    if (!dimmed) return;
    var nodeUpdates = [], edgeUpdates = [];
    for (var k = 0; k < N; k++) nodeUpdates.push({id: k, opacity: 1, font: {color: "#222"}});
    for (var m = 0; m < M; m++) {
      var c = rels[data.edges[m][2]][2];
      edgeUpdates.push({id: m, color: {color: c, highlight: c, opacity: 0.8}});
    }
    nodes.update(nodeUpdates); edges.update(edgeUpdates); dimmed = false;
  }
  network.on("click", function (params) {
    if (params.nodes.length) highlight(params.nodes[0]); else clearHighlight();
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
      typeOn[k] = on; nodeView.refresh(); updateStats(); });
  });
  rels.forEach(function (r, k) {
    legendRow(relList, r[0], r[1], relCounts[k], swatch("line", r[2], r[3] === 1), function (on) {
      relOn[k] = on; edgeView.refresh(); updateStats(); });
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
    scope = deptSelect.value === "" ? null : departmentScope(Number(deptSelect.value));
    nodeView.refresh(); updateStats();
    network.fit({animation: false});
  });

  // --- search by any part of the name --------------------------------------------------------
  function search(query) {
    var q = String(query).trim().toLowerCase(), out = [];
    if (!q) return out;
    for (var k = 0; k < N; k++) if (lowerNames[k].indexOf(q) >= 0) out.push(k);
    return out;
  }
  function focusNode(k) {
    if (!typeOn[typeOf[k]] || (scope !== null && !scope.has(k))) {
      typeOn[typeOf[k]] = true; scope = null; deptSelect.value = "";
      var box = typeList.querySelector('input[data-key="' + types[typeOf[k]][0] + '"]');
      if (box) box.checked = true;
      nodeView.refresh(); updateStats();
    }
    network.selectNodes([k]);
    network.focus(k, {scale: 1.2, animation: false});
    highlight(k);
  }
  var searchBox = document.getElementById("search"), results = document.getElementById("results");
  searchBox.addEventListener("input", function () {
    while (results.firstChild) results.removeChild(results.firstChild);
    var found = search(searchBox.value);
    found.slice(0, 50).forEach(function (k) {
      var li = document.createElement("li"), kind = document.createElement("span");
      kind.className = "kind"; kind.textContent = types[typeOf[k]][1];
      li.appendChild(kind); li.appendChild(document.createTextNode(names[k]));
      li.addEventListener("click", function () { focusNode(k); });
      results.appendChild(li);
    });
    if (found.length > 50) {
      var more = document.createElement("li"); more.textContent = "……共 " + found.length + " 项，请输入更多字";
      results.appendChild(more);
    }
  });
  searchBox.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { var found = search(searchBox.value); if (found.length) focusNode(found[0]); }
  });
  api.search = search; api.focusNode = focusNode;

  // --- physics toggle, reset, stats ----------------------------------------------------------
  var physicsBox = document.getElementById("physics");
  physicsBox.checked = !!data.physics;
  physicsBox.addEventListener("change", function () {
    network.setOptions({physics: {enabled: physicsBox.checked, stabilization: {enabled: false}}});
  });
  document.getElementById("reset").addEventListener("click", function () {
    scope = null; deptSelect.value = ""; searchBox.value = "";
    while (results.firstChild) results.removeChild(results.firstChild);
    types.forEach(function (t, k) { typeOn[k] = true; }); rels.forEach(function (r, k) { relOn[k] = true; });
    Array.prototype.forEach.call(document.querySelectorAll(".legend input"), function (b) { b.checked = true; });
    nodeView.refresh(); edgeView.refresh(); clearHighlight(); network.unselectAll(); updateStats(); network.fit();
  });
  function updateStats() {
    document.getElementById("stats").textContent =
      "显示 " + nodeView.length + " / " + N + " 个节点，" + edgeView.length + " / " + M + " 条关系";
  }
  updateStats();
})();
