// The hero picture chosen from thumbnails with a search, not a long drop-down. The form's
// <select> stays (hidden) and is what the form posts; each thumbnail is a toggle button.

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function setupHeroPicker(select, findUrl) {
  const picker = element("div", "hero-picker");
  const label = element("label", "", "Find a picture");
  const search = element("input");
  search.type = "search";
  search.id = "hero-search";
  label.htmlFor = search.id;
  search.setAttribute("aria-describedby", "hero-search-status");
  const status = element("p", "help");
  status.id = "hero-search-status";
  status.setAttribute("role", "status");
  const list = element("ul", "hero-results");
  list.setAttribute("aria-label", "Pictures for the hero");
  const none = element("button", "button small", "No hero picture");
  none.type = "button";
  picker.append(label, search, status, list, none);
  select.after(picker);
  select.hidden = true;
  const selectLabel = document.querySelector(`label[for="${select.id}"]`);
  if (selectLabel) selectLabel.htmlFor = search.id;

  const choose = (image) => {
    const value = image ? String(image.id) : "";
    if (image && ![...select.options].some((option) => option.value === value)) {
      select.add(new Option(`${image.alt} — ${image.credit} (image:${image.id})`, value));
    }
    select.value = value;
    select.dispatchEvent(new Event("change", { bubbles: true }));
    list.querySelectorAll("button").forEach((button) => {
      button.setAttribute("aria-pressed", String(button.dataset.id === value));
    });
    status.textContent = image ? `Hero: ${image.alt} (${image.credit}).` : "No hero picture.";
  };
  none.addEventListener("click", () => choose(null));

  let controller = null;
  const find = async () => {
    if (controller) controller.abort();
    controller = new AbortController();
    let data;
    try {
      const response = await fetch(`${findUrl}?q=${encodeURIComponent(search.value)}`, {
        credentials: "same-origin", headers: { Accept: "application/json" }, signal: controller.signal,
      });
      data = await response.json();
    } catch (error) {
      if (error.name !== "AbortError") status.textContent = "Pictures could not be searched just now.";
      return;
    }
    list.replaceChildren();
    for (const image of data.images) {
      const item = element("li");
      const button = element("button", "hero-choice");
      button.type = "button";
      button.dataset.id = String(image.id);
      button.setAttribute("aria-pressed", String(select.value === String(image.id)));
      const thumb = element("img");
      thumb.src = image.thumbnail;
      thumb.alt = "";  // the button's name is the alt text below
      thumb.width = 96;
      thumb.height = 64;
      button.append(thumb, element("span", "hero-alt", image.alt), element("span", "hero-credit", image.credit));
      button.addEventListener("click", () => choose(image));
      item.append(button);
      list.append(item);
    }
    status.textContent = data.images.length ? `${data.images.length} pictures.` : "No picture matches.";
  };
  let timer = null;
  search.addEventListener("input", () => { window.clearTimeout(timer); timer = window.setTimeout(find, 250); });
  search.addEventListener("keydown", (event) => { if (event.key === "Enter") { event.preventDefault(); find(); } });
  find();
}
