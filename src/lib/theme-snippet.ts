/**
 * The inline script that applies a saved theme before first paint (so a reader who chose dark never
 * sees a light flash). Kept as one string so the Content-Security-Policy hash is computed from
 * exactly what the page contains.
 */
export const THEME_SNIPPET =
  "try{const t=localStorage.getItem('theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch{}";
