/** Fills the main area so a list scrolls inside its card, not the page. */
export const FULL_HEIGHT = 'calc(100dvh - var(--app-shell-header-height, 64px) - 2 * var(--app-shell-padding, 20px))';
