(function () {
"use strict";
var doc = document;
var root = doc.documentElement;
var script = doc.currentScript || doc.querySelector("script[data-checklist-count]");
if (!doc.querySelector || !root.classList) {
return; // very old browsers: the plain links and lists still work
}
function each(list, fn) {
for (var i = 0; i < list.length; i++) {
fn(list[i], i);
}
}
var SHIFT_WINDOW = 5000; // ms for three presses of Shift
var exitLink = doc.querySelector("a.exit-this-page");
var exitStatus = doc.querySelector(".exit-this-page-status");
var indicator = null;
var presses = 0;
var shiftAlone = false; // Shift is down and no other key has been pressed with it
var windowTimer = null;
var clearTimer = null;
function exitText(name) {
return (exitLink && exitLink.getAttribute("data-" + name)) || "";
}
function announce(text) {
if (exitStatus) {
exitStatus.textContent = text;
}
}
function showPresses() {
if (!indicator) {
return;
}
indicator.hidden = presses === 0;
each(indicator.children, function (dot, i) {
dot.classList.toggle("is-on", i < presses);
});
}
function exitPage(url) {
root.classList.add("wm-exiting");
clearTimeout(windowTimer);
clearTimeout(clearTimer);
announce(exitText("announce-exiting"));
window.location.replace(url);
}
function expire(quietly) {
clearTimeout(windowTimer);
windowTimer = null;
var hadPresses = presses > 0;
presses = 0;
showPresses();
if (hadPresses && !quietly) {
announce(exitText("timed-out"));
clearTimeout(clearTimer);
clearTimer = setTimeout(function () { announce(""); }, SHIFT_WINDOW);
}
}
function onShiftPress() {
presses += 1;
clearTimeout(clearTimer);
if (presses >= 3) {
presses = 0;
showPresses();
exitPage(exitLink.href);
return;
}
showPresses();
announce(exitText(presses === 1 ? "press-two" : "press-one"));
if (presses === 1) {
clearTimeout(windowTimer);
windowTimer = setTimeout(function () { expire(false); }, SHIFT_WINDOW);
}
}
if (exitLink) {
indicator = doc.createElement("span");
indicator.className = "exit-this-page-indicator";
indicator.setAttribute("aria-hidden", "true");
indicator.hidden = true;
for (var d = 0; d < 3; d++) {
indicator.appendChild(doc.createElement("span"));
}
exitLink.appendChild(indicator);
doc.addEventListener("click", function (event) {
var target = event.target;
var link = target && target.closest ? target.closest("a.exit-this-page, a.exit-this-page-skip") : null;
if (!link) {
return;
}
event.preventDefault();
exitPage(link.href);
}, true);
doc.addEventListener("keydown", function (event) {
if (event.key === "Shift") {
if (!event.repeat) {
shiftAlone = true;
}
return;
}
shiftAlone = false;
if (presses > 0) {
expire(false);
}
}, true);
doc.addEventListener("keyup", function (event) {
if (event.key !== "Shift") {
return;
}
if (shiftAlone) {
shiftAlone = false;
onShiftPress();
}
}, true);
window.addEventListener("pageshow", function (event) {
if (event.persisted) {
root.classList.remove("wm-exiting");
announce("");
expire(true);
}
});
}
var countFormat = script ? script.getAttribute("data-checklist-count") || "" : "";
var hintText = script ? script.getAttribute("data-checklist-hint") || "" : "";
var BLOCKS = /^(P|UL|OL|DIV|BLOCKQUOTE|PRE|TABLE|H[1-6]|HR|FIGURE)$/;
var nextId = 0;
function uniqueId() {
var id;
do {
nextId += 1;
id = "wm-sign-" + nextId;
} while (doc.getElementById(id));
return id;
}
function countText(checked, total) {
return countFormat.replace("{checked}", String(checked)).replace("{total}", String(total));
}
function enhanceChecklist(list, isFirst) {
var boxes = [];
each(list.children, function (item) {
if (!item.classList.contains("checklist-item") || item.querySelector("input")) {
return;
}
var id = uniqueId();
var box = doc.createElement("input");
box.type = "checkbox";
box.id = id;
box.className = "checklist-input";
box.checked = item.classList.contains("checked");
var label = doc.createElement("label");
label.htmlFor = id;
label.className = "checklist-label";
var first = item.firstElementChild;
var source = item;
while (item.firstChild && item.firstChild.nodeType === 3 && !item.firstChild.nodeValue.trim()) {
item.removeChild(item.firstChild);
}
if (first && first.tagName === "P" && item.firstChild === first) {
source = first;
}
while (source.firstChild && !(source === item && source.firstChild.nodeType === 1 && BLOCKS.test(source.firstChild.tagName))) {
label.appendChild(source.firstChild);
}
if (source !== item) {
item.removeChild(source);
}
item.insertBefore(label, item.firstChild);
item.insertBefore(box, label);
boxes.push(box);
});
if (!boxes.length) {
return;
}
list.classList.add("checklist-enhanced");
if (isFirst && hintText) {
var hint = doc.createElement("p");
hint.className = "checklist-hint";
hint.textContent = hintText;
var place = (list.closest && list.closest(".checklist-category")) || list;
place.parentNode.insertBefore(hint, place);
}
if (!countFormat) {
return;
}
var status = doc.createElement("p");
status.className = "checklist-count";
status.setAttribute("role", "status");
status.setAttribute("aria-live", "polite");
list.parentNode.insertBefore(status, list.nextSibling);
function update() {
var ticked = 0;
each(boxes, function (box) {
if (box.checked) {
ticked += 1;
}
});
status.textContent = countText(ticked, boxes.length);
}
list.addEventListener("change", update);
update();
}
each(doc.querySelectorAll("ul.checklist"), function (list, i) {
enhanceChecklist(list, i === 0);
});
var scrollers = doc.querySelectorAll(".table-scroll");
function markScrollers() {
each(scrollers, function (box) {
if (box.scrollWidth > box.clientWidth + 1) {
box.setAttribute("tabindex", "0");
} else if (box.getAttribute("tabindex") === "0" && !box.hasAttribute("data-wm-keep-tabindex")) {
box.removeAttribute("tabindex");
}
});
}
if (scrollers.length) {
each(scrollers, function (box) {
if (box.hasAttribute("tabindex")) {
box.setAttribute("data-wm-keep-tabindex", ""); // the renderer made it focusable already
}
});
markScrollers();
var resizeTimer = null;
window.addEventListener("resize", function () {
clearTimeout(resizeTimer);
resizeTimer = setTimeout(markScrollers, 200);
});
}
function enhanceDirectory(form) {
var areaSelect = form.querySelector("select[name=area]");
var typeSelect = form.querySelector("select[name=type]");
var status = form.querySelector(".directory-count");
var partners = doc.querySelectorAll("li.partner");
if (!areaSelect || !typeSelect || !status || !partners.length) {
return;
}
var showingFormat = form.getAttribute("data-showing") || "";
var noneText = form.getAttribute("data-none") || "";
var typeItems = doc.querySelectorAll("li.directory-type-item");
var groups = doc.querySelectorAll(".directory-group");
var jumpLinks = doc.querySelectorAll(".directory-jump a[href^='#']");
var jumpLists = doc.querySelectorAll(".directory-jump");
function matches(item, area, type) {
var areas = (item.getAttribute("data-areas") || "").split(/\s+/);
var areaOk = !area || areas.indexOf("all") !== -1 || areas.indexOf(area) !== -1;
var typeOk = !type || item.getAttribute("data-type") === type;
return areaOk && typeOk;
}
function update() {
var area = areaSelect.value;
var type = typeSelect.value;
var shown = 0;
each(partners, function (item) {
var ok = matches(item, area, type);
item.hidden = !ok;
if (ok) {
shown += 1;
}
});
each(typeItems, function (item) {
item.hidden = !matches(item, area, type);
});
each(groups, function (group) {
group.hidden = !group.querySelector("li.partner:not([hidden]), li.directory-type-item:not([hidden])");
});
each(jumpLinks, function (link) {
var target = doc.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
var group = target && target.closest ? target.closest(".directory-group") : null;
link.parentNode.hidden = !!(group && group.hidden);
});
each(jumpLists, function (nav) {
nav.hidden = !nav.querySelector("li:not([hidden])");
});
var text = showingFormat.replace("{shown}", String(shown)).replace("{total}", String(partners.length));
status.textContent = shown === 0 && noneText ? noneText : text;
form.classList.toggle("directory-filter-empty", shown === 0);
}
areaSelect.addEventListener("change", update);
typeSelect.addEventListener("change", update);
form.addEventListener("submit", function (event) {
event.preventDefault(); // nothing to send: the filtering happens here
update();
});
update();
form.hidden = false;
}
var directoryForm = doc.querySelector("form.directory-filter");
if (directoryForm) {
enhanceDirectory(directoryForm);
}
})();
