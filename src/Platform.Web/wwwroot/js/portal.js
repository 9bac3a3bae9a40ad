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
document.addEventListener("change", (event) => {
  // A file over the page's limit is refused before it is sent, with the sentence the server would answer.
  const input = event.target.closest("input[type=file][data-max-bytes]");
  if (!input) {
    return;
  }
  const tooLarge = Array.from(input.files).some((file) => file.size > Number(input.dataset.maxBytes));
  input.setCustomValidity(tooLarge ? input.dataset.tooLarge : "");
  if (tooLarge) {
    input.reportValidity();
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
