// The portal's small behaviours, registered with Alpine's CSP build (no inline expressions: script-src 'self').
document.addEventListener('alpine:init', () => {
  // The navigation folds into a menu button on a narrow screen.
  window.Alpine.data('menu', () => ({
    open: false,
    toggle() { this.open = !this.open; },
    get expanded() { return this.open ? 'true' : 'false'; },
    get navClass() { return this.open ? 'open' : 'closed'; },
  }));
});

// The token a script sends with a state-changing request that the portal cookie carries.
window.portalToken = () => document.querySelector('meta[name="request-verification-token"]')?.content ?? '';
