// Loads the DOM setup (msw server, cleanup) only in files that run under jsdom.
if (typeof window !== 'undefined') await import('./setup-dom');
export {};
