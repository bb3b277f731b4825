// Display settings (适老化/无障碍): larger text, high contrast, wider line spacing. Applied before the
// page paints and remembered across pages; without JavaScript the toolbar stays hidden and pages
// keep their normal, already accessible look.
(function () {
  var KEY = "xxgk-display";
  var MAX_SIZE = 4;  // 100%, 125%, 150%, 175%, 200%
  var root = document.documentElement;
  var settings = { size: 0, contrast: false, spacing: false };
  try {
    var saved = JSON.parse(localStorage.getItem(KEY) || "{}");
    settings.size = Math.min(MAX_SIZE, Math.max(0, Number(saved.size) || 0));
    settings.contrast = saved.contrast === true;
    settings.spacing = saved.spacing === true;
  } catch (error) { /* storage unavailable: defaults */ }

  function apply() {
    root.setAttribute("data-text-size", String(settings.size));
    root.setAttribute("data-contrast", settings.contrast ? "high" : "normal");
    root.setAttribute("data-spacing", settings.spacing ? "wide" : "normal");
  }

  function save() {
    try { localStorage.setItem(KEY, JSON.stringify(settings)); } catch (error) { /* not remembered */ }
  }

  apply();

  document.addEventListener("DOMContentLoaded", function () {
    var toolbar = document.getElementById("display-toolbar");
    if (!toolbar) return;
    var status = toolbar.querySelector(".display-status");
    var buttons = {};
    toolbar.querySelectorAll("button[data-display]").forEach(function (button) {
      buttons[button.getAttribute("data-display")] = button;
    });

    function refresh(message) {
      buttons.contrast.setAttribute("aria-pressed", String(settings.contrast));
      buttons.spacing.setAttribute("aria-pressed", String(settings.spacing));
      buttons.larger.disabled = settings.size >= MAX_SIZE;
      buttons.smaller.disabled = settings.size <= 0;
      if (message) status.textContent = message;
    }

    var actions = {
      larger: function () { settings.size = Math.min(MAX_SIZE, settings.size + 1); return "字号 " + (100 + settings.size * 25) + "%"; },
      smaller: function () { settings.size = Math.max(0, settings.size - 1); return "字号 " + (100 + settings.size * 25) + "%"; },
      contrast: function () { settings.contrast = !settings.contrast; return settings.contrast ? "已开启高对比度" : "已关闭高对比度"; },
      spacing: function () { settings.spacing = !settings.spacing; return settings.spacing ? "已加大行距" : "已恢复行距"; },
      reset: function () { settings = { size: 0, contrast: false, spacing: false }; return "已恢复默认显示"; }
    };

    toolbar.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-display]");
      if (!button || button.disabled) return;
      var message = actions[button.getAttribute("data-display")]();
      apply();
      save();
      refresh(message);
    });
    toolbar.hidden = false;
    refresh("");
  });
})();
