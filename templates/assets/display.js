// Display settings (适老化/无障碍): larger text, high contrast, wider line spacing. Applied before the
// page paints and remembered across pages; without JavaScript the toolbar stays hidden and pages
// keep their normal, already accessible look (and follow the system's "more contrast" setting).
(function () {
  const KEY = "xxgk-display";
  const MAX_SIZE = 4;  // 100%, 125%, 150%, 175%, 200%
  const root = document.documentElement;
  const systemContrast = window.matchMedia ? window.matchMedia("(prefers-contrast: more)") : { matches: false };
  // contrast: true or false once the visitor chose; null follows the system setting
  let settings = { size: 0, contrast: null, spacing: false };
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) || "{}");
    settings.size = Math.min(MAX_SIZE, Math.max(0, Number(saved.size) || 0));
    settings.contrast = typeof saved.contrast === "boolean" ? saved.contrast : null;
    settings.spacing = saved.spacing === true;
  } catch (error) { /* storage unavailable: defaults */ }

  function highContrast() {
    return settings.contrast === null ? systemContrast.matches : settings.contrast;
  }

  function apply() {
    root.setAttribute("data-text-size", String(settings.size));
    if (settings.contrast === null) root.removeAttribute("data-contrast");
    else root.setAttribute("data-contrast", settings.contrast ? "high" : "normal");
    root.setAttribute("data-spacing", settings.spacing ? "wide" : "normal");
  }

  function save() {
    try { localStorage.setItem(KEY, JSON.stringify(settings)); } catch (error) { /* not remembered */ }
  }

  apply();

  // On paper every folded section is open; the ones the visitor had closed close again afterwards.
  let openedForPrint = [];
  window.addEventListener("beforeprint", function () {
    openedForPrint = Array.prototype.filter.call(document.querySelectorAll("details:not([open])"), function (d) {
      d.open = true;
      return true;
    });
  });
  window.addEventListener("afterprint", function () {
    openedForPrint.forEach(function (d) { d.open = false; });
    openedForPrint = [];
  });

  // On paper a link shows where it leads: the full address, for the print stylesheet.
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("main a[href]:not([href^='#'])").forEach(function (link) {
      let address = link.href;
      try { address = decodeURI(address); } catch (error) { /* keep it encoded */ }
      link.setAttribute("data-print-href", address);
    });
  });

  document.addEventListener("DOMContentLoaded", function () {
    const toolbar = document.getElementById("display-toolbar");
    if (!toolbar) return;
    const status = toolbar.querySelector(".display-status");
    const buttons = {};
    toolbar.querySelectorAll("button[data-display]").forEach(function (button) {
      buttons[button.getAttribute("data-display")] = button;
    });

    // aria-disabled rather than disabled: the button keeps the keyboard focus at the largest size
    function refresh(message) {
      buttons.contrast.setAttribute("aria-pressed", String(highContrast()));
      buttons.spacing.setAttribute("aria-pressed", String(settings.spacing));
      buttons.larger.setAttribute("aria-disabled", String(settings.size >= MAX_SIZE));
      buttons.smaller.setAttribute("aria-disabled", String(settings.size <= 0));
      if (message) status.textContent = message;
    }

    function sizeMessage() {
      const percent = 100 + settings.size * 25;
      if (settings.size >= MAX_SIZE) return "字号 " + percent + "%，已是最大";
      if (settings.size <= 0) return "字号 " + percent + "%，已是默认大小";
      return "字号 " + percent + "%";
    }

    const actions = {
      larger: function () { settings.size = Math.min(MAX_SIZE, settings.size + 1); return sizeMessage(); },
      smaller: function () { settings.size = Math.max(0, settings.size - 1); return sizeMessage(); },
      contrast: function () { settings.contrast = !highContrast(); return settings.contrast ? "已开启高对比度" : "已关闭高对比度"; },
      spacing: function () { settings.spacing = !settings.spacing; return settings.spacing ? "已加大行距" : "已恢复行距"; },
      reset: function () { settings = { size: 0, contrast: null, spacing: false }; return "已恢复默认显示"; }
    };

    toolbar.addEventListener("click", function (event) {
      const button = event.target.closest("button[data-display]");
      if (!button) return;
      const message = actions[button.getAttribute("data-display")]();
      apply();
      save();
      refresh(message);
    });
    if (systemContrast.addEventListener) systemContrast.addEventListener("change", function () { refresh(""); });
    toolbar.hidden = false;
    refresh("");
  });
})();
