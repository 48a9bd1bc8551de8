/** What holding an element does: `press` when the hold begins, `release` when it ends. */
export interface Hold {
  press(): void;
  release(): void;
}

const HOLD_KEYS = new Set([' ', 'Enter']);

/**
 * A Svelte action for press-and-hold buttons: held by a pointer (mouse, pen or finger; the
 * button keeps the pointer until it is let go, wherever it moves), or by holding Space or Enter
 * while the button has the focus. A hold ends however it ends: let go, pointer lost, focus lost.
 */
export function holdable(node: HTMLElement, hold: Hold) {
  let current = hold;
  let held = false;
  const begin = () => {
    if (held) return;
    held = true;
    current.press();
  };
  const end = () => {
    if (!held) return;
    held = false;
    current.release();
  };
  const onPointerDown = (event: PointerEvent) => {
    if (event.button !== 0) return;
    node.setPointerCapture(event.pointerId);
    begin();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (!HOLD_KEYS.has(event.key)) return;
    event.preventDefault();
    if (!event.repeat) begin();
  };
  const onKeyUp = (event: KeyboardEvent) => {
    if (!HOLD_KEYS.has(event.key)) return;
    event.preventDefault();
    end();
  };
  const listeners: [string, EventListener][] = [
    ['pointerdown', onPointerDown as EventListener],
    ['pointerup', end],
    ['pointercancel', end],
    ['lostpointercapture', end],
    ['keydown', onKeyDown as EventListener],
    ['keyup', onKeyUp as EventListener],
    ['blur', end],
  ];
  for (const [type, listener] of listeners) node.addEventListener(type, listener);
  return {
    update(next: Hold) {
      current = next;
    },
    destroy() {
      end();
      for (const [type, listener] of listeners) node.removeEventListener(type, listener);
    },
  };
}
