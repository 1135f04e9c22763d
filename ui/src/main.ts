// Entry point: mounts the app shell into #app.
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('#app is missing from index.html');

// Drop the static frame index.html paints while this script loads.
target.replaceChildren();
mount(App, { target });
