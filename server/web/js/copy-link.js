/*
 * "Chép liên kết": every button[data-copy-link] copies the page's address
 * (all state lives in the URL, so it reopens this very view) and says
 * "Đã chép" in the [data-copy-status] element beside it.
 */

/** How long the confirmation stays, in ms. */
const CONFIRM_MS = 4000;

/** Copies `text`: the Clipboard API where the page is a secure context, else a hidden textarea. */
async function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  // Served over plain http on an office network, the page has no Clipboard API.
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'sr-only';
  document.body.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('copy refused');
}

const timers = new WeakMap();

async function onClick(button) {
  const status = button.parentElement && button.parentElement.querySelector('[data-copy-status]');
  let message = 'Đã chép';
  try {
    await copyText(location.href);
  } catch {
    message = 'Không chép được: hãy chép địa chỉ trên thanh địa chỉ';
  }
  if (!status) return;
  status.textContent = message;
  clearTimeout(timers.get(status));
  timers.set(status, setTimeout(() => { status.textContent = ''; }, CONFIRM_MS));
}

/** Wires every copy-link button, present and future. */
export function init() {
  document.addEventListener('click', (e) => {
    const button = e.target instanceof Element ? e.target.closest('button[data-copy-link]') : null;
    if (button) onClick(button);
  });
}
