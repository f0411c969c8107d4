// Build and preview: start a build and follow its output until it finishes.
"use strict";
(() => {
  const section = document.getElementById("build");
  const log = document.getElementById("build-log");
  async function follow(job, after) {
    const response = await fetch(`/build/jobs/${job}?after=${after}`, {credentials: "same-origin"});
    const snap = await response.json();
    if (snap.lines.length) log.textContent += (log.textContent ? "\n" : "") + snap.lines.join("\n");
    document.getElementById("build-progress").value = snap.percent;
    document.getElementById("build-state").textContent = `${snap.what}: ${snap.state}`;
    if (snap.state === "running") { setTimeout(() => follow(job, snap.next), 400); return; }
    section.dataset.state = snap.state;
    Studio.say(snap.state === "done" ? "The build finished. Reloading the preview…" : "The build failed; the previous output is unchanged.", snap.state !== "done");
    if (snap.state === "done") setTimeout(() => window.location.reload(), 600);
    else document.getElementById("gate").textContent = "Not published: see the build output above. The previous output is unchanged.";
  }
  document.getElementById("build-actions").addEventListener("click", async (event) => {
    const button = event.target.closest("button[data-build]");
    if (!button) return;
    const what = button.dataset.build.split(" ");
    try {
      const answer = await Studio.post("/build/start", {web: what.includes("web"), video: what.includes("video")});
      log.textContent = "";
      section.dataset.job = answer.job;
      section.dataset.state = "running";
      Studio.say("Building…");
      follow(answer.job, 0);
    } catch (e) { /* shown */ }
  });
  if (section.dataset.state === "running") follow(section.dataset.job, 0);
})();
