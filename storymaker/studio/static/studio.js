// storymaker studio: what every page shares. Every state-changing request carries the
// page's CSRF token in a header; forms marked data-post are sent that way too.
"use strict";
const Studio = {
  csrf: () => document.querySelector('meta[name="csrf-token"]').content,
  say(text, isError) {
    const box = document.getElementById("status");
    box.textContent = text;
    box.classList.toggle("error", !!isError);
  },
  async post(url, body) {
    const isForm = body instanceof FormData;
    const response = await fetch(url, {
      method: "POST", credentials: "same-origin",
      headers: isForm ? {"X-CSRF-Token": Studio.csrf()} : {"X-CSRF-Token": Studio.csrf(), "Content-Type": "application/json"},
      body: isForm ? body : JSON.stringify(body),
    });
    const type = response.headers.get("content-type") || "";
    const data = type.includes("json") ? await response.json() : {ok: response.ok, problems: [await response.text()]};
    if (!response.ok || data.ok === false) {
      Studio.say((data.problems || ["The studio refused the request."]).join(" "), true);
      throw new Error("refused");
    }
    return data;
  },
  typing: (event) => ["INPUT", "TEXTAREA", "SELECT"].includes(event.target.tagName) || event.target.isContentEditable,
};
document.addEventListener("submit", async (event) => {
  const form = event.target;
  if (!form.matches("form[data-post]")) return;
  event.preventDefault();
  try {
    const data = await Studio.post(form.action, new FormData(form));
    if (data.redirect) window.location.assign(data.redirect);
    else if (data.message) Studio.say(data.message);
    form.dispatchEvent(new CustomEvent("studio:done", {detail: data}));
  } catch (e) { /* the message is already on screen */ }
});
