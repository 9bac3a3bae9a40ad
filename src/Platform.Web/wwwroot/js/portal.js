// Small progressive touches; every page works without this file.
document.addEventListener("click", (event) => {
  // Buttons with data-confirm ask first (remove, suspend, delete).
  const button = event.target.closest("[data-confirm]");
  if (button && !window.confirm(button.getAttribute("data-confirm"))) {
    event.preventDefault();
  }
});
document.addEventListener("dblclick", (event) => {
  // Double-click on a URL to paste into the Invoicebox cabinet selects it whole.
  const code = event.target.closest("code.copy");
  if (code) {
    const range = document.createRange();
    range.selectNodeContents(code);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }
});
document.addEventListener("submit", (event) => {
  // One click, one submission: a double-clicked refund or import button must not post twice.
  const form = event.target;
  if (form.dataset.submitted === "1") {
    event.preventDefault();
    return;
  }
  if (form.method.toLowerCase() === "post") {
    form.dataset.submitted = "1";
    setTimeout(() => { form.dataset.submitted = ""; }, 5000);
  }
});
