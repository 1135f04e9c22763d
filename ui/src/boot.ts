// The page's only eager script. The app (main.ts: its code, styles and first render) waits until the web
// view has painted index.html's static app frame: evaluated straight away, it held the window blank for
// about 250 ms more than a bare Tauri window's (docs/benchmarks.md, issue 13). Two frames: the first
// callback runs before that frame is painted, the second once it has been.
requestAnimationFrame(() => requestAnimationFrame(() => void import('./main')));
