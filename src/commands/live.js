// Served by `ocop serve` only: reload when the site was rebuilt, and show the
// errors of a failed build over the page.
(function () {
  var seen = null;
  function show(errors) {
    var box = document.getElementById("ocop-errors");
    if (!errors.length) {
      if (box) box.remove();
      return;
    }
    if (!box) {
      box = document.createElement("pre");
      box.id = "ocop-errors";
      box.setAttribute("role", "alert");
      box.style.cssText =
        "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;margin:0;padding:1rem;" +
        "background:#2b0b0b;color:#ffe3e3;font:14px/1.5 monospace;white-space:pre-wrap;z-index:99999";
      document.body.appendChild(box);
    }
    box.textContent = "Bản xem trước chưa được cập nhật vì nội dung có lỗi:\n\n" + errors.join("\n");
  }
  function poll() {
    fetch("/__ocop/status", { cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(function (s) {
        if (seen !== null && s.version !== seen) {
          location.reload();
          return;
        }
        seen = s.version;
        show(s.errors);
      })
      .catch(function () {})
      .then(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
