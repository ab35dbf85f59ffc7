/* geomap's page script (MIT, part of geomap): draws the places, incidents and documents of
   one map from its embedded JSON tables. Every source string enters the DOM as text
   (textContent, createTextNode), never as HTML. */
window.geomapPage = function (map, data, opts) {
  "use strict";
  var P = data.places, I = data.incidents, D = data.docs, TYPES = data.types;
  var SIDES = {LT: ["Lithuania", "#1b9e77"], BY: ["Belarus", "#d95f02"],
               PL: ["Poland", "#7570b3"], LV: ["Latvia", "#e7298a"]};
  var GREY = "#888888", CELL = 46, LABELS_MAX = 60, FAN = 4;
  var nP = (P.name || []).length, nI = (I.type || []).length, nD = (D.title || []).length;
  var U = data.unplaced || {}, nU = (U.name || []).length;
  var root = map.getContainer();
  var renderer = L.canvas({padding: 0.3});
  var state = {from: null, to: null, types: {}, sides: {}, selected: null, doc: null};
  var api = {map: map, data: data};
  root.geomap = api;

  // -- helpers ---------------------------------------------------------------------------
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function highlighted(text, spans, onMark) {   // spans: [[start, end, (place)], ...]
    var frag = document.createDocumentFragment(), pos = 0;
    spans.forEach(function (s) {
      if (s[0] < pos || s[1] > text.length) { return; }
      frag.appendChild(document.createTextNode(text.slice(pos, s[0])));
      var m = el("mark", null, text.slice(s[0], s[1]));
      if (onMark) { onMark(m, s); }
      frag.appendChild(m);
      pos = s[1];
    });
    frag.appendChild(document.createTextNode(text.slice(pos)));
    return frag;
  }
  function sideColour(s) { return (SIDES[s] || [0, GREY])[1]; }
  function sideName(s) { return (SIDES[s] || [s || "unknown"])[0]; }
  function borderText(b, side) {
    if (!b) { return sideName(side) + " side"; }
    return sideName(b[2] || side) + " side, " + b[0].toFixed(1) + " km from the " +
      b[1].replace("-", "\u2013") + " border";
  }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
  function source(d) {      // a document's site and URL: a link for http(s) only, never fetched
    var box = el("div", "gm-source"), url = (D.url || [])[d] || "", site = (D.site || [])[d] || "";
    if (site) { box.appendChild(document.createTextNode(site + (url ? " \u00b7 " : ""))); }
    if (/^https?:\/\//i.test(url)) {
      var a = el("a", null, url);
      a.href = url; a.target = "_blank"; a.rel = "noopener noreferrer";
      box.appendChild(a);
    } else if (url) { box.appendChild(document.createTextNode(url)); }
    return site || url ? box : null;
  }
  function docLine(d) {
    var line = el("div", "gm-doc");
    line.appendChild(document.createTextNode(D.title[d] + (D.date[d] ? " \u2014 " + D.date[d] : "") + " "));
    line.appendChild(el("i", null, "(" + D.name[d] + ")"));
    var show = el("button", "gm-show", "show in text");
    show.type = "button";
    show.addEventListener("click", function () { openDoc(d, false); });
    line.appendChild(document.createTextNode(" "));
    line.appendChild(show);
    return line;
  }
  function symbolSvg(type, size) {
    var ns = "http://www.w3.org/2000/svg", colour = (TYPES[type] || TYPES.other)[1];
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("width", size); svg.setAttribute("height", size);
    svg.setAttribute("fill", colour); svg.setAttribute("stroke", "#fff");
    svg.setAttribute("stroke-width", "1.5"); svg.setAttribute("class", "gm-symbol");
    var shape = opts.shapes[type] || opts.shapes.other;
    var s = document.createElementNS(ns, shape[0]);
    Object.keys(shape[1]).forEach(function (k) { s.setAttribute(k, shape[1][k]); });
    svg.appendChild(s);
    return svg;
  }

  // -- popups, built on click from the rows ---------------------------------------------
  function placePopup(i) {
    var box = el("div", "gm-popup");
    box.appendChild(el("h4", null, P.name[i]));
    var meta = el("div", "gm-meta", (P.country[i] || "\u2014") + " \u00b7 " + P.kind[i] +
      " \u00b7 " + borderText(P.border[i], P.side[i]) +
      (P.org[i] ? " \u00b7 only named inside organisations' names" : ""));
    box.appendChild(meta);
    box.appendChild(el("div", "gm-meta", plural(P.n[i], "mention") + " in " +
      plural(P.docs[i], "document")));
    P.quotes[i].forEach(function (q) {
      var item = el("div", "gm-mention");
      item.appendChild(docLine(q[0]));
      item.appendChild(highlighted(q[1], q[2]));
      box.appendChild(item);
    });
    return box;
  }
  function incidentPopup(i) {
    var box = el("div", "gm-popup");
    box.appendChild(el("h4", null, I.label[i] + " \u2014 " + (I.where[i] || "unknown place")));
    var meta = [I.when[i]];
    if (I.border[i]) { meta.push(borderText(I.border[i], I.side[i])); }
    if (I.people[i]) { meta.push(I.people[i]); }
    var m = el("div", "gm-meta", meta.join(" \u00b7 "));
    [["Actors", I.actors[i]], ["Reported by", I.claimed[i]]].forEach(function (x) {
      if (x[1]) { m.appendChild(el("br")); m.appendChild(document.createTextNode(x[0] + ": " + x[1])); }
    });
    box.appendChild(m);
    I.sources[i].forEach(function (src) {
      var item = el("div", "gm-mention");
      item.appendChild(docLine(src[0]));
      src[1].forEach(function (q) {
        var bq = el("blockquote");
        bq.appendChild(highlighted(q[0], q[1]));
        item.appendChild(bq);
      });
      box.appendChild(item);
    });
    return box;
  }
  function popupAt(latlng, content) {
    return L.popup({maxWidth: 380, maxHeight: Math.max(160, map.getSize().y - 120)})
      .setLatLng(latlng).setContent(content).openOn(map);
  }

  // -- the line to the border, for the hovered or selected item -------------------------
  var borderLine = L.layerGroup().addTo(map);
  function showBorder(item) {
    borderLine.clearLayers();
    item = item || state.selected;
    if (!item || !item.border || item.area) { return; }
    var end = L.latLng(item.border[3][0], item.border[3][1]);
    L.polyline([item.latlng, end], {color: item.colour, weight: 1.5, dashArray: "4 4",
                                     interactive: false, className: "gm-to-border"}).addTo(borderLine);
    L.circleMarker(end, {radius: 3, color: item.colour, fillOpacity: 1, weight: 1,
                         interactive: false}).addTo(borderLine)
      .bindTooltip(item.border[0].toFixed(1) + " km to the border",
                   {permanent: true, direction: "right", className: "gm-distance"});
  }

  // -- places: canvas circles ------------------------------------------------------------
  var placesLayer = L.layerGroup(), pointPlaces = [], markersOf = {};
  for (var i = 0; i < nP; i++) {
    if (P.area[i]) { continue; }
    var c = sideColour(P.side[i]);
    var circle = L.circleMarker([P.lat[i], P.lon[i]], {
      renderer: renderer, radius: P.r[i], color: c, weight: P.org[i] ? 1 : 2, fillColor: c,
      fillOpacity: P.org[i] ? 0.15 : 0.6, dashArray: P.org[i] ? "3 3" : null});
    circle.gmItem = {kind: "place", index: i, latlng: L.latLng(P.lat[i], P.lon[i]),
                     border: P.border[i], colour: c, area: 0};
    circle.bindTooltip(P.name[i]);
    markersOf[i] = circle;
    pointPlaces.push(i);
    placesLayer.addLayer(circle);
  }
  placesLayer.eachLayer(function (layer) {
    layer.on("mouseover", function () { showBorder(layer.gmItem); });
    layer.on("mouseout", function () { showBorder(null); });
    layer.on("click", function () { selectPlace(layer.gmItem.index); });
  });
  function selectPlace(i) {
    state.selected = markersOf[i] ? markersOf[i].gmItem : null;
    showBorder(null);
    if (markersOf[i]) { popupAt(markersOf[i].getLatLng(), placePopup(i)); }
  }
  api.selectPlace = selectPlace;

  // -- incidents: filtered, clustered at each zoom ---------------------------------------
  var incidentsLayer = L.layerGroup(), clusterInfo = [];
  function visible(i) {
    var d = I.date[i];
    if (state.from && (!d || d < state.from || d > state.to)) { return false; }
    if (Object.keys(state.types).length && !state.types[I.type[i]]) { return false; }
    if (Object.keys(state.sides).length && !state.sides[I.side[i] in SIDES ? I.side[i] : "other"]) {
      return false;
    }
    return true;
  }
  function cluster() {
    incidentsLayer.clearLayers();
    clusterInfo = [];
    if (!map.hasLayer(incidentsLayer)) { return; }
    var zoom = map.getZoom(), view = map.getPixelBounds().pad(0.2), groups = [], grid = {};
    for (var i = 0; i < nI; i++) {
      if (I.area[i] || !visible(i)) { continue; }
      var pt = map.project([I.lat[i], I.lon[i]], zoom);
      if (!view.contains(pt)) { continue; }
      var gx = Math.floor(pt.x / CELL), gy = Math.floor(pt.y / CELL), found = null;
      for (var dx = -1; dx <= 1 && !found; dx++) {
        for (var dy = -1; dy <= 1 && !found; dy++) {
          (grid[(gx + dx) + ":" + (gy + dy)] || []).forEach(function (g) {
            if (!found && g.pt.distanceTo(pt) < CELL) { found = g; }
          });
        }
      }
      if (found) { found.members.push(i); continue; }
      var g = {pt: pt, members: [i]};
      (grid[gx + ":" + gy] = grid[gx + ":" + gy] || []).push(g);
      groups.push(g);
    }
    function single(k, latlng, shift) {
      var s = Math.round(I.size[k]), div = el("div");
      div.appendChild(symbolSvg(I.type[k], s));
      var icon = L.divIcon({html: div, className: "gm-incident", iconSize: [s, s],
                            iconAnchor: [s / 2 - shift[0], s / 2 - shift[1]]});
      var marker = L.marker(latlng, {icon: icon, riseOnHover: true,
                                     title: (I.date[k] || "") + " " + I.label[k] + " \u2014 " + I.where[k]});
      marker.gmItem = {kind: "incident", index: k, latlng: latlng, border: I.border[k],
                       colour: TYPES[I.type[k]][1], area: 0};
      marker.on("click", function () {
        state.selected = marker.gmItem; showBorder(null);
        popupAt(latlng, incidentPopup(k));
      });
      marker.on("mouseover", function () { showBorder(marker.gmItem); });
      marker.on("mouseout", function () { showBorder(null); });
      var c = map.latLngToContainerPoint(latlng);
      clusterInfo.push({latlng: map.containerPointToLatLng(c.add(shift)), r: s / 2});
      incidentsLayer.addLayer(marker);
    }
    groups.forEach(function (g) {
      var latlng = map.unproject(g.pt, zoom), marker;
      if (g.members.length <= FAN) {            // a few: fanned out around their centre
        var at = {};                            // those at one point share a fan
        g.members.forEach(function (k) { (at[I.lat[k] + "," + I.lon[k]] = at[I.lat[k] + "," + I.lon[k]] || []).push(k); });
        Object.keys(at).forEach(function (key) {
          var ks = at[key], n = ks.length, big = 0;
          ks.forEach(function (k) { big = Math.max(big, I.size[k]); });
          ks.forEach(function (k, m) {
            var a = 2 * Math.PI * m / n - Math.PI / 2, r = n > 1 ? big * 0.75 : 0;
            single(k, L.latLng(I.lat[k], I.lon[k]), [r * Math.cos(a), r * Math.sin(a)]);
          });
        });
        return;
      }
      {
        var n = g.members.length, s = n < 10 ? 30 : n < 100 ? 36 : 42;
        var icon = L.divIcon({html: "<span>" + n + "</span>", className: "gm-cluster",
                              iconSize: [s, s]});
        marker = L.marker(latlng, {icon: icon, title: n + " incidents: click to expand"});
        marker.on("click", function () {
          var b = L.latLngBounds(g.members.map(function (k) { return [I.lat[k], I.lon[k]]; }));
          if (map.getZoom() >= map.getMaxZoom() || b.getNorthEast().equals(b.getSouthWest())) {
            var list = el("div", "gm-popup");
            g.members.forEach(function (k) { list.appendChild(incidentPopup(k)); });
            popupAt(latlng, list);
          } else {
            map.fitBounds(b.pad(0.3), {maxZoom: Math.max(map.getZoom() + 2, 9)});
          }
        });
        clusterInfo.push({latlng: latlng, r: s / 2});
      }
      incidentsLayer.addLayer(marker);
    });
  }

  // -- density: mentions per screen cell -------------------------------------------------
  // its own canvas in its own pane (380: above the land, below the borders 390, the places
  // 400, the incidents 600 and the labels 640), transparent to the pointer: it never covers
  // a place or takes its click or hover
  var densityPane = map.createPane("gm-density");
  densityPane.style.zIndex = 380;
  densityPane.style.pointerEvents = "none";
  var densityRenderer = L.canvas({padding: 0.3, pane: "gm-density"});
  var densityLayer = L.layerGroup();
  function density() {
    densityLayer.clearLayers();
    if (!map.hasLayer(densityLayer)) { return; }
    var zoom = map.getZoom(), cells = {}, max = 1, size = 24;
    pointPlaces.forEach(function (i) {
      var pt = map.project([P.lat[i], P.lon[i]], zoom);
      var key = Math.floor(pt.x / size) + ":" + Math.floor(pt.y / size);
      cells[key] = (cells[key] || 0) + Math.max(P.n[i], 1);
      max = Math.max(max, cells[key]);
    });
    Object.keys(cells).forEach(function (key) {
      var xy = key.split(":").map(Number);
      var a = map.unproject([xy[0] * size, xy[1] * size], zoom);
      var b = map.unproject([(xy[0] + 1) * size, (xy[1] + 1) * size], zoom);
      L.rectangle([a, b], {renderer: densityRenderer, pane: "gm-density", stroke: false, fillColor: "#b30000",
                           fillOpacity: 0.1 + 0.6 * Math.log(1 + cells[key]) / Math.log(1 + max),
                           interactive: false}).addTo(densityLayer);
    });
  }

  // -- labels: greedy, by priority, only where they fit -----------------------------------
  var labelPane = map.createPane("gm-labels");
  labelPane.style.zIndex = 640;
  labelPane.style.pointerEvents = "none";
  var measure = document.createElement("canvas").getContext("2d");
  measure.font = "11px sans-serif";
  var incidentAt = {};
  for (var j = 0; j < nI; j++) {
    if (I.place[j] !== null) { incidentAt[I.place[j]] = Math.max(incidentAt[I.place[j]] || 0, I.size[j]); }
  }
  var order = pointPlaces.slice().sort(function (a, b) {
    var ka = [incidentAt[a] ? 0 : 1, P.border[a] && P.border[a][0] <= 25 ? 0 : 1, -P.n[a], P.name[a]];
    var kb = [incidentAt[b] ? 0 : 1, P.border[b] && P.border[b][0] <= 25 ? 0 : 1, -P.n[b], P.name[b]];
    for (var x = 0; x < 4; x++) { if (ka[x] !== kb[x]) { return ka[x] < kb[x] ? -1 : 1; } }
    return 0;
  });
  function labels() {
    labelPane.textContent = "";
    if (!map.hasLayer(placesLayer)) { return; }
    var boxes = [], size = map.getSize(), placed = 0;
    function free(b) {
      if (b[0] < 0 || b[1] < 0 || b[2] > size.x || b[3] > size.y) { return false; }
      for (var k = 0; k < boxes.length; k++) {
        var o = boxes[k];
        if (b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3]) { return false; }
      }
      return true;
    }
    clusterInfo.forEach(function (c) {           // symbols and cluster counts are kept free
      var p = map.latLngToContainerPoint(c.latlng);
      boxes.push([p.x - c.r, p.y - c.r, p.x + c.r, p.y + c.r]);
    });
    for (var n = 0; n < order.length && placed < LABELS_MAX; n++) {
      var i = order[n];
      var pt = map.latLngToContainerPoint([P.lat[i], P.lon[i]]);
      if (pt.x < 0 || pt.y < 0 || pt.x > size.x || pt.y > size.y) { continue; }
      var text = P.name[i], w = measure.measureText(text).width + 6, h = 15;
      var r = Math.max(P.r[i], map.hasLayer(incidentsLayer) ? (incidentAt[i] || 0) / 2 : 0) + 2;
      var spots = [[pt.x + r, pt.y - h / 2], [pt.x - r - w, pt.y - h / 2],
                   [pt.x - w / 2, pt.y - r - h], [pt.x - w / 2, pt.y + r]];
      for (var s = 0; s < spots.length; s++) {
        var b = [spots[s][0], spots[s][1], spots[s][0] + w, spots[s][1] + h];
        if (free(b)) {
          boxes.push(b);
          var lab = el("div", "gm-label", text);
          var at = map.containerPointToLayerPoint([b[0], b[1]]);
          L.DomUtil.setPosition(lab, at);
          labelPane.appendChild(lab);
          placed++;
          break;
        }
      }
    }
  }

  // -- areas (countries, regions) and incidents without a point, beside the map ----------
  function areaBox() {
    var body = el("div", "gm-area-body"), rows = 0;
    var list = el("ul");
    for (var i = 0; i < nP; i++) {
      if (!P.area[i]) { continue; }
      var li = el("li", null, P.name[i] + " (" + P.kind[i] + "): " + plural(P.n[i], "mention"));
      li.dataset.place = i;
      list.appendChild(li);
      rows++;
    }
    if (rows) { body.appendChild(el("div", "gm-sub", "Places named as a whole country or region")); body.appendChild(list); }
    var inc = el("ul", "gm-area-incidents");
    body.appendChild(el("div", "gm-sub", "Incidents placed only at country or region level, or without a place"));
    body.appendChild(inc);
    if (nU) {
      body.appendChild(el("div", "gm-sub", "Names the gazetteer lacks (add them: geomap unplaced)"));
      var names = el("ul", "gm-unplaced");
      for (var u = 0; u < nU; u++) {
        var item = el("li", null, U.name[u] + " (" + plural(U.count[u], "mention") + ")");
        if (U.sentence[u]) { item.title = U.sentence[u]; }
        names.appendChild(item);
      }
      body.appendChild(names);
    }
    return {body: body, incidents: inc, rows: rows};
  }

  // -- controls ----------------------------------------------------------------------------
  var small = map.getSize().y < 520;
  function control(position, cls, build) {
    var C = L.Control.extend({onAdd: function () {
      var box = el("div", "leaflet-bar gm-box " + cls);
      build(box);
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    }});
    return new C({position: position}).addTo(map);
  }
  function collapsible(box, title, open) {
    var head = el("button", "gm-head", title);
    head.type = "button";
    var body = el("div", "gm-body");
    body.hidden = !open;
    head.setAttribute("aria-expanded", String(open));
    head.addEventListener("click", function () {
      body.hidden = !body.hidden;
      head.setAttribute("aria-expanded", String(!body.hidden));
    });
    box.appendChild(head);
    box.appendChild(body);
    return {head: head, body: body};
  }

  // filters: timeline with a brush, types, sides, the shown count
  var status, areaIncidents, timeline = {};
  control("topright", "gm-filters", function (box) {
    var part = collapsible(box, "Incidents", !small), body = part.body;
    status = el("div", "gm-status");
    status.setAttribute("aria-live", "polite");
    box.insertBefore(status, body);
    if (!nI) { return; }
    var weeks = {}, dates = I.date.filter(Boolean).sort();
    if (dates.length) {
      var first = monday(dates[0]), last = monday(dates[dates.length - 1]);
      var nW = Math.round((last - first) / 6048e5) + 1, counts = new Array(nW).fill(0), top = 1;
      dates.forEach(function (d) { var w = Math.round((monday(d) - first) / 6048e5); counts[w]++; top = Math.max(top, counts[w]); });
      var W = 260, H = 46, bw = W / nW, ns = "http://www.w3.org/2000/svg";
      var svg = document.createElementNS(ns, "svg");
      svg.setAttribute("width", W); svg.setAttribute("height", H + 14);
      svg.setAttribute("class", "gm-timeline");
      counts.forEach(function (n, w) {
        if (!n) { return; }
        var r = document.createElementNS(ns, "rect");
        var h = Math.max(2, H * n / top);
        r.setAttribute("x", w * bw); r.setAttribute("y", H - h);
        r.setAttribute("width", Math.max(1, bw - 1)); r.setAttribute("height", h);
        r.setAttribute("fill", "#5b7fa6");
        svg.appendChild(r);
      });
      var brush = document.createElementNS(ns, "rect");
      brush.setAttribute("class", "gm-brush"); brush.setAttribute("y", 0);
      brush.setAttribute("height", H); brush.setAttribute("width", 0);
      svg.appendChild(brush);
      [[0, iso(first), "start"], [W, iso(new Date(+last + 6 * 864e5)), "end"]].forEach(function (t) {
        var tx = document.createElementNS(ns, "text");
        tx.setAttribute("x", t[0]); tx.setAttribute("y", H + 12);
        tx.setAttribute("text-anchor", t[2]); tx.textContent = t[1];
        svg.appendChild(tx);
      });
      var range = el("div", "gm-range", "drag over the weeks to filter by date");
      var start = null;
      function x(e) { var b = svg.getBoundingClientRect(); return Math.min(W, Math.max(0, e.clientX - b.left)); }
      function setRange(a, b) {
        var lo = Math.min(a, b), hi = Math.max(a, b);
        brush.setAttribute("x", lo); brush.setAttribute("width", hi - lo);
        if (hi - lo < 2) { state.from = state.to = null; range.textContent = "all dates (drag to filter)"; }
        else {
          var w0 = Math.floor(lo / bw), w1 = Math.min(nW - 1, Math.floor((hi - 0.01) / bw));
          state.from = iso(new Date(+first + w0 * 6048e5));
          state.to = iso(new Date(+first + w1 * 6048e5 + 6 * 864e5));
          range.textContent = state.from + " \u2013 " + state.to + " (undated hidden)";
        }
        refresh();
      }
      svg.addEventListener("mousedown", function (e) { start = x(e); e.preventDefault(); });
      document.addEventListener("mousemove", function (e) { if (start !== null) { var b = x(e); brush.setAttribute("x", Math.min(start, b)); brush.setAttribute("width", Math.abs(b - start)); } });
      document.addEventListener("mouseup", function (e) { if (start !== null) { var a = start; start = null; setRange(a, x(e)); } });
      timeline = {setRange: setRange, width: W};
      body.appendChild(svg);
      body.appendChild(range);
    }
    var present = {};
    I.type.forEach(function (t) { present[t] = true; });
    var types = el("div", "gm-checks");
    Object.keys(TYPES).forEach(function (t) {
      if (!present[t]) { return; }
      var lab = el("label"), cb = el("input");
      cb.type = "checkbox"; cb.checked = true; cb.value = t; cb.className = "gm-type";
      lab.appendChild(cb); lab.appendChild(symbolSvg(t, 11));
      lab.appendChild(document.createTextNode(TYPES[t][0]));
      types.appendChild(lab);
    });
    var sides = el("div", "gm-checks");
    Object.keys(SIDES).concat(["other"]).forEach(function (s) {
      var lab = el("label"), cb = el("input");
      cb.type = "checkbox"; cb.checked = true; cb.value = s; cb.className = "gm-side";
      lab.appendChild(cb);
      lab.appendChild(document.createTextNode(s === "other" ? "other side" : SIDES[s][0] + " side"));
      sides.appendChild(lab);
    });
    function read(cls, into) {
      Object.keys(into).forEach(function (k) { delete into[k]; });
      var all = true, boxes = box.querySelectorAll("." + cls);
      boxes.forEach(function (b) { if (!b.checked) { all = false; } });
      if (!all) { boxes.forEach(function (b) { if (b.checked) { into[b.value] = true; } }); into["\u0000"] = true; }
    }
    box.addEventListener("change", function () { read("gm-type", state.types); read("gm-side", state.sides); refresh(); });
    body.appendChild(types);
    body.appendChild(sides);
    api.timeline = timeline;
  });
  function monday(d) { var t = new Date(d + "T00:00:00Z"); return new Date(+t - ((t.getUTCDay() + 6) % 7) * 864e5); }
  function iso(t) { return t.toISOString().slice(0, 10); }

  // documents: search, pages, text
  var docBox, list, pager, search, textView, PAGE = 25, page = 0, hits = [];
  control("topright", "gm-panel", function (box) {
    docBox = collapsible(box, "Documents (" + nD + ")", false);
    search = el("input", "gm-search");
    search.type = "search"; search.placeholder = "search titles and names";
    list = el("ul", "gm-doc-list");
    pager = el("div", "gm-pager");
    textView = el("article", "gm-doc-text");
    textView.hidden = true;
    [search, list, pager, textView].forEach(function (x) { docBox.body.appendChild(x); });
    search.addEventListener("input", function () { page = 0; findDocs(); });
  });
  function findDocs() {
    var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    hits = [];
    for (var d = 0; d < nD; d++) {
      var hay = (D.title[d] + " " + D.name[d] + " " + (D.date[d] || "") + " " + ((D.site || [])[d] || "")).toLowerCase();
      if (words.every(function (w) { return hay.indexOf(w) >= 0; })) { hits.push(d); }
    }
    showPage();
  }
  function showPage() {
    list.textContent = ""; pager.textContent = "";
    list.hidden = pager.hidden = false; textView.hidden = true; search.hidden = false;
    hits.slice(page * PAGE, page * PAGE + PAGE).forEach(function (d) {
      var li = el("li"), b = el("button", "gm-doc-item");
      b.type = "button"; b.dataset.doc = d;
      b.appendChild(el("span", "gm-doc-title", D.title[d]));
      b.appendChild(el("span", "gm-doc-meta", [D.date[d] || "undated", (D.site || [])[d], D.name[d],
        plural(D.places[d].length, "place"), plural(D.incidents[d], "incident")].filter(Boolean).join(" \u00b7 ")));
      b.addEventListener("click", function () { openDoc(d, true); });
      li.appendChild(b); list.appendChild(li);
    });
    var pages = Math.max(1, Math.ceil(hits.length / PAGE));
    [["\u2039", page - 1], ["\u203a", page + 1]].forEach(function (p, k) {
      var b = el("button", "gm-page", p[0]);
      b.type = "button"; b.disabled = p[1] < 0 || p[1] >= pages;
      b.addEventListener("click", function () { page = p[1]; showPage(); });
      pager.appendChild(b);
      if (!k) { pager.appendChild(el("span", null, hits.length + " found \u00b7 page " + (page + 1) + " of " + pages)); }
    });
  }
  function openDoc(d, zoom) {
    docBox.body.hidden = false; docBox.head.setAttribute("aria-expanded", "true");
    list.hidden = pager.hidden = search.hidden = true; textView.hidden = false;
    textView.textContent = "";
    var back = el("button", "gm-back", "\u2190 all documents");
    back.type = "button";
    back.addEventListener("click", showPage);
    textView.appendChild(back);
    textView.appendChild(el("h4", null, D.title[d]));
    textView.appendChild(el("div", "gm-doc-meta", [D.date[d] || "undated", D.name[d]].join(" \u00b7 ")));
    var from = source(d);
    if (from) { textView.appendChild(from); }
    var body = el("div", "gm-text");
    if (D.text[d] === null) { body.appendChild(el("i", null, "(texts left out of this map)")); }
    else {
      if (D.excerpt[d]) { textView.appendChild(el("div", "gm-note", "Excerpt: the sentences that name places or report incidents.")); }
      var m = D.marks[d], spans = [];
      for (var k = 0; k + 2 < m.length; k += 3) { spans.push([m[k], m[k + 1], m[k + 2]]); }
      body.appendChild(highlighted(D.text[d], spans, function (mark, s) {
        mark.dataset.place = s[2]; mark.tabIndex = 0;
        mark.addEventListener("click", function () { flyToPlace(s[2]); });
      }));
    }
    textView.appendChild(body);
    state.doc = d;
    if (zoom) {
      var pts = D.places[d].filter(function (i) { return !P.area[i]; }).map(function (i) { return [P.lat[i], P.lon[i]]; });
      if (pts.length) { map.fitBounds(L.latLngBounds(pts).pad(0.2), {maxZoom: 10}); }
    }
  }
  function flyToPlace(i) {
    i = Number(i);
    if (P.area[i] || !markersOf[i]) { return; }
    map.once("moveend", function () { selectPlace(i); });
    map.flyTo([P.lat[i], P.lon[i]], Math.max(map.getZoom(), 10), {duration: 0.5});
  }
  api.openDoc = openDoc;

  // legend and the country-level box
  var area = areaBox();
  areaIncidents = area.incidents;
  control("bottomright", "gm-legend", function (box) {
    var part = collapsible(box, opts.title ? opts.title : "Legend", !small);
    var b = part.body;
    Object.keys(SIDES).forEach(function (s) {
      var row = el("div"), sw = el("span", "gm-swatch");
      sw.style.background = SIDES[s][1];
      row.appendChild(sw); row.appendChild(document.createTextNode(SIDES[s][0] + " side"));
      b.appendChild(row);
    });
    var other = el("div"), sw = el("span", "gm-swatch");
    sw.style.background = GREY; other.appendChild(sw);
    other.appendChild(document.createTextNode("other / unknown")); b.appendChild(other);
    [["4px solid " + opts.ltBy, "LT\u2013BY border"], ["2px dashed " + opts.otherBorder, "other Belarus borders"]].forEach(function (x) {
      var row = el("div"), line = el("span", "gm-line");
      line.style.borderTop = x[0];
      row.appendChild(line); row.appendChild(document.createTextNode(x[1])); b.appendChild(row);
    });
    b.appendChild(el("div", "gm-note", "circle size: mentions; click a cluster to expand it"));
  });
  if (area.rows || nI || nU) {
    control("topright", "gm-areas", function (box) {
      var part = collapsible(box, "Country- or region-level, not on the map", false);
      part.body.appendChild(area.body);
    });
  }

  // -- layers, filters, first draw -------------------------------------------------------
  function refresh() {
    cluster();
    labels();
    var onMap = 0, areaN = 0, none = 0, total = 0;
    areaIncidents.textContent = "";
    for (var i = 0; i < nI; i++) {
      if (!visible(i)) { continue; }
      total++;
      if (!I.area[i]) { onMap++; continue; }
      if (I.place[i] === null && I.lat[i] === null) { none++; } else { areaN++; }
      var li = el("li", "gm-area-item", (I.date[i] || "undated") + " " + I.label[i] + " \u2014 " + (I.where[i] || "no place"));
      (function (k, item) {
        item.tabIndex = 0;
        item.addEventListener("click", function () { popupAt(map.getCenter(), incidentPopup(k)); });
      })(i, li);
      areaIncidents.appendChild(li);
    }
    var text = onMap + " on the map";
    if (areaN) { text += ", " + areaN + " country- or region-level"; }
    if (none) { text += ", " + none + " without a place"; }
    if (total < nI) { text += " (filtered: " + total + " of " + nI + " incidents)"; }
    if (status) { status.textContent = nI ? text : "no incidents found"; }
    api.shown = {map: onMap, area: areaN, none: none, total: total};
  }
  api.refresh = refresh;
  api.setDates = function (from, to) { state.from = from; state.to = to; refresh(); };
  var overlays = {};
  Object.keys(opts.borders).forEach(function (k) { overlays[k] = opts.borders[k]; });
  overlays["Places mentioned"] = placesLayer;
  if (nI) { overlays["Incidents"] = incidentsLayer; }
  overlays["Density of mentions"] = densityLayer;
  placesLayer.addTo(map);
  incidentsLayer.addTo(map);
  if (nD >= opts.densityFrom) { densityLayer.addTo(map); }
  L.control.layers(opts.base, overlays, {collapsed: true, position: "topleft"}).addTo(map);
  map.on("zoomend moveend overlayadd overlayremove", function () { density(); refresh(); });
  map.on("click", function () { state.selected = null; showBorder(null); });
  if (opts.bounds) {
    var wide = map.getSize().x > 800;
    map.fitBounds(opts.bounds, {paddingTopLeft: [50, 30], paddingBottomRight: [wide ? 380 : 30, 30],
                                maxZoom: 10, animate: false});
  }
  findDocs();
  density();
  refresh();
  return api;
};
