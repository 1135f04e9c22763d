// Type declarations for Vite and Svelte modules.
/// <reference types="svelte" />
/// <reference types="vite/client" />
