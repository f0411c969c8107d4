// The story editor: every change re-composes the preview (debounced); Save writes the file.
"use strict";
(() => {
  const form = document.getElementById("story-form");
  const slug = form.dataset.slug;
  let version = form.dataset.version, timer = null, asked = 0;

  function collect() {
    const data = {version, beats: []};
    form.querySelectorAll("[data-field]").forEach((el) => { data[el.dataset.field] = el.value; });
    for (const name of ["audiences", "outputs"]) {
      data[name] = [...form.querySelectorAll(`[data-list="${name}"]:checked`)].map((el) => el.value);
    }
    data.video = {formats: [...form.querySelectorAll("[data-video-format]:checked")].map((el) => el.value)};
    form.querySelectorAll("[data-video]").forEach((el) => { data.video[el.dataset.video] = el.value; });
    form.querySelectorAll("#beats .beat").forEach((beat) => {
      const field = (name) => beat.querySelector(`[data-beat-field="${name}"]`);
      data.beats.push({
        heading: field("heading").value, intro: field("intro").value, outro: field("outro").value,
        image: field("image").value, image_alt: field("image_alt").value,
        excerpts: Number(field("excerpts").value) || 2,
        themes: [...field("themes").selectedOptions].map((o) => o.value),
        pin: [...beat.querySelectorAll("input.pin:checked")].map((el) => el.value),
        exclude: [...beat.querySelectorAll("input.exclude:checked")].map((el) => el.value),
        shown_themes: beat.querySelector(".picks").dataset.themes,
      });
    });
    return data;
  }

  async function refresh() {
    const mine = ++asked;
    const box = document.getElementById("preview");
    box.setAttribute("aria-busy", "true");
    try {
      const answer = await Studio.post(`/stories/${slug}/preview`, collect());
      if (mine !== asked) return;  // a newer change is already on its way
      box.innerHTML = answer.html;
      form.querySelectorAll("#beats .beat").forEach((beat, i) => {
        const picks = beat.querySelector(".picks");
        const themes = [...beat.querySelector('[data-beat-field="themes"]').selectedOptions].map((o) => o.value).join(",");
        if (picks.dataset.themes !== themes && answer.candidates[i]) {
          picks.innerHTML = answer.candidates[i];
          picks.dataset.themes = themes;
        }
      });
    } catch (e) { /* shown in the status line */ }
    finally { if (mine === asked) box.setAttribute("aria-busy", "false"); }
  }
  const soon = () => { clearTimeout(timer); timer = setTimeout(refresh, 120); };

  function renumber() {
    form.querySelectorAll("#beats .beat").forEach((beat, i) => {
      beat.dataset.beat = i;
      beat.querySelector(".beat-number").textContent = i + 1;
    });
  }

  form.addEventListener("input", soon);
  form.addEventListener("change", soon);
  form.addEventListener("click", (event) => {
    if (event.target.classList.contains("remove-beat")) {
      event.target.closest(".beat").remove();
      renumber();
      soon();
    }
  });
  document.getElementById("add-beat").addEventListener("click", () => {
    const n = form.querySelectorAll("#beats .beat").length;
    const html = document.getElementById("beat-template").innerHTML.replaceAll('"bN-', `"b${n}-`);
    document.getElementById("beats").insertAdjacentHTML("beforeend", html);
    renumber();
    form.querySelector(`#b${n}-heading`).focus();
  });
  document.getElementById("save").addEventListener("click", async () => {
    try {
      const answer = await Studio.post(`/stories/${slug}/save`, collect());
      version = answer.version;
      Studio.say(answer.message);
    } catch (e) { /* shown */ }
  });
})();
