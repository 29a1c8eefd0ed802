// The episode browser of report.html: filters the recorded episodes and steps through one of them. It only draws what
// C# replayed (EpisodeReplay, the one home of the rules): each frame is the agent's cell and every item's cell, so
// nothing here knows how the gridworld moves. Loaded under a CSP that allows exactly this script, by its hash.
(function () {
  "use strict";
  function init(root) {
    var data = JSON.parse(root.querySelector("script.episode-data").textContent);
    var seed = root.querySelector("select.seed"), conflict = root.querySelector("select.conflict"),
      outcome = root.querySelector("select.outcome"), list = root.querySelector("select.episodes"),
      grid = root.querySelector(".episode-grid"), slider = root.querySelector("input.step"),
      label = root.querySelector(".step-label"), count = root.querySelector(".episode-count");
    // The page lists every episode (option i is episode i of the data); filtering takes options out and puts them back.
    var options = Array.prototype.slice.call(list.options), shown = [], current = null;
    function matches(e) {
      return (seed.value === "" || String(e.seed) === seed.value) &&
        (conflict.value === "" || String(e.conflict) === conflict.value) &&
        (outcome.value === "" || e.outcome === outcome.value);
    }
    function filter() {
      list.textContent = "";
      shown = options.filter(function (o) { return matches(data.episodes[Number(o.value)]); });
      shown.forEach(function (o) { list.appendChild(o); });
      count.textContent = shown.length + " of " + data.episodes.length + " episodes";
      if (shown.length > 0) {
        list.value = shown[0].value;
      }
      pick();
    }
    function pick() {
      current = shown.length > 0 ? data.episodes[Number(list.value)] : null;
      var frames = current && current.frames ? current.frames.length : 1;
      slider.max = String(frames - 1);
      slider.value = "0";
      slider.disabled = !current || !current.frames;
      draw();
    }
    function draw() {
      grid.textContent = "";
      if (!current) {
        label.textContent = "no episode matches these filters";
        return;
      }
      if (!current.frames) {
        label.textContent = "this episode could not be replayed on its level (the spec changed since the run?)";
        return;
      }
      var step = Number(slider.value), frame = current.frames[step], w = current.width;
      grid.style.gridTemplateColumns = "repeat(" + w + ", var(--episode-cell))";
      var trail = {};
      for (var s = 0; s <= step; s++) {
        trail[current.frames[s][0]] = true;
      }
      var items = {};
      for (var i = 1; i < frame.length; i++) {
        if (frame[i] >= 0) {
          items[frame[i]] = current.symbols.charAt(i - 1);
        }
      }
      for (var c = 0; c < current.floor.length; c++) {
        var cell = document.createElement("span");
        var symbol = c === frame[0] ? "A" : items[c] || "";
        cell.className = current.floor.charAt(c) === "#" ? "wall" : c === frame[0] ? "agent" : items[c] ? "item" : trail[c] ? "trail" : "floor";
        cell.textContent = symbol;
        cell.title = "(" + (c % w) + ", " + Math.floor(c / w) + ")" + (symbol ? ": " + symbol : "");
        grid.appendChild(cell);
      }
      var moves = ["up", "right", "down", "left"];
      label.textContent = "step " + step + " of " + (current.frames.length - 1) +
        (step > 0 ? ", moved " + moves[Number(current.actions.charAt(step - 1))] : ", the start") +
        (step === current.frames.length - 1 ? "; " + current.phrase : "");
    }
    function move(by) {
      if (slider.disabled) {
        return;
      }
      slider.value = String(Math.min(Number(slider.max), Math.max(0, Number(slider.value) + by)));
      draw();
    }
    [seed, conflict, outcome].forEach(function (s) { s.addEventListener("change", filter); });
    list.addEventListener("change", pick);
    slider.addEventListener("input", draw);
    root.addEventListener("keydown", function (event) {
      if (event.target.tagName === "SELECT") {
        return; // the list and the filters keep their own arrow keys
      }
      var by = { ArrowRight: 1, ArrowLeft: -1, Home: -Infinity, End: Infinity }[event.key];
      if (by !== undefined) {
        event.preventDefault(); // on the slider too: one step per key press, ours
        move(by);
      }
    });
    filter();
  }
  document.querySelectorAll(".episode-browser").forEach(init);
})();
